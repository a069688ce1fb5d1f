//! Merging mentions into entities: "Xi" and "Xi Jinping", "BRI" and "Belt and Road
//! Initiative", "US" and "United States" are each one entity. The rules are general
//! (a single name inside a person's full name, initials, a table of country aliases).

use crate::entity::{Label, Mention};
use crate::extract::{COMPANY_SUFFIXES, initials, is_acronym};
use crate::lexicon::gazetteer;
use serde::Serialize;
use std::collections::HashMap;

/// One entity: all mentions that refer to the same person, place, thing or figure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    pub id: usize,
    pub label: Label,
    /// The fullest form the document uses ("Xi Jinping").
    pub name: String,
    /// Indices into the analysis's mentions, in document order.
    #[serde(skip)]
    pub mentions: Vec<usize>,
}

impl Group {
    pub fn mention_count(&self) -> usize {
        self.mentions.len()
    }
}

/// What the user said about grouping (see `corrections`), as mention indices.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GroupHints {
    /// (from, into): the entity of `from` joins the entity of `into` and takes its kind.
    pub same: Vec<(usize, usize)>,
    /// Mentions that stand alone, whatever the rules say.
    pub alone: Vec<usize>,
    /// Pairs that are one entity and already share a kind (names relabelled together).
    pub together: Vec<(usize, usize)>,
}

/// Groups mentions. Returns the groups (most mentioned first within each kind, ids in that
/// order) and, for each mention, the id of its group.
pub fn group_mentions(text: &str, mentions: &[Mention]) -> (Vec<Group>, Vec<usize>) {
    let mut mentions = mentions.to_vec();
    group_mentions_with(text, &mut mentions, &GroupHints::default())
}

/// Groups mentions, respecting the user's merges and splits. A merge gives the merged
/// mentions the kind of the entity they join, hence `&mut`.
pub fn group_mentions_with(
    text: &str,
    mentions: &mut [Mention],
    hints: &GroupHints,
) -> (Vec<Group>, Vec<usize>) {
    // Distinct (label, form) keys; forms are the mention text with spaces collapsed. A
    // mention split off by the user gets a key of its own that no rule touches.
    let mut keys: Vec<(Label, String)> = Vec::new();
    let mut standalone: Vec<bool> = Vec::new();
    let mut key_index: HashMap<(Label, String), usize> = HashMap::new();
    let mention_key: Vec<usize> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let form = m
                .text(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let key = (m.label, form);
            if hints.alone.contains(&i) {
                keys.push(key);
                standalone.push(true);
                return keys.len() - 1;
            }
            *key_index.entry(key.clone()).or_insert_with(|| {
                keys.push(key);
                standalone.push(false);
                keys.len() - 1
            })
        })
        .collect();

    let mut sets = DisjointSets::new(keys.len());
    union_by_rules(&keys, &standalone, &mut sets);

    for &(a, b) in &hints.together {
        if let (Some(&a), Some(&b)) = (mention_key.get(a), mention_key.get(b)) {
            sets.union(a, b);
        }
    }
    // The entities as the rules made them, to name a merged entity after the one joined.
    let root_before: Vec<usize> = (0..keys.len()).map(|k| sets.find(k)).collect();
    for &(from, into) in &hints.same {
        if let (Some(&a), Some(&b)) = (mention_key.get(from), mention_key.get(into)) {
            sets.union(a, b);
        }
    }

    // Collect members per root, then order groups: by kind, most mentioned first, by name.
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for (m, &k) in mention_key.iter().enumerate() {
        members.entry(sets.find(k)).or_default().push(m);
    }
    // A merged entity takes the kind of the one it joined (the last merge wins).
    for &(_, into) in &hints.same {
        let Some(&key) = mention_key.get(into) else {
            continue;
        };
        let label = mentions[into].label;
        for &m in members.get(&sets.find(key)).into_iter().flatten() {
            mentions[m].label = label;
        }
    }
    // A merged entity keeps the name of the entity it joined (the last merge wins).
    let mut joined_root: HashMap<usize, usize> = HashMap::new();
    for &(_, into) in &hints.same {
        if let Some(&key) = mention_key.get(into) {
            joined_root.insert(sets.find(key), root_before[key]);
        }
    }
    let mut groups: Vec<Group> = members
        .into_iter()
        .map(|(root, mentions_of_group)| {
            let label = mentions[mentions_of_group[0]].label;
            let name = match joined_root.get(&root) {
                Some(&target) => {
                    let target_members: Vec<usize> = mentions_of_group
                        .iter()
                        .copied()
                        .filter(|&m| root_before[mention_key[m]] == target)
                        .collect();
                    fullest_name(text, mentions, &target_members)
                }
                None => fullest_name(text, mentions, &mentions_of_group),
            };
            Group {
                id: 0,
                label,
                name,
                mentions: mentions_of_group,
            }
        })
        .collect();
    groups.sort_by(|a, b| {
        a.label
            .cmp(&b.label)
            .then(b.mentions.len().cmp(&a.mentions.len()))
            .then(a.name.cmp(&b.name))
    });
    let mut group_of = vec![0; mentions.len()];
    for (id, group) in groups.iter_mut().enumerate() {
        group.id = id;
        for &m in &group.mentions {
            group_of[m] = id;
        }
    }
    (groups, group_of)
}

/// Applies the alias rules to distinct (label, form) names: which forms name the same
/// entity. Returns a set id per form (the index of the set's first form), so that forms
/// with the same id are one entity. The library uses it across documents, with the forms
/// each document wrote; [`group_mentions_with`] within one document. A `standalone` form
/// joins nothing.
pub fn group_forms(forms: &[(Label, String)], standalone: &[bool]) -> Vec<usize> {
    let mut sets = DisjointSets::new(forms.len());
    union_by_rules(forms, standalone, &mut sets);
    (0..forms.len()).map(|k| sets.find(k)).collect()
}

/// The rules: country aliases, initials and acronyms, a single name inside one person's
/// full name, a company without its legal suffix. Linear in the forms (and their words).
fn union_by_rules(keys: &[(Label, String)], standalone: &[bool], sets: &mut DisjointSets) {
    let standalone = |k: usize| standalone.get(k).copied().unwrap_or(false);
    let aliases = &gazetteer().aliases;
    let mut by_canonical: HashMap<(Label, &str), usize> = HashMap::new();
    let mut by_initials: HashMap<(Label, String), Vec<usize>> = HashMap::new();
    let mut person_words: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, (label, form)) in keys.iter().enumerate() {
        if !label.is_name() || standalone(k) {
            continue;
        }
        if let Some(canonical) = aliases.get(form.as_str()) {
            match by_canonical.entry((*label, canonical)) {
                std::collections::hash_map::Entry::Occupied(e) => sets.union(*e.get(), k),
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(k);
                }
            }
        }
        if let Some(initials) = initials(form) {
            by_initials.entry((*label, initials)).or_default().push(k);
        }
        if *label == Label::Person && form.contains(' ') {
            for word in form
                .split(' ')
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            {
                person_words.entry(word).or_default().push(k);
            }
        }
    }
    // "Tesla" joins "Tesla Inc".
    let mut companies: HashMap<&str, usize> = HashMap::new();
    for (k, (label, form)) in keys.iter().enumerate() {
        if *label == Label::Org
            && !standalone(k)
            && let Some((short, suffix)) = form.rsplit_once(' ')
            && COMPANY_SUFFIXES.contains(&suffix)
        {
            companies.insert(short.trim_end_matches(','), k);
        }
    }
    for (k, (label, form)) in keys.iter().enumerate() {
        if *label == Label::Org
            && !standalone(k)
            && let Some(&company) = companies.get(form.as_str())
        {
            sets.union(company, k);
        }
    }
    for (k, (label, form)) in keys.iter().enumerate() {
        if form.contains(' ') || standalone(k) {
            continue;
        }
        // "BRI" joins the one name whose initials it spells.
        if is_acronym(form) {
            let letters: String = form.chars().filter(|c| c.is_alphanumeric()).collect();
            if let Some([only]) = by_initials.get(&(*label, letters)).map(Vec::as_slice) {
                sets.union(*only, k);
            }
        }
        // "Boluarte" joins "Dina Boluarte" when exactly one full name holds it.
        if *label == Label::Person
            && let Some(full_names) = person_words.get(form.as_str())
        {
            let mut distinct: Vec<usize> = full_names.iter().map(|&f| sets.find(f)).collect();
            distinct.sort_unstable();
            distinct.dedup();
            if let [only] = distinct.as_slice() {
                sets.union(*only, k);
            }
        }
    }
}

/// The longest form (in words, then in letters), ties broken by frequency and order.
fn fullest_name(text: &str, mentions: &[Mention], members: &[usize]) -> String {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for &m in members {
        let form = mentions[m]
            .text(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        *counts.entry(form).or_default() += 1;
    }
    let mut forms: Vec<(String, usize)> = counts.into_iter().collect();
    forms.sort_by(|(a, ca), (b, cb)| {
        let words = |s: &str| s.split(' ').count();
        words(b)
            .cmp(&words(a))
            .then(b.len().cmp(&a.len()))
            .then(cb.cmp(ca))
            .then(a.cmp(b))
    });
    forms
        .into_iter()
        .next()
        .map(|(form, _)| form)
        .unwrap_or_default()
}

/// Union-find over key indices.
pub(crate) struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    pub(crate) fn new(n: usize) -> Self {
        DisjointSets {
            parent: (0..n).collect(),
        }
    }

    pub(crate) fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // Keep the smaller index as root so results do not depend on call order.
            let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[child] = root;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::Source;

    fn mention(text: &str, needle: &str, nth: usize, label: Label) -> Mention {
        let start = text.match_indices(needle).nth(nth).unwrap().0;
        Mention::new(start..start + needle.len(), label, Source::Rule, 1.0)
    }

    #[test]
    fn surnames_acronyms_and_country_aliases_merge() {
        let text = "Xi Jinping and Xi. Belt and Road Initiative and BRI. US and U.S. and United States. Tesla Inc and Tesla.";
        let mentions = vec![
            mention(text, "Xi Jinping", 0, Label::Person),
            mention(text, "Xi", 1, Label::Person),
            mention(text, "Belt and Road Initiative", 0, Label::Project),
            mention(text, "BRI", 0, Label::Project),
            mention(text, "US", 0, Label::Place),
            mention(text, "U.S.", 0, Label::Place),
            mention(text, "United States", 0, Label::Place),
            mention(text, "Tesla Inc", 0, Label::Org),
            mention(text, "Tesla", 1, Label::Org),
        ];
        let (groups, group_of) = group_mentions(text, &mentions);
        assert_eq!(groups.len(), 4);
        assert_eq!(group_of[7], group_of[8]);
        assert_eq!(group_of[0], group_of[1]);
        assert_eq!(group_of[2], group_of[3]);
        assert_eq!(group_of[4], group_of[5]);
        assert_eq!(group_of[5], group_of[6]);
        let names: Vec<&str> = groups.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Xi Jinping",
                "United States",
                "Tesla Inc",
                "Belt and Road Initiative"
            ]
        );
    }

    #[test]
    fn a_surname_shared_by_two_people_stays_apart() {
        let text = "Li Qiang met Li Wei. Li spoke.";
        let mentions = vec![
            mention(text, "Li Qiang", 0, Label::Person),
            mention(text, "Li Wei", 0, Label::Person),
            mention(text, "Li", 2, Label::Person),
        ];
        let (groups, _) = group_mentions(text, &mentions);
        assert_eq!(groups.len(), 3);
    }
}
