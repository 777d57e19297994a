//! Independent inputs (files, pages, articles) on several threads, with results in input order, so
//! output never depends on the number of threads or on which thread finished first.

use std::sync::atomic::{AtomicUsize, Ordering};

/// How many threads to use when the caller does not say: the machine's cores.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `f` applied to every item on up to `threads` threads; the results come back in the items'
/// order. Threads take the next item as they finish one, because pages differ in cost by a
/// hundred times and fixed chunks would leave one thread idle.
pub fn map_in_order<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, f(item)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_input_order() {
        let items: Vec<u64> = (0..1000).collect();
        let slow_first = |&n: &u64| {
            if n < 10 {
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            n * n
        };
        let expected: Vec<u64> = items.iter().map(|n| n * n).collect();
        for threads in [1, 2, 3, 8] {
            assert_eq!(map_in_order(&items, threads, slow_first), expected);
        }
        assert!(map_in_order(&[] as &[u64], 4, slow_first).is_empty());
    }
}
