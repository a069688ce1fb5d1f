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
        /// Decode a text file with this encoding (e.g. windows-1251, shift_jis) instead of
        /// detecting it.
        #[arg(long, value_name = "NAME")]
        encoding: Option<String>,
    },
    /// Train the name tagger on CoNLL-2003 files and write its weights.
    Train {
        /// Training data (CoNLL-2003 format), e.g. ../shared/data/conll2003/train.txt.
        #[arg(long)]
        train: PathBuf,
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

/// `newslens train`: read CoNLL, train, report, write the weights.
pub fn train(
    train: PathBuf,
    dev: PathBuf,
    out: PathBuf,
    options: newslens::model::train::Options,
) -> anyhow::Result<()> {
    use newslens::model::{conll, train as training};
    let started = std::time::Instant::now();
    let read = |path: &PathBuf| {
        conll::read(path).with_context(|| format!("cannot read {}", path.display()))
    };
    let train_documents = read(&train)?;
    let dev_documents = read(&dev)?;
    let buckets = options.buckets;
    let examples = |documents: &[&conll::ConllDocument]| -> Vec<training::Example> {
        documents
            .iter()
            .flat_map(|d| training::examples(d, buckets))
            .collect()
    };
    let train_examples = examples(&train_documents.iter().collect::<Vec<_>>());
    let (held_back, tuning): (Vec<_>, Vec<_>) = dev_documents
        .iter()
        .enumerate()
        .partition(|(i, _)| i % 4 == 0);
    let tuning_examples = examples(&tuning.into_iter().map(|(_, d)| d).collect::<Vec<_>>());
    let held_back_examples = examples(&held_back.into_iter().map(|(_, d)| d).collect::<Vec<_>>());
    eprintln!(
        "{} training sentences, {} tuning, {} held back; features ready in {:.1}s",
        train_examples.len(),
        tuning_examples.len(),
        held_back_examples.len(),
        started.elapsed().as_secs_f64()
    );
    let model = training::train(
        &train_examples,
        &tuning_examples,
        &options,
        |epoch, f1, seconds| {
            eprintln!("pass {epoch:>2}: tuning F1 (tagger alone) {f1:.4}  [{seconds:.1}s]");
        },
    );
    let held_back_f1 = model.span_f1(&held_back_examples);
    eprintln!("held-back F1 (tagger alone): {held_back_f1:.4}");
    std::fs::write(&out, model.to_bytes())
        .with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "wrote {} in {:.1}s",
        out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `newslens extract`: load, analyse, print or write.
pub fn extract(
    file: PathBuf,
    format: Format,
    output: Option<PathBuf>,
    encoding: Option<String>,
) -> anyhow::Result<()> {
    let encoding = match encoding {
        Some(name) => Some(load::encoding_by_name(&name).ok_or_else(|| {
            anyhow::anyhow!(
                "unknown encoding {name:?}; try one of {}",
                load::ENCODING_CHOICES.join(", ")
            )
        })?),
        None => None,
    };
    let options = load::LoadOptions {
        encoding,
        ..load::LoadOptions::default()
    };
    let document = load::load_path_with(&file, &options)?;
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
