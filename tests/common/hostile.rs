//! Hostile inputs of any size, each built to drive one step of the analysis into pairwise work
//! (issue 16's table, and the cases found while fixing it). Shared by `tests/hostile.rs` (each at
//! 1 MB within a time bound) and `benches/growth.rs` (time and peak memory per doubling).

/// One construct: a name, whether it is HTML, and a generator of about `n` bytes.
pub struct Construct {
    pub name: &'static str,
    pub html: bool,
    pub make: fn(usize) -> String,
}

/// `unit` repeated and cut to `n` bytes (on a char boundary).
fn fill(unit: &str, n: usize) -> String {
    let mut s = unit.repeat(n / unit.len() + 1);
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

/// A distinct capitalised word for each `i`: "Aaako", "Baako", ...
fn word(i: usize, tail: &str) -> String {
    let letter = |k: usize| (b'a' + (k % 26) as u8) as char;
    format!(
        "{}{}{}{tail}",
        letter(i).to_ascii_uppercase(),
        letter(i / 26),
        letter(i / 676)
    )
}

/// Words `prefix0 prefix1 ...` up to `n` bytes.
fn numbered(prefix: &str, n: usize) -> String {
    let mut s = String::with_capacity(n + 16);
    let mut i = 0;
    while s.len() < n {
        s.push_str(&format!("{prefix}{i} "));
        i += 1;
    }
    s
}

/// Many "First Middle Smith" names, then as many bytes of "Smith" mentions: each short form
/// could join every long one.
fn surnames(n: usize) -> String {
    let mut s = String::with_capacity(n + 64);
    let mut i = 0;
    while s.len() < n / 2 {
        s.push_str(&format!(
            "{} {} Smith met officials. ",
            word(i, "ko"),
            word(i * 7 + i / 26 * 3, "vel")
        ));
        i += 1;
    }
    let rest = n.saturating_sub(s.len());
    s + &fill("Smith said. ", rest)
}

/// An `og:title` and an `<h1>` of `n / 2` bytes each, of distinct words.
fn title_and_h1(n: usize) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta property=\"og:title\" content=\"{}\"></head>\
         <body><h1>{}</h1><p>Putin met Pezeshkian in Ashgabat on Friday, officials said.</p>\
         </body></html>",
        numbered("t", n / 2),
        numbered("h", n / 2)
    )
}

/// A long title, then many short `<h2>`s, each compared with it.
fn title_and_many_h2(n: usize) -> String {
    let mut h2 = String::new();
    let mut i = 0;
    while h2.len() < n / 2 {
        h2.push_str(&format!("<h2>x{i}</h2>"));
        i += 1;
    }
    format!(
        "<!DOCTYPE html><html><head><meta property=\"og:title\" content=\"{}\"></head>\
         <body>{h2}<p>Putin met Pezeshkian in Ashgabat on Friday, officials said.</p>\
         </body></html>",
        numbered("t", n / 2)
    )
}

/// One `<meta>` with a long `property` list and a long content: every name gets the content.
fn meta_property(n: usize) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta property=\"{}\" content=\"{}\"></head>\
         <body><p>Putin met Pezeshkian in Ashgabat on Friday, officials said.</p></body></html>",
        fill("og:x ", n / 2),
        fill("c", n / 2)
    )
}

/// Distinct bank names, then their acronym many times.
fn acronyms(n: usize) -> String {
    let mut s = String::with_capacity(n + 64);
    let mut i = 0;
    while s.len() < n / 2 {
        s.push_str(&format!("The {} Bank said on Monday. ", word(i, "aa")));
        i += 1;
    }
    let rest = n.saturating_sub(s.len());
    s + &fill("The AB said so. ", rest)
}

/// An appeal naming a different outlet each time ("Please donate to The Aaaa").
fn outlets(n: usize) -> String {
    let mut s = String::from("Putin met Pezeshkian.\n");
    let mut i = 0;
    while s.len() < n {
        s.push_str(&format!(
            "Please donate to The {} today, we ask you. ",
            word(i, "a")
        ));
        i += 1;
    }
    s + "\nThe talks went well.\n"
}

/// Every construct, in the order of issue 16's table, then the others found.
pub const CONSTRUCTS: &[Construct] = &[
    Construct {
        name: "surnames then short forms",
        html: false,
        make: surnames,
    },
    Construct {
        name: "capitalised run",
        html: false,
        make: |n| fill("Putin ", n),
    },
    Construct {
        name: "I I I on one line",
        html: false,
        make: |n| fill("I ", n),
    },
    Construct {
        name: "Said Said on one line",
        html: false,
        make: |n| fill("Said ", n),
    },
    Construct {
        name: "og:title and h1",
        html: true,
        make: title_and_h1,
    },
    // "Iran" is never used alone, so each compound's part is looked for among every name.
    Construct {
        name: "hyphenated compound",
        html: false,
        make: |n| fill("Putin met Pezeshkian on Iran-Turkmenistan ties. ", n),
    },
    Construct {
        name: "one-char tokens",
        html: false,
        make: |n| fill("a,", n),
    },
    Construct {
        name: "title and many h2",
        html: true,
        make: title_and_many_h2,
    },
    Construct {
        name: "meta property list",
        html: true,
        make: meta_property,
    },
    Construct {
        name: "acronyms",
        html: false,
        make: acronyms,
    },
    Construct {
        name: "self-named outlets",
        html: false,
        make: outlets,
    },
    Construct {
        name: "credit line",
        html: false,
        make: |n| {
            "Putin met Pezeshkian.\n\nReporting by ".to_string()
                + &fill("Ann Lee, editing by Bob Roe; ", n)
        },
    },
    // Found by the timing fuzzer: each cue of the second role was inserted into a sorted list.
    Construct {
        name: "alternating credit cues",
        html: false,
        make: |n| fill("Editing by Reporting by ", n),
    },
    Construct {
        name: "quotes and sources",
        html: false,
        make: |n| {
            fill(
                "\u{201c}We will win this war,\u{201d} Putin told Reuters. ",
                n,
            )
        },
    },
    Construct {
        name: "plain sentences",
        html: false,
        make: |n| fill("The cat sat on a mat and then it ran away. ", n),
    },
];

#[allow(dead_code)] // the timing fuzzer of benches/growth.rs only, not the guard test
/// What the timing fuzzer builds its inputs of: words that reach particular rules, markup,
/// punctuation that opens and closes.
const PIECES: &[&str] = &[
    "Putin",
    "Vladimir",
    "I",
    "Said",
    "said",
    "told",
    "Reuters",
    "according to",
    "the",
    "The",
    "AB",
    "Iran-Russia",
    "U.S.",
    "Mr.",
    "(",
    ")",
    "\u{201c}",
    "\u{201d}",
    "\"",
    ",",
    ".",
    "-",
    ";",
    ":",
    "\n",
    "\n\n",
    "Reporting by",
    "Editing by",
    "date",
    "2024-10-11",
    "a",
    "İ",
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<h1>",
    "</h1>",
    "<h2>",
    "<b>",
    "<a href=\"x\">",
    "</a>",
    "<li>",
    "<table>",
    "<td>",
    "<span class=\"byline\">",
    "<meta property=\"og:title\" content=\"",
    "\">",
    "<!--",
    "&amp;",
    "<br>",
    "<script>",
    "Please donate to",
    "follow",
    "readers",
];

/// A repetitive input of about `n` bytes drawn from `seed`, the same shape at every size: a
/// unit of one to six pieces repeated, or one time in three an opening unit repeated, a middle
/// and a closing unit as often (nesting). For the timing fuzzer of `benches/growth.rs`.
#[allow(dead_code)] // the timing fuzzer only, not the guard test
pub fn repetitive(seed: u64, n: usize) -> String {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = move |below: usize| {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % below
    };
    let unit = |next: &mut dyn FnMut(usize) -> usize| {
        let k = 1 + next(6);
        let mut u = String::new();
        for _ in 0..k {
            u.push_str(PIECES[next(PIECES.len())]);
            if next(2) == 0 {
                u.push(' ');
            }
        }
        u
    };
    if next(3) == 0 {
        let (open, middle, close) = (unit(&mut next), unit(&mut next), unit(&mut next));
        let times = n / (open.len() + close.len()).max(1);
        open.repeat(times) + &middle + &close.repeat(times)
    } else {
        fill(&unit(&mut next), n)
    }
}
