//! Work on several articles at once: natively, each on its own thread (analysis is most of a
//! comparison's time, and the articles are independent); in the browser, where the module has
//! one thread, one after the other.
//!
//! The environment variable `PARALLAX_THREADS` caps the threads used natively (`1`: none
//! besides the caller's), for batch jobs that run several comparisons side by side.

/// Stack for each worker thread: as much as the main thread's, since deeply nested HTML is
/// read recursively (to a capped depth) and a spawned thread's default is a quarter of this.
#[cfg(not(target_arch = "wasm32"))]
const STACK_BYTES: usize = 8 << 20;

/// Threads to use: `PARALLAX_THREADS` if set to a number, else as many as the machine runs at
/// once.
#[cfg(not(target_arch = "wasm32"))]
fn threads() -> usize {
    std::env::var("PARALLAX_THREADS")
        .ok()
        .and_then(|n| n.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
}

/// `f` of each item, in order. Natively the items are shared among the threads that may be
/// used, the calling thread among them; a panic in `f` is re-raised here.
pub(crate) fn map<'a, T: Sync, R: Send>(items: &'a [T], f: impl Fn(&'a T) -> R + Sync) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let threads = threads();
        if threads > 1 && items.len() > 1 {
            return map_threaded(items, &f, threads.min(items.len()));
        }
    }
    items.iter().map(f).collect()
}

/// `(fa(), fb())`, natively on two threads (`fb` on a new one) when two may be used; a panic
/// in either is re-raised here.
pub(crate) fn join<A: Send, B: Send>(
    fa: impl FnOnce() -> A + Send,
    fb: impl FnOnce() -> B + Send,
) -> (A, B) {
    #[cfg(not(target_arch = "wasm32"))]
    if threads() > 1 {
        // `fb` waits here, so that it is still at hand if no thread can be started.
        let slot = std::sync::Mutex::new(Some(fb));
        let take = || slot.lock().ok().and_then(|mut f| f.take());
        return std::thread::scope(|scope| {
            let other = std::thread::Builder::new()
                .stack_size(STACK_BYTES)
                .spawn_scoped(scope, || take().map(|f| f()));
            let a = fa();
            let b = match other.map(|handle| handle.join()) {
                Ok(Ok(Some(b))) => b,
                Ok(Err(panic)) => std::panic::resume_unwind(panic),
                // No thread to be had (a process limit): this thread does it.
                Ok(Ok(None)) | Err(_) => take().map(|f| f()).expect("fb runs once"),
            };
            (a, b)
        });
    }
    (fa(), fb())
}

#[cfg(not(target_arch = "wasm32"))]
fn map_threaded<'a, T: Sync, R: Send>(
    items: &'a [T],
    f: &(impl Fn(&'a T) -> R + Sync),
    threads: usize,
) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    // Each thread takes the next item not yet taken: articles differ in length by a hundred
    // times, and fixed shares would leave threads idle behind the one with the long ones.
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return done;
            };
            done.push((i, f(item)));
        }
    };
    let mut out: Vec<(usize, R)> = std::thread::scope(|scope| {
        // A thread that cannot be started (a process limit) leaves its share to the others.
        let spawned: Vec<_> = (1..threads)
            .filter_map(|_| {
                std::thread::Builder::new()
                    .stack_size(STACK_BYTES)
                    .spawn_scoped(scope, work)
                    .ok()
            })
            .collect();
        let mut out = work();
        for handle in spawned {
            out.extend(
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        out
    });
    out.sort_unstable_by_key(|&(i, _)| i);
    out.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_in_order() {
        let items: Vec<usize> = (0..37).collect();
        assert_eq!(
            map(&items, |&x| x * 2),
            (0..37).map(|x| x * 2).collect::<Vec<_>>()
        );
        assert_eq!(map(&[] as &[usize], |&x| x), Vec::<usize>::new());
    }

    #[test]
    fn join_gives_both_and_passes_panics_on() {
        let text = String::from("borrowed");
        assert_eq!(
            join(|| text.len(), || text.to_uppercase()),
            (8, "BORROWED".into())
        );
        let panicked = std::panic::catch_unwind(|| join(|| 1, || -> u8 { panic!("in b") }));
        assert!(panicked.is_err());
    }
}
