//! `eval`: quality against gold labels, of story clustering, quotes and their speakers, briefs,
//! claims that mix events,
//! and article-body extraction, one file each. The scoring itself is in the library crates
//! (`parallax_stories::eval`, `parallax_read::eval`, `parallax_compare::eval`,
//! `parallax_web::eval`); here the files are read and the tables printed.

mod briefs;
mod claims;
mod clusters;
mod extraction;
mod quotes;

use std::process::ExitCode;

use anyhow::Result;

use crate::args::EvalCommand;

pub fn eval(what: EvalCommand) -> Result<ExitCode> {
    match what {
        EvalCommand::Clusters(args) => clusters::clusters(args),
        EvalCommand::Quotes(args) => quotes::quotes(args),
        EvalCommand::Briefs(args) => briefs::briefs(args),
        EvalCommand::Claims(args) => claims::claims(args),
        EvalCommand::Extraction(args) => extraction::extraction(args),
    }
}
