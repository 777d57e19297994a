//! Unit tests of the quote scoring.

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
