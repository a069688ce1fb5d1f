//! The command line: `newslens [FILE]` opens the reader, `newslens extract FILE` prints
//! an export.

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use newslens::corrections::{Correction, Dictionary, Store, content_hash};
use newslens::export::{self, Format};
use newslens::{analyse_with, load};
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
    /// A document to open in the reader (the sample article when left out), or a folder
    /// to open as a library.
    pub file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print the entities and facts of documents, without opening the window. Several
    /// files or folders (walked for documents) are processed in parallel into one JSONL or
    /// CoNLL stream.
    Extract {
        /// The documents or folders to read.
        #[arg(required = true, num_args = 1..)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = FormatArg::Json)]
        format: FormatArg,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Apply the corrections made in the reader (and the user dictionary), kept in the
        /// data folder ($NEWSLENS_DATA_DIR, else e.g. ~/.local/share/newslens).
        #[arg(long, default_value_t = true, action = clap::ArgAction::Set, value_name = "true|false")]
        corrections: bool,
        /// Decode a text file with this encoding (e.g. windows-1251, shift_jis) instead of
        /// detecting it.
        #[arg(long, value_name = "NAME")]
        encoding: Option<String>,
    },
    /// The library of articles: add folders, list entities and documents, search, export.
    /// It is kept in the data folder ($NEWSLENS_DATA_DIR, else e.g. ~/.local/share/newslens).
    Library {
        /// Use this library file instead of the one in the data folder.
        #[arg(long, global = true, value_name = "FILE")]
        library: Option<PathBuf>,
        #[command(subcommand)]
        command: crate::library_cli::LibraryCommand,
    },
    /// Train the name tagger on CoNLL-2003 files and write its weights.
    Train {
        /// Training data (CoNLL-2003 format), e.g. ../shared/data/conll2003/train.txt;
        /// repeat the option for several files.
        #[arg(long, required = true)]
        train: Vec<PathBuf>,
        /// Development data: three documents in four choose the number of passes, every
        /// fourth (0, 4, 8, ...) is held back and only reported.
        #[arg(long)]
        dev: PathBuf,
        /// Where to write the weights.
        #[arg(long, default_value = "assets/model.bin")]
        out: PathBuf,
        #[arg(long, default_value_t = 12)]
        epochs: usize,
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// The model has 2^N feature buckets.
        #[arg(long, default_value_t = 18)]
        buckets_log2: u32,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FormatArg {
    Json,
    Csv,
    #[value(alias = "markdown")]
    Md,
    Html,
    /// CoNLL with IOB2 tags, one token a line.
    #[value(alias = "iob2")]
    Conll,
    /// JSON Lines: one document a line with its text, spans and entities.
    Jsonl,
    /// The extracted text that every offset refers to.
    Text,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::Json => Format::Json,
            FormatArg::Csv => Format::Csv,
            FormatArg::Md => Format::Markdown,
            FormatArg::Html => Format::Html,
            FormatArg::Conll => Format::Conll,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Text => Format::Text,
        }
    }
}

/// `newslens train`: read CoNLL, train both passes, report, write the weights.
pub fn train(
    train: Vec<PathBuf>,
    dev: PathBuf,
    out: PathBuf,
    options: newslens::model::train::Options,
) -> anyhow::Result<()> {
    use newslens::model::conll;
    use newslens::training::{self, Pass};
    let started = std::time::Instant::now();
    let read = |path: &PathBuf| {
        conll::read(path).with_context(|| format!("cannot read {}", path.display()))
    };
    let mut train_documents = Vec::new();
    for path in &train {
        train_documents.extend(read(path)?);
    }
    let dev_documents = read(&dev)?;
    let (held_back, tuning): (Vec<_>, Vec<_>) = dev_documents
        .into_iter()
        .enumerate()
        .partition(|(i, _)| i % 4 == 0);
    let held_back: Vec<_> = held_back.into_iter().map(|(_, d)| d).collect();
    let tuning: Vec<_> = tuning.into_iter().map(|(_, d)| d).collect();
    let train_labelled = training::label_all(&train_documents);
    let tuning_labelled = training::label_all(&tuning);
    let held_back_labelled = training::label_all(&held_back);
    eprintln!(
        "{} training documents, {} tuning, {} held back; prepared in {:.1}s",
        train_labelled.len(),
        tuning_labelled.len(),
        held_back_labelled.len(),
        started.elapsed().as_secs_f64()
    );
    let tagger = training::train_tagger(
        &train_labelled,
        &tuning_labelled,
        &options,
        &|pass, epoch, f1, seconds| {
            let pass = if pass == Pass::Second {
                "second"
            } else {
                "first"
            };
            eprintln!(
                "{pass} pass, epoch {epoch:>2}: tuning F1 (tagger alone) {f1:.4}  [{seconds:.1}s]"
            );
        },
    );
    let first_only = newslens::model::Tagger {
        first: tagger.first.clone(),
        second: None,
    };
    eprintln!(
        "held-back F1 (tagger alone): first pass {:.4}, both passes {:.4}",
        training::span_f1(&first_only, &held_back_labelled),
        training::span_f1(&tagger, &held_back_labelled)
    );
    newslens::atomic::write_with(&out, |file| {
        use std::io::Write;
        file.write_all(&tagger.to_bytes())
    })
    .with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "wrote {} in {:.1}s",
        out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `newslens extract` with several documents or a folder: all of them, in parallel, into
/// one stream, with a progress bar on a terminal. Bad files are reported one line each,
/// the rest go on, and the exit is non-zero at the end if any failed.
pub fn extract_many(
    inputs: Vec<PathBuf>,
    format: Format,
    output: Option<PathBuf>,
    with_corrections: bool,
    encoding: Option<String>,
) -> anyhow::Result<()> {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    use newslens::batch;
    anyhow::ensure!(
        encoding.is_none(),
        "--encoding applies to one document; several are each detected"
    );
    anyhow::ensure!(
        batch::can_concatenate(format),
        "several documents need --format jsonl or --format conll (one stream for all)"
    );
    let (files, problems) = batch::collect_inputs(&inputs);
    for problem in &problems {
        eprintln!("newslens: {problem}");
    }
    anyhow::ensure!(!files.is_empty(), "no documents found in the given paths");
    if let Some(output) = &output {
        refuse_overwriting_an_input(output, &files)?;
    }
    let corrections = if with_corrections {
        Store::default_location()
            .map(|store| -> anyhow::Result<batch::Corrections> {
                let dictionary = store.load_dictionary()?;
                if let Some(warning) = dictionary.warning {
                    eprintln!("newslens: {warning}");
                }
                Ok(batch::Corrections {
                    store,
                    dictionary: dictionary.value,
                })
            })
            .transpose()?
    } else {
        None
    };

    let bar = ProgressBar::with_draw_target(Some(files.len() as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{bar:40} {pos}/{len} documents · {per_sec} · {elapsed} elapsed, about {eta} left",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let progress = |_: &std::path::Path, outcome: Result<&[String], &str>| {
        match outcome {
            Ok(warnings) => {
                for warning in warnings {
                    bar.suspend(|| eprintln!("newslens: {warning}"));
                }
            }
            Err(message) => bar.suspend(|| eprintln!("newslens: {message}")),
        }
        bar.inc(1);
    };
    let started = std::time::Instant::now();
    let summary = match &output {
        Some(path) => {
            let mut summary = None;
            newslens::atomic::write_with(path, |file| {
                let mut writer = std::io::BufWriter::new(file);
                summary = Some(batch::run(
                    &files,
                    format,
                    corrections.as_ref(),
                    &mut writer,
                    &progress,
                )?);
                writer.flush()
            })
            .with_context(|| format!("cannot write {}", path.display()))?;
            summary.unwrap_or_default()
        }
        None => {
            let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
            match batch::run(&files, format, corrections.as_ref(), &mut stdout, &progress) {
                Ok(summary) => summary,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
                Err(e) => return Err(e).context("cannot write to standard output"),
            }
        }
    };
    bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    if !bar.is_hidden() {
        eprintln!(
            "newslens: {} documents in {seconds:.1} s ({:.0} a second)",
            summary.done,
            summary.done as f64 / seconds.max(1e-9)
        );
    }
    let failed = summary.failures.len() + problems.len();
    anyhow::ensure!(
        failed == 0,
        "{failed} of {} documents could not be read (listed above)",
        files.len() + problems.len()
    );
    Ok(())
}

/// `newslens extract`: load, analyse (with the user's corrections), print or write.
pub fn extract(
    file: PathBuf,
    format: Format,
    output: Option<PathBuf>,
    with_corrections: bool,
    encoding: Option<String>,
) -> anyhow::Result<()> {
    let options = load::LoadOptions {
        encoding: encoding_option(encoding)?,
        ..load::LoadOptions::default()
    };
    if let Some(output) = &output {
        refuse_overwriting_an_input(output, std::slice::from_ref(&file))?;
    }
    let document = load::load_path_with(&file, &options)?;
    if let Some(notice) = &document.notice {
        eprintln!("newslens: {}: {notice}", file.display());
    }
    let (dictionary, corrections) = if with_corrections {
        saved_corrections(&document.text)?
    } else {
        Default::default()
    };
    let analysis = analyse_with(document, &dictionary, &corrections);
    match output {
        Some(path) => export::write_file(&analysis, format, &path)
            .with_context(|| format!("cannot write {}", path.display())),
        None => {
            let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
            match export::write_to(&analysis, format, &mut stdout).and_then(|()| stdout.flush()) {
                // A closed pipe (`| head`) is not an error worth reporting.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other.context("cannot write to standard output"),
            }
        }
    }
}

/// An export written over one of its own documents would destroy it: refuse, whatever
/// path (a symlink, `./`, another hard link) names the same file.
fn refuse_overwriting_an_input(output: &std::path::Path, inputs: &[PathBuf]) -> anyhow::Result<()> {
    let Some(output_id) = file_identity(output) else {
        return Ok(()); // a new file cannot be an input
    };
    for input in inputs {
        anyhow::ensure!(
            file_identity(input) != Some(output_id),
            "{}: the output is the input {}; choose another output file",
            output.display(),
            input.display()
        );
    }
    Ok(())
}

/// What tells two paths to one file apart from two files: device and inode on Unix, the
/// canonical path elsewhere.
#[cfg(unix)]
fn file_identity(path: &std::path::Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let metadata = std::fs::metadata(path).ok()?;
    Some((metadata.dev(), metadata.ino()))
}

#[cfg(not(unix))]
fn file_identity(path: &std::path::Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok()
}

/// The user dictionary and the corrections saved for a text, if there is a data folder.
fn saved_corrections(text: &str) -> anyhow::Result<(Dictionary, Vec<Correction>)> {
    let Some(store) = Store::default_location() else {
        return Ok(Default::default());
    };
    let dictionary = store.load_dictionary()?;
    let corrections = store.load(&content_hash(text))?;
    for warning in [dictionary.warning, corrections.warning]
        .into_iter()
        .flatten()
    {
        eprintln!("newslens: {warning}");
    }
    Ok((dictionary.value, corrections.value))
}

/// The encoding named on the command line, if any.
fn encoding_option(name: Option<String>) -> anyhow::Result<Option<&'static encoding_rs::Encoding>> {
    name.map(|name| {
        load::encoding_by_name(&name).ok_or_else(|| {
            anyhow::anyhow!(
                "unknown encoding {name:?}; try one of {}",
                load::ENCODING_CHOICES.join(", ")
            )
        })
    })
    .transpose()
}
