//! A document with everything newslens finds in it: mentions, entities and facts.

use crate::document::Document;
use crate::entity::{Label, Mention};
use crate::extract::extract;
use crate::facts::{Fact, find_facts};
use crate::groups::{Group, group_mentions};
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
}

/// Runs the whole pipeline over a document.
pub fn analyse(document: Document) -> Analysis {
    let extraction = extract(&document.text);
    let (groups, group_of) = group_mentions(&document.text, &extraction.mentions);
    let facts = find_facts(
        &document.text,
        &extraction.sentences,
        &extraction.mentions,
        &groups,
        &group_of,
    );
    Analysis {
        document,
        sentences: extraction.sentences,
        mentions: extraction.mentions,
        groups,
        group_of,
        facts,
    }
}

impl Analysis {
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
