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
/// [`Annotations::skipped`]. (Long because each brat line kind is one arm of one match.)
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
mod tests;
