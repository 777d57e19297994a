//! A light English stemmer.

use std::borrow::Cow;

/// A light English stemmer: enough to match "normalize/normalized/normalizing",
/// "relations/relation", "countries/country". Deterministic and cheap.
pub fn stem(word: &str) -> String {
    stem_cow(word).into_owned()
}

/// [`stem`] without allocating when the stem is a prefix of `word` (most words): for callers
/// that stem every word of a text and keep few new ones.
pub fn stem_cow(word: &str) -> Cow<'_, str> {
    let trimmed = word.trim_matches(|c: char| !c.is_alphanumeric());
    let w: Cow<'_, str> = if trimmed.contains('.') {
        trimmed.replace('.', "").into()
    } else {
        trimmed.into()
    };
    if w.len() <= 3 || w.bytes().any(|c| c.is_ascii_digit()) {
        return w;
    }
    // "normaliz" + e: drop a trailing 'e' so "normalize" and "normalized" meet.
    let drop_e = |b: &str| b.len() > 4 && b.ends_with('e');
    for (suffix, replacement) in [
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
        ("ly", ""),
    ] {
        let Some(base) = w.strip_suffix(suffix) else {
            continue;
        };
        if base.chars().count() < 3 || (suffix == "s" && base.ends_with('s')) {
            continue;
        }
        if !replacement.is_empty() {
            // "y" never ends in 'e'.
            return Cow::Owned(format!("{base}{replacement}"));
        }
        let keep = base.len() - usize::from(drop_e(base));
        return prefix(w, keep);
    }
    let keep = w.len() - usize::from(drop_e(&w));
    prefix(w, keep)
}

/// The first `len` bytes of `s`, borrowed when `s` is.
fn prefix(s: Cow<'_, str>, len: usize) -> Cow<'_, str> {
    match s {
        Cow::Borrowed(b) => Cow::Borrowed(&b[..len]),
        Cow::Owned(mut o) => {
            o.truncate(len);
            Cow::Owned(o)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet() {
        assert_eq!(stem("normalized"), stem("normalize"));
        assert_eq!(stem("relations"), stem("relation"));
        assert_eq!(stem("countries"), stem("country"));
        assert_eq!(stem("joining"), stem("join"));
        assert_eq!(stem("1992"), "1992");
    }

    #[test]
    fn stems_borrow_what_they_can() {
        let cases = [
            ("countries", "country", false),
            ("normalized", "normaliz", true),
            ("normalize", "normaliz", true),
            ("relations", "relation", true),
            ("glass", "glass", true),
            ("ties", "tie", true),
            ("reported", "report", true),
            ("U.S.", "US", false),
            ("2020s", "2020s", true),
            ("'quote'", "quot", true),
        ];
        for (word, stemmed, borrowed) in cases {
            let got = stem_cow(word);
            assert_eq!(got, stemmed, "{word}");
            assert_eq!(matches!(got, Cow::Borrowed(_)), borrowed, "{word}");
            assert_eq!(stem(word), stemmed);
        }
    }
}
