//! The command line: every command, its flags and their help text (clap derive). Flags that
//! several commands take are defined once, in a group flattened where it is used.
//!
//! A group's doc comments are its flags' help. A command whose help words a shared flag
//! differently sets it with `mut_arg`; those strings end without a full stop because clap's
//! derive drops the final one of a doc comment.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "parallax",
    version,
    about = "Compare how news outlets report the same story, claim by claim."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Analyse articles: stories, claims, contradictions, quotes, framing, a cited brief.
    Analyze(AnalyzeArgs),
    /// Article text and metadata from web pages, feeds and archives (and any other input).
    Extract(ExtractArgs),
    /// Show what Parallax reads in each article: line roles, sentences, entities, numbers, quotes.
    Read(InputArgs),
    /// Store articles (idempotently) and group them into stories as they arrive.
    Ingest(IngestArgs),
    /// List stored stories, newest first.
    Stories(StoriesArgs),
    /// The full analysis of one stored story (as `analyze` prints it).
    Story(StoryArgs),
    /// Full-text search over stored articles, best first, with the story of each hit.
    Search(SearchArgs),
    /// Group articles into stories without a store and print them.
    Cluster(ClusterArgs),
    /// Serve the stored stories as web pages and a JSON API (ingesting PATHs first, if given).
    Serve(ServeArgs),
    /// Measure quality against gold labels.
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
    /// Measure analysis time on the demo corpus and on generated stories of growing size.
    Bench(BenchArgs),
}

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Story clustering: B-cubed and pairwise precision, recall and F1 against JSON-lines files
    /// with `id`, `story`, `title`, `text` (and optional `published`, `outlet`), one row per file.
    Clusters(EvalClustersArgs),
    /// Quotes and their speakers against attribution annotations (brat standoff, as PolNeAR).
    ///
    /// Each `--data` folder holds `text/NAME.txt` and `attributions/NAME.ann`. Gold quotes are
    /// the attributions whose Content contains a quotation mark (`"`, `“`, `”`), at character
    /// offsets into the text file. Predicted quotes are Parallax's direct and partial quotes of
    /// the text file read as `.txt` input, mapped back to the file's characters.
    ///
    /// A prediction matches a gold quote when they overlap by at least half of the shorter span;
    /// each prediction matches at most one gold quote (the largest overlap), several may match one
    /// (a quote in pieces). Detection: precision = matched predictions / predictions, recall =
    /// gold quotes matched / gold quotes.
    ///
    /// A matched prediction's speaker is right when it shares a content word with the gold Source
    /// (lower-cased, stemmed; stop words, pronouns and the titles Mr, Mrs, Ms, Miss, Dr, Sen, Rep,
    /// Gov, President and Senator ignored; a gold quote without a Source has no right speaker).
    /// "speaker names": right speakers among matched predictions whose gold Source has a
    /// capitalised word that is none of those (a name); "sourced": among those whose gold quote
    /// has a Source. End to end: precision = matched predictions with the right speaker /
    /// predictions, recall = gold quotes matched with the right speaker / gold quotes. "no speaker"
    /// counts matched predictions without a speaker although the gold Source is a name.
    Quotes(EvalQuotesArgs),
    /// Briefs against reference summaries: ROUGE-1, ROUGE-2 and ROUGE-L F1.
    ///
    /// The gold items (`id`, `story`, `title`, `text`) are grouped by `story`; each story is
    /// analysed as one story (no clustering) and its brief's sentences, joined, are scored against
    /// the body of the story's roundup (`{"story", "summary"}`, the part of `summary` after
    /// `ARTICLE=>`). Tokens are lower-cased alphanumeric words, stemmed; ROUGE-L is by longest
    /// common subsequence; F1 is averaged over the stories, an empty brief scoring 0. The baseline
    /// is the articles' first body sentences taken round-robin, cut to the brief's length in words
    /// (40 words when the brief is empty).
    Briefs(EvalBriefsArgs),
    /// Claims that mix two events: alignment precision without a judge.
    ///
    /// The gold items are grouped by `story`; each story is paired with the story whose
    /// articles share the most content words with its own (ECB+: the other event of its topic),
    /// and each pair is analysed as one story. A claim two or more independent sources state is
    /// "mixed" when its sources come from both events: its sentences cannot state one fact. The
    /// recall side: the share of sentences in claims that two or more sources of one event state.
    Claims(EvalClaimsArgs),
    /// Article-body extraction on one or more development sets (folders with `html/ID.html.gz`):
    /// with `ground-truth.json` ({ID: {"articleBody": ...}}) the benchmark's 4-gram shingle
    /// precision, recall and F1; with `gold.json` ({ID: {"with": [...], "without": [...]}})
    /// trafilatura's snippet precision, recall and F1.
    Extraction(EvalExtractionArgs),
}

// Shared groups.

// The files and directories to read.
#[derive(Args)]
pub struct InputArgs {
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

// The SQLite store of the store commands.
#[derive(Args)]
pub struct StoreArgs {
    #[arg(long, default_value = "parallax.db")]
    pub db: PathBuf,
}

// What a full report is written as, and where.
#[derive(Args)]
pub struct ReportArgs {
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    #[arg(long)]
    pub out: Option<PathBuf>,
}

// Apart from `ReportArgs` because `analyze` shows `--strict` between them.
#[derive(Args)]
pub struct ColorArgs {
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

// What a list (of stories, of hits) is written as.
#[derive(Args)]
pub struct ListArgs {
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

// How story clustering runs.
#[derive(Args)]
pub struct ClusteringArgs {
    /// Cosine an article needs with a story to join it.
    #[arg(long, default_value_t = parallax_stories::STORY_THRESHOLD)]
    pub threshold: f64,
    /// Feed the articles in batches of this many, as a stream would arrive.
    #[arg(long, default_value_t = parallax_stories::FEED_BATCH)]
    pub batch: usize,
    /// How many of the latest earlier articles the neighbour graph of a batch sees beside it.
    #[arg(long, default_value_t = parallax_stories::CONTEXT)]
    pub context: usize,
}

impl ClusteringArgs {
    pub fn config(&self) -> parallax_stories::ClusterConfig {
        parallax_stories::ClusterConfig {
            threshold: self.threshold,
            context: self.context,
            ..Default::default()
        }
    }

    /// The batch size, at least one.
    pub fn batch(&self) -> usize {
        self.batch.max(1)
    }
}

// Commands.

#[derive(Args)]
#[command(
    mut_arg("paths", |a| a.help("Files or directories (.txt, .json, .jsonl); directories are read recursively")),
    mut_arg("out", |a| a.help("Write the report here instead of standard output")),
    mut_arg("color", |a| a.help("Colour in text output")),
)]
pub struct AnalyzeArgs {
    #[command(flatten)]
    pub inputs: InputArgs,
    #[command(flatten)]
    pub report: ReportArgs,
    /// Fail (exit 1) if any input could not be read, instead of analysing the rest.
    #[arg(long)]
    pub strict: bool,
    /// Treat all the input as one story: no grouping.
    #[arg(long)]
    pub one_story: bool,
    #[command(flatten)]
    pub color: ColorArgs,
    /// Extra loaded terms (`term|category` per line), added to the built-in lexicon.
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
}

#[derive(Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub inputs: InputArgs,
    /// The page's URL, when extracting a single page saved without it.
    #[arg(long)]
    pub url: Option<String>,
    #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
    pub format: ExtractFormat,
}

#[derive(Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub inputs: InputArgs,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Args)]
pub struct StoriesArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    #[command(flatten)]
    pub list: ListArgs,
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
}

#[derive(Args)]
pub struct StoryArgs {
    /// Story id as `stories` lists it ("s12" or "12").
    pub id: String,
    #[command(flatten)]
    pub store: StoreArgs,
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub color: ColorArgs,
}

#[derive(Args)]
pub struct SearchArgs {
    /// Words to find (all of them), or an FTS5 query with quotes and AND/OR/NOT.
    pub query: String,
    #[command(flatten)]
    pub store: StoreArgs,
    #[command(flatten)]
    pub list: ListArgs,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

#[derive(Args)]
pub struct ServeArgs {
    /// Files or directories to ingest into the store before serving.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub store: StoreArgs,
    /// Where to listen: loopback by default; another address makes the server reachable from
    /// the network.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: String,
}

#[derive(Args)]
pub struct ClusterArgs {
    #[command(flatten)]
    pub inputs: InputArgs,
    #[command(flatten)]
    pub list: ListArgs,
    #[command(flatten)]
    pub clustering: ClusteringArgs,
}

#[derive(Args)]
#[command(
    mut_arg("threshold", |a| a.help(None::<&str>)),
    mut_arg("batch", |a| a.help("Feed the articles in batches of this many, as a stream would arrive (the stories should hardly depend on it)")),
    mut_arg("context", |a| a.help("How many of the latest earlier articles the neighbour graph of a batch sees beside it; a small value on a small file plays a long stream, where stories outlive the graph's view and new articles join them by centroid")),
)]
pub struct EvalClustersArgs {
    /// A JSON-lines file of gold-labelled articles; repeat to score several sets in one run.
    #[arg(long, required = true)]
    pub gold: Vec<PathBuf>,
    #[command(flatten)]
    pub clustering: ClusteringArgs,
}

#[derive(Args)]
pub struct EvalQuotesArgs {
    /// A folder with `text/NAME.txt` and `attributions/NAME.ann`; repeat for several (one row
    /// each, then their total).
    #[arg(long, required = true)]
    pub data: Vec<PathBuf>,
}

#[derive(Args)]
pub struct EvalBriefsArgs {
    /// JSON lines of articles with their gold `story`.
    #[arg(long)]
    pub gold: PathBuf,
    /// JSON lines of reference summaries: `{"story", "summary"}`.
    #[arg(long)]
    pub roundups: PathBuf,
}

#[derive(Args)]
pub struct EvalClaimsArgs {
    /// JSON lines of articles with their gold `story`; repeat for several (one row each).
    #[arg(long, required = true)]
    pub gold: Vec<PathBuf>,
}

#[derive(Args)]
pub struct EvalExtractionArgs {
    /// A development set's folder; repeat for several sets (each is scored by its own gold).
    #[arg(long, required = true)]
    pub data: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = ExtractorChoice::Auto)]
    pub extractor: ExtractorChoice,
    /// Also print each page's scores, worst first.
    #[arg(long)]
    pub per_page: bool,
    /// Pages extracted at once (default: one per core).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Also write each page's extracted text to DIR/ID.txt, to read what was kept.
    #[arg(long, value_name = "DIR")]
    pub texts: Option<PathBuf>,
}

#[derive(Args)]
pub struct BenchArgs {
    /// The demo corpus directory to time (skipped if absent).
    #[arg(long, default_value = "examples/kazakhstan-abraham-accords")]
    pub demo: PathBuf,
    /// Sizes (articles) of the generated stories.
    #[arg(long, value_delimiter = ',', default_value = "50,100,200,400")]
    pub sizes: Vec<usize>,
    /// Repetitions per measurement; the median is reported.
    #[arg(long, default_value_t = 11)]
    pub runs: usize,
    /// Instead: the scale benchmark — generate this many articles (many stories over many
    /// days, syndicated copies) and measure clustering and store ingest throughput and memory.
    #[arg(long)]
    pub scale: Option<usize>,
    /// With --scale: where to put the benchmark store (deleted first).
    #[arg(long, default_value = "parallax-bench.db")]
    pub db: PathBuf,
    /// With --scale: strip the publication dates, as in a crawl of plain text files (the
    /// window is then counted in articles).
    #[arg(long)]
    pub undated: bool,
    /// Instead: the server benchmark — serve the store at --db (built first, when missing, from
    /// 100,000 generated articles and a generated story of 400) and measure throughput and
    /// latency on loopback.
    #[arg(long)]
    pub serve: bool,
    /// With --serve: concurrent connections.
    #[arg(long, default_value_t = 64)]
    pub connections: usize,
    /// With --serve: at most this many requests per measurement.
    #[arg(long, default_value_t = 20_000)]
    pub requests: usize,
    /// With --serve: at most this many seconds per measurement.
    #[arg(long, default_value_t = 20)]
    pub seconds: u64,
}

// Values.

#[derive(Clone, Copy, ValueEnum)]
pub enum ExtractorChoice {
    /// Both detectors, each page's result chosen by agreement (what `extract` and `ingest` use).
    Auto,
    /// dom_smoothie (Readability.js port) with Parallax's boilerplate rules, alone.
    Readability,
    /// Parallax's text-density block classifier, alone.
    Density,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ExtractFormat {
    Json,
    Jsonl,
    Text,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
    Md,
    Html,
}

impl From<OutputFormat> for parallax_report::Format {
    fn from(format: OutputFormat) -> Self {
        match format {
            OutputFormat::Text => parallax_report::Format::Text,
            OutputFormat::Json => parallax_report::Format::Json,
            OutputFormat::Md => parallax_report::Format::Markdown,
            OutputFormat::Html => parallax_report::Format::Html,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// clap's own checks of the definitions (names, groups, the `mut_arg` targets), which
    /// otherwise run only when a debug binary parses.
    #[test]
    fn command_line_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
