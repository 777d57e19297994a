//! Publication dates in the forms news data carries them, normalised to ISO 8601.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    /// ISO 8601: a full timestamp with offset when the input had a time, else a date.
    pub iso: String,
    pub date: NaiveDate,
}

/// Parse RFC 3339, RFC 2822, `YYYY-MM-DD[ HH:MM[:SS]]`, `YYYY/MM/DD` and the like.
/// Returns `None` rather than guess.
pub fn parse_published(raw: &str) -> Option<Published> {
    let s = raw.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(Published {
            iso: dt.to_rfc3339(),
            date: dt.date_naive(),
        });
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(Published {
            iso: dt.to_rfc3339(),
            date: dt.date_naive(),
        });
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
    ] {
        // Fractional seconds and a trailing zone name are common; compare on the leading part.
        let head = s.get(..s.len().min(19)).unwrap_or(s);
        if let Ok(dt) = NaiveDateTime::parse_from_str(head, fmt) {
            return Some(Published {
                iso: dt.format("%Y-%m-%dT%H:%M:%S").to_string(),
                date: dt.date(),
            });
        }
    }
    let head = s.get(..s.len().min(10)).unwrap_or(s);
    for fmt in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(head, fmt) {
            return Some(Published {
                iso: d.format("%Y-%m-%d").to_string(),
                date: d,
            });
        }
    }
    for fmt in ["%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some(Published {
                iso: d.format("%Y-%m-%d").to_string(),
                date: d,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let iso = |s: &str| parse_published(s).map(|p| p.iso);
        assert_eq!(
            iso("2025-11-06T09:30:00Z").as_deref(),
            Some("2025-11-06T09:30:00+00:00")
        );
        assert_eq!(
            iso("Thu, 06 Nov 2025 09:30:00 +0000").as_deref(),
            Some("2025-11-06T09:30:00+00:00")
        );
        assert_eq!(
            iso("2025-11-06 09:30:00.123").as_deref(),
            Some("2025-11-06T09:30:00")
        );
        assert_eq!(iso("2025/11/06").as_deref(), Some("2025-11-06"));
        assert_eq!(iso("November 6, 2025").as_deref(), Some("2025-11-06"));
        assert_eq!(iso("yesterday"), None);
        assert_eq!(iso("2025-13-45"), None);
        assert_eq!(iso("日本語の日付"), None);
    }
}
