//! The library on 10,000 generated articles (about 50 MB): adding them (time, peak memory),
//! reopening the library, the queries the Library view makes, full-text search, and the
//! database's size against the text's. Run with `cargo bench --bench library`; set
//! `NEWSLENS_BENCH_ARTICLES` for another count.
//!
//! Adding runs in a child process (this same binary with `--add`), so that its peak
//! resident memory is measured alone.

mod common;

use newslens::library::{DocumentSort, Library};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--add") {
        add(Path::new(&args[i + 1]), Path::new(&args[i + 2]));
        return;
    }
    let count: usize = std::env::var("NEWSLENS_BENCH_ARTICLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = dir.path().join("articles");
    let mut text_bytes = 0;
    for i in 0..count {
        // A hundred articles a folder, as outlets or months would be.
        let sub = folder.join(format!("outlet-{:03}", i / 100));
        std::fs::create_dir_all(&sub).expect("a folder");
        let text = common::dated_article(i as u64 + 1);
        text_bytes += text.len();
        std::fs::write(sub.join(format!("article-{i:05}.md")), text).expect("an article");
    }
    println!(
        "{count} articles, {:.1} MB of text",
        text_bytes as f64 / 1e6
    );
    let database = dir.path().join("library.sqlite");

    // Adding, in a child process.
    let started = Instant::now();
    let status = std::process::Command::new(std::env::current_exe().expect("this bench"))
        .arg("--add")
        .arg(&database)
        .arg(&folder)
        .status()
        .expect("the child runs");
    assert!(status.success(), "adding failed");
    let took = started.elapsed();
    println!(
        "add: {:.1} s ({:.0} articles/s), peak memory {:.0} MB",
        took.as_secs_f64(),
        count as f64 / took.as_secs_f64(),
        peak_of_children_mb()
    );

    // Adding again: nothing changed, nothing is read.
    let started = Instant::now();
    add_quietly(&database, &folder);
    println!(
        "add again, nothing changed: {:.2} s",
        started.elapsed().as_secs_f64()
    );

    let size = database_bytes(&database);
    println!(
        "database: {:.1} MB, {:.2} times the text",
        size as f64 / 1e6,
        size as f64 / text_bytes as f64
    );

    // Reopening, to the first screen of the Library view.
    let started = Instant::now();
    let library = Library::open(&database).expect("the library opens");
    let documents = library
        .documents("", DocumentSort::default())
        .expect("documents");
    let entities = library.entities(None, "", 2000).expect("entities");
    println!(
        "reopen to a usable view (open, {} documents, first {} entities): {:.0} ms",
        documents.len(),
        entities.len(),
        started.elapsed().as_secs_f64() * 1000.0
    );

    let time = |what: &str, runs: usize, f: &mut dyn FnMut()| {
        let mut times: Vec<Duration> = (0..runs)
            .map(|_| {
                let started = Instant::now();
                f();
                started.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "{what}: median {:.1} ms, max {:.1} ms ({runs} runs)",
            times[runs / 2].as_secs_f64() * 1000.0,
            times[runs - 1].as_secs_f64() * 1000.0
        );
    };
    time("entity list (2,000 rows)", 20, &mut || {
        library.entities(None, "", 2000).expect("entities");
    });
    time("entity list filtered", 20, &mut || {
        library.entities(None, "gar", 2000).expect("entities");
    });
    let top = entities[0].id;
    let middle = entities[entities.len() / 2].id;
    for (name, entity) in [
        ("the most mentioned entity", top),
        ("a middling one", middle),
    ] {
        time(&format!("select {name}: its documents"), 20, &mut || {
            library.entity_documents(entity).expect("documents");
        });
        time(
            &format!("select {name}: first 200 mentions in context"),
            20,
            &mut || {
                library.concordance(entity, 0, 200).expect("concordance");
            },
        );
        time(&format!("select {name}: its quotes"), 10, &mut || {
            library.quotes(Some(entity)).expect("quotes");
        });
        time(&format!("select {name}: its figures"), 10, &mut || {
            library.figures(entity).expect("figures");
        });
        time(
            &format!("select {name}: who appears with it"),
            10,
            &mut || {
                library.cooccurring(entity, 30).expect("co-occurring");
            },
        );
    }
    for query in [
        "port",
        "\"strategic partnership\"",
        "Chancay OR Lima",
        "kind:PERSON trade",
    ] {
        time(&format!("search {query} (first 20)"), 20, &mut || {
            library.search(query, 20).expect("search");
        });
    }
    time("timeline", 10, &mut || {
        library.timeline().expect("timeline");
    });
}

fn add(database: &Path, folder: &Path) {
    let mut library = Library::open(database).expect("the library opens");
    let cancel = AtomicBool::new(false);
    let mut last = Instant::now();
    let summary = library
        .add_folder(
            folder,
            &mut |progress| {
                if last.elapsed() > Duration::from_secs(10) {
                    last = Instant::now();
                    println!(
                        "  {} of {} · {:.0}/s",
                        progress.done,
                        progress.total,
                        progress.rate()
                    );
                }
            },
            &cancel,
        )
        .expect("the folder is added");
    assert!(summary.failed.is_empty(), "{:?}", summary.failed);
}

fn add_quietly(database: &Path, folder: &Path) {
    let mut library = Library::open(database).expect("the library opens");
    let summary = library
        .add_folder(folder, &mut |_| {}, &AtomicBool::new(false))
        .expect("the folder is added");
    assert_eq!(summary.added + summary.updated, 0);
}

/// The database with its write-ahead log.
fn database_bytes(database: &Path) -> u64 {
    ["", "-wal", "-shm"]
        .iter()
        .map(|suffix| {
            let mut path = PathBuf::from(database);
            path.as_mut_os_string().push(suffix);
            std::fs::metadata(path).map_or(0, |m| m.len())
        })
        .sum()
}

/// The largest resident size of any child waited for so far (Linux reports kilobytes).
fn peak_of_children_mb() -> f64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    usage.ru_maxrss as f64 / 1024.0
}
