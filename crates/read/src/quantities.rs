//! Numbers and dates: money, percentages, counts, durations, years, calendar dates and weekdays,
//! each normalised so that values from different articles can be compared. At each token the
//! kinds are tried in turn (relative days, month- and day-led dates, decades, money after a
//! currency symbol, then numbers); weekdays and month-day dates are resolved against the
//! publication date when the article has one.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use parallax_model::{Quantity, QuantityValue, Sentence};

use parallax_text::{tokenize, Token, TokenKind, WordList};

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const MONTH_ABBR: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
    ("dozens", 24.0),
    ("hundreds", 200.0),
    ("thousands", 2000.0),
];
const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("k", 1e3),
    ("million", 1e6),
    ("m", 1e6),
    ("mn", 1e6),
    ("billion", 1e9),
    ("bn", 1e9),
    ("b", 1e9),
    ("trillion", 1e12),
    ("tn", 1e12),
];
const DURATION_UNITS: &[&str] = &[
    "year", "month", "week", "day", "hour", "minute", "decade", "century",
];
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("rubles", "RUB"),
    ("roubles", "RUB"),
    ("shekels", "ILS"),
    ("tenge", "KZT"),
];
/// Words skipped when looking for a count's unit ("four other Central Asian nations").
static UNIT_SKIP: WordList = WordList::new(include_str!("../data/unit-skip-words.txt"));
/// Words that qualify a number ("over $17 billion"); such values are bounds, not points.
static QUALIFIERS: WordList = WordList::new(include_str!("../data/qualifiers.txt"));

/// Find quantities in one sentence. `published` resolves weekdays and month-day dates.
pub fn find_quantities(sentence: &Sentence, published: Option<NaiveDate>) -> Vec<Quantity> {
    let toks = tokenize(&sentence.text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match quantity_at(sentence, &toks, i, published) {
            Some((q, next)) => {
                out.push(q);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

fn parse_number(t: &Token<'_>) -> Option<f64> {
    if t.kind != TokenKind::Number {
        return None;
    }
    let digits: String = t
        .text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    digits.parse().ok()
}

fn lower(toks: &[Token<'_>], i: usize) -> String {
    toks.get(i)
        .map(|t| t.text.to_lowercase())
        .unwrap_or_default()
}

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == w)
        .or_else(|| {
            (w.len() == 3 || w == "sept")
                .then(|| MONTH_ABBR.iter().position(|m| w.starts_with(m)))
                .flatten()
        })
        .map(|p| p as u32 + 1)
}

fn year_of(t: &Token<'_>) -> Option<i32> {
    (t.kind == TokenKind::Number && t.text.len() == 4 && t.text.chars().all(|c| c.is_ascii_digit()))
        .then(|| t.text.parse().ok())
        .flatten()
        .filter(|y| (1800..=2100).contains(y))
}

fn day_of(t: &Token<'_>) -> Option<u32> {
    if t.kind != TokenKind::Number {
        return None;
    }
    let d: String = t.text.chars().take_while(char::is_ascii_digit).collect();
    d.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A qualifier just before token `i` ("more than", "over").
fn qualifier_before(toks: &[Token<'_>], i: usize) -> (Option<String>, usize) {
    for n in (1..=3).rev() {
        if i >= n {
            let words: Vec<String> = (i - n..i).map(|k| lower(toks, k)).collect();
            let phrase = words.join(" ");
            if QUALIFIERS.contains(&phrase) {
                return (Some(phrase), i - n);
            }
        }
    }
    (None, i)
}

fn make(
    sentence: &Sentence,
    toks: &[Token<'_>],
    from: usize,
    to: usize,
    value: QuantityValue,
    qualifier: Option<String>,
) -> Quantity {
    let span = toks[from].start..toks[to - 1].end;
    Quantity {
        sentence: sentence.index,
        surface: sentence.text[span.clone()].to_string(),
        span,
        value,
        qualifier,
    }
}

/// A quantity starting at a token, and the token after it; `None` when there is none.
type Read = Option<(Quantity, usize)>;

/// The quantity that starts at token `i`, if any. Each kind is tried in turn; a kind that
/// recognises the token decides (`Some`), possibly that there is no quantity after all
/// ("May" without a day or year is a verb), else the next kind is tried.
fn quantity_at(
    sentence: &Sentence,
    toks: &[Token<'_>],
    i: usize,
    published: Option<NaiveDate>,
) -> Read {
    let at = At {
        sentence,
        toks,
        i,
        w: toks[i].text.to_lowercase(),
        published,
    };
    at.relative_date()
        .or_else(|| at.month_led_date())
        .or_else(|| at.day_led_date())
        .or_else(|| at.decade())
        .or_else(|| at.money_after_symbol())
        .unwrap_or_else(|| at.number())
}

/// Token `i` of a sentence, where a quantity may start.
struct At<'a, 't> {
    sentence: &'a Sentence,
    toks: &'a [Token<'t>],
    i: usize,
    /// The token, lower-cased.
    w: String,
    published: Option<NaiveDate>,
}

fn day_date(date: NaiveDate) -> QuantityValue {
    QuantityValue::Date {
        iso: date.format("%Y-%m-%d").to_string(),
        precision: "day".into(),
    }
}

impl At<'_, '_> {
    fn make(
        &self,
        from: usize,
        to: usize,
        value: QuantityValue,
        qualifier: Option<String>,
    ) -> Quantity {
        make(self.sentence, self.toks, from, to, value, qualifier)
    }

    /// The token alone, unqualified.
    fn single(&self, value: QuantityValue) -> Option<Read> {
        Some(Some((
            self.make(self.i, self.i + 1, value, None),
            self.i + 1,
        )))
    }

    /// Weekdays and today/yesterday/tomorrow, dated from the publication date when there is one.
    fn relative_date(&self) -> Option<Read> {
        let (toks, i, w) = (self.toks, self.i, self.w.as_str());
        if let Some(&(_, wd)) = WEEKDAYS.iter().find(|(name, _)| *name == w) {
            let future = toks[..i]
                .iter()
                .rev()
                .take(8)
                .any(|t| matches!(t.text, "will" | "next" | "'ll" | "upcoming"));
            let value = match self.published {
                Some(p) => day_date(resolve_weekday(p, wd, future)),
                None => QuantityValue::RelativeDay { day: capitalize(w) },
            };
            return self.single(value);
        }
        let offset = match w {
            "today" => 0,
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => return None,
        };
        let p = self.published?;
        self.single(day_date(p + Duration::days(offset)))
    }

    /// Month-led dates: "May 03, 2013", "June 8", "September 2010", "Nov. 5th".
    fn month_led_date(&self) -> Option<Read> {
        let (toks, i) = (self.toks, self.i);
        let t = &toks[i];
        if !t.is_capitalized() {
            return None;
        }
        let month = month_of(t.text)?;
        let mut j = i + 1;
        if toks.get(j).is_some_and(|t| t.text == ".") {
            j += 1;
        }
        let day = toks
            .get(j)
            .and_then(day_of)
            .filter(|_| toks.get(j).is_some_and(|t| year_of(t).is_none()));
        if day.is_some() {
            j += 1;
            if toks.get(j).is_some_and(|t| t.text == ",")
                && toks.get(j + 1).and_then(year_of).is_some()
            {
                j += 1;
            }
        }
        let year = toks.get(j).and_then(year_of);
        if year.is_some() {
            j += 1;
        }
        // "May" alone is a verb far more often than a month.
        if day.is_none() && year.is_none() {
            return Some(None);
        }
        let year = year.or_else(|| self.published.map(|p| p.year()));
        let value = match (year, day) {
            (Some(y), Some(d)) => NaiveDate::from_ymd_opt(y, month, d).map(day_date),
            (Some(y), None) => Some(QuantityValue::Date {
                iso: format!("{y}-{month:02}"),
                precision: "month".into(),
            }),
            (None, Some(d)) => Some(QuantityValue::Date {
                iso: format!("--{month:02}-{d:02}"),
                precision: "day".into(),
            }),
            (None, None) => None,
        };
        let end = if toks.get(j - 1).is_some_and(|t| t.text == ",") {
            j - 1
        } else {
            j
        };
        Some(value.map(|value| (self.make(i, end, value, None), j)))
    }

    /// Day-led dates: "3 May 2013".
    fn day_led_date(&self) -> Option<Read> {
        let (toks, i) = (self.toks, self.i);
        let d = day_of(&toks[i])?;
        let m = toks
            .get(i + 1)
            .and_then(|n| n.is_capitalized().then(|| month_of(n.text)).flatten())?;
        let y = toks.get(i + 2).and_then(year_of)?;
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        Some(Some((self.make(i, i + 3, day_date(date), None), i + 3)))
    }

    /// Decades: "1990s", "mid-1990s".
    fn decade(&self) -> Option<Read> {
        let t = &self.toks[self.i];
        let decade = |y: i32| QuantityValue::Date {
            iso: format!("{}s", y),
            precision: "decade".into(),
        };
        if t.kind == TokenKind::Number && t.text.len() == 5 && t.text.ends_with('s') {
            if let Ok(y) = t.text[..4].parse::<i32>() {
                if (1800..=2090).contains(&y) && y % 10 == 0 {
                    return self.single(decade(y));
                }
            }
        }
        if t.kind == TokenKind::Word && t.text.contains('-') {
            if let Some(dec) = t
                .text
                .rsplit('-')
                .next()
                .filter(|d| d.len() == 5 && d.ends_with('s'))
            {
                if let Ok(y) = dec[..4].parse::<i32>() {
                    return self.single(decade(y));
                }
            }
        }
        None
    }

    /// Money with a symbol: "$17 billion", "US$ 3m", "€5".
    fn money_after_symbol(&self) -> Option<Read> {
        let (toks, i) = (self.toks, self.i);
        let currency = match toks[i].text {
            "$" => "USD",
            "\u{20ac}" => "EUR",
            "\u{a3}" => "GBP",
            "\u{a5}" => "JPY",
            _ => return None,
        };
        let Some(number) = toks.get(i + 1).and_then(parse_number) else {
            return Some(None);
        };
        let (scale, next) = scale_at(toks, i + 2);
        let (qualifier, from) = qualifier_before(toks, i);
        let value = QuantityValue::Money {
            currency: currency.into(),
            amount: number * scale,
        };
        Some(Some((self.make(from, next, value, qualifier), next)))
    }

    /// A number, written in digits or words: a year, a percentage, money in words, a duration,
    /// or a count of what follows it.
    fn number(&self) -> Read {
        let (toks, i) = (self.toks, self.i);
        let t = &toks[i];
        let number = parse_number(t).or_else(|| {
            (t.kind == TokenKind::Word)
                .then(|| {
                    NUMBER_WORDS
                        .iter()
                        .find(|(n, _)| *n == self.w)
                        .map(|(_, v)| *v)
                })
                .flatten()
        })?;
        // Hyphenated compounds like "three-way" are tokens of their own and never reach here.
        let (qualifier, from) = qualifier_before(toks, i);
        if let Some(y) = year_of(t) {
            // A four-digit year, unless a unit follows ("1992 people" is rare; "2,000 people" has
            // a comma).
            let next = lower(toks, i + 1);
            if !matches!(next.as_str(), "%" | "percent") {
                let value = QuantityValue::Year { year: y };
                return Some((self.make(from, i + 1, value, qualifier), i + 1));
            }
        }
        let (scale, mut next) = scale_at(toks, i + 1);
        let amount = number * scale;
        let unit_word = lower(toks, next);
        if unit_word == "%"
            || unit_word == "percent"
            || (unit_word == "per" && lower(toks, next + 1) == "cent")
        {
            next += if unit_word == "per" { 2 } else { 1 };
            let value = QuantityValue::Percent { value: amount };
            return Some((self.make(from, next, value, qualifier), next));
        }
        if let Some((_, code)) = CURRENCY_WORDS.iter().find(|(word, _)| *word == unit_word) {
            let value = QuantityValue::Money {
                currency: code.to_string(),
                amount,
            };
            return Some((self.make(from, next + 1, value, qualifier), next + 1));
        }
        let singular = unit_word.trim_end_matches('s');
        if DURATION_UNITS.contains(&singular) || unit_word == "centuries" {
            let unit = if unit_word == "centuries" {
                "century".to_string()
            } else {
                singular.to_string()
            };
            let value = QuantityValue::Duration {
                value: amount,
                unit,
            };
            return Some((self.make(from, next + 1, value, qualifier), next + 1));
        }
        let unit = count_unit(toks, next);
        // Spelled-out small numbers are only worth keeping with a unit ("four other nations").
        if t.kind == TokenKind::Word && unit.is_none() {
            return None;
        }
        let value = QuantityValue::Count {
            value: amount,
            unit,
        };
        Some((self.make(from, next, value, qualifier), next))
    }
}

/// The noun a count counts, looking from token `next` past a few modifiers: capitalised
/// adjectives before the noun are skipped ("four other Central Asian nations").
fn count_unit(toks: &[Token<'_>], next: usize) -> Option<String> {
    let mut k = next;
    while k < toks.len()
        && k < next + 4
        && (UNIT_SKIP.contains(&lower(toks, k))
            || (toks[k].is_capitalized()
                && toks.get(k + 1).is_some_and(|t| {
                    t.kind == TokenKind::Word && !parallax_text::is_stopword(&t.text.to_lowercase())
                })))
    {
        k += 1;
    }
    toks.get(k)
        .filter(|u| {
            u.kind == TokenKind::Word && !parallax_text::is_stopword(&u.text.to_lowercase())
        })
        .map(|u| u.text.to_lowercase())
}

fn scale_at(toks: &[Token<'_>], i: usize) -> (f64, usize) {
    let w = lower(toks, i);
    match SCALES.iter().find(|(s, _)| *s == w) {
        Some((_, v)) => (*v, i + 1),
        None => (1.0, i),
    }
}

fn capitalize(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The weekday nearest the publication date: the last one on or before it, or for future
/// tense ("will meet Monday") the next one after it.
pub fn resolve_weekday(published: NaiveDate, day: Weekday, future: bool) -> NaiveDate {
    let p = published.weekday().num_days_from_monday() as i64;
    let d = day.num_days_from_monday() as i64;
    if future {
        let ahead = (d - p).rem_euclid(7);
        published + Duration::days(if ahead == 0 { 7 } else { ahead })
    } else {
        published - Duration::days((p - d).rem_euclid(7))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, published: Option<NaiveDate>) -> Vec<(String, String, Option<String>)> {
        let s = crate::test_sentence(0, text);
        find_quantities(&s, published)
            .into_iter()
            .map(|q| (q.surface.clone(), q.normalized(), q.qualifier))
            .collect()
    }

    #[test]
    fn money_counts_years_percent() {
        let v = values("They signed deals worth over $17 billion, killed more than 68,800 Palestinians since 1992 and grew 3.5%.", None);
        assert_eq!(
            v[0],
            (
                "over $17 billion".into(),
                "USD 17000000000".into(),
                Some("over".into())
            )
        );
        assert_eq!(
            v[1],
            (
                "more than 68,800".into(),
                "68800 palestinians".into(),
                Some("more than".into())
            )
        );
        assert_eq!(v[2].1, "1992");
        assert_eq!(v[3].1, "3.5%");
    }

    #[test]
    fn durations_and_word_numbers() {
        let v = values(
            "More than 33 years after, four other Central Asian nations met for three decades.",
            None,
        );
        assert_eq!(v[0].1, "33 year");
        assert_eq!(v[1].1, "4 nations");
        assert_eq!(v[2].1, "3 decade");
        assert!(values("a three-way call with one of them", None).is_empty());
    }

    #[test]
    fn dates_and_weekdays() {
        let thu = NaiveDate::from_ymd_opt(2025, 11, 6).unwrap(); // a Thursday
        let v = values("Kazakhstan announced Thursday it will meet Monday; on May 03, 2013 and June 8 and in the mid-1990s.", Some(thu));
        assert_eq!(v[0].1, "2025-11-06");
        assert_eq!(v[1].1, "2025-11-10");
        assert_eq!(v[2].1, "2013-05-03");
        assert_eq!(v[3].1, "2025-06-08");
        assert_eq!(v[4].1, "1990s");
        let v = values("announced on Thursday", None);
        assert_eq!(v[0].1, "Thursday");
        assert!(values("It may rain.", None).is_empty());
    }

    #[test]
    fn weekday_resolution() {
        let fri = NaiveDate::from_ymd_opt(2025, 11, 7).unwrap();
        assert_eq!(
            resolve_weekday(fri, Weekday::Thu, false).to_string(),
            "2025-11-06"
        );
        assert_eq!(
            resolve_weekday(fri, Weekday::Fri, false).to_string(),
            "2025-11-07"
        );
        assert_eq!(
            resolve_weekday(fri, Weekday::Mon, true).to_string(),
            "2025-11-10"
        );
    }
}
