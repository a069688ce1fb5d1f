//! Extraction throughput on about 1 MB of news text, and the load time of the model and
//! the word data.
//! Run with `cargo bench`; criterion reports MB/s for the throughput group.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newslens::document::SAMPLE_TEXT;
use newslens::lexicon::WordClasses;
use newslens::model::{Tagger, shipped_bytes};
use std::hint::black_box;

/// About 1 MB: the sample article over and over, each copy a paragraph apart.
fn megabyte_of_news() -> String {
    let copies = (1 << 20) / (SAMPLE_TEXT.len() + 2) + 1;
    let mut text = String::with_capacity(copies * (SAMPLE_TEXT.len() + 2));
    for _ in 0..copies {
        text.push_str(SAMPLE_TEXT);
        text.push_str("\n\n");
    }
    text
}

fn extraction(c: &mut Criterion) {
    let text = megabyte_of_news();
    let mut group = c.benchmark_group("extraction");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("whole pipeline, 1 MB", |b| {
        b.iter(|| {
            newslens::analyse(newslens::Document::from_text(
                "bench",
                black_box(text.as_str()),
            ))
        })
    });
    group.bench_function("entities only, 1 MB", |b| {
        b.iter(|| newslens::pipeline::extract(black_box(&text)))
    });
    // The recogniser on one core: the figure the reader's background analysis must beat.
    let one_core = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a one-thread pool");
    group.bench_function("entities only, 1 MB, one core", |b| {
        b.iter(|| one_core.install(|| newslens::pipeline::extract(black_box(&text))))
    });
    group.bench_function("whole pipeline, 1 MB, one core", |b| {
        b.iter(|| {
            one_core.install(|| {
                newslens::analyse(newslens::Document::from_text(
                    "bench",
                    black_box(text.as_str()),
                ))
            })
        })
    });
    group.finish();
}

fn model_load(c: &mut Criterion) {
    c.bench_function("model load (both passes)", |b| {
        b.iter(|| Tagger::from_bytes(black_box(shipped_bytes())).expect("the shipped model loads"))
    });
    c.bench_function("word lists load", |b| {
        b.iter(newslens::lexicon::Gazetteer::load)
    });
    c.bench_function("word classes load", |b| {
        b.iter(|| {
            WordClasses::parse(
                black_box(newslens::lexicon::word_classes::WORDS),
                newslens::lexicon::word_classes::TREE,
            )
        })
    });
}

criterion_group!(benches, extraction, model_load);
criterion_main!(benches);
