//! A generated multi-outlet story for benchmarks: many articles rewording a shared pool of facts,
//! with figures, quotes and syndicated copies, from a fixed seed (deterministic).

use parallax_model::Article;

/// A tiny deterministic PRNG (xorshift64*); benchmarks must not vary between runs.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const ACTORS: &[&str] = &[
    "Norland",
    "Estavia",
    "Korvania",
    "Dalmoria",
    "Vestria",
    "Ostrava Union",
    "Meridia",
    "Caldera",
];
const LEADERS: &[&str] = &[
    "President Anna Kovac",
    "Prime Minister Jonas Berg",
    "Foreign Minister Lina Osei",
    "Envoy Marco Tellez",
    "Minister Rafael Duarte",
];
const VERBS: &[&str] = &["announced", "said", "confirmed", "stated"];
const DEALS: &[&str] = &[
    "trade agreement",
    "security pact",
    "energy deal",
    "water-sharing treaty",
    "minerals memorandum",
];
const ADJ: &[&str] = &["significant", "major", "modest", "long-awaited", "expected"];

/// `n` articles about one story. About one in ten is a near-verbatim copy of an earlier one.
pub fn story(n: usize, seed: u64) -> Vec<Article> {
    let mut rng = Rng::new(seed);
    // A pool of facts the outlets draw from; each outlet words them its own way.
    let facts: Vec<(String, String)> = (0..40)
        .map(|i| {
            let a = ACTORS[i % ACTORS.len()];
            let b = ACTORS[(i * 3 + 1) % ACTORS.len()];
            let deal = DEALS[i % DEALS.len()];
            let year = 1990 + (i as i32 * 7) % 35;
            let amount = 2 + (i * 13) % 40;
            (
                format!("{a} and {b} signed a {deal} worth ${amount} billion in {year}"),
                format!("the {deal} between {a} and {b}, valued at ${amount} billion, dates back to {year}"),
            )
        })
        .collect();
    let mut out: Vec<Article> = Vec::with_capacity(n);
    for k in 0..n {
        if k > 5 && rng.below(10) == 0 {
            let src = &out[rng.below(k)];
            let mut copy = Article::new(
                format!("a{k:05}"),
                src.text.replace(" said ", " told reporters "),
            );
            copy.outlet = Some(format!("Outlet {}", k % 37));
            out.push(copy);
            continue;
        }
        let mut text = format!(
            "{} Joins Regional {} Talks\n",
            rng.pick(ACTORS),
            rng.pick(&["Trade", "Security", "Energy"])
        );
        let sentences = 12 + rng.below(18);
        for _ in 0..sentences {
            let f = &facts[rng.below(facts.len())];
            let line = match rng.below(4) {
                0 => format!(
                    "{}, {} {} on Thursday.",
                    capitalize(&f.0),
                    rng.pick(LEADERS),
                    rng.pick(VERBS)
                ),
                1 => format!("Officials said that {}.", f.1),
                2 => format!(
                    "\"This is a {} step for our region,\" {} {}.",
                    rng.pick(ADJ),
                    rng.pick(LEADERS),
                    rng.pick(VERBS)
                ),
                _ => format!("{}.", capitalize(&f.0)),
            };
            text.push_str(&line);
            text.push('\n');
        }
        let mut a = Article::new(format!("a{k:05}"), text);
        a.outlet = Some(format!("Outlet {}", k % 37));
        out.push(a);
    }
    out
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mar", "ten", "vi", "sa", "dor", "el", "ra", "nu", "bel", "tor", "an", "is", "mo",
    "ver", "zu", "qui", "pa", "len",
];
const EVENT_KINDS: &[&str] = &[
    "earthquake",
    "election",
    "strike",
    "flood",
    "merger",
    "trial",
    "summit",
    "protest",
    "fire",
    "ceasefire",
    "recall",
    "heatwave",
];
const FILLER: &[&str] = &[
    "Officials said more details would be released later in the day.",
    "The situation remained fluid as reporters gathered outside.",
    "Analysts cautioned that it was too early to judge the long-term effects.",
    "Residents described scenes of confusion in the first hours.",
    "The government promised a full account of what happened.",
    "Markets reacted cautiously to the news on Monday.",
    "Local media carried live coverage throughout the afternoon.",
];

fn name(rng: &mut Rng) -> String {
    let n = 2 + rng.below(2);
    capitalize(&(0..n).map(|_| rng.pick(SYLLABLES)).collect::<String>())
}

/// One story of [`stream`]: an event in a place, two people, and twelve facts its articles draw on.
struct Story {
    kind: &'static str,
    place: String,
    people: [String; 2],
    facts: Vec<String>,
}

fn new_story(rng: &mut Rng) -> Story {
    let kind = rng.pick(EVENT_KINDS);
    let place = name(rng);
    let people = [
        format!("{} {}", name(rng), name(rng)),
        format!("{} {}", name(rng), name(rng)),
    ];
    let figure = 3 + rng.below(5000);
    let facts = (0..12)
        .map(|i| match i % 4 {
            0 => format!(
                "The {kind} in {place} affected {figure} people, according to {}.",
                people[0]
            ),
            1 => format!(
                "{} said the response to the {kind} in {place} would continue for days.",
                people[1]
            ),
            2 => format!(
                "In {place}, officials counted {} damaged buildings after the {kind}.",
                figure / 3 + i
            ),
            _ => format!(
                "\"We are doing everything we can,\" {} told reporters in {place}.",
                people[i % 2]
            ),
        })
        .collect();
    Story {
        kind,
        place,
        people,
        facts,
    }
}

/// A realistic stream for scale tests: `n` articles about many stories spread over many days
/// (each story runs a few days), of news-like length (~250–500 words), with about 8% syndicated
/// copies. Generated lazily, so the corpus itself takes no memory.
pub fn stream(n: usize, seed: u64) -> impl Iterator<Item = Article> {
    let mut rng = Rng::new(seed);
    let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    // About 40 articles a story; 150 new stories a day at the default size.
    let per_day = 6000usize;
    let mut live: Vec<(Story, usize)> = Vec::new();
    let mut recent: Vec<Article> = Vec::new();
    (0..n).map(move |k| {
        let day = (k / per_day) as i64;
        let date = start + chrono::Duration::days(day);
        if k > 0 && rng.below(12) == 0 && !recent.is_empty() {
            let src = recent[rng.below(recent.len())].clone();
            let mut copy = src;
            copy.id = format!("g{k:07}");
            copy.outlet = Some(format!("Outlet {}", rng.below(300)));
            copy.published_date = Some(date);
            copy.published = Some(date.to_string());
            return copy;
        }
        // Stories start and end over time: keep ~120 live, replace one now and then.
        if live.len() < 120 || rng.below(40) == 0 {
            let story = new_story(&mut rng);
            if live.len() >= 120 {
                let gone = rng.below(live.len());
                live.swap_remove(gone);
            }
            live.push((story, 0));
        }
        let pick = rng.below(live.len());
        let (story, count) = &mut live[pick];
        *count += 1;
        let mut text = format!(
            "{} hit by {}: {} speaks\n",
            story.place, story.kind, story.people[0]
        );
        let sentences = 14 + rng.below(16);
        for _ in 0..sentences {
            if rng.below(3) == 0 {
                text.push_str(rng.pick(FILLER));
            } else {
                text.push_str(&story.facts[rng.below(story.facts.len())]);
            }
            text.push(' ');
            if rng.below(4) == 0 {
                text.push('\n');
            }
        }
        let mut a = Article::new(format!("g{k:07}"), text);
        a.outlet = Some(format!("Outlet {}", rng.below(300)));
        a.published_date = Some(date);
        a.published = Some(date.to_string());
        if recent.len() >= 64 {
            recent.remove(0);
        }
        recent.push(a.clone());
        a
    })
}
