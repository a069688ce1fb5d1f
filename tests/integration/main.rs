//! One integration-test binary: the command line as users and the scorer run it, and the
//! extraction quality bars. Shared helpers live in `score`.

mod cli;
mod formats;
mod quality;
mod score;
