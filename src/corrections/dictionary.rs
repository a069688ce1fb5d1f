//! The user dictionary: names the user marked or relabelled "everywhere", offered for every
//! later document (they are highlighted with their kind wherever they occur).

use super::occurrences::{form_of, whole_word_occurrences};
use crate::entity::{Label, Mention, Source};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Name (words joined by single spaces) → kind. A BTreeMap so that it saves in a stable
/// order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Dictionary {
    pub names: BTreeMap<String, Label>,
}

impl Dictionary {
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// The dictionary without blank names, which would match nothing or everything.
    pub fn without_empty_names(mut self) -> Dictionary {
        self.names.retain(|name, _| !name.trim().is_empty());
        self
    }

    /// Adds or changes a name; returns what it was before, for undo.
    pub fn insert(&mut self, name: &str, label: Label) -> Option<Label> {
        self.names.insert(form_of(name), label)
    }

    /// Removes a name; returns what it was.
    pub fn remove(&mut self, name: &str) -> Option<Label> {
        self.names.remove(&form_of(name))
    }

    /// Every whole-word occurrence of a dictionary name in the text, as mentions.
    pub fn occurrences(&self, text: &str) -> Vec<Mention> {
        if self.names.is_empty() {
            return Vec::new();
        }
        let names: Vec<&str> = self.names.keys().map(String::as_str).collect();
        whole_word_occurrences(text, &names)
            .into_iter()
            .filter_map(|span| {
                let label = *self.names.get(&form_of(&text[span.clone()]))?;
                Some(Mention::new(span, label, Source::Dictionary, 1.0))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_names_become_mentions_of_their_kind() {
        let mut dictionary = Dictionary::default();
        assert_eq!(dictionary.insert("Cybercab", Label::Project), None);
        assert_eq!(
            dictionary.insert("Cybercab", Label::Project),
            Some(Label::Project)
        );
        dictionary.insert("Morgan  Stanley", Label::Org);
        let text = "Morgan Stanley likes the Cybercab. Cybercabs are not it.";
        let found: Vec<(&str, Label)> = dictionary
            .occurrences(text)
            .iter()
            .map(|m| (m.text(text), m.label))
            .collect();
        assert_eq!(
            found,
            [("Morgan Stanley", Label::Org), ("Cybercab", Label::Project)]
        );
        assert_eq!(dictionary.remove("Morgan Stanley"), Some(Label::Org));
        assert_eq!(dictionary.len(), 1);
    }
}
