//! Batch mode: a folder of a thousand generated news articles through
//! `newslens::batch::run` (the code behind `newslens extract DIR --format jsonl`), in
//! documents per second. Run with `cargo bench --bench batch`.

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newslens::batch;
use newslens::export::Format;

const ARTICLES: usize = 1000;

fn folder_of_articles(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for i in 0..ARTICLES {
        let path = dir.path().join(format!("article-{i:04}.txt"));
        std::fs::write(path, common::article(i as u64)).expect("an article is written");
    }
    let (files, problems) = batch::collect_inputs(&[dir.path().to_path_buf()]);
    assert!(problems.is_empty() && files.len() == ARTICLES);

    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Elements(ARTICLES as u64));
    group.sample_size(10);
    group.bench_function("1000 articles to JSONL", |b| {
        b.iter(|| {
            let mut sink = std::io::sink();
            let summary = batch::run(&files, Format::Jsonl, None, &mut sink, &|_, _| {})
                .expect("the sink takes everything");
            assert_eq!(summary.done, ARTICLES);
        })
    });
    group.finish();
}

criterion_group!(benches, folder_of_articles);
criterion_main!(benches);
