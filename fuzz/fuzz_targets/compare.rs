//! `compare` of two texts: the first byte says where the rest splits into A and B.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&split, rest)) = data.split_first() else {
        return;
    };
    let at = rest.len() * split as usize / 255;
    let (a, b) = rest.split_at(at);
    let _ = parallax::compare(&String::from_utf8_lossy(a), &String::from_utf8_lossy(b));
});
