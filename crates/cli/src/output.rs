//! Standard output and report files. Every line to stdout goes through [`write_stdout`] (or
//! [`say!`], which calls it), so a closed pipe (`| head`) ends output quietly instead of panicking.

use std::io::{IsTerminal, Write};

use anyhow::{Context, Result};

use crate::args::{ColorChoice, ReportArgs};

/// `println!` through [`write_stdout`]. Use it in functions returning `Result`.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::output::write_stdout(&format!("{}\n", format_args!($($arg)*)))?
    };
}
pub(crate) use say;

/// Write to stdout, treating a closed pipe (`| head`) as success.
pub fn write_stdout(s: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}

/// Pretty JSON and a newline on stdout.
pub fn print_json(value: &impl serde::Serialize) -> Result<()> {
    write_stdout(&(serde_json::to_string_pretty(value)? + "\n"))
}

/// Render the report as asked and write it to `--out` or stdout. Colour on `auto` needs a
/// terminal on stdout and no `NO_COLOR`.
pub fn write_report(
    analysis: &parallax_model::Analysis,
    report: ReportArgs,
    color: ColorChoice,
) -> Result<()> {
    let to_terminal = report.out.is_none() && std::io::stdout().is_terminal();
    let color = match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => to_terminal && std::env::var_os("NO_COLOR").is_none(),
    };
    let rendered = parallax_report::render(analysis, report.format.into(), color);
    match report.out {
        Some(path) => std::fs::write(&path, rendered)
            .with_context(|| format!("cannot write {}", path.display())),
        None => write_stdout(&rendered),
    }
}
