//! Line roles (headline, heading, byline, boilerplate, body); the line rules themselves are
//! `parallax_text::lines`, shared with extraction and story grouping.
//!
//! The rules are about the shape of news pages in general — widget labels, comment forms,
//! notes about the article itself, a name alone at the end — never about particular lines.

use std::ops::Range;

use parallax_model::{Line, LineRole};

use parallax_text::lines::{
    boilerplate_words, ends_sentence, headline_words, reads_as_heading, same_words, words,
};

/// Lines with roles, the headline, and the removed lines, for one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Structure {
    pub lines: Vec<Line>,
    pub headline: Option<String>,
    pub removed: Vec<String>,
    /// Names taken from bylines ("By Jane Roe", a name alone at the end).
    pub byline_names: Vec<String>,
}

/// Give each line of `text` a role. `title` is the headline the input carried separately.
pub fn structure(text: &str, title: Option<&str>) -> Structure {
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut offset = 0;
    for raw in text.split('\n') {
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        if !trimmed.is_empty() {
            spans.push(offset + lead..offset + lead + trimmed.len());
        }
        offset += raw.len() + 1;
    }
    let mut lines = Vec::with_capacity(spans.len());
    let mut removed = Vec::new();
    let mut byline_names = Vec::new();
    let mut headline = title.map(str::to_string);
    let last_index = spans.len().saturating_sub(1);
    for (i, span) in spans.iter().enumerate() {
        let line = &text[span.clone()];
        let ws = words(line);
        let role = if boilerplate_words(line, &ws) {
            LineRole::Boilerplate
        } else if i == 0 && title.is_none() && headline_words(line, &ws) {
            headline = Some(line.to_string());
            LineRole::Headline
        } else if title.is_some_and(|t| same_words(t, line)) {
            LineRole::Heading
        } else if let Some(name) = byline_name(line, &ws, i == last_index && i > 0) {
            byline_names.push(name);
            LineRole::Byline
        } else if i < last_index && reads_as_heading(line, &ws) {
            LineRole::Heading
        } else {
            LineRole::Body
        };
        if matches!(role, LineRole::Boilerplate | LineRole::Byline) {
            removed.push(line.to_string());
        }
        lines.push(Line {
            role,
            span: span.clone(),
        });
    }
    Structure {
        lines,
        headline,
        removed,
        byline_names,
    }
}

/// "By Jane Roe and John Doe", or (at the end of the article) a name alone: "Sara Khaled".
fn byline_name(line: &str, toks: &[&str], is_last: bool) -> Option<String> {
    let (candidate, explicit) = match toks.first() {
        Some(&"By") | Some(&"by") if toks.len() >= 2 && toks.len() <= 10 => (&toks[1..], true),
        _ if is_last => (toks, false),
        _ => return None,
    };
    if ends_sentence(line) && !explicit {
        return None;
    }
    let is_name_word = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase) && !w.chars().any(|c| c.is_ascii_digit())
            || matches!(
                *w,
                "and" | "de" | "van" | "von" | "al" | "bin" | "da" | "del"
            )
    };
    let ok = (2..=if explicit { 9 } else { 4 }).contains(&candidate.len())
        && candidate.iter().all(is_name_word)
        && !candidate
            .iter()
            .any(|w| crate::gazetteer::gazetteer().get(w).is_some());
    ok.then(|| candidate.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_of_a_page() {
        let text = "A Big Headline Here\nBy Jane Roe\nFirst body sentence is here. Second one.\nBackground on the Deal\nMore body text follows here.\nRecommended stories\nJane Roe";
        let s = structure(text, None);
        let roles: Vec<LineRole> = s.lines.iter().map(|l| l.role).collect();
        assert_eq!(
            roles,
            [
                LineRole::Headline,
                LineRole::Byline,
                LineRole::Body,
                LineRole::Heading,
                LineRole::Body,
                LineRole::Boilerplate,
                LineRole::Byline
            ]
        );
        assert_eq!(s.headline.as_deref(), Some("A Big Headline Here"));
        assert_eq!(
            s.removed,
            ["By Jane Roe", "Recommended stories", "Jane Roe"]
        );
        assert_eq!(s.byline_names, ["Jane Roe", "Jane Roe"]);
    }

    #[test]
    fn given_title_repeated_in_text_is_not_body() {
        let s = structure(
            "Big News Today\nBody sentence here.",
            Some("Big news today"),
        );
        assert_eq!(s.lines[0].role, LineRole::Heading);
        assert_eq!(s.lines[1].role, LineRole::Body);
    }
}
