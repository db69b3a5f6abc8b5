//! The native side of `make bench` (benches/run.mjs drives it): `parallax::analyze` on one
//! thread, one article a request, so that the driver can interleave it with the wasm build and
//! the JS peers article by article; and the time of each stage of the analysis.
//!
//! Protocol, one line each way: the driver first sends the corpus, a JSON array of strings;
//! then
//! - `analyze I`: analyses text I once and answers `WALL_NS CPU_NS WORDS FOUND`, FOUND the
//!   mentions by kind (`PER:12,ORG:3,LOC:5,MISC:2`);
//! - `stages ROUNDS FROM TO`: analyses texts FROM..TO, ROUNDS times each, through
//!   [`parallax::analyze_staged`] and answers a JSON object: the nanoseconds (of CPU time,
//!   see below) spent in each stage over all of them, the whole calls' and the bytes analysed;
//! - `quit` (or the end of input) ends it.
//!
//! CPU time is this thread's CPU clock (`CLOCK_THREAD_CPUTIME_ID`; not
//! `/proc/thread-self/schedstat`, which is brought up to date only at the scheduler's tick and
//! so misses up to a tick of each call); where there is none, CPU_NS is `-1` and the driver
//! says so. Timing
//! covers the call, counting what it found and dropping the result (the wasm build frees its
//! own within the call).
//!
//! `cargo bench --bench analyze` on its own (no `--serve`) only says how to run it.

// The CLI's allocator settings, so that this times what the CLI runs.
#[path = "../src/cli/malloc.rs"]
#[allow(unsafe_code)]
mod malloc;

use parallax::{analyze, analyze_staged, Analysis, AnalyzeOptions, Kind, Stage};
use std::io::{BufRead, Write};
use std::time::Instant;

/// This thread's time on the CPU so far, in nanoseconds, where the system says.
#[cfg(unix)]
fn thread_cpu_ns() -> Option<u64> {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec through a pointer to one that lives here.
    #[allow(unsafe_code)] // no std API reads a thread's CPU clock
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0;
    let secs = u64::try_from(t.tv_sec).ok()?;
    let nanos = u64::try_from(t.tv_nsec).ok()?;
    ok.then(|| secs * 1_000_000_000 + nanos)
}

#[cfg(not(unix))]
fn thread_cpu_ns() -> Option<u64> {
    None
}

fn analyze_one(text: &str) -> String {
    let cpu = thread_cpu_ns();
    let start = Instant::now();
    let analysis = analyze(text);
    let (words, found) = analysis.as_ref().map_or((0, String::new()), found);
    drop(analysis);
    let wall = start.elapsed().as_nanos();
    let cpu = match (cpu, thread_cpu_ns()) {
        (Some(before), Some(after)) => (after - before).to_string(),
        _ => "-1".to_string(),
    };
    format!("{wall} {cpu} {words} {found}")
}

/// Mentions found, by kind: `PER:12,ORG:3,LOC:5,MISC:2`.
fn found(analysis: &Analysis) -> (usize, String) {
    let kinds = [Kind::Per, Kind::Org, Kind::Loc, Kind::Misc];
    let names = ["PER", "ORG", "LOC", "MISC"];
    let counts = kinds.map(|k| {
        analysis
            .entities
            .iter()
            .filter(|e| e.kind == k)
            .map(|e| e.count)
            .sum::<usize>()
    });
    let found: Vec<String> = names
        .iter()
        .zip(counts)
        .map(|(name, n)| format!("{name}:{n}"))
        .collect();
    (analysis.word_count, found.join(","))
}

/// A clock for the stages: this thread's CPU time where there is one (the machine is shared, and
/// wall time counts the neighbours' turns), else wall time; in nanoseconds, and its name.
fn stage_clock() -> (fn() -> u64, &'static str) {
    fn wall() -> u64 {
        static EPOCH: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
        let elapsed = EPOCH.get_or_init(Instant::now).elapsed().as_nanos();
        u64::try_from(elapsed).unwrap_or(u64::MAX)
    }
    fn cpu() -> u64 {
        thread_cpu_ns().unwrap_or(0)
    }
    if thread_cpu_ns().is_some() {
        (cpu, "cpu")
    } else {
        (wall, "wall")
    }
}

fn stages(texts: &[String], rounds: usize) -> String {
    let (clock, clock_name) = stage_clock();
    let mut ns = [0u64; Stage::ALL.len()];
    let mut total = 0u64;
    let mut bytes = 0usize;
    for _ in 0..rounds {
        for text in texts {
            let start = clock();
            let mut last = start;
            let analysis = analyze_staged(text, &AnalyzeOptions::default(), |stage| {
                let now = clock();
                ns[stage as usize] += now - last;
                last = now;
            });
            drop(analysis);
            total += clock() - start;
            bytes += text.len();
        }
    }
    let fields: Vec<String> = Stage::ALL
        .iter()
        .map(|s| format!("\"{}\":{}", s.name(), ns[*s as usize]))
        .collect();
    format!(
        "{{\"clock\":\"{clock_name}\",\"stages\":{{{}}},\"totalNs\":{total},\"bytes\":{bytes}}}",
        fields.join(",")
    )
}

fn serve() -> Result<(), String> {
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let first = match lines.next() {
        Some(line) => line.map_err(|e| e.to_string())?,
        None => return Ok(()),
    };
    let texts: Vec<String> =
        serde_json::from_str(&first).map_err(|e| format!("the corpus line: {e}"))?;
    let mut out = std::io::stdout().lock();
    for line in lines {
        let line = line.map_err(|e| e.to_string())?;
        let mut words = line.split_whitespace();
        let request = words.next();
        let numbers: Vec<usize> = words.filter_map(|w| w.parse().ok()).collect();
        let answer = match (request, numbers.as_slice()) {
            (Some("analyze"), &[i]) if i < texts.len() => analyze_one(&texts[i]),
            (Some("stages"), &[rounds, from, to]) if from <= to && to <= texts.len() => {
                stages(&texts[from..to], rounds)
            }
            (Some("quit"), _) => break,
            _ => return Err(format!("unknown request {line:?}")),
        };
        writeln!(out, "{answer}").map_err(|e| e.to_string())?;
        out.flush().map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn main() {
    malloc::tune();
    if !std::env::args().any(|a| a == "--serve") {
        println!("benches/analyze.rs is the native side of `make bench`; run that.");
        return;
    }
    if let Err(e) = serve() {
        eprintln!("bench analyze: {e}");
        std::process::exit(1);
    }
}
