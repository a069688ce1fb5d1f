use super::*;
use crate::{Document, analyse, analyse_with};

const TEXT: &str = "Tesla unveiled the Cybercab in Austin. Elon Musk said the Cybercab \
would launch in 2026. Lyft shares fell. Musk spoke to Reuters.";

fn span(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let start = text.match_indices(needle).nth(nth).unwrap().0;
    (start, start + needle.len())
}

fn mark(needle: &str, nth: usize, label: Label, everywhere: bool) -> Correction {
    let (start, end) = span(TEXT, needle, nth);
    Correction::Mark {
        start,
        end,
        text: needle.into(),
        label,
        everywhere,
    }
}

fn anchor(needle: &str, nth: usize) -> Anchor {
    let (start, end) = span(TEXT, needle, nth);
    Anchor {
        start,
        end,
        text: needle.into(),
    }
}

fn corrected(corrections: &[Correction]) -> crate::Analysis {
    analyse_with(
        Document::from_text("t.txt", TEXT),
        &Dictionary::default(),
        corrections,
    )
}

fn label_at(analysis: &crate::Analysis, needle: &str, nth: usize) -> Option<Label> {
    let (start, end) = span(TEXT, needle, nth);
    analysis
        .mentions
        .iter()
        .find(|m| m.start == start && m.end == end)
        .map(|m| m.label)
}

#[test]
fn marking_applies_to_one_or_every_occurrence() {
    let one = corrected(&[mark("Cybercab", 0, Label::Project, false)]);
    assert_eq!(label_at(&one, "Cybercab", 0), Some(Label::Project));
    assert_ne!(label_at(&one, "Cybercab", 1), Some(Label::Project));

    let all = corrected(&[mark("Cybercab", 0, Label::Project, true)]);
    assert_eq!(label_at(&all, "Cybercab", 0), Some(Label::Project));
    assert_eq!(label_at(&all, "Cybercab", 1), Some(Label::Project));
    let source = all
        .mentions
        .iter()
        .find(|m| m.text(TEXT) == "Cybercab")
        .unwrap()
        .source;
    assert_eq!(source, Source::User);
    // Both occurrences form one entity.
    let group = all
        .groups
        .iter()
        .find(|g| g.name == "Cybercab")
        .expect("a Cybercab entity");
    assert_eq!(group.mention_count(), 2);
}

#[test]
fn marking_over_an_existing_highlight_replaces_it() {
    let correction = mark("Elon Musk said", 0, Label::Org, false);
    let analysis = corrected(&[correction]);
    assert_eq!(label_at(&analysis, "Elon Musk said", 0), Some(Label::Org));
    assert_eq!(label_at(&analysis, "Elon Musk", 0), None);
}

#[test]
fn relabelling_and_removing_by_mention_and_by_name() {
    let (start, end) = span(TEXT, "Lyft", 0);
    let relabel = Correction::Relabel {
        target: Target::Mention {
            start,
            end,
            text: "Lyft".into(),
        },
        label: Label::Org,
    };
    let analysis = corrected(std::slice::from_ref(&relabel));
    assert_eq!(label_at(&analysis, "Lyft", 0), Some(Label::Org));

    let remove_one = Correction::Remove {
        target: Target::Mention {
            start,
            end,
            text: "Lyft".into(),
        },
    };
    let analysis = corrected(&[relabel.clone(), remove_one]);
    assert_eq!(label_at(&analysis, "Lyft", 0), None);

    let rename = Correction::Relabel {
        target: Target::Names {
            names: vec!["Cybercab".into()],
        },
        label: Label::Project,
    };
    let analysis = corrected(std::slice::from_ref(&rename));
    assert_eq!(label_at(&analysis, "Cybercab", 1), Some(Label::Project));

    let remove_all = Correction::Remove {
        target: Target::Names {
            names: vec!["Cybercab".into()],
        },
    };
    let analysis = corrected(&[rename, remove_all]);
    assert!(analysis.mentions.iter().all(|m| m.text(TEXT) != "Cybercab"));
}

#[test]
fn merge_joins_entities_and_split_takes_one_mention_out() {
    let base = corrected(&[mark("Reuters", 0, Label::Org, false)]);
    let musk = base
        .groups
        .iter()
        .find(|g| g.name == "Elon Musk")
        .expect("Elon Musk is found");
    assert_eq!(musk.mention_count(), 2, "Musk joins Elon Musk by itself");

    let split = Correction::Split {
        at: anchor("Musk", 1),
    };
    let analysis = corrected(&[mark("Reuters", 0, Label::Org, false), split]);
    let musk = analysis
        .groups
        .iter()
        .find(|g| g.name == "Elon Musk")
        .unwrap();
    assert_eq!(musk.mention_count(), 1);

    let merge = Correction::Merge {
        from: anchor("Reuters", 0),
        into: anchor("Elon Musk", 0),
    };
    let analysis = corrected(&[mark("Reuters", 0, Label::Org, false), merge]);
    assert_eq!(label_at(&analysis, "Reuters", 0), Some(Label::Person));
    // The merged entity keeps the name of the one it joined, even when shorter.
    let into_reuters = Correction::Merge {
        from: anchor("Elon Musk", 0),
        into: anchor("Reuters", 0),
    };
    let other_way = corrected(&[mark("Reuters", 0, Label::Org, false), into_reuters]);
    let reuters = other_way
        .groups
        .iter()
        .find(|g| g.name == "Reuters")
        .unwrap();
    assert_eq!(reuters.mention_count(), 3);
    assert_eq!(reuters.label, Label::Org);
    let musk = analysis
        .groups
        .iter()
        .find(|g| g.name == "Elon Musk")
        .unwrap();
    assert_eq!(musk.mention_count(), 3);
}

#[test]
fn a_correction_whose_text_no_longer_matches_is_skipped() {
    let mut stale = mark("Cybercab", 0, Label::Project, false);
    if let Correction::Mark { text, .. } = &mut stale {
        *text = "Robotaxi".into();
    }
    let analysis = corrected(&[stale]);
    let plain = analyse(Document::from_text("t.txt", TEXT));
    assert_eq!(analysis.mentions, plain.mentions);
}

#[test]
fn the_dictionary_highlights_names_in_later_documents() {
    let mut dictionary = Dictionary::default();
    for correction in [mark("Cybercab", 0, Label::Project, true)] {
        for (name, label) in correction.dictionary_entries() {
            dictionary.insert(&name, label);
        }
    }
    let later = "The Cybercab has no steering wheel.";
    let analysis = analyse_with(Document::from_text("later.txt", later), &dictionary, &[]);
    let cybercab = analysis
        .mentions
        .iter()
        .find(|m| m.text(later) == "Cybercab")
        .expect("the dictionary name is highlighted");
    assert_eq!(cybercab.label, Label::Project);
    assert_eq!(cybercab.source, Source::Dictionary);
}

#[test]
fn every_correction_kind_survives_save_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let (start, end) = span(TEXT, "Lyft", 0);
    let corrections = vec![
        mark("Cybercab", 0, Label::Project, true),
        Correction::Relabel {
            target: Target::Mention {
                start,
                end,
                text: "Lyft".into(),
            },
            label: Label::Org,
        },
        Correction::Relabel {
            target: Target::Names {
                names: vec!["Austin".into()],
            },
            label: Label::Place,
        },
        Correction::Remove {
            target: Target::Names {
                names: vec!["Tesla".into()],
            },
        },
        Correction::Remove {
            target: Target::Mention {
                start,
                end,
                text: "Lyft".into(),
            },
        },
        Correction::Merge {
            from: anchor("Reuters", 0),
            into: anchor("Elon Musk", 0),
        },
        Correction::Split {
            at: anchor("Musk", 1),
        },
    ];
    let hash = content_hash(TEXT);
    store.save(&hash, "t.txt", &corrections).unwrap();
    let reopened = Store::at(dir.path()).load(&hash).unwrap();
    assert!(reopened.warning.is_none());
    assert_eq!(reopened.value, corrections);
    // The key is the text alone: the same text under another name or path finds them.
    assert_eq!(content_hash(TEXT), hash);
    assert_ne!(content_hash("other text"), hash);
    // A document with no saved corrections has none.
    assert!(store.load(&content_hash("other")).unwrap().value.is_empty());
    // The replayed analysis is the same before and after the round trip.
    assert_eq!(
        corrected(&corrections).mentions,
        corrected(&reopened.value).mentions
    );
}

#[test]
fn a_damaged_store_is_kept_aside_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let hash = content_hash(TEXT);
    store.save(&hash, "t.txt", &[]).unwrap();
    let path = dir.path().join("corrections").join(format!("{hash}.json"));
    std::fs::write(&path, b"{\"version\": 1, \"corrections\": [tru").unwrap();

    let loaded = store.load(&hash).unwrap();
    assert!(loaded.value.is_empty());
    let warning = loaded.warning.expect("the damage is reported");
    assert!(warning.contains("damaged"), "{warning}");
    let kept: Vec<String> = std::fs::read_dir(dir.path().join("corrections"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(kept.len(), 1);
    assert!(kept[0].contains(".damaged-"), "{kept:?}");
    let content = std::fs::read(dir.path().join("corrections").join(&kept[0])).unwrap();
    assert_eq!(content, b"{\"version\": 1, \"corrections\": [tru");

    // A file from a newer version is kept aside as well, not overwritten.
    std::fs::write(
        &path,
        b"{\"version\": 9, \"document\": \"t\", \"corrections\": []}",
    )
    .unwrap();
    let loaded = store.load(&hash).unwrap();
    assert!(loaded.warning.unwrap().contains("newer"));
    // Both damaged files are kept, under different names, even within one second.
    let mut kept: Vec<Vec<u8>> = std::fs::read_dir(dir.path().join("corrections"))
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    kept.sort();
    assert_eq!(kept.len(), 2);
    assert!(kept[0].starts_with(b"{\"version\": 1") && kept[1].starts_with(b"{\"version\": 9"));
}

#[test]
fn the_dictionary_round_trips_and_a_damaged_one_is_kept_aside() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    assert!(store.load_dictionary().unwrap().value.is_empty());
    let mut dictionary = Dictionary::default();
    dictionary.insert("Cybercab", Label::Project);
    store.save_dictionary(&dictionary).unwrap();
    assert_eq!(store.load_dictionary().unwrap().value, dictionary);
    std::fs::write(dir.path().join("dictionary.json"), b"\xff\xfe").unwrap();
    let loaded = store.load_dictionary().unwrap();
    assert!(loaded.value.is_empty());
    assert!(loaded.warning.is_some());
}

#[test]
fn overlay_keeps_order_and_drops_what_new_mentions_cover() {
    let m = |s: usize, e: usize, source: Source| Mention::new(s..e, Label::Org, source, 1.0);
    let old = vec![
        m(0, 3, Source::Model),
        m(5, 9, Source::Model),
        m(12, 15, Source::Model),
    ];
    let new = vec![m(8, 13, Source::User), m(20, 22, Source::User)];
    let result = overlay(old, new);
    let spans: Vec<(usize, usize)> = result.iter().map(|m| (m.start, m.end)).collect();
    assert_eq!(spans, [(0, 3), (8, 13), (20, 22)]);
}

#[test]
fn corrections_describe_themselves() {
    assert_eq!(
        mark("Cybercab", 0, Label::Project, true).describe(),
        "mark every “Cybercab” as PROJECT"
    );
    let split = Correction::Split {
        at: anchor("Musk", 1),
    };
    assert_eq!(split.describe(), "split “Musk” off its entity");
}
