//! A document with everything newslens finds in it: mentions, entities and facts.

use crate::corrections::{self, Correction, Dictionary};
use crate::document::Document;
use crate::entity::{Label, Mention};
use crate::extract::extract;
use crate::facts::{Fact, find_facts};
use crate::groups::{Group, group_mentions_with};
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
    /// For each mention, the id of its group (an index into `groups`).
    pub group_of: Vec<usize>,
    pub facts: Vec<Fact>,
    /// The mentions the pipeline found, before the user's corrections; kept so that a
    /// correction is applied without running the recogniser again.
    pub automatic: Vec<Mention>,
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
    let extraction = extract(&document.text);
    let mut analysis = Analysis {
        document,
        sentences: extraction.sentences,
        mentions: Vec::new(),
        groups: Vec::new(),
        group_of: Vec::new(),
        facts: Vec::new(),
        automatic: extraction.mentions,
    };
    analysis.reapply(dictionary, corrections);
    analysis
}

impl Analysis {
    /// Rebuilds mentions, entities and facts from the automatic mentions with another set
    /// of corrections (after an edit, an undo or a redo).
    pub fn reapply(&mut self, dictionary: &Dictionary, corrections: &[Correction]) {
        let text = &self.document.text;
        let corrected = corrections::apply(text, &self.automatic, dictionary, corrections);
        let mut mentions = corrected.mentions;
        let (groups, group_of) = group_mentions_with(text, &mut mentions, &corrected.hints);
        self.facts = find_facts(text, &self.sentences, &mentions, &groups, &group_of);
        self.mentions = mentions;
        self.groups = groups;
        self.group_of = group_of;
    }

    pub fn text(&self) -> &str {
        &self.document.text
    }

    pub fn mention_text(&self, mention: usize) -> &str {
        self.mentions[mention].text(&self.document.text)
    }

    /// The group a mention belongs to.
    pub fn group_of_mention(&self, mention: usize) -> &Group {
        &self.groups[self.group_of[mention]]
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
        Label::ALL.map(|label| {
            (
                label,
                self.mentions.iter().filter(|m| m.label == label).count(),
            )
        })
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
