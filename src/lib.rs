//! newslens core: loading a document, finding its entities and facts, and exporting them.
//! Nothing here knows about the window; the CLI, the tests, the benchmarks and the reader
//! all use these same functions.

pub mod analysis;
pub mod atomic;
pub mod batch;
pub mod bidi;
pub mod concordance;
pub mod corrections;
pub mod document;
pub mod entity;
pub mod export;
pub mod extract;
pub mod facts;
pub mod groups;
pub mod lexicon;
pub mod library;
pub mod load;
pub mod model;
pub mod numbers;
pub mod palette;
pub mod pipeline;
pub mod regular_file;
pub mod text;
pub mod training;

pub use analysis::{Analysis, analyse, analyse_progressively, analyse_with};
pub use document::{Document, DocumentFormat, Heading};
pub use entity::{Label, Mention, Source};
