//! The corrections of one open document, with undo and redo, saved after every change.

use super::{Correction, Dictionary, Store, StoreError, content_hash};
use crate::entity::Label;

/// One correction as applied, with what it changed in the dictionary so undo can restore it.
#[derive(Clone, Debug)]
struct Step {
    correction: Correction,
    /// (name, its kind before) for every dictionary name this step set.
    dictionary_before: Vec<(String, Option<Label>)>,
    /// Made in this session (not read from the store): undo takes these back first, so
    /// that it never undoes another window's latest work before this one's.
    made_here: bool,
}

/// The open document's corrections and the user dictionary, kept in step with the store.
///
/// Other windows and processes may change the same files. A save therefore sends only what
/// this session changed since it last met the store (corrections added and taken back,
/// dictionary names set and removed) and merges them into what is on disk, under the
/// store's lock; [`Session::refresh`] picks up what the others wrote.
#[derive(Debug)]
pub struct Session {
    store: Option<Store>,
    hash: String,
    document_name: String,
    applied: Vec<Step>,
    undone: Vec<Step>,
    dictionary: Dictionary,
    /// The document's corrections as last read from or written to the store.
    synced: Vec<Correction>,
    /// Dictionary changes made here and not written yet, oldest first: (name, new kind or
    /// None for removed).
    dictionary_edits: Vec<(String, Option<Label>)>,
    /// The files' stamps when last read or written, to notice others' writes.
    seen: Stamps,
    /// Warnings from saves (a damaged file set aside), for the window to show.
    warnings: Vec<String>,
}

/// When the two files of a session last changed, as far as this session knows.
type Stamps = (Option<super::store::Stamp>, Option<super::store::Stamp>);

/// What opening a session found: the session, and anything to tell the user.
pub struct Opened {
    pub session: Session,
    pub warnings: Vec<String>,
}

impl Session {
    /// A session with nothing saved anywhere (no data folder, or tests).
    pub fn unsaved(text: &str, document_name: &str) -> Session {
        Session {
            store: None,
            hash: content_hash(text),
            document_name: document_name.to_string(),
            applied: Vec::new(),
            undone: Vec::new(),
            dictionary: Dictionary::default(),
            synced: Vec::new(),
            dictionary_edits: Vec::new(),
            seen: (None, None),
            warnings: Vec::new(),
        }
    }

    /// Loads the dictionary and the corrections saved for this text. Damaged files have
    /// been moved aside by then; their warnings come back, as does a failure to read.
    pub fn open(store: Option<Store>, text: &str, document_name: &str) -> Opened {
        let mut session = Session::unsaved(text, document_name);
        let mut warnings = Vec::new();
        if let Some(store) = &store {
            session.seen = store.stamps(&session.hash);
            match store.load_dictionary() {
                Ok(loaded) => {
                    session.dictionary = loaded.value;
                    warnings.extend(loaded.warning);
                }
                Err(error) => warnings.push(error.to_string()),
            }
            match store.load(&session.hash) {
                Ok(loaded) => {
                    session.synced = loaded.value.clone();
                    session.applied = loaded.value.into_iter().map(Step::loaded).collect();
                    warnings.extend(loaded.warning);
                }
                Err(error) => warnings.push(error.to_string()),
            }
        }
        session.store = store;
        Opened { session, warnings }
    }

    /// The corrections in force, oldest first.
    pub fn corrections(&self) -> Vec<Correction> {
        self.applied.iter().map(|s| s.correction.clone()).collect()
    }

    pub fn dictionary(&self) -> &Dictionary {
        &self.dictionary
    }

    pub fn undo_description(&self) -> Option<String> {
        self.next_undo()
            .map(|at| self.applied[at].correction.describe())
    }

    /// The step undo takes back: the latest made here, else the latest read from the store.
    fn next_undo(&self) -> Option<usize> {
        self.applied
            .iter()
            .rposition(|s| s.made_here)
            .or_else(|| self.applied.len().checked_sub(1))
    }

    pub fn redo_description(&self) -> Option<String> {
        self.undone.last().map(|s| s.correction.describe())
    }

    /// Warnings gathered while saving (a damaged file set aside), once each.
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    /// Applies a new correction (what it teaches the dictionary included) and saves.
    /// The correction is kept even when saving fails; the error says so.
    pub fn push(&mut self, correction: Correction) -> Result<(), StoreError> {
        self.undone.clear();
        let step = self.learn(correction);
        self.applied.push(step);
        self.save()
    }

    /// Takes back the last correction; returns what was undone.
    pub fn undo(&mut self) -> Option<Result<Correction, StoreError>> {
        let step = self.applied.remove(self.next_undo()?);
        for (name, before) in step.dictionary_before.iter().rev() {
            self.set_name(name, *before);
        }
        let correction = step.correction.clone();
        self.undone.push(step);
        Some(self.save().map(|()| correction))
    }

    /// Applies again the last undone correction; returns it.
    pub fn redo(&mut self) -> Option<Result<Correction, StoreError>> {
        let step = self.undone.pop()?;
        let step = self.learn(step.correction);
        let correction = step.correction.clone();
        self.applied.push(step);
        Some(self.save().map(|()| correction))
    }

    /// Removes a name from the dictionary (from the dictionary window).
    pub fn forget(&mut self, name: &str) -> Result<(), StoreError> {
        if self
            .dictionary
            .names
            .contains_key(&super::occurrences::form_of(name))
        {
            self.set_name(name, None);
            self.save()?;
        }
        Ok(())
    }

    /// Picks up what other windows or processes saved since this session last read or
    /// wrote the store: dictionary names, and corrections of this same document. Cheap
    /// when nothing changed (two file stamps). True when the session changed.
    pub fn refresh(&mut self) -> Result<bool, StoreError> {
        let Some(store) = &self.store else {
            return Ok(false);
        };
        let now = store.stamps(&self.hash);
        if now == self.seen {
            return Ok(false);
        }
        let mut changed = false;
        if now.0 != self.seen.0 {
            let loaded = store.load_dictionary()?;
            self.warnings.extend(loaded.warning);
            let mut dictionary = loaded.value;
            apply_edits(&mut dictionary, &self.dictionary_edits);
            changed |= dictionary != self.dictionary;
            self.dictionary = dictionary;
        }
        if now.1 != self.seen.1 {
            let loaded = store.load(&self.hash)?;
            self.warnings.extend(loaded.warning);
            let merged = merge(loaded.value.clone(), &self.synced, &self.corrections());
            self.synced = loaded.value;
            changed |= merged != self.corrections();
            self.adopt(merged);
        }
        self.seen = now;
        Ok(changed)
    }

    fn learn(&mut self, correction: Correction) -> Step {
        let dictionary_before = correction
            .dictionary_entries()
            .into_iter()
            .map(|(name, label)| {
                let before = self.set_name(&name, Some(label));
                (name, before)
            })
            .collect();
        Step {
            correction,
            dictionary_before,
            made_here: true,
        }
    }

    /// Sets or removes a dictionary name here and remembers to send the change.
    fn set_name(&mut self, name: &str, label: Option<Label>) -> Option<Label> {
        self.dictionary_edits.push((name.to_string(), label));
        match label {
            Some(label) => self.dictionary.insert(name, label),
            None => self.dictionary.remove(name),
        }
    }

    /// Sends this session's changes to the store, merged into what is there now.
    fn save(&mut self) -> Result<(), StoreError> {
        let Some(store) = self.store.clone() else {
            self.dictionary_edits.clear();
            return Ok(());
        };
        if !self.dictionary_edits.is_empty() {
            let edits = std::mem::take(&mut self.dictionary_edits);
            match store.update_dictionary(|mut on_disk| {
                apply_edits(&mut on_disk, &edits);
                on_disk
            }) {
                Ok(written) => {
                    self.warnings.extend(written.warning);
                    self.dictionary = written.value;
                }
                Err(error) => {
                    // Kept to be sent with the next save.
                    self.dictionary_edits = edits;
                    return Err(error);
                }
            }
        }
        let mine = self.corrections();
        if mine != self.synced {
            let synced = self.synced.clone();
            let written = store.update(&self.hash, &self.document_name, |on_disk| {
                merge(on_disk, &synced, &mine)
            })?;
            self.warnings.extend(written.warning);
            self.synced = written.value.clone();
            self.adopt(written.value);
        }
        self.seen = store.stamps(&self.hash);
        Ok(())
    }

    /// Makes `corrections` the ones in force, keeping this session's own steps (and what
    /// undo needs to know about them) where they are still there.
    fn adopt(&mut self, corrections: Vec<Correction>) {
        let mut own = std::mem::take(&mut self.applied);
        self.applied = corrections
            .into_iter()
            .map(
                |correction| match own.iter().position(|s| s.correction == correction) {
                    Some(at) => own.remove(at),
                    None => Step::loaded(correction),
                },
            )
            .collect();
    }
}

impl Step {
    /// A correction that came from the store: undoing it changes no dictionary name.
    fn loaded(correction: Correction) -> Step {
        Step {
            correction,
            dictionary_before: Vec::new(),
            made_here: false,
        }
    }
}

fn apply_edits(dictionary: &mut Dictionary, edits: &[(String, Option<Label>)]) {
    for (name, label) in edits {
        match label {
            Some(label) => dictionary.insert(name, *label),
            None => dictionary.remove(name),
        };
    }
}

/// What is on disk, with what this session changed since `synced` replayed on it: the
/// corrections it took back are removed, the ones it added are appended.
fn merge(on_disk: Vec<Correction>, synced: &[Correction], mine: &[Correction]) -> Vec<Correction> {
    let mut merged = on_disk;
    for taken_back in difference(synced, mine) {
        if let Some(at) = merged.iter().rposition(|c| c == taken_back) {
            merged.remove(at);
        }
    }
    merged.extend(difference(mine, synced).into_iter().cloned());
    merged
}

/// The corrections of `a` not matched one for one in `b`, in `a`'s order.
fn difference<'a>(a: &'a [Correction], b: &[Correction]) -> Vec<&'a Correction> {
    let mut unmatched: Vec<Option<&Correction>> = b.iter().map(Some).collect();
    a.iter()
        .filter(|correction| {
            match unmatched
                .iter_mut()
                .find(|slot| slot.is_some_and(|c| c == *correction))
            {
                Some(slot) => {
                    *slot = None;
                    false
                }
                None => true,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corrections::Target;

    fn mark(text: &str, label: Label, everywhere: bool) -> Correction {
        Correction::Mark {
            start: 0,
            end: text.len(),
            text: text.into(),
            label,
            everywhere,
        }
    }

    #[test]
    fn undo_and_redo_walk_the_history_and_save_each_step() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let text = "Cybercab rides. Lyft.";
        let mut session = Session::open(Some(store.clone()), text, "t.txt").session;
        session
            .push(mark("Cybercab", Label::Project, true))
            .unwrap();
        let remove = Correction::Remove {
            target: Target::Names {
                names: vec!["Lyft".into()],
            },
        };
        session.push(remove.clone()).unwrap();
        assert_eq!(session.corrections().len(), 2);
        assert_eq!(session.dictionary().len(), 1);

        let undone = session.undo().unwrap().unwrap();
        assert_eq!(undone, remove);
        assert_eq!(
            session.redo_description().as_deref(),
            Some("remove every “Lyft”")
        );
        let reopened = Session::open(Some(store.clone()), text, "t.txt").session;
        assert_eq!(reopened.corrections().len(), 1, "the undo was saved");

        session.undo().unwrap().unwrap();
        assert!(session.dictionary().is_empty(), "undo takes the name back");
        assert!(session.undo().is_none());
        assert!(store.load_dictionary().unwrap().value.is_empty());

        session.redo().unwrap().unwrap();
        assert_eq!(session.dictionary().len(), 1);
        // A new correction clears what could be redone.
        session.push(mark("Lyft", Label::Org, false)).unwrap();
        assert!(session.redo().is_none());
        let reopened = Session::open(Some(store), text, "moved.txt").session;
        assert_eq!(reopened.corrections(), session.corrections());
        assert_eq!(reopened.dictionary().len(), 1);
    }

    #[test]
    fn undo_restores_a_dictionary_kind_that_was_overwritten() {
        let mut session = Session::unsaved("Lyft", "t");
        session.push(mark("Lyft", Label::Person, true)).unwrap();
        session.push(mark("Lyft", Label::Org, true)).unwrap();
        session.undo().unwrap().unwrap();
        assert_eq!(session.dictionary().names.get("Lyft"), Some(&Label::Person));
        session.forget("Lyft").unwrap();
        assert!(session.dictionary().is_empty());
    }

    #[test]
    fn two_sessions_on_one_store_merge_their_work_and_see_each_others_names() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let text = "Cybercab rides. Lyft. Waymo.";
        // Two windows on the same document, and a third on another one.
        let mut first = Session::open(Some(store.clone()), text, "a.txt").session;
        let mut second = Session::open(Some(store.clone()), text, "a.txt").session;
        let mut other = Session::open(Some(store.clone()), "Other text.", "b.txt").session;
        first.push(mark("Cybercab", Label::Project, true)).unwrap();
        second.push(mark("Lyft", Label::Org, true)).unwrap();
        other.push(mark("Waymo", Label::Org, true)).unwrap();
        // The later saves kept the earlier ones' work.
        let saved = store.load_dictionary().unwrap().value;
        assert_eq!(saved.len(), 3, "{saved:?}");
        let corrections = store.load(&content_hash(text)).unwrap().value;
        assert_eq!(corrections.len(), 2, "{corrections:?}");
        // The first window picks up what the others added.
        assert!(first.refresh().unwrap());
        assert_eq!(first.dictionary().len(), 3);
        assert_eq!(first.corrections().len(), 2);
        assert!(!first.refresh().unwrap(), "nothing new");
        // Undo in one window takes back its own correction only.
        first.undo().unwrap().unwrap();
        let corrections = store.load(&content_hash(text)).unwrap().value;
        assert_eq!(corrections, [mark("Lyft", Label::Org, true)]);
        let saved = store.load_dictionary().unwrap().value;
        assert!(!saved.names.contains_key("Cybercab") && saved.len() == 2);
        assert!(second.refresh().unwrap());
        assert_eq!(second.corrections(), [mark("Lyft", Label::Org, true)]);
    }

    #[test]
    fn sessions_on_threads_saving_at_once_lose_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        std::thread::scope(|scope| {
            for writer in 0..4 {
                let store = store.clone();
                scope.spawn(move || {
                    let mut session = Session::open(Some(store), "Shared text.", "t").session;
                    for k in 0..10 {
                        let name = format!("Name{writer}x{k}");
                        session.push(mark(&name, Label::Org, true)).unwrap();
                    }
                });
            }
        });
        assert_eq!(store.load_dictionary().unwrap().value.len(), 40);
        assert_eq!(
            store
                .load(&content_hash("Shared text."))
                .unwrap()
                .value
                .len(),
            40
        );
    }

    #[test]
    fn a_store_that_cannot_be_written_reports_but_keeps_the_correction() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the store's folder should be: nothing can be created under it.
        let blocked = dir.path().join("blocked");
        std::fs::write(&blocked, b"").unwrap();
        let mut session = Session::open(Some(Store::at(&blocked)), "Lyft", "t").session;
        let error = session.push(mark("Lyft", Label::Org, false)).unwrap_err();
        assert!(error.to_string().contains("cannot save corrections"));
        assert_eq!(session.corrections().len(), 1);
    }
}
