//! `parallax`: compare how news outlets report the same story, claim by claim.
//!
//! Thin wiring: `args.rs` defines the command line, `commands/` runs each command, `output.rs`
//! writes to stdout; here the arguments are parsed and dispatched, and an error exits with 2.

mod args;
mod commands;
mod output;

use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use args::{Cli, Command};
use commands::{analyze, bench, cluster, eval, serve, store};

fn main() -> ExitCode {
    match run(Cli::parse().command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("parallax: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command) -> Result<ExitCode> {
    match command {
        Command::Analyze(args) => analyze::analyze(args),
        Command::Extract(args) => analyze::extract(args),
        Command::Read(args) => analyze::read(args),
        Command::Ingest(args) => store::ingest(args),
        Command::Stories(args) => store::stories(args),
        Command::Story(args) => store::story(args),
        Command::Search(args) => store::search(args),
        Command::Cluster(args) => cluster::cluster(args),
        Command::Serve(args) => serve::serve(args),
        Command::Eval { what } => eval::eval(what),
        Command::Bench(args) => bench::bench(args),
    }
}
