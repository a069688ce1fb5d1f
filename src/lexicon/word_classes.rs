//! Word classes: every frequent English word in one class of similar words, at several
//! granularities, learnt without labels from GloVe vectors (k-means; see
//! `assets/lexicon/SOURCES.md`). The tagger uses them as features, so a company it never
//! saw in training ("Ryanair") looks like the airlines it did see ("Lufthansa").

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// How many granularities each word has a class at, coarsest first.
pub const LEVELS: usize = 4;

/// The classes of one word, coarsest first; 0 means "no class at this level".
pub type Classes = [u16; LEVELS];

pub struct WordClasses {
    /// Lower-case word -> index into `tree`.
    words: FxHashMap<&'static str, u16>,
    /// The finest class's ancestors, coarsest first, each id plus one (0 is "none").
    tree: Vec<Classes>,
}

/// The shipped tables: words with their finest class, and the classes' tree.
pub const WORDS: &str = include_str!("../../assets/lexicon/word_classes.txt");
pub const TREE: &str = include_str!("../../assets/lexicon/word_class_tree.txt");

static WORD_CLASSES: LazyLock<WordClasses> = LazyLock::new(|| WordClasses::parse(WORDS, TREE));

/// The shipped classes, parsed once on first use.
pub fn word_classes() -> &'static WordClasses {
    &WORD_CLASSES
}

impl WordClasses {
    /// `words` has lines "word<TAB>finest class"; `tree` has lines "finest<TAB>coarser<TAB>
    /// ..." from the finest level up. Lines starting with '#' are comments; a line that does
    /// not parse is skipped (the files are ours, but a damaged line must not take the rest).
    pub fn parse(words: &'static str, tree: &'static str) -> WordClasses {
        let mut rows: FxHashMap<u32, Classes> = FxHashMap::default();
        for line in tree.lines().filter(|l| !l.starts_with('#')) {
            let ids: Vec<u32> = line
                .split('\t')
                .filter_map(|field| field.trim().parse().ok())
                .collect();
            let Some((&finest, _)) = ids.split_first() else {
                continue;
            };
            // Coarsest first, padded at the coarse end when there are fewer levels.
            let mut classes = [0u16; LEVELS];
            for (level, &id) in ids.iter().rev().take(LEVELS).enumerate() {
                classes[level + LEVELS.saturating_sub(ids.len())] =
                    u16::try_from(id + 1).unwrap_or(u16::MAX);
            }
            rows.insert(finest, classes);
        }
        let mut finest_ids: Vec<u32> = rows.keys().copied().collect();
        finest_ids.sort_unstable();
        let index: FxHashMap<u32, u16> = finest_ids
            .iter()
            .enumerate()
            .map(|(i, &id)| (id, i as u16))
            .collect();
        let tree = finest_ids.iter().map(|id| rows[id]).collect();
        // Finest ids are dense from 0 in the shipped tree: look them up in a vector.
        let largest = finest_ids.last().map_or(0, |&id| id as usize);
        let mut dense = vec![u16::MAX; largest + 1];
        for (&id, &row) in &index {
            dense[id as usize] = row;
        }
        let mut table = FxHashMap::with_capacity_and_hasher(words.len() / 12, Default::default());
        for line in words.split('\n') {
            let Some((word, class)) = line.split_once('\t') else {
                continue;
            };
            if word.starts_with('#') {
                continue;
            }
            let row = class
                .trim_end()
                .parse::<usize>()
                .ok()
                .and_then(|c| dense.get(c).copied())
                .filter(|&r| r != u16::MAX);
            if let Some(row) = row {
                table.entry(word).or_insert(row);
            }
        }
        WordClasses { words: table, tree }
    }

    /// The classes of a word in any case ("Ryanair", "RYANAIR" and "ryanair" alike).
    pub fn of(&self, word: &str) -> Option<Classes> {
        let row = if word.chars().any(char::is_uppercase) {
            // Short ASCII words are lower-cased on the stack: this runs for every token.
            let mut buffer = [0u8; 32];
            if word.is_ascii() && word.len() <= buffer.len() {
                let lower = &mut buffer[..word.len()];
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                std::str::from_utf8(lower)
                    .ok()
                    .and_then(|w| self.words.get(w))
                    .copied()
            } else {
                self.words.get(word.to_lowercase().as_str()).copied()
            }
        } else {
            self.words.get(word).copied()
        }?;
        self.tree.get(usize::from(row)).copied()
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_nest_and_ignore_case() {
        let classes = WordClasses::parse(
            "# test\nryanair\t5\nlufthansa\t5\nparis\t9\nbad line\n",
            "# finest, then coarser\n5\t1\t0\n9\t2\t0\n",
        );
        assert_eq!(classes.len(), 3);
        let airline = classes.of("Ryanair").unwrap();
        assert_eq!(classes.of("LUFTHANSA"), Some(airline));
        assert_ne!(classes.of("paris"), Some(airline));
        // Two tree levels plus the finest: the coarsest slot is empty, the top one shared.
        assert_eq!(airline[0], 0);
        assert_eq!(airline[1], classes.of("Paris").unwrap()[1]);
        assert_eq!(classes.of("unknown"), None);
    }

    #[test]
    fn the_shipped_classes_put_similar_companies_together() {
        let classes = word_classes();
        assert!(classes.len() > 100_000, "{} words", classes.len());
        let ryanair = classes
            .of("Ryanair")
            .expect("a frequent airline has classes");
        assert!(ryanair.iter().all(|&c| c > 0), "a class at every level");
        assert_eq!(
            Some(ryanair),
            classes.of("easyjet"),
            "two airlines, one class"
        );
        let minister = classes.of("minister").expect("a frequent word has classes");
        assert_ne!(ryanair[0], minister[0], "an airline is not a title");
    }
}
