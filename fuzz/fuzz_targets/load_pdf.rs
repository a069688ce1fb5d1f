//! Any bytes read as a PDF: an error is fine, a panic, hang or runaway memory is not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::DocumentFormat;
use newslens::load::{LoadOptions, load_bytes};
use std::sync::Once;

static NORMAL_HOOK: Once = Once::new();

fuzz_target!(|bytes: &[u8]| {
    // libfuzzer-sys installs a panic hook that aborts the process at once, before any
    // `catch_unwind` can see the panic. The PDF loader catches the panics of pdf-extract
    // and lopdf on purpose (they panic on malformed files, and the loader reports that as
    // a damaged file), so put back a hook that only lets the panic unwind. A panic that
    // escapes `load_bytes` still reaches libfuzzer's own catch in `fuzz_target!`, which
    // aborts and records the crash.
    NORMAL_HOOK.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let options = LoadOptions {
        format: Some(DocumentFormat::Pdf),
        ..LoadOptions::default()
    };
    let _ = load_bytes("a.pdf", bytes, &options);
});
