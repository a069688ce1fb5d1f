//! The corrections of one open document, with undo and redo, saved after every change.

use super::{Correction, Dictionary, Store, StoreError, content_hash};
use crate::entity::Label;

/// One correction as applied, with what it changed in the dictionary so undo can restore it.
#[derive(Clone, Debug)]
struct Step {
    correction: Correction,
    /// (name, its kind before) for every dictionary name this step set.
    dictionary_before: Vec<(String, Option<Label>)>,
}

/// The open document's corrections and the user dictionary, kept in step with the store.
#[derive(Debug)]
pub struct Session {
    store: Option<Store>,
    hash: String,
    document_name: String,
    applied: Vec<Step>,
    undone: Vec<Step>,
    dictionary: Dictionary,
}

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
        }
    }

    /// Loads the dictionary and the corrections saved for this text. Damaged files have
    /// been moved aside by then; their warnings come back, as does a failure to read.
    pub fn open(store: Option<Store>, text: &str, document_name: &str) -> Opened {
        let mut session = Session::unsaved(text, document_name);
        let mut warnings = Vec::new();
        if let Some(store) = &store {
            match store.load_dictionary() {
                Ok(loaded) => {
                    session.dictionary = loaded.value;
                    warnings.extend(loaded.warning);
                }
                Err(error) => warnings.push(error.to_string()),
            }
            match store.load(&session.hash) {
                Ok(loaded) => {
                    session.applied = loaded
                        .value
                        .into_iter()
                        .map(|correction| Step {
                            correction,
                            dictionary_before: Vec::new(),
                        })
                        .collect();
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
        self.applied.last().map(|s| s.correction.describe())
    }

    pub fn redo_description(&self) -> Option<String> {
        self.undone.last().map(|s| s.correction.describe())
    }

    /// Applies a new correction (what it teaches the dictionary included) and saves.
    /// The correction is kept even when saving fails; the error says so.
    pub fn push(&mut self, correction: Correction) -> Result<(), StoreError> {
        self.undone.clear();
        let step = self.learn(correction);
        let dictionary_changed = !step.dictionary_before.is_empty();
        self.applied.push(step);
        self.save(dictionary_changed)
    }

    /// Takes back the last correction; returns what was undone.
    pub fn undo(&mut self) -> Option<Result<Correction, StoreError>> {
        let step = self.applied.pop()?;
        for (name, before) in step.dictionary_before.iter().rev() {
            match before {
                Some(label) => self.dictionary.insert(name, *label),
                None => self.dictionary.remove(name),
            };
        }
        let correction = step.correction.clone();
        let dictionary_changed = !step.dictionary_before.is_empty();
        self.undone.push(step);
        Some(self.save(dictionary_changed).map(|()| correction))
    }

    /// Applies again the last undone correction; returns it.
    pub fn redo(&mut self) -> Option<Result<Correction, StoreError>> {
        let step = self.undone.pop()?;
        let step = self.learn(step.correction);
        let correction = step.correction.clone();
        let dictionary_changed = !step.dictionary_before.is_empty();
        self.applied.push(step);
        Some(self.save(dictionary_changed).map(|()| correction))
    }

    /// Removes a name from the dictionary (from the dictionary window).
    pub fn forget(&mut self, name: &str) -> Result<(), StoreError> {
        if self.dictionary.remove(name).is_some() {
            self.save(true)?;
        }
        Ok(())
    }

    fn learn(&mut self, correction: Correction) -> Step {
        let dictionary_before = correction
            .dictionary_entries()
            .into_iter()
            .map(|(name, label)| {
                let before = self.dictionary.insert(&name, label);
                (name, before)
            })
            .collect();
        Step {
            correction,
            dictionary_before,
        }
    }

    fn save(&self, dictionary_changed: bool) -> Result<(), StoreError> {
        let Some(store) = &self.store else {
            return Ok(());
        };
        store.save(&self.hash, &self.document_name, &self.corrections())?;
        if dictionary_changed {
            store.save_dictionary(&self.dictionary)?;
        }
        Ok(())
    }
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
