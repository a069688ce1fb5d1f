//! What newslens knows about words before it reads a document: word lists (places, given
//! names, organisations, ...) and word classes learnt from a large unlabelled corpus.
//!
//! This is the lowest layer of extraction: the rules (`extract`), the tagger (`model`)
//! and the grouping of mentions (`groups`) all look words up here, and it looks nothing up
//! in them.

pub mod gazetteer;
pub mod word_classes;

pub use gazetteer::{Gazetteer, gazetteer};
pub use word_classes::{WordClasses, word_classes};
