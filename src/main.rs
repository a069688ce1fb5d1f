//! The newslens binary: the command line and the reader window.

mod cli;
#[cfg(feature = "gui")]
mod gui;
mod library_cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // A kill during a long export must not leave its temporary file behind. Without the
    // handler (it cannot be set twice) the default action stays: exit at once.
    let _ = ctrlc::set_handler(|| {
        newslens::atomic::remove_temporaries();
        // 128 + SIGINT, as a shell reports an interrupted command.
        std::process::exit(130);
    });
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
        Some(cli::Command::Library { library, command }) => library_cli::run(library, command),
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
