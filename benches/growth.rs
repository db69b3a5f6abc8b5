//! `cargo bench --bench growth [-- NAME...]`: time and peak memory of `parallax analyze` on each
//! hostile construct of `tests/common/hostile.rs` at 0.5, 1, 2, 4 and 8 MB (issue 16). Linear
//! code grows about ×2 per doubling; the "×" column flags anything faster.
//!
//! Each input runs in its own process of the release binary under `/usr/bin/time -f %M`, so that
//! the peak resident memory is that input's alone; "B/byte" is that peak over the input's size.
//! `PARALLAX_GROWTH_MB=1,8` picks other sizes; a run over `PARALLAX_GROWTH_TIMEOUT` seconds
//! (default 120) is stopped and shown as such; `PARALLAX_BIN` measures another build.
//!
//! `cargo bench --bench growth -- --random N`: a timing fuzzer in the spirit of pulldown-cmark's.
//! N random repetitive or nested inputs (`hostile::repetitive`), each analysed in this process
//! at 256 KB and 1 MB; an input whose time grows more than ×2.5 per doubling (×6.25 over the two
//! doublings, with 50 ms of slack) is printed with its seed and first bytes. Linear code on a
//! larger input also runs out of cache, and a loaded machine adds noise: look at a flagged input
//! at 1-8 MB with the CLI before calling it quadratic.

#[path = "../tests/common/hostile.rs"]
mod hostile;

use std::process::Command;
use std::time::Instant;

fn main() {
    if let Some(at) = std::env::args().position(|a| a == "--random") {
        let count = std::env::args().nth(at + 1).and_then(|s| s.parse().ok());
        return timing_fuzz(count.unwrap_or(100));
    }
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let sizes: Vec<f64> = std::env::var("PARALLAX_GROWTH_MB")
        .unwrap_or_else(|_| "0.5,1,2,4,8".to_string())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let timeout: u64 = std::env::var("PARALLAX_GROWTH_TIMEOUT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(120);
    // Another build to measure (a copy of an earlier one, say): `PARALLAX_BIN=path`.
    let bin =
        std::env::var("PARALLAX_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_parallax").into());
    let dir = std::env::temp_dir().join(format!("parallax-growth-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    println!(
        "{:<28} {:>6} {:>9} {:>6} {:>9} {:>7}",
        "construct", "MB", "seconds", "×", "peak MB", "B/byte"
    );
    for c in hostile::CONSTRUCTS {
        if !filters.is_empty() && !filters.iter().any(|f| c.name.contains(f.as_str())) {
            continue;
        }
        let mut last: Option<f64> = None;
        for &mb in &sizes {
            let input = (c.make)((mb * (1 << 20) as f64) as usize);
            let path = dir.join(if c.html { "input.html" } else { "input.txt" });
            std::fs::write(&path, &input).expect("write the input");
            let start = Instant::now();
            let out = Command::new("/usr/bin/time")
                .args(["-f", "%M", "timeout", &timeout.to_string(), &bin, "analyze"])
                .arg(&path)
                .arg("--json")
                .stdout(std::process::Stdio::null())
                .output()
                .expect("run /usr/bin/time (Debian package `time`)");
            let seconds = start.elapsed().as_secs_f64();
            let stderr = String::from_utf8_lossy(&out.stderr);
            let peak_kb: f64 = stderr
                .lines()
                .last()
                .and_then(|l| l.trim().parse().ok())
                .unwrap_or(f64::NAN);
            let status = if seconds >= timeout as f64 {
                " (stopped)".to_string()
            } else if !out.status.success() {
                format!(" (failed: {})", stderr.lines().next().unwrap_or(""))
            } else {
                String::new()
            };
            let ratio = last.map_or(String::new(), |l| format!("{:.2}", seconds / l));
            println!(
                "{:<28} {:>6} {:>9.2} {:>6} {:>9.1} {:>7.1}{status}",
                c.name,
                mb,
                seconds,
                ratio,
                peak_kb / 1024.0,
                peak_kb * 1024.0 / input.len() as f64
            );
            last = Some(seconds);
            if !status.is_empty() {
                break;
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// See the crate doc: `--random N`.
fn timing_fuzz(count: u64) {
    let time = |input: &str| {
        let start = Instant::now();
        let _ = parallax::analyze(input);
        start.elapsed().as_secs_f64()
    };
    let mut flagged = 0;
    for seed in 0..count {
        let small = hostile::repetitive(seed, 256 << 10);
        let large = hostile::repetitive(seed, 1 << 20);
        let (ts, tl) = (time(&small), time(&large));
        let shown: String = small.chars().take(60).collect();
        if tl > 2.5f64.powi(2) * ts + 0.05 {
            flagged += 1;
            println!(
                "seed {seed}: 256 KB {ts:.3} s, 1 MB {tl:.3} s (×{:.1}): {shown:?}",
                tl / ts
            );
        }
    }
    println!("{count} inputs, {flagged} growing faster than linearly");
}
