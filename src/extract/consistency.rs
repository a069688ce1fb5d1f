//! The document-level pass: one name, one kind across the document.
//!
//! Sentences decide what they can on their own; this pass settles the rest from what the
//! whole document says: an acronym takes the kind of the name it abbreviates, a lone
//! "Boluarte" is a person because "Dina Boluarte" is one, and a name labelled two ways
//! takes the kind most of its confident mentions give it.

use super::names::{NameCandidate, is_acronym};
use crate::entity::{Label, Source};
use std::collections::{HashMap, HashSet};

/// Decides the undecided candidates and makes labels consistent. Candidates that stay
/// undecided and are too weak to guess are removed.
/// What to do with a name nothing decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undecided {
    /// Guess: a lone capitalised word inside a sentence is most often an organisation.
    GuessOrganisation,
    /// Drop it (the tagger has already passed over it).
    Drop,
}

/// Words that end a company's formal name: "Tesla Inc" is also "Tesla".
pub const COMPANY_SUFFIXES: &[&str] = &[
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "Corporation",
    "Co",
    "Co.",
    "Ltd",
    "Ltd.",
    "LLC",
    "PLC",
    "plc",
    "AG",
    "SA",
    "NV",
    "SE",
    "GmbH",
    "Group",
    "Holdings",
    "Limited",
];

pub fn settle(text: &str, candidates: &mut Vec<NameCandidate>, undecided: Undecided) {
    let name_of = |c: &NameCandidate| &text[c.start..c.end];

    label_acronyms_from_their_expansions(text, candidates);

    // A single word that is part of a person's full name refers to that person.
    let person_parts: HashSet<&str> = candidates
        .iter()
        .filter(|c| c.label == Some(Label::Person) && c.score >= 0.5)
        .flat_map(|c| {
            let name = name_of(c);
            let words: Vec<&str> = name
                .split_whitespace()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .collect();
            if words.len() > 1 { words } else { Vec::new() }
        })
        .collect();
    // "Tesla" is the company "Tesla Inc" names.
    let company_names: HashSet<&str> = candidates
        .iter()
        .filter(|c| c.label == Some(Label::Org))
        .filter_map(|c| {
            let name = name_of(c);
            let (short, suffix) = name.rsplit_once(' ')?;
            COMPANY_SUFFIXES
                .contains(&suffix)
                .then(|| short.trim_end_matches(','))
        })
        .collect();
    // "Chancay" in "Chancay port" names the site's place.
    let site_names: HashSet<&str> = candidates
        .iter()
        .filter(|c| c.names_a_site)
        .filter_map(|c| {
            let name = name_of(c);
            name.rsplit_once(' ').map(|(site, _)| site)
        })
        .collect();
    organisations_by_their_contexts(text, candidates, &person_parts);
    for candidate in candidates.iter_mut() {
        let name = name_of(candidate);
        let weak = candidate.label.is_none()
            || (candidate.score < 0.6 && candidate.source != Source::Gazetteer)
            || (candidate.source == Source::Model && candidate.score < 0.9);
        if !weak {
            continue;
        }
        if company_names.contains(&name) {
            set(candidate, Label::Org, 0.75);
            continue;
        }
        if name.contains(' ') {
            continue;
        }
        if person_parts.contains(&name) {
            set(candidate, Label::Person, 0.75);
        } else if site_names.contains(&name) {
            set(candidate, Label::Place, 0.6);
        }
    }

    // One name, one kind: the label with the most confident support wins.
    let mut votes: HashMap<&str, HashMap<Label, f32>> = HashMap::new();
    for candidate in candidates.iter() {
        if let Some(label) = candidate.label {
            *votes
                .entry(name_of(candidate))
                .or_default()
                .entry(label)
                .or_default() += candidate.score;
        }
    }
    for candidate in candidates.iter_mut() {
        let Some(support) = votes.get(&name_of(candidate)) else {
            continue;
        };
        let best = support
            .iter()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(label, _)| *label);
        if let Some(best) = best
            && candidate.label != Some(best)
        {
            set(candidate, best, 0.7);
        }
    }

    // What is still undecided: a lone capitalised word inside a sentence is most often
    // an organisation or company in news ("Huawei", "Reuters"); anything else is dropped.
    let gazetteer = crate::lexicon::gazetteer();
    for candidate in candidates.iter_mut() {
        let name = name_of(candidate);
        if candidate.label.is_none()
            && undecided == Undecided::GuessOrganisation
            && !candidate.sentence_initial
            && !name.contains(' ')
            && !gazetteer.is_common_word(name)
        {
            candidate.label = Some(Label::Org);
            candidate.source = Source::Rule;
            candidate.score = 0.4;
        }
    }
    candidates.retain(|c| c.label.is_some());
}

/// A one-word name that is never part of a person's full name in the document, whose
/// occurrences together say "organisation" more than "person" ("Shares of Zelvik fell",
/// "Zelvik, which makes batteries"), is an organisation at every occurrence: the tagger's
/// guess from the word's shape alone does not stand against the document.
fn organisations_by_their_contexts(
    text: &str,
    candidates: &mut [NameCandidate],
    person_parts: &HashSet<&str>,
) {
    let mut evidence: HashMap<&str, super::cues::Cues> = HashMap::new();
    for candidate in candidates.iter() {
        let name = &text[candidate.start..candidate.end];
        if name.contains(' ')
            || person_parts.contains(name)
            || !matches!(candidate.label, None | Some(Label::Person))
        {
            continue;
        }
        let cues = super::cues::around(text, candidate.start, candidate.end);
        let total = evidence.entry(name).or_default();
        total.organisation += cues.organisation;
        total.person += cues.person;
    }
    for candidate in candidates.iter_mut() {
        let name = &text[candidate.start..candidate.end];
        let Some(cues) = evidence.get(name) else {
            continue;
        };
        if cues.organisation > cues.person && matches!(candidate.label, None | Some(Label::Person))
        {
            set(candidate, Label::Org, 0.8);
        }
    }
}

fn set(candidate: &mut NameCandidate, label: Label, score: f32) {
    candidate.label = Some(label);
    candidate.source = Source::Document;
    candidate.score = score;
}

/// "Belt and Road Initiative (BRI)", or any acronym whose letters are the initials of a
/// longer name in the document, takes that name's kind.
fn label_acronyms_from_their_expansions(text: &str, candidates: &mut [NameCandidate]) {
    let mut expansions: HashMap<String, Label> = HashMap::new();
    for candidate in candidates.iter() {
        let name = &text[candidate.start..candidate.end];
        if let (Some(label), Some(initials)) = (candidate.label, initials(name)) {
            expansions.entry(initials).or_insert(label);
        }
    }
    for candidate in candidates.iter_mut() {
        let name = &text[candidate.start..candidate.end];
        if !is_acronym(name) || candidate.source == Source::Gazetteer {
            continue;
        }
        let letters: String = name.chars().filter(|c| c.is_alphanumeric()).collect();
        if let Some(&label) = expansions.get(&letters) {
            set(candidate, label, 0.85);
        }
    }
}

/// The initials of a multi-word name, skipping connectors: "Belt and Road Initiative" -> "BRI".
pub fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split([' ', '-'])
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    (words.len() >= 2).then(|| words.iter().filter_map(|w| w.chars().next()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_skip_connectors() {
        assert_eq!(initials("Belt and Road Initiative").as_deref(), Some("BRI"));
        assert_eq!(
            initials("Asia-Pacific Economic Cooperation").as_deref(),
            Some("APEC")
        );
        assert_eq!(initials("Peru"), None);
    }
}
