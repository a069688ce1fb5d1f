//! The window on a 10 MB document, driven headless with egui_kittest: how soon the first
//! page shows after the file is chosen, how long the background analysis takes, and the
//! distribution of frame times while scrolling, jumping between mentions and toggling
//! kinds. A frame here is egui's pass plus tessellation (no GPU), the part newslens
//! controls. Run with `cargo bench --bench frames`.

mod common;
#[allow(dead_code, unused_imports)]
#[path = "../src/gui/mod.rs"]
mod gui;

use egui_kittest::Harness;
use gui::{Command, ReaderApp};
use std::time::{Duration, Instant};

const DOCUMENT_BYTES: usize = 10 * 1024 * 1024;

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("book.txt");
    std::fs::write(&path, common::book(DOCUMENT_BYTES)).expect("the book is written");
    let size_mb = std::fs::metadata(&path).map_or(0.0, |m| m.len() as f64 / 1e6);
    println!("document: {size_mb:.1} MB of generated news text");

    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 860.0))
        .build_ui_state(
            |ui, app: &mut ReaderApp| app.show(ui),
            ReaderApp::new(Default::default(), None),
        );
    harness.run_steps(3);

    // The first page: from the open command to the first frame that paints the new text.
    let ctx = harness.ctx.clone();
    let chosen = Instant::now();
    harness.state_mut().apply(Command::Open(path.clone()), &ctx);
    let mut frames = Vec::new();
    loop {
        let started = Instant::now();
        step(&mut harness);
        frames.push(started.elapsed());
        let app = harness.state();
        if app.analysis().document.name == "book.txt" && !app.visible_bytes().is_empty() {
            break;
        }
        assert!(
            chosen.elapsed() < Duration::from_secs(60),
            "the document never showed"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    let first_page = chosen.elapsed();
    println!(
        "first page shown {:.0} ms after the file was chosen",
        ms(first_page)
    );

    // The background analysis, while frames keep coming.
    while harness.state().is_loading() {
        let started = Instant::now();
        step(&mut harness);
        frames.push(started.elapsed());
        std::thread::sleep(Duration::from_millis(5));
    }
    let analysed = chosen.elapsed();
    let mentions = harness.state().analysis().mentions.len();
    println!(
        "analysis done {:.2} s after the file was chosen ({:.1} MB/s, {mentions} mentions)",
        analysed.as_secs_f64(),
        size_mb / analysed.as_secs_f64()
    );
    report("frames while loading", &mut frames);

    // Scrolling: a wheel turn a frame, down through the text.
    harness.hover_at(egui::pos2(800.0, 400.0));
    let mut frames = Vec::new();
    for _ in 0..300 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -240.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        });
        frames.push(timed_step(&mut harness));
    }
    report("scrolling", &mut frames);

    // Jumping to mentions anywhere in the text (each jump settles over a few frames).
    let mut rng = common::Rng::new(11);
    let mut frames = Vec::new();
    for _ in 0..100 {
        let mention = rng.below(mentions);
        harness
            .state_mut()
            .apply(Command::SelectMention(mention), &ctx);
        let start = harness.state().analysis().mentions[mention].start;
        harness.state_mut().apply_jump(start);
        for _ in 0..5 {
            frames.push(timed_step(&mut harness));
        }
    }
    report("jumping to mentions", &mut frames);

    // Toggling each kind off and on.
    let mut frames = Vec::new();
    for _ in 0..5 {
        for label in newslens::Label::ALL {
            harness.state_mut().apply(Command::ToggleLabel(label), &ctx);
            frames.push(timed_step(&mut harness));
            frames.push(timed_step(&mut harness));
        }
    }
    report("toggling kinds", &mut frames);

    if let Some(peak) = peak_resident_mb() {
        println!(
            "peak resident memory: {peak:.0} MB ({:.1} times the document)",
            peak / size_mb
        );
    }
}

/// One frame: egui's pass, then tessellating what it drew.
fn step(harness: &mut Harness<'_, ReaderApp>) {
    harness.step();
    let output = harness.output();
    let primitives = harness
        .ctx
        .tessellate(output.shapes.clone(), output.pixels_per_point);
    std::hint::black_box(primitives);
}

fn timed_step(harness: &mut Harness<'_, ReaderApp>) -> Duration {
    let started = Instant::now();
    step(harness);
    started.elapsed()
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn report(what: &str, frames: &mut [Duration]) {
    frames.sort();
    let at = |q: f64| ms(frames[((frames.len() - 1) as f64 * q).round() as usize]);
    println!(
        "{what:>22}: {} frames, median {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        frames.len(),
        at(0.5),
        at(0.9),
        at(0.99),
        at(1.0)
    );
}

/// The process's peak resident set (VmHWM), on Linux.
fn peak_resident_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
