//! The newslens binary: the command line and the reader window.

mod cli;
#[cfg(feature = "gui")]
mod gui;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    let result = match args.command {
        Some(cli::Command::Extract {
            mut files,
            format,
            output,
            corrections,
            encoding,
        }) => match files.pop() {
            Some(file) if files.is_empty() && !file.is_dir() => {
                cli::extract(file, format.into(), output, corrections, encoding)
            }
            Some(last) => {
                files.push(last);
                cli::extract_many(files, format.into(), output, corrections, encoding)
            }
            None => Err(anyhow::anyhow!("no document given")),
        },
        Some(cli::Command::Train {
            train,
            dev,
            out,
            epochs,
            seed,
            buckets_log2,
        }) => cli::train(
            train,
            dev,
            out,
            newslens::model::train::Options {
                epochs,
                seed,
                buckets: 1 << buckets_log2.clamp(10, 24),
            },
        ),
        #[cfg(feature = "gui")]
        None => gui::run(args.file),
        #[cfg(not(feature = "gui"))]
        None => Err(anyhow::anyhow!(
            "this build has no window (built without the \"gui\" feature); use `newslens extract`"
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("newslens: {error:#}");
            ExitCode::FAILURE
        }
    }
}
