//! Bytes that do not decode to text are not a page. Decoding never fails (chardetng always
//! guesses an encoding, bad bytes become U+FFFD), so random bytes or an image renamed `.html`
//! decode to a "page" of control characters and symbols whose letters then read as an article.
//! Text, in any encoding correctly decoded, has almost no control characters and few
//! replacement characters; binary data decoded as text has many of both.

use crate::WebError;

/// More than this share of control or replacement characters is not text. A real page with a
/// few broken bytes stays far below (a stray U+FFFD or two in thousands of characters), while
/// random bytes in a single-byte encoding give about 13% control characters.
const MAX_NON_TEXT_SHARE: f64 = 0.02;

/// How much of a page is looked at: enough for a verdict, bounded for huge pages.
const SAMPLE_CHARS: usize = 100_000;

/// `Err(NotText)` when the decoded page is mostly not text.
pub fn check(decoded: &str) -> Result<(), WebError> {
    let (mut chars, mut bad) = (0usize, 0usize);
    for c in decoded.chars().take(SAMPLE_CHARS) {
        chars += 1;
        if c == '\u{fffd}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')) {
            bad += 1;
        }
    }
    let share = bad as f64 / chars.max(1) as f64;
    if share > MAX_NON_TEXT_SHARE {
        Err(WebError::NotText((share * 100.0).ceil() as u32))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic pseudo-random bytes (a linear congruential generator).
    fn random_bytes(n: usize, mut seed: u64) -> Vec<u8> {
        (0..n)
            .map(|_| {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (seed >> 56) as u8
            })
            .collect()
    }

    #[test]
    fn random_bytes_and_images_are_not_text() {
        for seed in 1..20 {
            let decoded = crate::decode(&random_bytes(5_000, seed), None);
            assert!(
                matches!(check(&decoded), Err(WebError::NotText(_))),
                "seed {seed}"
            );
        }
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend(random_bytes(3_000, 7));
        assert!(check(&crate::decode(&png, None)).is_err());
    }

    #[test]
    fn pages_in_any_script_are_text() {
        let page =
            "<html><body><p>Ein Beispiel. 子どもへの法律。 Пример.\tTab\r\n</p></body></html>";
        assert_eq!(check(page), Ok(()));
        let with_a_broken_byte = format!("{}\u{fffd}", "<p>long enough text</p>".repeat(10));
        assert_eq!(check(&with_a_broken_byte), Ok(()));
        assert_eq!(check(""), Ok(()));
    }
}
