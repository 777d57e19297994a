//! Page furniture that extractors let through: lines that are never article prose (counters,
//! update stamps, photo credits, captions carrying their credit), lists of teasers cut off with
//! an ellipsis, and blocks of related stories under capitalised kickers. Applied to every
//! extractor's text, so that the detectors are compared on equal terms.

/// Paragraphs separated by blank lines, without the page furniture the extractor let through
/// (the same line rules the reader applies to text articles).
pub fn clean_body(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut keep: Vec<bool> = lines
        .iter()
        .map(|l| !parallax_text::is_boilerplate(l) && !is_page_furniture(l))
        .collect();
    // One line cut off with an ellipsis may be prose; several are a list of links to other stories.
    if lines.iter().filter(|l| is_teaser(l)).count() >= 2 {
        for (k, l) in keep.iter_mut().zip(&lines) {
            *k &= !is_teaser(l);
        }
    }
    // Links to other stories often come as a capitalised kicker over a headline ("TIME
    // TRAVELLER" / "Conspiracy theorists say ..."). One such pair may be a subheading over a
    // line of the article; two or more are a block of related stories. A pair opening the body
    // is the article's own kicker and headline.
    let kickers: Vec<usize> = (1..lines.len().saturating_sub(1))
        .filter(|&i| is_kicker(lines[i]) && is_headline_like(lines[i + 1]))
        .collect();
    if kickers.len() >= 2 {
        for i in kickers {
            keep[i] = false;
            keep[i + 1] = false;
        }
    }
    lines
        .into_iter()
        .zip(keep)
        .filter_map(|(l, k)| k.then_some(l))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A short line of words in capitals: the label sites put over teasers (a bracketed "[ CNBC ]"
/// is a citation, not a label).
fn is_kicker(line: &str) -> bool {
    line.split_whitespace().count() <= 8
        && !line.contains(['[', ']', '(', ')'])
        && line.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !line.chars().any(char::is_lowercase)
}

/// A short line without closing punctuation, like a headline.
fn is_headline_like(line: &str) -> bool {
    line.split_whitespace().count() <= 20
        && !line
            .trim_end_matches(['"', '\'', '\u{2019}', '\u{201d}'])
            .ends_with(['.', '!', '?', ':', ';', ','])
}

fn is_teaser(line: &str) -> bool {
    line.split_whitespace().count() <= 25 && (line.ends_with('\u{2026}') || line.ends_with("..."))
}

/// Lines extractors let through that are never article prose: counters and symbols (share
/// counts, "|", "•"), update stamps and photo credits. Measured on the extraction dev set; rules
/// that cost recall there (all-capital lines, breadcrumbs, lines with links) were dropped.
fn is_page_furniture(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if words <= 2 && !line.chars().any(char::is_alphabetic) {
        return true;
    }
    let lower = line.to_lowercase();
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| lower.starts_with(p));
    // "Updated 3:45 PM" is a stamp; "Published in 1999, the book sold well." is prose.
    let stamp = words <= 12
        && starts(&["updated", "published", "posted", "last updated"])
        && line.chars().any(|c| c.is_ascii_digit())
        && !line.ends_with('.');
    let credit = words <= 12 && starts(&["image ", "image:", "photo ", "photo:", "photograph:"]);
    // A caption carries its picture credit on the same line ("... the rabbitCredit: Getty").
    let caption = words <= 40
        && [
            "Credit:",
            "Photo:",
            "Image:",
            "Photograph:",
            "(Photo",
            "Picture:",
        ]
        .iter()
        .any(|m| line.contains(m))
        && !line.starts_with(['"', '\u{201c}']);
    stamp || credit || caption
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_furniture_is_dropped_and_prose_kept() {
        let page = "EXCLUSIVE\n\
            The minister resigned on Monday, aides said.\n\
            Updated 3:45 PM\n\
            A hunter ate a rabbitCredit: Getty Images\n\
            Published in 1999, the report was ignored for a decade.\n\
            12\n\
            TIME TRAVELLER\n\
            Fans spot a star in an old photo\n\
            'NAIVE AND TRUSTING'\n\
            Court hears a new claim\n\
            Other story one is cut off here\u{2026}\n\
            Other story two is cut off here...";
        assert_eq!(
            clean_body(page),
            "EXCLUSIVE\n\nThe minister resigned on Monday, aides said.\n\n\
             Published in 1999, the report was ignored for a decade."
        );
    }

    #[test]
    fn a_single_kicker_or_ellipsis_is_kept() {
        let page = "The vote is due on Friday.\n\
            WHAT HAPPENS NEXT\n\
            The timetable\n\
            He said the talks would go on...";
        assert_eq!(
            clean_body(page).lines().filter(|l| !l.is_empty()).count(),
            4
        );
    }
}
