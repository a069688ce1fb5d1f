//! The vocabulary shared by every stage: entity kinds, where a span came from, and mentions.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

/// The six kinds of entity newslens highlights (see GUIDELINES.md in the eval kit).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Label {
    Person,
    Place,
    Org,
    Project,
    Figure,
    Date,
}

impl Label {
    /// Every label, in the order the reader lists them.
    pub const ALL: [Label; 6] = [
        Label::Person,
        Label::Place,
        Label::Org,
        Label::Project,
        Label::Figure,
        Label::Date,
    ];

    /// The upper-case name used in exports and by the scorer.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Place => "PLACE",
            Label::Org => "ORG",
            Label::Project => "PROJECT",
            Label::Figure => "FIGURE",
            Label::Date => "DATE",
        }
    }

    /// A plural heading for lists ("People", "Places", ...).
    pub fn plural(self) -> &'static str {
        match self {
            Label::Person => "People",
            Label::Place => "Places",
            Label::Org => "Organisations",
            Label::Project => "Projects",
            Label::Figure => "Figures",
            Label::Date => "Dates",
        }
    }

    /// Parses the upper-case name; accepts any case.
    pub fn parse(name: &str) -> Option<Label> {
        Label::ALL
            .into_iter()
            .find(|label| label.as_str().eq_ignore_ascii_case(name))
    }

    /// Names (people, places, organisations, projects) as opposed to figures and dates.
    pub fn is_name(self) -> bool {
        matches!(
            self,
            Label::Person | Label::Place | Label::Org | Label::Project
        )
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which stage of the pipeline produced a mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// A match in a word list (countries, cities, ...).
    Gazetteer,
    /// A pattern or a contextual rule (titles, organisation words, number patterns).
    Rule,
    /// Labelled because the same name or a part of it is labelled elsewhere in the document.
    Document,
    /// The statistical tagger trained on news (see `model`).
    Model,
    /// A correction the user made in this document.
    User,
    /// A name from the user's dictionary (corrections made in earlier documents).
    Dictionary,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Gazetteer => "gazetteer",
            Source::Rule => "rule",
            Source::Document => "document",
            Source::Model => "model",
            Source::User => "user",
            Source::Dictionary => "dictionary",
        }
    }

    /// How the reader says where a highlight came from.
    pub fn describe(self) -> &'static str {
        match self {
            Source::Gazetteer => "found in a word list",
            Source::Rule => "found by a rule",
            Source::Document => "found elsewhere in the document",
            Source::Model => "found by the model",
            Source::User => "marked by you",
            Source::Dictionary => "from your dictionary",
        }
    }
}

/// One highlighted span of the document's text.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    pub label: Label,
    pub source: Source,
    /// Confidence in 0..=1.
    pub score: f32,
}

impl Mention {
    pub fn new(range: Range<usize>, label: Label, source: Source, score: f32) -> Self {
        Mention {
            start: range.start,
            end: range.end,
            label,
            source,
            score,
        }
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The mention's text, sliced from the document it belongs to.
    pub fn text<'t>(&self, document_text: &'t str) -> &'t str {
        &document_text[self.range()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_through_their_names() {
        for label in Label::ALL {
            assert_eq!(Label::parse(label.as_str()), Some(label));
            assert_eq!(Label::parse(&label.as_str().to_lowercase()), Some(label));
        }
        assert_eq!(Label::parse("MISC"), None);
    }

    #[test]
    fn labels_serialise_upper_case() {
        let json = serde_json::to_string(&Label::Project).unwrap();
        assert_eq!(json, "\"PROJECT\"");
    }
}
