//! Generated pages through every extractor: random nestings of the elements, class names and
//! texts the detectors look at (furniture and content names, links, headings, ruby, tables,
//! unclosed and stray tags, text in several scripts), checked for the properties that must hold
//! on any input: no panic, the same output for the same page, and an article only when it has
//! words. A property test without a framework: a fixed-seed generator, so a failure repeats.

use parallax_web::{extract_with, Extractor, Method, WebError};

/// A small deterministic generator (64-bit linear congruential, high bits used).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

const OPEN: &[&str] = &[
    "<div>",
    "<div class=\"article-body\">",
    "<div class=\"sidebar\">",
    "<div class=\"has-sidebar\">",
    "<article>",
    "<main>",
    "<nav>",
    "<footer>",
    "<aside>",
    "<header>",
    "<figure>",
    "<figcaption>",
    "<section class=\"comments\">",
    "<ul>",
    "<li>",
    "<p>",
    "<h2>",
    "<table><tr><td>",
    "<a href=x>",
    "<span style=\"display:none\">",
    "<div hidden>",
    "<ruby>",
    "<rt>",
    "<form>",
    "<blockquote>",
    "<div itemprop=\"articleBody\">",
    "<div class=\"share-tools\">",
    "<pre>",
    "<b>",
    "<td>",
];
const CLOSE: &[&str] = &[
    "</div>",
    "</p>",
    "</li>",
    "</ul>",
    "</a>",
    "</article>",
    "</td></tr></table>",
    "</nav>",
    "</h2>",
    "</span>",
    "</rt>",
    "</ruby>",
    "</section>",
    "</footer>",
    "</b>",
    "</x>",
];
const TEXT: &[&str] = &[
    "The minister said on Monday that the talks would resume next week, aides confirmed. ",
    "Die Regierung hat am Montag neue Regeln beschlossen, wie ein Sprecher sagte. ",
    "子どもへの虐待をなくすための法律ができました。",
    "Правительство объявило о новых мерах. ",
    "Read more",
    "Share",
    "Home",
    "© 2025",
    "&amp; &lt;p&gt; &#x41; &bogus;",
    "<br>",
    "<br><br>",
    "   ",
    "\u{a0}",
    "…",
    "12",
    "|",
    "<!-- c -->",
    "<script>var x = '<p>';</script>",
    "<",
    "&",
];

fn random_page(rng: &mut Lcg) -> String {
    let mut page = String::from("<html><head><title>T</title></head><body>");
    for _ in 0..rng.below(120) {
        let piece = match rng.below(3) {
            0 => OPEN[rng.below(OPEN.len())],
            1 => CLOSE[rng.below(CLOSE.len())],
            _ => TEXT[rng.below(TEXT.len())],
        };
        page.push_str(piece);
    }
    page
}

#[test]
fn generated_pages_never_panic_and_give_stable_results() {
    let mut rng = Lcg(20261130);
    let mut articles = 0;
    for _ in 0..600 {
        let page = random_page(&mut rng);
        for extractor in [Extractor::Auto, Extractor::Readability, Extractor::Density] {
            let first = extract_with(extractor, &page, None);
            assert_eq!(first, extract_with(extractor, &page, None), "{page}");
            match first {
                Ok(e) => {
                    articles += 1;
                    assert!(e.text.split_whitespace().count() > 0, "{page}");
                    if extractor == Extractor::Density {
                        assert_eq!(e.method, Method::Density);
                    }
                }
                Err(err) => assert!(
                    matches!(err, WebError::NoArticle | WebError::TooDeep(_)),
                    "{err} on {page}"
                ),
            }
        }
    }
    assert!(
        articles > 100,
        "the generator makes articles too ({articles})"
    );
}
