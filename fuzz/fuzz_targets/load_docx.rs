//! Any bytes read as Docx: an error is fine, a panic, hang or runaway memory is not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::DocumentFormat;
use newslens::load::{LoadOptions, load_bytes};

fuzz_target!(|bytes: &[u8]| {
    let options = LoadOptions {
        format: Some(DocumentFormat::Docx),
        ..LoadOptions::default()
    };
    let _ = load_bytes("a.docx", bytes, &options);
});
