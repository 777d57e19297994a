//! Rows of the `|`-separated data files (gazetteer, loaded terms): blank lines and lines
//! starting with `#` are skipped, fields are trimmed.

pub(crate) fn data_rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('|').map(str::trim).collect())
}
