//! Quote evaluation against attribution annotations in brat standoff format (as the PolNeAR
//! corpus ships them): parsing, matching predicted quotes to gold ones, and the scores that
//! `parallax eval quotes` prints.
//!
//! **Gold quotes** are the attributions (`E` lines tying an `Attribution` or
//! `Attribution-no-source` to its `Source`, `Cue` and `Content`) whose Content contains a
//! quotation mark (`"`, `“`, `”`). A Content may be discontinuous (`START END;START END`) and an
//! attribution may have a second Content (`Content2`); all of them are the quote's fragments.
//! Offsets are character offsets into the text file as it is on disk.
//!
//! **Predicted quotes** are the reader's quotes of kind direct and partial, mapped back to the
//! same character offsets ([`predictions`]).
//!
//! **Matching**: a prediction matches a gold quote when they overlap by at least half of the
//! shorter of the two (a gold quote's length is that of its fragments); each prediction matches at
//! most one gold quote, the one it overlaps most, while several predictions may match one gold
//! quote (a quote split in pieces).
//!
//! **Speaker**: a matched prediction's speaker is right when it shares a content word with the
//! gold Source (lower-cased, stemmed, ignoring stop words, pronouns and titles such as Mr or
//! Senator; [`speaker_words`]). A gold Source is a name when it has a capitalised word that is
//! none of those ([`is_name`]). A gold quote without a Source gives no prediction a right speaker.
//!
//! Pure: the command reads the files and hands their texts here.

use std::collections::HashMap;
use std::ops::Range;

use parallax_model::{QuoteKind, ReadArticle};
use parallax_text::{tokenize, TokenKind};

/// Titles ignored when speakers are compared, lower case without a full stop.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sen",
    "rep",
    "gov",
    "president",
    "senator",
];

/// Pronouns: never a name, never a shared word.
const PRONOUNS: &[&str] = &[
    "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his",
    "she", "her", "hers", "it", "its", "they", "them", "their", "theirs", "who", "whom", "whose",
    "which", "that", "this", "these", "those",
];

/// A gold quote: its Content fragments (character ranges, sorted, not overlapping) and the text
/// of its Source, when it has one.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldQuote {
    pub content: Vec<Range<usize>>,
    pub source: Option<String>,
}

/// What one annotation file holds for the evaluation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Annotations {
    pub quotes: Vec<GoldQuote>,
    /// Lines that could not be read and were skipped: line number (from 1) and why.
    pub skipped: Vec<(usize, String)>,
}

/// One text-bound annotation (`T` line): its character ranges.
struct TextBound {
    ranges: Vec<Range<usize>>,
}

/// Parse a brat standoff file against the text it annotates (`text`: the file as on disk, whose
/// character offsets the annotations use). `T` and `E` lines are read; comments (`#`) and the
/// other kinds of brat line are ignored; anything else, or a `T` line whose offsets do not fit the
/// text, or an `E` line naming an unknown annotation, is skipped and listed in
/// [`Annotations::skipped`].
pub fn parse_brat(ann: &str, text: &str) -> Annotations {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Annotations::default();
    let mut bounds: HashMap<&str, TextBound> = HashMap::new();
    let mut events: Vec<(usize, Vec<(&str, &str)>)> = Vec::new();
    for (i, line) in ann.lines().enumerate() {
        let number = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let id = fields[0];
        let kind_of_line = id.chars().next().unwrap_or(' ');
        let number_part = &id[kind_of_line.len_utf8().min(id.len())..];
        let well_formed =
            !number_part.is_empty() && number_part.bytes().all(|b| b.is_ascii_digit());
        match kind_of_line {
            'T' if well_formed && fields.len() >= 2 => match text_bound(fields[1], chars.len()) {
                Some(t) => {
                    bounds.insert(id, t);
                }
                None => out
                    .skipped
                    .push((number, format!("bad text annotation `{}`", shown(line)))),
            },
            'E' if well_formed && fields.len() >= 2 => {
                let args: Option<Vec<(&str, &str)>> = fields[1]
                    .split_whitespace()
                    .map(|a| a.split_once(':'))
                    .collect();
                match args {
                    Some(args) if !args.is_empty() => events.push((number, args)),
                    _ => out
                        .skipped
                        .push((number, format!("bad event `{}`", shown(line)))),
                }
            }
            '#' | 'A' | 'M' | 'N' | 'R' | '*' if well_formed || kind_of_line == '#' => {}
            _ => out
                .skipped
                .push((number, format!("not a brat annotation `{}`", shown(line)))),
        }
    }
    for (number, args) in events {
        let (trigger, _) = args[0];
        if !trigger.starts_with("Attribution") {
            continue;
        }
        let mut content = Vec::new();
        let mut source = Vec::new();
        let mut unknown = Vec::new();
        for &(role, target) in &args[1..] {
            let Some(t) = bounds.get(target) else {
                unknown.push(target);
                continue;
            };
            if role.starts_with("Content") {
                content.extend(t.ranges.iter().cloned());
            } else if role.starts_with("Source") {
                source.extend(t.ranges.iter().cloned());
            }
        }
        if !unknown.is_empty() {
            out.skipped.push((
                number,
                format!("event names unknown annotations {}", unknown.join(", ")),
            ));
        }
        let content = merge(content);
        let quoted = content.iter().any(|r| {
            chars[r.clone()]
                .iter()
                .any(|c| matches!(c, '"' | '“' | '”'))
        });
        if !quoted {
            continue;
        }
        source.sort_by_key(|r| r.start);
        let source = (!source.is_empty()).then(|| {
            source
                .iter()
                .map(|r| chars[r.clone()].iter().collect::<String>())
                .collect::<Vec<_>>()
                .join(" ")
        });
        out.quotes.push(GoldQuote { content, source });
    }
    out
}

/// A line as a warning shows it: its first 60 characters.
fn shown(line: &str) -> String {
    match line.char_indices().nth(60) {
        Some((end, _)) => format!("{}…", &line[..end]),
        None => line.to_string(),
    }
}

/// `TYPE START END[;START END]...`, within a text of `len` characters.
fn text_bound(field: &str, len: usize) -> Option<TextBound> {
    let (_kind, offsets) = field.split_once(' ')?;
    let ranges = offsets
        .split(';')
        .map(|pair| {
            let (s, e) = pair.trim().split_once(' ')?;
            let (s, e) = (s.parse::<usize>().ok()?, e.parse::<usize>().ok()?);
            (s <= e && e <= len).then_some(s..e)
        })
        .collect::<Option<Vec<_>>>()?;
    Some(TextBound { ranges })
}

/// Sorted ranges with overlapping ones joined.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.retain(|r| !r.is_empty());
    ranges.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// A predicted quote: character range in the text file, and the speaker as the reader gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct PredictedQuote {
    pub span: Range<usize>,
    pub speaker: Option<String>,
}

/// The reader's direct and partial quotes of `read`, as character ranges of `file_text`, the text
/// file the article was made from (before ingest's clean-up: byte-order mark, line ends, NFC).
pub fn predictions(read: &ReadArticle, file_text: &str) -> Vec<PredictedQuote> {
    let normalized = parallax_text::normalize(&read.article.text);
    let to_file = CharMap::new(&read.article.text, file_text);
    read.quotes
        .iter()
        .filter(|q| matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial))
        .map(|q| {
            let original = normalized.original_range(q.span.clone());
            PredictedQuote {
                span: to_file.get(original.start)..to_file.get(original.end),
                speaker: q.speaker.clone(),
            }
        })
        .collect()
}

/// Byte offsets of a cleaned text (no byte-order mark, `\n` line ends, NFC) to character offsets
/// of the file it was cleaned from. The two are aligned character by character: a file character
/// the cleaning dropped (a byte-order mark, the `\r` of `\r\n`) is skipped, and a cleaned
/// character composed of several file characters (a letter and its combining accent) maps to the
/// first of them.
pub struct CharMap {
    /// For each byte of the cleaned text (and its end), the file's character offset.
    offsets: Vec<usize>,
}

impl CharMap {
    pub fn new(cleaned: &str, file: &str) -> CharMap {
        let file: Vec<char> = file.chars().collect();
        let mut offsets = Vec::with_capacity(cleaned.len() + 1);
        let mut at = 0;
        let mut chars = cleaned.chars().peekable();
        while let Some(c) = chars.next() {
            // Dropped characters: the cleaned one comes a step or two later in the file.
            if file.get(at) != Some(&c) {
                if let Some(k) = (1..=2).find(|&k| file.get(at + k) == Some(&c)) {
                    at += k;
                }
            }
            offsets.extend(std::iter::repeat_n(at, c.len_utf8()));
            at += 1;
            // Composed characters: the file's further parts of `c` come before the next one.
            if let Some(&next) = chars.peek() {
                let mut k = 0;
                while k < 4 && file.get(at + k).is_some_and(|&f| f != next) {
                    k += 1;
                }
                if k < 4 && file.get(at + k).is_some() {
                    at += k;
                }
            }
        }
        offsets.push(at.min(file.len()));
        CharMap { offsets }
    }

    /// The file's character offset of a byte offset of the cleaned text (the end beyond it).
    pub fn get(&self, byte: usize) -> usize {
        self.offsets[byte.min(self.offsets.len() - 1)]
    }
}

/// Content words of a speaker or source: lower-cased, possessive dropped, stemmed; stop words,
/// pronouns and titles left out.
pub fn speaker_words(text: &str) -> Vec<String> {
    tokenize(text)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word)
        .filter_map(|t| {
            let lower = t.stem_possessive().to_lowercase();
            let bare = lower.trim_end_matches('.');
            let ignored = TITLES.contains(&bare)
                || PRONOUNS.contains(&bare)
                || parallax_text::is_stopword(bare);
            let stem = parallax_text::stem(bare);
            (!ignored && !stem.is_empty() && !parallax_text::is_stopword(&stem)).then_some(stem)
        })
        .collect()
}

/// Whether a gold source names someone: it has a capitalised word that is not a pronoun, a title
/// or a stop word ("Hillary Clinton", "the New York Post"; not "he", "a source", "Mr.").
pub fn is_name(source: &str) -> bool {
    tokenize(source).iter().any(|t| {
        let lower = t.stem_possessive().to_lowercase();
        let bare = lower.trim_end_matches('.');
        t.is_capitalized()
            && !TITLES.contains(&bare)
            && !PRONOUNS.contains(&bare)
            && !parallax_text::is_stopword(bare)
    })
}

/// Whether a predicted speaker is right for a gold source: they share a content word.
pub fn speaker_right(speaker: Option<&str>, source: Option<&str>) -> bool {
    let (Some(speaker), Some(source)) = (speaker, source) else {
        return false;
    };
    let gold = speaker_words(source);
    speaker_words(speaker).iter().any(|w| gold.contains(w))
}

/// Characters a range shares with a gold quote's fragments.
fn overlap(span: &Range<usize>, fragments: &[Range<usize>]) -> usize {
    fragments
        .iter()
        .map(|f| span.end.min(f.end).saturating_sub(span.start.max(f.start)))
        .sum()
}

/// For each prediction, the gold quote it matches (see the module documentation).
pub fn match_quotes(predicted: &[PredictedQuote], gold: &[GoldQuote]) -> Vec<Option<usize>> {
    predicted
        .iter()
        .map(|p| {
            let mut best: Option<(usize, usize)> = None;
            for (g, quote) in gold.iter().enumerate() {
                let shared = overlap(&p.span, &quote.content);
                let gold_len: usize = quote.content.iter().map(|f| f.len()).sum();
                let shorter = p.span.len().min(gold_len);
                if shared > 0 && 2 * shared >= shorter && best.is_none_or(|(_, most)| shared > most)
                {
                    best = Some((g, shared));
                }
            }
            best.map(|(g, _)| g)
        })
        .collect()
}

/// Counts over any number of articles; they add up, so a total is the sum of its parts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QuoteCounts {
    pub articles: usize,
    pub gold: usize,
    pub predicted: usize,
    /// Predictions that match a gold quote.
    pub matched: usize,
    /// Gold quotes matched by at least one prediction.
    pub gold_found: usize,
    /// Matched predictions whose gold quote has a Source, and of them those with the right speaker.
    pub with_source: usize,
    pub right: usize,
    /// Matched predictions whose gold Source is a name, and of them those with the right speaker.
    pub named: usize,
    pub named_right: usize,
    /// Matched predictions without a speaker although the gold Source is a name.
    pub named_empty: usize,
    /// Gold quotes matched by at least one prediction with the right speaker.
    pub gold_found_right: usize,
}

impl std::ops::AddAssign for QuoteCounts {
    fn add_assign(&mut self, o: QuoteCounts) {
        self.articles += o.articles;
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.matched += o.matched;
        self.gold_found += o.gold_found;
        self.with_source += o.with_source;
        self.right += o.right;
        self.named += o.named;
        self.named_right += o.named_right;
        self.named_empty += o.named_empty;
        self.gold_found_right += o.gold_found_right;
    }
}

/// The counts of one article.
pub fn count(predicted: &[PredictedQuote], gold: &[GoldQuote]) -> QuoteCounts {
    let matches = match_quotes(predicted, gold);
    let mut c = QuoteCounts {
        articles: 1,
        gold: gold.len(),
        predicted: predicted.len(),
        ..Default::default()
    };
    let mut found = vec![false; gold.len()];
    let mut found_right = vec![false; gold.len()];
    for (p, m) in predicted.iter().zip(&matches) {
        let Some(g) = *m else { continue };
        c.matched += 1;
        found[g] = true;
        let source = gold[g].source.as_deref();
        let right = speaker_right(p.speaker.as_deref(), source);
        found_right[g] |= right;
        if source.is_some() {
            c.with_source += 1;
            c.right += usize::from(right);
        }
        if source.is_some_and(is_name) {
            c.named += 1;
            c.named_right += usize::from(right);
            c.named_empty += usize::from(p.speaker.as_deref().is_none_or(|s| s.trim().is_empty()));
        }
    }
    c.gold_found = found.iter().filter(|&&f| f).count();
    c.gold_found_right = found_right.iter().filter(|&&f| f).count();
    c
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn new(precision: f64, recall: f64) -> Prf {
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// `part / whole`, 0 for an empty whole.
pub fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

impl QuoteCounts {
    /// Quotes found: matched predictions / predictions, gold quotes matched / gold quotes.
    pub fn detection(&self) -> Prf {
        Prf::new(
            ratio(self.matched, self.predicted),
            ratio(self.gold_found, self.gold),
        )
    }

    /// Quotes found with the right speaker.
    pub fn end_to_end(&self) -> Prf {
        Prf::new(
            ratio(self.right, self.predicted),
            ratio(self.gold_found_right, self.gold),
        )
    }

    /// Right speakers among matched predictions whose gold Source is a name.
    pub fn speaker_on_names(&self) -> f64 {
        ratio(self.named_right, self.named)
    }

    /// Right speakers among matched predictions whose gold quote has a Source.
    pub fn speaker_on_sources(&self) -> f64 {
        ratio(self.right, self.with_source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Café owner Ann Lee said: “We stay open.” He added, “Always,” and left.";

    /// Character offsets of `part` in `text`.
    fn chars_of(text: &str, part: &str) -> Range<usize> {
        let start = text[..text.find(part).unwrap()].chars().count();
        start..start + part.chars().count()
    }

    fn ann() -> String {
        let src = chars_of(TEXT, "Café owner Ann Lee");
        let q1 = chars_of(TEXT, "“We stay open.”");
        let q2 = chars_of(TEXT, "“Always,”");
        let he = chars_of(TEXT, "He");
        format!(
            "T1\tSource {} {}\tCafé owner Ann Lee\n\
             T2\tCue 19 23\tsaid\n\
             T3\tContent {} {}\t“We stay open.”\n\
             T4\tAttribution 19 23\tsaid\n\
             E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n\
             #1\tAnnotatorNotes T1\ta note\n\
             continuation of a text that had a line break\n\
             T5\tContent {} {}\t“Always,”\n\
             T6\tSource {} {}\tHe\n\
             E2\tAttribution:T7 Source:T6 Content:T5\n\
             T7\tAttribution 0 1\tC\n\
             T8\tContent 0 4\tCafé\n\
             E3\tAttribution-no-source:T7 Content:T8\n\
             T9\tContent 5 9999\tbeyond the text\n\
             E4\tAttribution:T7 Content:T99\n",
            src.start, src.end, q1.start, q1.end, q2.start, q2.end, he.start, he.end
        )
    }

    #[test]
    fn brat_quotes_are_attributions_with_quotation_marks_and_bad_lines_are_counted() {
        let a = parse_brat(&ann(), TEXT);
        assert_eq!(a.quotes.len(), 2, "{a:?}");
        assert_eq!(a.quotes[0].source.as_deref(), Some("Café owner Ann Lee"));
        assert_eq!(a.quotes[0].content, vec![chars_of(TEXT, "“We stay open.”")]);
        assert_eq!(a.quotes[1].source.as_deref(), Some("He"));
        // The continuation line, the T line beyond the text, and the event naming T99.
        let lines: Vec<usize> = a.skipped.iter().map(|s| s.0).collect();
        assert_eq!(lines, vec![7, 14, 15], "{:?}", a.skipped);
    }

    #[test]
    fn discontinuous_contents_and_a_second_content_are_one_quote() {
        let text = "A \"b c\" d \"e f\" g";
        let ann = "T1\tContent 2 4;5 7\t\"b c\"\nT2\tContent 10 15\t\"e f\"\n\
                   T3\tAttribution 0 1\tA\nT4\tSource 16 17\tg\n\
                   E1\tAttribution:T3 Content:T1 Source:T4 Content2:T2\n";
        let a = parse_brat(ann, text);
        assert!(a.skipped.is_empty(), "{:?}", a.skipped);
        assert_eq!(a.quotes.len(), 1);
        assert_eq!(a.quotes[0].content, vec![2..4, 5..7, 10..15]);
        assert_eq!(a.quotes[0].source.as_deref(), Some("g"));
    }

    #[test]
    fn garbage_never_panics() {
        for ann in [
            "T",
            "T1",
            "T1\t",
            "T1\tContent",
            "T1\tContent x y",
            "T1\tContent 5 2\tx",
            "E1\tAttribution",
            "E1\tAttribution:T1 Content",
            "E\t\t\t",
            "\t",
            "“a line that goes on” after a break",
            "é",
            "Tx\tContent 0 1\tA",
            "E1\tAttribution:T1 Content:T1\nT1\tContent 0 3\t\"a\"",
        ] {
            let _ = parse_brat(ann, "\"a\" b");
        }
        let a = parse_brat(
            "E1\tAttribution:T1 Content:T1\nT1\tContent 0 3\t\"a\"",
            "\"a\" b",
        );
        assert_eq!(a.quotes.len(), 1, "an event may come before its parts");
    }

    #[test]
    fn char_map_skips_dropped_and_composed_characters() {
        // Identity.
        let m = CharMap::new("aé b", "aé b");
        assert_eq!((m.get(0), m.get(1), m.get(3), m.get(5)), (0, 1, 2, 4));
        // A byte-order mark and a \r dropped, a combining accent composed.
        let file = "\u{feff}Cafe\u{301} x\r\nyz";
        let cleaned = "Café x\nyz";
        let m = CharMap::new(cleaned, file);
        let file_chars: Vec<char> = file.chars().collect();
        let at = |s: &str| m.get(cleaned.find(s).unwrap());
        assert_eq!(file_chars[at("C")], 'C');
        assert_eq!(file_chars[at("x")], 'x');
        assert_eq!(file_chars[at("yz")], 'y');
        assert_eq!(m.get(cleaned.len()), file_chars.len());
    }

    #[test]
    fn predictions_are_direct_and_partial_quotes_in_file_characters() {
        let file = "Protest in Zürich\n\nMayor Corinne Mauch said: “We will listen to \
                    everyone.” Critics said the city was “dragging its feet”.";
        let article = parallax_model::Article::new("a", file);
        let read = crate::read_article(&article, &crate::Lexicon::builtin());
        let p = predictions(&read, file);
        let chars: Vec<char> = file.chars().collect();
        let texts: Vec<String> = p
            .iter()
            .map(|q| chars[q.span.clone()].iter().collect())
            .collect();
        assert_eq!(
            texts,
            vec!["We will listen to everyone.", "dragging its feet"],
            "{p:?}"
        );
        assert_eq!(p[0].speaker.as_deref(), Some("Corinne Mauch"));
    }

    #[test]
    fn speakers_share_a_content_word_titles_and_pronouns_aside() {
        assert!(speaker_right(Some("Clinton"), Some("Hillary Clinton")));
        assert!(speaker_right(
            Some("Chaffetz"),
            Some("panel Chairman Rep. Jason Chaffetz (R-Utah)")
        ));
        assert!(speaker_right(Some("Trump's campaign"), Some("Trump")));
        assert!(!speaker_right(Some("Mr. Trump"), Some("Mr. Obama")));
        assert!(!speaker_right(Some("he"), Some("he")));
        assert!(!speaker_right(None, Some("Hillary Clinton")));
        assert!(!speaker_right(Some("Clinton"), None));
        assert!(is_name("The New York Post"));
        assert!(is_name("panel Chairman Rep. Jason Chaffetz"));
        assert!(!is_name("He"));
        assert!(!is_name("a source"));
        assert!(!is_name("Mr."));
        assert!(!is_name("The"));
    }

    /// A gold quote of fragments given as (start, end).
    fn gold(fragments: &[(usize, usize)], source: &str) -> GoldQuote {
        GoldQuote {
            content: fragments.iter().map(|&(s, e)| s..e).collect(),
            source: (!source.is_empty()).then(|| source.to_string()),
        }
    }

    fn pred(span: Range<usize>, speaker: &str) -> PredictedQuote {
        PredictedQuote {
            span,
            speaker: (!speaker.is_empty()).then(|| speaker.to_string()),
        }
    }

    #[test]
    fn matching_needs_half_the_shorter_span_and_takes_the_largest_overlap() {
        let g = vec![gold(&[(0, 100)], "Ann Lee"), gold(&[(100, 110)], "Bo")];
        // Inside the first: matches. Half of the shorter with both (10 of 20, 10 of 10): the
        // first, as the overlaps tie. 2 of the shorter 10: no. Overlapping both, more of the
        // second (10 against 3): the second.
        let p = vec![
            pred(10..40, ""),
            pred(90..110, ""),
            pred(108..140, ""),
            pred(97..110, ""),
        ];
        assert_eq!(match_quotes(&p, &g), vec![Some(0), Some(0), None, Some(1)]);
    }

    #[test]
    fn counts_and_scores() {
        let g = vec![
            gold(&[(0, 50)], "Ann Lee"),
            gold(&[(60, 80), (90, 100)], "a spokesman"),
            gold(&[(200, 220)], ""),
            gold(&[(300, 320)], "Bo Diddley"),
        ];
        let p = vec![
            pred(0..20, "Lee"),         // first, right, name
            pred(25..50, ""),           // first again, no speaker, name
            pred(60..100, "Spokesman"), // second (30 of 30), right, not a name
            pred(200..220, "Lee"),      // third, no source: never right
            pred(400..420, "Lee"),      // nothing
        ];
        let c = count(&p, &g);
        assert_eq!(
            c,
            QuoteCounts {
                articles: 1,
                gold: 4,
                predicted: 5,
                matched: 4,
                gold_found: 3,
                with_source: 3,
                right: 2,
                named: 2,
                named_right: 1,
                named_empty: 1,
                gold_found_right: 2,
            }
        );
        let d = c.detection();
        assert_eq!((d.precision, d.recall), (0.8, 0.75));
        let e = c.end_to_end();
        assert_eq!((e.precision, e.recall), (0.4, 0.5));
        assert!((e.f1 - 4.0 / 9.0).abs() < 1e-12);
        assert_eq!(c.speaker_on_names(), 0.5);
        assert!((c.speaker_on_sources() - 2.0 / 3.0).abs() < 1e-12);
        let mut total = c;
        total += c;
        assert_eq!(total.detection(), d);
        assert_eq!(total.gold, 8);
    }
}
