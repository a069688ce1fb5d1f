//! `newslens library ...`: the library of articles from the command line, through the same
//! functions as the window's Library view.

use anyhow::Context;
use clap::{Subcommand, ValueEnum};
use newslens::Label;
use newslens::library::{AddProgress, Library, LibraryExport};
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

#[derive(Subcommand, Debug)]
pub enum LibraryCommand {
    /// Add every document under the folders (again only those that changed).
    Add {
        #[arg(required = true, num_args = 1..)]
        folders: Vec<PathBuf>,
    },
    /// The entities across the library: kind, name, documents, mentions.
    Entities {
        /// Only this kind.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// Only names containing this.
        #[arg(long, default_value = "")]
        filter: String,
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// The documents: date, headline, mentions, path.
    Documents {
        #[arg(long, default_value = "")]
        filter: String,
    },
    /// One entity: its documents, its mentions in context, its quotes and figures.
    Show {
        /// The entity's name, as `library entities` lists it.
        name: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Full-text search: words, "phrases", AND / OR / NOT, kind:PERSON, entity:"Xi Jinping".
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Export the library.
    Export {
        #[arg(long, short, value_enum)]
        format: ExportArg,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum KindArg {
    Person,
    Place,
    Org,
    Project,
    Figure,
    Date,
}

impl From<KindArg> for Label {
    fn from(kind: KindArg) -> Label {
        match kind {
            KindArg::Person => Label::Person,
            KindArg::Place => Label::Place,
            KindArg::Org => Label::Org,
            KindArg::Project => Label::Project,
            KindArg::Figure => Label::Figure,
            KindArg::Date => Label::Date,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ExportArg {
    /// One row per entity and document that mentions it.
    EntitiesCsv,
    /// Every quote with its speaker and document.
    QuotesCsv,
    QuotesJsonl,
    /// The whole analysis, one document a line (the shape of `extract --format jsonl`).
    Jsonl,
}

impl From<ExportArg> for LibraryExport {
    fn from(arg: ExportArg) -> LibraryExport {
        match arg {
            ExportArg::EntitiesCsv => LibraryExport::EntitiesByDocumentsCsv,
            ExportArg::QuotesCsv => LibraryExport::QuotesCsv,
            ExportArg::QuotesJsonl => LibraryExport::QuotesJsonl,
            ExportArg::Jsonl => LibraryExport::AnalysisJsonl,
        }
    }
}

/// Opens the library at `path`, or the one in the data folder.
fn open(path: Option<PathBuf>) -> anyhow::Result<Library> {
    let path = path
        .or_else(Library::default_path)
        .context("no data folder for the library: set NEWSLENS_DATA_DIR or give --library")?;
    let mut library = Library::open(&path)?;
    for warning in library.take_warnings() {
        eprintln!("newslens: {warning}");
    }
    Ok(library)
}

pub fn run(library: Option<PathBuf>, command: LibraryCommand) -> anyhow::Result<()> {
    let mut library = open(library)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let result = match command {
        LibraryCommand::Add { folders } => add(&mut library, &folders),
        LibraryCommand::Entities {
            kind,
            filter,
            limit,
        } => {
            for entity in library.entities(kind.map(Label::from), &filter, limit)? {
                writeln!(
                    out,
                    "{}\t{}\t{} documents\t{} mentions",
                    entity.label.as_str(),
                    entity.name,
                    entity.documents,
                    entity.mentions
                )?;
            }
            Ok(())
        }
        LibraryCommand::Documents { filter } => {
            let sort = newslens::library::DocumentSort::default();
            for document in library.documents(&filter, sort)? {
                writeln!(
                    out,
                    "{}\t{}\t{} mentions\t{}",
                    document.date_text.as_deref().unwrap_or("-"),
                    document.headline,
                    document.mentions,
                    document.path.display()
                )?;
            }
            Ok(())
        }
        LibraryCommand::Show { name, limit } => show(&library, &name, limit, &mut out),
        LibraryCommand::Search { query, limit } => {
            for hit in library.search(&query, limit)? {
                writeln!(
                    out,
                    "{}\t{}\t{}",
                    hit.document.name,
                    hit.document.date_text.as_deref().unwrap_or("-"),
                    hit.snippet.replace('\n', " ")
                )?;
            }
            Ok(())
        }
        LibraryCommand::Export { format, output } => match output {
            Some(path) => newslens::atomic::write_with(&path, |file| {
                let mut writer = std::io::BufWriter::new(file);
                library
                    .export(format.into(), &mut writer)
                    .map_err(std::io::Error::other)?;
                writer.flush()
            })
            .with_context(|| format!("cannot write {}", path.display())),
            None => Ok(library.export(format.into(), &mut out)?),
        },
    };
    match result {
        Err(error) if is_broken_pipe(&error) => Ok(()),
        other => {
            out.flush().or_else(ignore_broken_pipe)?;
            other
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .downcast_ref::<std::io::Error>()
        .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

fn ignore_broken_pipe(error: std::io::Error) -> std::io::Result<()> {
    match error.kind() {
        std::io::ErrorKind::BrokenPipe => Ok(()),
        _ => Err(error),
    }
}

/// `library add`: with a progress bar (documents done, rate, time left) on standard error.
fn add(library: &mut Library, folders: &[PathBuf]) -> anyhow::Result<()> {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} documents · {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let cancel = AtomicBool::new(false);
    let mut failed = Vec::new();
    for folder in folders {
        anyhow::ensure!(folder.is_dir(), "{} is not a folder", folder.display());
        let summary = library.add_folder(
            folder,
            &mut |progress: &AddProgress| {
                bar.set_length(progress.total as u64);
                bar.set_position(progress.done as u64);
                let left = progress
                    .remaining()
                    .map_or(String::new(), |d| format!(", about {} s left", d.as_secs()));
                bar.set_message(format!("{:.0} documents/s{left}", progress.rate()));
            },
            &cancel,
        )?;
        bar.finish_and_clear();
        eprintln!(
            "newslens: {}: {} added, {} analysed again, {} unchanged, {} failed",
            folder.display(),
            summary.added,
            summary.updated,
            summary.unchanged,
            summary.failed.len()
        );
        failed.extend(summary.failed);
    }
    for failure in &failed {
        eprintln!("newslens: {failure}");
    }
    eprintln!(
        "newslens: the library holds {} documents",
        library.document_count()
    );
    Ok(())
}

/// `library show NAME`: what the Library view shows for a selected entity.
fn show(library: &Library, name: &str, limit: usize, out: &mut dyn Write) -> anyhow::Result<()> {
    let entity = library
        .entities(None, name, 1000)?
        .into_iter()
        .find(|e| e.name.eq_ignore_ascii_case(name))
        .with_context(|| format!("no entity named {name} in the library"))?;
    writeln!(
        out,
        "{} ({}): {} documents, {} mentions",
        entity.name,
        entity.label.as_str(),
        entity.documents,
        entity.mentions
    )?;
    writeln!(out, "\nDocuments")?;
    for (document, mentions) in library.entity_documents(entity.id)?.into_iter().take(limit) {
        writeln!(out, "  {mentions}\t{}", document.headline)?;
    }
    writeln!(out, "\nMentions")?;
    for line in library.concordance(entity.id, 0, limit)? {
        writeln!(
            out,
            "  {}\t{}[{}]{}",
            line.document_name, line.before, line.hit, line.after
        )?;
    }
    writeln!(out, "\nAlso in their sentences")?;
    for (other, shared) in library.cooccurring(entity.id, limit)? {
        writeln!(out, "  {shared}\t{} ({})", other.name, other.label.as_str())?;
    }
    writeln!(out, "\nQuotes")?;
    for quote in library.quotes(Some(entity.id))?.into_iter().take(limit) {
        writeln!(out, "  {}\t{}", quote.document_name, quote.text)?;
    }
    writeln!(out, "\nFigures")?;
    for figure in library.figures(entity.id)?.into_iter().take(limit) {
        writeln!(
            out,
            "  {}\t{}\t{}",
            figure.date_text.as_deref().unwrap_or("-"),
            figure.summary,
            figure.document_name
        )?;
    }
    Ok(())
}
