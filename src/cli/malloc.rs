//! glibc's malloc, tuned for analysing article after article (the CLI and `make bench`'s native
//! side, which includes this file, so that it times what the CLI runs).
//!
//! glibc's malloc raises its mmap threshold each time a large block is freed (up to 32 MB), so
//! that later stages' tables come from the heap, which goes back to the system only from its
//! top: peak resident memory became the sum of every stage's high-water mark, not the most any
//! one moment holds (8 MB of "Said Said": 172 MB, 128 MB with the threshold fixed; a normal
//! article is unchanged). Fixed at 1 MiB, the tables of a long text stay mapped and are returned
//! as they are freed, while an article's (a few hundred KB) come from the heap and are reused:
//! at glibc's default of 128 KiB each article's were mapped, faulted in and unmapped afresh,
//! which cost `--jsonl` a tenth of its CPU time (in the kernel) for the same peak memory.
//!
//! Freed memory at the top of the heap goes back to the system only beyond 64 MiB instead of
//! glibc's 128 KiB: each article's tables were otherwise handed back at its end and faulted in
//! again by the next (kernel time of `--jsonl` over ten copies of the bench corpus 0.066 ->
//! 0.026 s, all CPU 1.00 -> 0.95 s), with the same peak on every hostile construct at 8 MB.
//!
//! The only unsafe code of Parallax, and only in the binaries.

/// Sets malloc's parameters; call first in `main`, before any other thread exists.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn tune() {
    extern "C" {
        fn mallopt(param: i32, value: i32) -> i32;
    }
    // From glibc's <malloc.h>.
    const M_TRIM_THRESHOLD: i32 = -1;
    const M_MMAP_THRESHOLD: i32 = -3;
    const TRIM_THRESHOLD: i32 = 64 << 20;
    const MMAP_THRESHOLD: i32 = 1 << 20;
    // SAFETY: mallopt sets one of malloc's parameters and takes no pointers; the callers run
    // this first in main, before any other thread exists.
    unsafe {
        mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD);
        mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD);
    }
}

/// Elsewhere the system's allocator is left as it is.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn tune() {}
