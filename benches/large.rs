//! Peak memory and time of `newslens extract --format json` on 10, 50 and 200 MB of news
//! text: growth must be linear, and peak memory at most 12 times the text.
//!
//! Run with `cargo bench --bench large` (add `-- 10 50` for other sizes in MB). Each size
//! runs the release binary as a child process on a generated file (nothing is committed),
//! with its output thrown away, and reads the child's peak resident memory from the kernel.

mod common;

use std::process::{Command, Stdio};
use std::time::Instant;

const MB: usize = 1024 * 1024;

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10, 50, 200]
    } else {
        sizes
    };
    let dir = tempfile::tempdir().expect("a temporary folder");
    println!("text MB | seconds | peak MB | peak / text | seconds per MB");
    for size in sizes {
        let path = dir.path().join(format!("book{size}.txt"));
        std::fs::write(&path, common::book(size * MB)).expect("the generated text is written");
        let (seconds, peak) = run(&path);
        let text = std::fs::metadata(&path).map_or(0, |m| m.len()) as f64 / MB as f64;
        println!(
            "{text:7.1} | {seconds:7.1} | {peak:7.0} | {:11.1} | {:.3}",
            peak / text,
            seconds / text
        );
        let _ = std::fs::remove_file(&path);
    }
}

/// Runs the extractor on one file: wall seconds and peak resident MB.
fn run(path: &std::path::Path) -> (f64, f64) {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_newslens"))
        .args(["extract", "--corrections", "false", "--format", "json"])
        .arg(path)
        .stdout(Stdio::null())
        .spawn()
        .expect("the binary runs");
    let status = child.wait().expect("the binary ends");
    let seconds = started.elapsed().as_secs_f64();
    assert!(status.success(), "newslens failed on {}", path.display());
    (seconds, peak_of_children_mb())
}

/// The largest resident size of any child waited for so far (Linux reports kilobytes).
fn peak_of_children_mb() -> f64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    usage.ru_maxrss as f64 / 1024.0
}
