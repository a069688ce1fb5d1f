//! The user's corrections: highlights marked, relabelled, removed, merged or split by hand.
//!
//! Corrections are kept as a list of edits over the automatic analysis, not as its result,
//! so that they survive a better model: they are replayed in order on top of the mentions
//! the pipeline finds, then grouping and facts run on the corrected mentions. Each edit
//! carries the text it was made on, and an edit whose text no longer matches is skipped.

mod dictionary;
mod occurrences;
mod session;
mod store;

pub use dictionary::Dictionary;
pub use session::{Opened, Session};
pub(crate) use store::set_aside;
pub use store::{Loaded, Store, StoreError, content_hash};

use crate::entity::{Label, Mention, Source};
use crate::groups::GroupHints;
use occurrences::{form_of, whole_word_occurrences};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// One edit the user made.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Correction {
    /// Text marked as an entity of a kind; with `everywhere`, every other whole-word
    /// occurrence of the same text too.
    Mark {
        start: usize,
        end: usize,
        text: String,
        label: Label,
        everywhere: bool,
    },
    /// The kind of a highlight, or of every occurrence of some names, changed.
    Relabel { target: Target, label: Label },
    /// A highlight removed, or every mention of some names.
    Remove { target: Target },
    /// The entity of the mention at `from` joins the entity of the mention at `into`,
    /// taking its kind.
    Merge { from: Anchor, into: Anchor },
    /// The mention at `at` leaves its entity and stands alone.
    Split { at: Anchor },
}

/// What a relabel or a removal applies to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "scope", rename_all = "snake_case")]
pub enum Target {
    /// One mention, by its span and text.
    Mention {
        start: usize,
        end: usize,
        text: String,
    },
    /// Every occurrence of these names (mention texts with spaces collapsed).
    Names { names: Vec<String> },
}

/// A mention named by its span and text, so that a correction can be checked against the
/// text it is replayed on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Anchor {
    pub fn of(mention: &Mention, document_text: &str) -> Anchor {
        Anchor {
            start: mention.start,
            end: mention.end,
            text: mention.text(document_text).to_string(),
        }
    }

    fn matches(&self, document_text: &str) -> bool {
        document_text.get(self.start..self.end) == Some(self.text.as_str())
    }
}

impl Target {
    pub fn mention(mention: &Mention, document_text: &str) -> Target {
        Target::Mention {
            start: mention.start,
            end: mention.end,
            text: mention.text(document_text).to_string(),
        }
    }
}

impl Correction {
    /// A short description for the undo and redo menu items ("mark “Cybercab” as PROJECT").
    pub fn describe(&self) -> String {
        let names = |target: &Target| match target {
            Target::Mention { text, .. } => format!("“{text}”"),
            Target::Names { names } => match names.as_slice() {
                [one] => format!("every “{one}”"),
                _ => format!("every “{}” and {} more", names[0], names.len() - 1),
            },
        };
        match self {
            Correction::Mark {
                text,
                label,
                everywhere,
                ..
            } => format!(
                "mark {}“{text}” as {label}",
                if *everywhere { "every " } else { "" }
            ),
            Correction::Relabel { target, label } => {
                format!("make {} {label}", names(target))
            }
            Correction::Remove { target } => format!("remove {}", names(target)),
            Correction::Merge { from, into } => {
                format!("merge “{}” into “{}”", from.text, into.text)
            }
            Correction::Split { at } => format!("split “{}” off its entity", at.text),
        }
    }

    /// False for a correction that could never apply and would only make an empty entity:
    /// a zero-length or blank span, an empty list of names (a hand-edited or damaged store).
    pub fn is_usable(&self) -> bool {
        let span = |start: usize, end: usize, text: &str| start < end && !text.trim().is_empty();
        let anchor = |a: &Anchor| span(a.start, a.end, &a.text);
        let target = |t: &Target| match t {
            Target::Mention { start, end, text } => span(*start, *end, text),
            Target::Names { names } => names.iter().any(|n| !n.trim().is_empty()),
        };
        match self {
            Correction::Mark {
                start, end, text, ..
            } => span(*start, *end, text),
            Correction::Relabel { target: t, .. } | Correction::Remove { target: t } => target(t),
            Correction::Merge { from, into } => anchor(from) && anchor(into),
            Correction::Split { at } => anchor(at),
        }
    }

    /// The names this correction says, for every document, are of a kind: what the user
    /// dictionary learns from it.
    pub fn dictionary_entries(&self) -> Vec<(String, Label)> {
        match self {
            Correction::Mark {
                text,
                label,
                everywhere: true,
                ..
            } => vec![(form_of(text), *label)],
            Correction::Relabel {
                target: Target::Names { names },
                label,
            } => names.iter().map(|name| (form_of(name), *label)).collect(),
            _ => Vec::new(),
        }
    }
}

/// Corrected mentions, and what grouping must respect.
pub struct Corrected {
    pub mentions: Vec<Mention>,
    pub hints: GroupHints,
}

/// Replays the dictionary, then the corrections in order, over the automatic mentions.
pub fn apply(
    text: &str,
    automatic: &[Mention],
    dictionary: &Dictionary,
    corrections: &[Correction],
) -> Corrected {
    let mut mentions = automatic.to_vec();
    let from_dictionary = dictionary.occurrences(text);
    if !from_dictionary.is_empty() {
        mentions = overlay(mentions, from_dictionary);
    }
    let mut merges = Vec::new();
    let mut splits = Vec::new();
    // Names relabelled together stay one entity ("Xi" and "Xi Jinping" made ORG).
    let mut together: Vec<Vec<usize>> = Vec::new();
    for correction in corrections {
        match correction {
            Correction::Mark {
                start,
                end,
                text: marked,
                label,
                everywhere,
            } => {
                if text.get(*start..*end) != Some(marked.as_str()) {
                    continue;
                }
                let mut spans = Vec::from([(*start, *end)]);
                if *everywhere {
                    spans.extend(
                        whole_word_occurrences(text, &[marked.as_str()])
                            .into_iter()
                            .map(|r| (r.start, r.end)),
                    );
                }
                mentions = overlay(
                    mentions,
                    user_mentions(spans.into_iter().map(|(s, e)| s..e), *label),
                );
            }
            Correction::Relabel {
                target:
                    Target::Mention {
                        start,
                        end,
                        text: t,
                    },
                label,
            } => {
                if text.get(*start..*end) == Some(t.as_str()) {
                    mentions = overlay(
                        mentions,
                        user_mentions(std::iter::once(*start..*end), *label),
                    );
                }
            }
            Correction::Relabel {
                target: Target::Names { names },
                label,
            } => {
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                let spans = whole_word_occurrences(text, &names);
                together.push(spans.iter().map(|span| span.start).collect());
                mentions = overlay(mentions, user_mentions(spans, *label));
            }
            Correction::Remove {
                target:
                    Target::Mention {
                        start,
                        end,
                        text: t,
                    },
            } => {
                if text.get(*start..*end) == Some(t.as_str()) {
                    mentions.retain(|m| m.end <= *start || m.start >= *end);
                }
            }
            Correction::Remove {
                target: Target::Names { names },
            } => {
                mentions.retain(|m| !names.contains(&form_of(m.text(text))));
            }
            Correction::Merge { from, into } => {
                if from.matches(text) && into.matches(text) {
                    merges.push((from.start, into.start));
                }
            }
            Correction::Split { at } => {
                if at.matches(text) {
                    splits.push(at.start);
                }
            }
        }
    }
    let at = |offset: usize| {
        let i = mentions.partition_point(|m| m.end <= offset);
        mentions.get(i).filter(|m| m.start <= offset).map(|_| i)
    };
    let mut joined: Vec<(usize, usize)> = Vec::new();
    for starts in &together {
        if let Some((&first, rest)) = starts.split_first() {
            joined.extend(rest.iter().map(|&other| (other, first)));
        }
    }
    let hints = GroupHints {
        same: merges
            .iter()
            .filter_map(|&(from, into)| Some((at(from)?, at(into)?)))
            .collect(),
        alone: splits.iter().filter_map(|&s| at(s)).collect(),
        together: joined
            .iter()
            .filter_map(|&(a, b)| Some((at(a)?, at(b)?)))
            .collect(),
    };
    Corrected { mentions, hints }
}

fn user_mentions(spans: impl IntoIterator<Item = Range<usize>>, label: Label) -> Vec<Mention> {
    spans
        .into_iter()
        .map(|span| Mention::new(span, label, Source::User, 1.0))
        .collect()
}

/// Puts new mentions over old ones: an old mention that overlaps a new one goes. Among new
/// mentions that overlap each other, the first in text order stays. Both inputs and the
/// result are sorted by start.
pub(crate) fn overlay(old: Vec<Mention>, mut new: Vec<Mention>) -> Vec<Mention> {
    new.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    new.dedup_by(|later, earlier| later.start < earlier.end);
    let mut result = Vec::with_capacity(old.len() + new.len());
    let mut n = 0;
    for mention in old {
        while n < new.len() && new[n].end <= mention.start {
            result.push(new[n].clone());
            n += 1;
        }
        let overlaps = new[n..]
            .iter()
            .take_while(|m| m.start < mention.end)
            .any(|m| m.end > mention.start);
        if !overlaps {
            result.push(mention);
        }
    }
    result.extend(new.drain(n..));
    result
}

#[cfg(test)]
mod tests;
