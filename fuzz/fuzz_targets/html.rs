//! Any bytes as a web page (gzip, decoding, extraction, metadata): errors, never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parallax_web::max_nesting(&String::from_utf8_lossy(data));
    let _ = parallax_ingest::parse_html("fuzz.html", "fuzz", data, None, None);
});
