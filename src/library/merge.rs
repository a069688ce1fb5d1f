//! Library entities: the entities of all documents merged by the same alias rules that
//! merge mentions within one document ([`crate::groups::group_forms`]), applied to every
//! distinct (kind, name) form the documents wrote, so that "Xi" in one article joins "Xi
//! Jinping" of another and "BRI" joins "Belt and Road Initiative".
//!
//! A document also says which of its forms are one entity (its analysis grouped them, or
//! the user merged them): a form another document's entity was written as joins that
//! entity, unless entities that the rules keep apart both claim it ("Li" for "Li Qiang" in
//! one article and for "Li Wei" in another), so that one ambiguous short name never chains
//! two people together. Merging runs over all forms after every add, linear in them.

use super::{label_code, label_from, packed};
use crate::entity::Label;
use crate::extract::{initials, is_acronym};
use crate::groups::{DisjointSets, group_forms};
use rusqlite::Transaction;
use std::collections::HashMap;

/// One document's entity as merging sees it (indices into the forms).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct LocalGroup {
    /// The form of its name.
    pub name: usize,
    /// Every form it was written as, its name among them, with how many mentions each.
    pub forms: Vec<(usize, usize)>,
}

/// Who claims a form as another name of theirs.
#[derive(Clone, Copy, PartialEq)]
enum Claim {
    Nobody,
    One(usize),
    Several,
}

/// The library entity of each form, as a set id (forms with the same id are one entity).
pub(crate) fn merge_forms(forms: &[(Label, String)], groups: &[LocalGroup]) -> Vec<usize> {
    let by_rules = group_forms(
        &acronyms_of_their_expansions(forms),
        &vec![false; forms.len()],
    );
    let mut claims = vec![Claim::Nobody; forms.len()];
    for group in groups {
        let owner = by_rules[group.name];
        for &(form, _) in group.forms.iter().filter(|&&(f, _)| f != group.name) {
            claims[form] = match claims[form] {
                Claim::Nobody => Claim::One(owner),
                Claim::One(o) if o == owner => Claim::One(o),
                _ => Claim::Several,
            };
        }
    }
    let mut sets = DisjointSets::new(forms.len());
    for (form, &set) in by_rules.iter().enumerate() {
        sets.union(form, set);
    }
    for group in groups {
        for &(form, _) in &group.forms {
            if matches!(claims[form], Claim::One(_)) {
                sets.union(group.name, form);
            }
        }
    }
    (0..forms.len()).map(|form| sets.find(form)).collect()
}

/// The forms with each acronym given the kind of the one name of the library it
/// abbreviates, as `extract::consistency` does within a document: a standalone "BRI" the
/// tagger called ORG can then join "Belt and Road Initiative", a PROJECT, of another
/// document. An acronym two names could stand for keeps its kind.
fn acronyms_of_their_expansions(forms: &[(Label, String)]) -> Vec<(Label, String)> {
    let mut expansions: HashMap<String, Vec<Label>> = HashMap::new();
    for (label, form) in forms.iter().filter(|(label, _)| label.is_name()) {
        if let Some(initials) = initials(form) {
            expansions.entry(initials).or_default().push(*label);
        }
    }
    forms
        .iter()
        .map(|(label, form)| {
            let letters: String = form.chars().filter(|c| c.is_alphanumeric()).collect();
            let expansion = match expansions.get(&letters).map(Vec::as_slice) {
                Some(&[only]) if label.is_name() && is_acronym(form) => only,
                _ => *label,
            };
            (expansion, form.clone())
        })
        .collect()
}

/// Each set's name, as the index of its form: its fullest form, the longest in words,
/// then the most mentioned (then the longest, then the first alphabetically, so that it
/// never depends on order). The entity takes that form's kind too.
pub(crate) fn entity_names(
    forms: &[(Label, String)],
    sets: &[usize],
    mentions: &[usize],
) -> HashMap<usize, usize> {
    let mut best: HashMap<usize, usize> = HashMap::new();
    let rank = |form: usize| {
        let text = forms[form].1.as_str();
        (text.split(' ').count(), mentions[form], text.len())
    };
    for (form, &set) in sets.iter().enumerate() {
        best.entry(set)
            .and_modify(|current| {
                let (new, old) = (rank(form), rank(*current));
                if new > old || (new == old && forms[form].1 < forms[*current].1) {
                    *current = form;
                }
            })
            .or_insert(form);
    }
    best
}

/// A row of `groups` as merging reads it (form ids).
struct GroupRow {
    document: i64,
    name: i64,
    mentions: usize,
    written: Vec<(i64, usize)>,
}

/// Merges every form of the library again and rewrites the entity of each form and the
/// entities with their counts, in the caller's transaction. Entity ids are kept where a
/// set still holds the forms of an old entity, so a selection survives an add.
pub(super) fn remerge(transaction: &Transaction<'_>) -> rusqlite::Result<()> {
    // Each document entity, with the forms it was written as.
    let mut group_rows: Vec<GroupRow> = Vec::new();
    {
        let mut statement = transaction
            .prepare("SELECT document, form, mentions, written FROM groups ORDER BY document")?;
        let mut query = statement.query([])?;
        while let Some(row) = query.next()? {
            group_rows.push(GroupRow {
                document: row.get(0)?,
                name: row.get(1)?,
                mentions: super::count(row.get(2)?),
                written: packed::unpack_counts(&row.get::<_, Vec<u8>>(3)?),
            });
        }
    }
    // The forms some document uses, with their current entities; the others go.
    let mut known: HashMap<i64, (Label, String, Option<i64>)> = HashMap::new();
    {
        let mut statement = transaction.prepare("SELECT id, label, form, entity FROM forms")?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            known.insert(
                row.get(0)?,
                (label_from(row.get(1)?)?, row.get(2)?, row.get(3)?),
            );
        }
    }
    let used: std::collections::HashSet<i64> = group_rows
        .iter()
        .flat_map(|g| std::iter::once(g.name).chain(g.written.iter().map(|w| w.0)))
        .collect();
    let mut unused: Vec<i64> = known
        .keys()
        .filter(|id| !used.contains(id))
        .copied()
        .collect();
    unused.sort_unstable();
    let mut delete = transaction.prepare("DELETE FROM forms WHERE id = ?1")?;
    for id in unused {
        delete.execute([id])?;
        known.remove(&id);
    }
    let mut ids: Vec<i64> = known.keys().copied().collect();
    ids.sort_unstable();
    let index: HashMap<i64, usize> = ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
    let mut forms: Vec<(Label, String)> = Vec::with_capacity(ids.len());
    let mut old_entity: Vec<Option<i64>> = Vec::with_capacity(ids.len());
    for id in &ids {
        if let Some((label, form, entity)) = known.remove(id) {
            forms.push((label, form));
            old_entity.push(entity);
        }
    }

    let mut groups: Vec<LocalGroup> = Vec::new();
    let mut group_documents: Vec<i64> = Vec::new();
    let mut group_mentions: Vec<usize> = Vec::new();
    let mut form_mentions = vec![0usize; forms.len()];
    for row in &group_rows {
        let Some(&name) = index.get(&row.name) else {
            continue;
        };
        let written: Vec<(usize, usize)> = row
            .written
            .iter()
            .filter_map(|&(form, n)| Some((*index.get(&form)?, n)))
            .collect();
        for &(form, n) in &written {
            form_mentions[form] += n;
        }
        groups.push(LocalGroup {
            name,
            forms: written,
        });
        group_documents.push(row.document);
        group_mentions.push(row.mentions);
    }

    let sets = merge_forms(&forms, &groups);
    let names = entity_names(&forms, &sets, &form_mentions);

    // Counts per set, over the sets that name some document entity.
    let mut documents: HashMap<usize, (usize, usize, i64)> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        let entry = documents
            .entry(sets[group.name])
            .or_insert((0, 0, i64::MIN));
        if entry.2 != group_documents[g] {
            // Groups come in document order, so a new document shows as a change.
            entry.0 += 1;
            entry.2 = group_documents[g];
        }
        entry.1 += group_mentions[g];
    }

    // Entity ids: a set keeps the smallest old id among its forms that no other set took.
    let mut old_ids: HashMap<usize, Vec<i64>> = HashMap::new();
    for (form, &set) in sets.iter().enumerate() {
        if documents.contains_key(&set) {
            old_ids.entry(set).or_default().extend(old_entity[form]);
        }
    }
    let mut roots: Vec<usize> = documents.keys().copied().collect();
    roots.sort_unstable();
    let mut next_id = old_entity.iter().flatten().max().copied().unwrap_or(0) + 1;
    let mut taken: std::collections::HashSet<i64> = std::collections::HashSet::new();
    let mut entity_of_set: HashMap<usize, i64> = HashMap::new();
    for &root in &roots {
        let mut candidates = old_ids.remove(&root).unwrap_or_default();
        candidates.sort_unstable();
        let id = match candidates.into_iter().find(|id| !taken.contains(id)) {
            Some(id) => id,
            None => {
                next_id += 1;
                next_id - 1
            }
        };
        taken.insert(id);
        entity_of_set.insert(root, id);
    }

    // Write what changed.
    {
        let mut update = transaction.prepare("UPDATE forms SET entity = ?2 WHERE id = ?1")?;
        for (form, &id) in ids.iter().enumerate() {
            let entity = entity_of_set.get(&sets[form]).copied();
            if entity != old_entity[form] {
                update.execute(rusqlite::params![id, entity])?;
            }
        }
    }
    let mut old_rows: HashMap<i64, (i64, String, i64, i64)> = HashMap::new();
    {
        let mut statement =
            transaction.prepare("SELECT id, label, name, documents, mentions FROM entities")?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            old_rows.insert(
                row.get(0)?,
                (row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?),
            );
        }
    }
    let mut replace = transaction.prepare(
        "INSERT OR REPLACE INTO entities (id, label, name, documents, mentions)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for &root in &roots {
        let id = entity_of_set[&root];
        let (document_count, mention_count, _) = documents[&root];
        let (label, name) = &forms[names.get(&root).copied().unwrap_or(root)];
        let row = (
            label_code(*label),
            name.clone(),
            super::int(document_count),
            super::int(mention_count),
        );
        if old_rows.remove(&id).as_ref() != Some(&row) {
            replace.execute(rusqlite::params![id, row.0, row.1, row.2, row.3])?;
        }
    }
    let mut delete = transaction.prepare("DELETE FROM entities WHERE id = ?1")?;
    let mut gone: Vec<i64> = old_rows.into_keys().collect();
    gone.sort_unstable();
    for id in gone {
        delete.execute([id])?;
    }
    transaction.execute("DELETE FROM meta WHERE key = 'entities_stale'", [])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(list: &[(Label, &str)]) -> Vec<(Label, String)> {
        list.iter().map(|(l, f)| (*l, f.to_string())).collect()
    }

    fn group(name: usize, forms: &[usize]) -> LocalGroup {
        LocalGroup {
            name,
            forms: forms.iter().map(|&f| (f, 1)).collect(),
        }
    }

    #[test]
    fn a_surname_and_an_acronym_in_other_documents_join_the_full_names() {
        let forms = forms(&[
            (Label::Person, "Xi Jinping"),
            (Label::Person, "Xi"),
            (Label::Project, "Belt and Road Initiative"),
            (Label::Project, "BRI"),
            (Label::Person, "Dina Boluarte"),
        ]);
        // Article one names Xi Jinping and the initiative in full, article two says "Xi"
        // and "BRI" only.
        let groups = [
            group(0, &[0]),
            group(2, &[2]),
            group(4, &[4]),
            group(1, &[1]),
            group(3, &[3]),
        ];
        let sets = merge_forms(&forms, &groups);
        assert_eq!(sets[0], sets[1]);
        assert_eq!(sets[2], sets[3]);
        assert_ne!(
            sets[0], sets[4],
            "two people sharing no name word stay apart"
        );
        assert_ne!(sets[0], sets[2]);
        let names = entity_names(&forms, &sets, &[1, 5, 1, 5, 1]);
        assert_eq!(forms[names[&sets[1]]].1, "Xi Jinping");
        assert_eq!(forms[names[&sets[3]]].1, "Belt and Road Initiative");
    }

    #[test]
    fn an_acronym_tagged_as_another_kind_joins_the_one_name_it_abbreviates() {
        let forms = forms(&[
            (Label::Project, "Belt and Road Initiative"),
            (Label::Org, "BRI"),
            (Label::Org, "WHO"),
            (Label::Org, "World Health Organization"),
            (Label::Project, "World Housing Offensive"),
        ]);
        let groups = [
            group(0, &[0]),
            group(1, &[1]),
            group(2, &[2]),
            group(3, &[3]),
            group(4, &[4]),
        ];
        let sets = merge_forms(&forms, &groups);
        assert_eq!(sets[0], sets[1]);
        assert_eq!(
            forms[entity_names(&forms, &sets, &[1; 5])[&sets[1]]].0,
            Label::Project
        );
        // Two names of two kinds could be "WHO": it keeps its kind, and joins the one of
        // that kind as within a document.
        assert_eq!(sets[2], sets[3]);
        assert_ne!(sets[2], sets[4]);
    }

    #[test]
    fn a_document_that_wrote_a_name_two_ways_joins_them_everywhere() {
        let forms = forms(&[
            (Label::Project, "Belt and Road Initiative"),
            (Label::Project, "Belt and Road"),
        ]);
        // Article one wrote the initiative both ways; article two only the short way.
        let groups = [group(0, &[0, 1]), group(1, &[1])];
        let sets = merge_forms(&forms, &groups);
        assert_eq!(sets[0], sets[1]);
    }

    #[test]
    fn a_short_name_two_people_claim_chains_nobody_together() {
        let forms = forms(&[
            (Label::Person, "Li Qiang"),
            (Label::Person, "Li Wei"),
            (Label::Person, "Li"),
        ]);
        // "Li" is Li Qiang in article one, Li Wei in article two, unknown in article three.
        let groups = [group(0, &[0, 2]), group(1, &[1, 2]), group(2, &[2])];
        let sets = merge_forms(&forms, &groups);
        assert_ne!(sets[0], sets[1]);
        assert_ne!(sets[2], sets[0]);
        assert_ne!(sets[2], sets[1]);
    }

    #[test]
    fn the_name_is_the_longest_in_words_then_the_most_mentioned() {
        let forms = forms(&[
            (Label::Person, "Boluarte"),
            (Label::Person, "Dina Boluarte"),
            (Label::Person, "Dina E. Boluarte"),
        ]);
        let sets = vec![0, 0, 0];
        assert_eq!(
            forms[entity_names(&forms, &sets, &[9, 9, 1])[&0]].1,
            "Dina E. Boluarte"
        );
        let forms = forms[..2].to_vec();
        assert_eq!(
            forms[entity_names(&forms, &sets[..2], &[9, 1])[&0]].1,
            "Dina Boluarte"
        );
    }
}
