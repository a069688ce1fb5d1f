//! Ctrl+F: finding any text in the document.

use aho_corasick::AhoCorasick;
use std::ops::Range;

/// More matches than this are not highlighted; the count says so.
const MAX_MATCHES: usize = 100_000;

#[derive(Default)]
pub struct FindState {
    pub open: bool,
    pub query: String,
    /// The query the matches were computed for.
    searched: String,
    pub matches: Vec<Range<usize>>,
    pub current: Option<usize>,
    /// Ask the text box for keyboard focus on the next frame.
    pub focus_requested: bool,
}

impl FindState {
    /// Recomputes the matches when the query changed. Returns true if it did.
    pub fn refresh(&mut self, text: &str) -> bool {
        if self.query == self.searched {
            return false;
        }
        self.searched = self.query.clone();
        self.matches = find_all(text, &self.query);
        self.current = if self.matches.is_empty() {
            None
        } else {
            Some(0)
        };
        true
    }

    /// Forgets matches, e.g. when another document opens.
    pub fn reset_matches(&mut self) {
        self.searched.clear();
        self.matches.clear();
        self.current = None;
    }

    pub fn step(&mut self, delta: i32) {
        let count = self.matches.len();
        if count == 0 {
            return;
        }
        let current = self.current.unwrap_or(0) as i64;
        self.current = Some((current + i64::from(delta)).rem_euclid(count as i64) as usize);
    }

    pub fn current_match(&self) -> Option<Range<usize>> {
        self.current.and_then(|i| self.matches.get(i).cloned())
    }

    /// "3 of 12", "no matches".
    pub fn summary(&self) -> String {
        match (self.matches.len(), self.current) {
            (0, _) if self.query.is_empty() => String::new(),
            (0, _) => "no matches".to_string(),
            (n, Some(i)) => format!(
                "{} of {n}{}",
                i + 1,
                if n >= MAX_MATCHES { "+" } else { "" }
            ),
            (n, None) => format!("{n} matches"),
        }
    }
}

/// Every match of the query, ignoring ASCII case.
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let Ok(searcher) = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([query])
    else {
        return Vec::new();
    };
    searcher
        .find_iter(text)
        .take(MAX_MATCHES)
        .map(|m| m.range())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_case_insensitively_and_steps_round() {
        let mut find = FindState {
            query: "peru".into(),
            ..Default::default()
        };
        assert!(find.refresh("Peru and PERU and peru"));
        assert_eq!(find.matches.len(), 3);
        assert_eq!(find.summary(), "1 of 3");
        find.step(-1);
        assert_eq!(find.current, Some(2));
        find.step(1);
        assert_eq!(find.current, Some(0));
        assert!(!find.refresh("unchanged query is not searched again"));
    }
}
