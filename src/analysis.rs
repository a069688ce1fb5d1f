//! A document with everything newslens finds in it: mentions, entities and facts.

use crate::corrections::{self, Correction, Dictionary};
use crate::document::Document;
use crate::entity::{Label, Mention};
use crate::facts::{Fact, find_facts};
use crate::groups::{Group, group_mentions_with};
use crate::model::Tagger;
use crate::pipeline::{Partial, extract_progressively};
use crate::text::Sentence;
use std::ops::Range;

/// The result of reading one document. Built once; the reader and every export use it.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub document: Document,
    pub sentences: Vec<Sentence>,
    /// Sorted by start, never overlapping.
    pub mentions: Vec<Mention>,
    pub groups: Vec<Group>,
    /// For each mention, the id of its group (an index into `groups`), or
    /// [`Analysis::NO_GROUP`] while the analysis is provisional.
    pub group_of: Vec<usize>,
    pub facts: Vec<Fact>,
    /// The mentions the pipeline found, before the user's corrections; kept so that a
    /// correction is applied without running the recogniser again.
    pub automatic: Vec<Mention>,
    /// True while the document is still being read: mentions are arriving block by
    /// block, each its own entity, and there are no facts yet.
    pub provisional: bool,
    /// Mentions of each kind, in `Label::ALL` order (kept, for the legend of long texts).
    label_counts: [usize; 6],
    /// Changes whenever mentions, entities or facts change, and differs between analyses:
    /// views cache what they derive from an analysis under it.
    pub revision: u64,
}

/// A fresh revision number, unique in this process.
fn next_revision() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Runs the whole pipeline over a document.
pub fn analyse(document: Document) -> Analysis {
    analyse_with(document, &Dictionary::default(), &[])
}

/// Runs the whole pipeline, then the user dictionary and the user's corrections.
pub fn analyse_with(
    document: Document,
    dictionary: &Dictionary,
    corrections: &[Correction],
) -> Analysis {
    analyse_progressively(document, dictionary, corrections, &|_| {})
}

/// Like [`analyse_with`], reporting each block of the text as its highlights are found.
pub fn analyse_progressively(
    document: Document,
    dictionary: &Dictionary,
    corrections: &[Correction],
    on_partial: &(dyn Fn(Partial) + Sync),
) -> Analysis {
    let extraction = extract_progressively(&document.text, Tagger::shipped(), on_partial);
    let mut analysis = Analysis::provisional(document);
    let crate::pipeline::Extraction {
        tokens,
        sentences,
        mentions,
    } = extraction;
    // The tokens are the largest part of extraction; free them before the facts are found.
    drop(tokens);
    analysis.sentences = sentences;
    analysis.automatic = mentions;
    analysis.reapply(dictionary, corrections);
    analysis
}

impl Analysis {
    /// A document not analysed yet: its text, no mentions. Parts arrive through
    /// [`Analysis::extend_provisional`].
    pub fn provisional(document: Document) -> Analysis {
        Analysis {
            document,
            sentences: Vec::new(),
            mentions: Vec::new(),
            groups: Vec::new(),
            group_of: Vec::new(),
            facts: Vec::new(),
            automatic: Vec::new(),
            provisional: true,
            label_counts: [0; 6],
            revision: next_revision(),
        }
    }

    /// The group of a mention that belongs to none yet (provisional analyses).
    pub const NO_GROUP: usize = usize::MAX;

    /// Adds the mentions of a part just read; they join entities when the whole document
    /// is read. Parts come in text order.
    pub fn extend_provisional(&mut self, partial: Partial) {
        self.revision = next_revision();
        for mention in partial.mentions {
            let overlaps = self
                .mentions
                .last()
                .is_some_and(|last| last.end > mention.start);
            if overlaps {
                continue;
            }
            self.group_of.push(Self::NO_GROUP);
            self.label_counts[label_index(mention.label)] += 1;
            self.mentions.push(mention);
        }
    }

    /// Rebuilds mentions, entities and facts from the automatic mentions with another set
    /// of corrections (after an edit, an undo or a redo).
    pub fn reapply(&mut self, dictionary: &Dictionary, corrections: &[Correction]) {
        let text = &self.document.text;
        let corrected = corrections::apply(text, &self.automatic, dictionary, corrections);
        let mut mentions = corrected.mentions;
        let (groups, group_of) = group_mentions_with(text, &mut mentions, &corrected.hints);
        self.facts = find_facts(text, &self.sentences, &mentions, &groups, &group_of);
        self.label_counts = [0; 6];
        for mention in &mentions {
            self.label_counts[label_index(mention.label)] += 1;
        }
        self.mentions = mentions;
        self.groups = groups;
        self.group_of = group_of;
        self.provisional = false;
        self.revision = next_revision();
    }

    pub fn text(&self) -> &str {
        &self.document.text
    }

    pub fn mention_text(&self, mention: usize) -> &str {
        self.mentions[mention].text(&self.document.text)
    }

    /// The group a mention belongs to (none while the analysis is provisional).
    pub fn group_of_mention(&self, mention: usize) -> Option<&Group> {
        self.groups.get(*self.group_of.get(mention)?)
    }

    /// The span of the sentence holding a byte offset (the whole text if none does).
    pub fn sentence_around(&self, offset: usize) -> Range<usize> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        self.sentences
            .get(i)
            .filter(|s| s.start <= offset)
            .map_or(0..self.document.text.len(), Sentence::range)
    }

    /// How many mentions of each kind, in `Label::ALL` order.
    pub fn counts_by_label(&self) -> [(Label, usize); 6] {
        Label::ALL.map(|label| (label, self.label_counts[label_index(label)]))
    }

    /// The index of the mention covering a byte offset, if any.
    pub fn mention_at(&self, offset: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.end <= offset);
        self.mentions
            .get(i)
            .filter(|m| m.start <= offset)
            .map(|_| i)
    }
}

fn label_index(label: Label) -> usize {
    Label::ALL.iter().position(|&l| l == label).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_provisional_analysis_grows_part_by_part_then_settles() {
        let text = "Xi Jinping met Dina Boluarte in Lima on Friday. ".repeat(3);
        let parts = std::sync::Mutex::new(Vec::new());
        let full = analyse_progressively(
            Document::from_text("t", text.clone()),
            &Dictionary::default(),
            &[],
            &|partial| parts.lock().unwrap().push(partial),
        );
        let parts = parts.into_inner().unwrap();
        assert!(!parts.is_empty());
        let mut growing = Analysis::provisional(Document::from_text("t", text));
        for part in parts {
            growing.extend_provisional(part);
        }
        assert!(growing.provisional);
        assert_eq!(growing.mentions.len(), full.mentions.len());
        assert!(growing.groups.is_empty());
        assert!(growing.group_of_mention(0).is_none());
        assert_eq!(growing.counts_by_label(), full.counts_by_label());
        assert!(!full.provisional);
        assert!(
            full.groups.len() < full.mentions.len(),
            "the final pass groups them"
        );
    }
}
