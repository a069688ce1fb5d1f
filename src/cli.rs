//! The command line: `newslens [FILE]` opens the reader, `newslens extract FILE` prints
//! an export.

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use newslens::export::{self, Format};
use newslens::{analyse, load};
use std::io::Write;
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "newslens",
    version,
    about = "A reader that shows who and what an article is about.",
    args_conflicts_with_subcommands = true
)]
pub struct Args {
    /// A document to open in the reader (the sample article when left out).
    pub file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print the entities and facts of a document, without opening the window.
    Extract {
        /// The document to read.
        file: PathBuf,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = FormatArg::Json)]
        format: FormatArg,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FormatArg {
    Json,
    Csv,
    #[value(alias = "markdown")]
    Md,
    Html,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::Json => Format::Json,
            FormatArg::Csv => Format::Csv,
            FormatArg::Md => Format::Markdown,
            FormatArg::Html => Format::Html,
        }
    }
}

/// `newslens extract`: load, analyse, print or write.
pub fn extract(file: PathBuf, format: Format, output: Option<PathBuf>) -> anyhow::Result<()> {
    let document = load::load_path(&file)?;
    if let Some(notice) = &document.notice {
        eprintln!("newslens: {}: {notice}", file.display());
    }
    let analysis = analyse(document);
    match output {
        Some(path) => export::write_file(&analysis, format, &path)
            .with_context(|| format!("cannot write {}", path.display())),
        None => {
            let rendered = export::render(&analysis, format);
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(rendered.as_bytes())
                .and_then(|()| stdout.flush())
            {
                // A closed pipe (`| head`) is not an error worth reporting.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other.context("cannot write to standard output"),
            }
        }
    }
}
