//! One integration-test binary: the command line as users and the scorer run it, and the
//! extraction quality bars. Shared helpers live in `run` (the binary) and `score`.

mod cli;
mod formats;
mod hostile;
mod library;
mod quality;
mod run;
mod score;
