//! Word lists the rules consult. They are general lists (countries, cities, given names,
//! organisation words, ...) generated from public sources; `assets/gazetteer/SOURCES.md`
//! says where each comes from and how to regenerate it.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

pub struct Gazetteer {
    /// Countries, cities, regions and geographic features, as written ("Latin America").
    pub places: FxHashSet<&'static str>,
    /// Nationality adjectives and peoples ("Chinese", "Peruvians"): not entities.
    pub demonyms: FxHashSet<&'static str>,
    pub given_names: FxHashSet<&'static str>,
    pub surnames: FxHashSet<&'static str>,
    /// Words that end or head organisation names ("Institute", "Command", "Times").
    pub org_words: FxHashSet<&'static str>,
    /// Lower-case nouns that end the names of projects ("port", "railway", "initiative").
    pub project_words: FxHashSet<&'static str>,
    /// Names of companies, airlines, universities, parties and international bodies, as
    /// news writes them ("Exxon Mobil", "Ryanair"): a soft feature, never a rule.
    pub organisations: FxHashSet<&'static str>,
    /// Legal-form words that end company names ("Inc", "GmbH", "S.A.").
    pub company_suffixes: FxHashSet<&'static str>,
    /// Titles and roles before a person's name ("President", "Minister").
    pub titles: FxHashSet<&'static str>,
    /// Frequent lower-case English words: capitalised only because they start a sentence.
    pub common_words: FxHashSet<&'static str>,
    /// Other names of the same place or body, mapped to one canonical name ("U.S." -> "United States").
    pub aliases: FxHashMap<&'static str, &'static str>,
}

fn lines(list: &'static str) -> FxHashSet<&'static str> {
    list.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

/// Alias lines are "Canonical|alias|alias".
fn alias_table(list: &'static str) -> FxHashMap<&'static str, &'static str> {
    let mut table = FxHashMap::default();
    for line in list
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let mut names = line.split('|').map(str::trim);
        if let Some(canonical) = names.next() {
            table.insert(canonical, canonical);
            for alias in names {
                table.insert(alias, canonical);
            }
        }
    }
    table
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

impl Gazetteer {
    /// Parses the shipped lists (done once, by [`gazetteer`]; public for the benchmark).
    pub fn load() -> Gazetteer {
        Gazetteer {
            places: lines(include_str!("../../assets/gazetteer/places.txt")),
            demonyms: lines(include_str!("../../assets/gazetteer/demonyms.txt")),
            given_names: lines(include_str!("../../assets/gazetteer/given_names.txt")),
            surnames: lines(include_str!("../../assets/gazetteer/surnames.txt")),
            org_words: lines(include_str!("../../assets/gazetteer/org_words.txt")),
            project_words: lines(include_str!("../../assets/gazetteer/project_words.txt")),
            organisations: lines(include_str!("../../assets/gazetteer/organisations.txt")),
            company_suffixes: lines(include_str!("../../assets/gazetteer/company_suffixes.txt")),
            titles: lines(include_str!("../../assets/gazetteer/titles.txt")),
            common_words: lines(include_str!("../../assets/gazetteer/common_words.txt")),
            aliases: alias_table(include_str!("../../assets/aliases.txt")),
        }
    }
}

/// The lists, parsed once on first use.
pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

impl Gazetteer {
    pub fn is_place(&self, name: &str) -> bool {
        self.places.contains(name)
            || self
                .aliases
                .get(name)
                .is_some_and(|c| self.places.contains(c))
    }

    pub fn is_common_word(&self, word: &str) -> bool {
        if !word.chars().any(char::is_uppercase) {
            return self.common_words.contains(word);
        }
        // Short ASCII words are lower-cased on the stack: this runs for every capitalised
        // word of every document.
        let mut buffer = [0u8; 32];
        if word.is_ascii() && word.len() <= buffer.len() {
            let lower = &mut buffer[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            return std::str::from_utf8(lower).is_ok_and(|w| self.common_words.contains(w));
        }
        self.common_words.contains(word.to_lowercase().as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_hold_what_news_needs() {
        let g = gazetteer();
        for place in ["China", "Peru", "Beijing", "Latin America", "United States"] {
            assert!(g.is_place(place), "{place} should be a place");
        }
        assert!(g.is_place("U.S."));
        assert!(g.demonyms.contains("Chinese"));
        assert!(g.org_words.contains("Institute"));
        assert!(g.project_words.contains("port"));
        assert!(g.titles.contains("President"));
        assert!(g.is_common_word("The"));
        assert!(!g.is_common_word("Peru"));
    }
}
