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
