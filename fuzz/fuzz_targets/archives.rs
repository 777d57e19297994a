//! Any bytes as a WARC file or a feed: errors, never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parallax_ingest::warc::parse_warc("fuzz.warc", "fuzz", data);
    let _ = parallax_ingest::feed::parse_feed("fuzz.rss", "fuzz", data);
});
