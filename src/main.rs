//! The newslens binary: the command line and the reader window.

mod cli;
mod gui;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    let result = match args.command {
        Some(cli::Command::Extract {
            file,
            format,
            output,
        }) => cli::extract(file, format.into(), output),
        None => gui::run(args.file),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("newslens: {error:#}");
            ExitCode::FAILURE
        }
    }
}
