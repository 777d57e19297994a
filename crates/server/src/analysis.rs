//! A story's analysis as the server keeps it: the report `compare` produced (as `parallax story`
//! prints it), where each sentence it quotes stands in its article (for citation links), its
//! JSON, and its default page once rendered. Built once per version of the story.

use std::collections::HashMap;
use std::sync::OnceLock;

use axum::body::Bytes;
use parallax_model::{Analysis, ReadArticle, StoryReport};
use parallax_read::Lexicon;
use parallax_report::matrix::ClaimCounts;
use parallax_store::{Store, StoryVersion};

use crate::error::{Result, ServeError};

pub struct StoryView {
    /// "s12".
    pub key: String,
    pub version: StoryVersion,
    /// One story, as `parallax story ID --format json` prints it.
    pub analysis: Analysis,
    /// Per article, the index of each sentence by its text (the anchors of the article page).
    pub sentences: HashMap<String, HashMap<String, usize>>,
    pub counts: ClaimCounts,
    /// The API's body, serialised once (gzipped when first asked for so).
    pub json: Encoded,
    /// The page of the first view (every claim, first page), rendered with the analysis.
    pub page: OnceLock<Encoded>,
}

/// A body as sent: plain, and gzipped for the clients that accept it (every browser). The
/// gzipped form is made on the first request that takes it: a large story's JSON (tens of
/// megabytes, a third of a second to compress) must not delay its first page.
#[derive(Clone)]
pub struct Encoded {
    pub plain: Bytes,
    gzip: OnceLock<Bytes>,
}

impl Encoded {
    pub fn new(plain: Vec<u8>) -> Encoded {
        Encoded {
            plain: plain.into(),
            gzip: OnceLock::new(),
        }
    }

    /// The body gzipped (empty if compression failed: then the plain body is sent).
    pub fn gzip(&self) -> &Bytes {
        self.gzip.get_or_init(|| {
            use std::io::Write;
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            // Writing into a Vec cannot fail; an empty gzip body is never sent (plain is).
            gz.write_all(&self.plain)
                .and_then(|_| gz.finish())
                .unwrap_or_default()
                .into()
        })
    }

    /// Bytes held, counting a gzipped form not made yet as a quarter of the plain one (text
    /// compresses about that well), so that the cache's budget holds once it is made.
    fn len(&self) -> usize {
        self.plain.len() + self.gzip.get().map_or(self.plain.len() / 4, Bytes::len)
    }
}

impl StoryView {
    pub fn report(&self) -> &StoryReport {
        // Built with exactly one story.
        &self.analysis.stories[0]
    }

    /// The anchor index of `sentence` in `article`, if the reader found such a sentence.
    pub fn sentence_index(&self, article: &str, sentence: &str) -> Option<usize> {
        let of = self.sentences.get(article)?;
        of.get(sentence)
            .or_else(|| of.get(sentence.trim()))
            .copied()
    }

    /// About how much memory the view holds, for the cache's budget.
    pub fn weight(&self) -> usize {
        let sentences: usize = self
            .sentences
            .values()
            .flat_map(|m| m.keys())
            .map(|k| k.len() + 48)
            .sum();
        // The report in memory is about as large as its JSON.
        self.json.plain.len() + self.json.len() + sentences + self.page.get().map_or(0, |p| p.len())
    }
}

/// Read and compare the stored story's articles, as `parallax story` does.
pub fn analyse(
    store: &Store,
    story: i64,
    version: StoryVersion,
    lexicon: &Lexicon,
) -> Result<StoryView> {
    let key = format!("s{story}");
    let articles = store.story_articles(story)?;
    if articles.is_empty() {
        return Err(ServeError::NotFound(format!("no story {key}")));
    }
    let read: Vec<ReadArticle> = parallax_read::read_articles(&articles, lexicon);
    let refs: Vec<&ReadArticle> = read.iter().collect();
    let report = parallax_compare::analyze_story(&key, &refs);
    let sentences = read
        .iter()
        .map(|r| {
            let mut index = HashMap::with_capacity(r.sentences.len());
            for s in &r.sentences {
                index.entry(s.text.clone()).or_insert(s.index);
            }
            (r.id().to_string(), index)
        })
        .collect();
    let analysis = Analysis {
        stories: vec![report],
        errors: vec![],
    };
    let json = serde_json::to_vec(&analysis).map_err(|e| ServeError::Internal(e.to_string()))?;
    Ok(StoryView {
        key,
        version,
        counts: ClaimCounts::of(&analysis.stories[0].claims),
        analysis,
        sentences,
        json: Encoded::new(json),
        page: OnceLock::new(),
    })
}
