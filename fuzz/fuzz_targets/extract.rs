//! Any UTF-8 text through the whole analysis: entities, groups and facts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::{Document, analyse};

fuzz_target!(|text: &str| {
    let _ = analyse(Document::from_text("f", text));
});
