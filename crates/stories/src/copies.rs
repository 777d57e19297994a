//! Copies: near-identical texts (syndicated wire copy, republished articles) found by SimHash,
//! within the window.

use std::collections::VecDeque;

use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;

/// Near-duplicate detection over SimHash: locality-sensitive hashing in four 16-bit bands, so a
/// lookup touches only texts that agree on a whole band. Entries older than the window go.
pub struct CopyIndex {
    window_days: i64,
    undated_window: usize,
    bands: HashMap<(u8, u16), Vec<usize>>,
    /// Texts by handle, from handle `first` on: texts older than the window leave from the
    /// front, so memory follows the window, not the history.
    entries: VecDeque<Option<CopyEntry>>,
    first: usize,
    newest: Option<NaiveDate>,
}

/// A text in the copy index.
#[derive(Debug, Clone, Copy)]
struct CopyEntry {
    simhash: u64,
    date: Option<NaiveDate>,
    /// Its story, once assigned.
    story: Option<u64>,
    /// The caller's tag (e.g. an article number).
    tag: u64,
    /// The date it ages by: its own, or for an undated text the newest date seen when it came.
    aged_from: Option<NaiveDate>,
}

/// Texts whose SimHashes differ in at most this many of 64 bits are copies.
pub const COPY_BITS: u32 = 3;

impl CopyIndex {
    /// `undated_window`: how many texts a stream without dates keeps
    /// ([`UNDATED_WINDOW`](crate::UNDATED_WINDOW); 0: all).
    pub fn new(window_days: i64, undated_window: u64) -> CopyIndex {
        CopyIndex {
            window_days,
            undated_window: undated_window as usize,
            bands: HashMap::default(),
            entries: VecDeque::new(),
            first: 0,
            newest: None,
        }
    }

    fn band(hash: u64, b: u8) -> u16 {
        (hash >> (16 * b as u64)) as u16
    }

    fn entry(&self, handle: usize) -> Option<&CopyEntry> {
        let i = handle.checked_sub(self.first)?;
        self.entries.get(i)?.as_ref()
    }

    /// The tags of the texts the index holds.
    pub(crate) fn tags(&self) -> impl Iterator<Item = u64> + '_ {
        self.entries.iter().flatten().map(|e| e.tag)
    }

    /// How many texts the index holds (those the window closed on are gone).
    pub fn len(&self) -> usize {
        self.entries.iter().filter(|e| e.is_some()).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The (story, tag) of the earliest near-identical text, if any; the story is `None` while
    /// that text waits in the current batch.
    pub fn find(&self, hash: u64, date: Option<NaiveDate>) -> Option<(Option<u64>, u64)> {
        (0..4u8)
            .filter_map(|b| self.bands.get(&(b, Self::band(hash, b))))
            .flatten()
            .filter_map(|&i| self.entry(i))
            .filter(|e| {
                (e.simhash ^ hash).count_ones() <= COPY_BITS
                    && within(e.date, date, self.window_days)
            })
            .map(|e| (e.story, e.tag))
            .min_by_key(|&(_, tag)| tag)
    }

    /// Add a text; returns its handle for [`CopyIndex::set_story`].
    pub fn insert(&mut self, hash: u64, date: Option<NaiveDate>, tag: u64) -> usize {
        let i = self.first + self.entries.len();
        self.entries.push_back(Some(CopyEntry {
            simhash: hash,
            date,
            story: None,
            tag,
            aged_from: date.or(self.newest),
        }));
        for b in 0..4u8 {
            self.bands
                .entry((b, Self::band(hash, b)))
                .or_default()
                .push(i);
        }
        if date > self.newest {
            self.newest = date;
            self.evict();
        }
        // Without dates, the oldest texts leave by count, a tenth of the window at a time.
        let keep = self.undated_window;
        if self.newest.is_none() && keep > 0 && self.entries.len() > keep + keep / 10 {
            let extra = self.entries.len() - keep;
            self.entries.drain(..extra);
            self.first += extra;
            let first = self.first;
            self.bands.retain(|_, v| {
                v.retain(|&i| i >= first);
                !v.is_empty()
            });
        }
        i
    }

    /// Record the story a text was assigned to.
    pub fn set_story(&mut self, handle: usize, story: u64) {
        let Some(i) = handle.checked_sub(self.first) else {
            return;
        };
        if let Some(Some(e)) = self.entries.get_mut(i) {
            e.story = Some(story);
        }
    }

    /// Forget texts that aged out of the window. An undated text ages from the newest date seen
    /// when it came, or the first date after it (a stream with no dates at all counts its window
    /// in texts instead, in [`CopyIndex::insert`]).
    fn evict(&mut self) {
        let (Some(newest), window) = (self.newest, self.window_days) else {
            return;
        };
        // Texts that came before any date age from the first one.
        for e in self.entries.iter_mut().flatten() {
            e.aged_from = e.aged_from.or(Some(newest));
        }
        let stale = |e: &Option<CopyEntry>| matches!(e, Some(CopyEntry { aged_from: Some(d), .. }) if (newest - *d).num_days() > window);
        if !self.entries.iter().any(stale) {
            return;
        }
        for e in self.entries.iter_mut() {
            if stale(e) {
                *e = None;
            }
        }
        while let Some(None) = self.entries.front() {
            self.entries.pop_front();
            self.first += 1;
        }
        let (entries, first) = (&self.entries, self.first);
        self.bands.retain(|_, v| {
            v.retain(|&i| i >= first && entries[i - first].is_some());
            !v.is_empty()
        });
    }
}

fn within(a: Option<NaiveDate>, b: Option<NaiveDate>, days: i64) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).num_days().abs() <= days,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{UNDATED_WINDOW, WINDOW_DAYS};

    #[test]
    fn a_stream_without_dates_counts_its_window_in_texts() {
        let mut index = CopyIndex::new(WINDOW_DAYS, 100);
        for tag in 0..1000u64 {
            index.insert(tag.wrapping_mul(0x9e37_79b9_7f4a_7c15), None, tag);
        }
        assert!(index.entries.len() <= 110, "{}", index.entries.len());
        assert_eq!(index.find(0, None), None);
        let newest = 999u64.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        assert_eq!(index.find(newest ^ 1, None), Some((None, 999)));
        // Once a date arrives, the calendar decides: no text leaves by count.
        let day = NaiveDate::from_ymd_opt(2025, 1, 1);
        for tag in 1000..1200u64 {
            index.insert(tag.wrapping_mul(0x9e37_79b9_7f4a_7c15), day, tag);
        }
        assert!(index.len() >= 300, "{}", index.len());
    }

    #[test]
    fn copies_outside_the_window_leave_the_copy_index() {
        let mut index = CopyIndex::new(WINDOW_DAYS, UNDATED_WINDOW);
        let day =
            |d: i64| NaiveDate::from_ymd_opt(2025, 1, 1).map(|x| x + chrono::Duration::days(d));
        // An undated text early in a dated stream ages from the date it came in.
        index.insert(0xdead_beef, None, 0);
        let mut last = 0;
        for d in 0..60 {
            for k in 0..100u64 {
                let tag = 1 + d as u64 * 100 + k;
                last = index.insert(tag.wrapping_mul(0x9e37_79b9_7f4a_7c15), day(d), tag);
            }
        }
        // Eight days of texts (the window and the newest day), not sixty, and no empty slots.
        assert_eq!(index.len(), 800);
        assert_eq!(index.entries.len(), 800);
        assert_eq!(index.find(0xdead_beef, day(59)), None);
        let newest = 5_901u64.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        assert_eq!(index.find(newest ^ 0b101, day(59)), Some((None, 5_901)));
        index.set_story(last, 7);
        assert_eq!(
            index.find(newest ^ 0b101, day(59)).map(|(s, _)| s),
            Some(None)
        );
        let latest = 6_000u64.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        assert_eq!(index.find(latest, day(59)), Some((Some(7), 6_000)));
    }
}
