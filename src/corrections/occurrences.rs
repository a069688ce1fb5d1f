//! Finding every whole-word occurrence of a name, for "apply to all mentions" and the
//! user dictionary.

use regex::Regex;
use std::ops::Range;

/// A name as grouping sees it: its words joined by single spaces.
pub fn form_of(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The spans where one of the names occurs as whole words (not inside a longer word), any
/// run of spaces or line breaks standing for each space. Longer names win where two
/// overlap. Sorted by start.
pub fn whole_word_occurrences(text: &str, names: &[&str]) -> Vec<Range<usize>> {
    let mut patterns: Vec<String> = names
        .iter()
        .map(|name| form_of(name))
        .filter(|form| !form.is_empty())
        .collect();
    if patterns.is_empty() {
        return Vec::new();
    }
    // Alternation takes the first branch that matches: longest names first.
    patterns.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    patterns.dedup();
    let alternatives: Vec<String> = patterns
        .iter()
        .map(|form| {
            form.split(' ')
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect();
    let Ok(regex) = Regex::new(&alternatives.join("|")) else {
        return Vec::new();
    };
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(m) = regex.find_at(text, from) {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        let first = m.as_str().chars().next();
        let last = m.as_str().chars().next_back();
        let starts_clean = !(before.is_some_and(is_word) && first.is_some_and(is_word));
        let ends_clean = !(after.is_some_and(is_word) && last.is_some_and(is_word));
        if starts_clean && ends_clean {
            found.push(m.range());
            from = m.end();
        } else {
            // Try again one character later: a shorter name may still fit here.
            from = m.start() + first.map_or(1, char::len_utf8);
        }
        if from >= text.len() {
            break;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_whole_words_match_and_spaces_may_be_line_breaks() {
        let text = "Lyft and Lyfting; Lyft's drivers.\nUber Eats, Uber\n Eats";
        let spans = whole_word_occurrences(text, &["Lyft", "Uber Eats"]);
        let found: Vec<&str> = spans.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(found, ["Lyft", "Lyft", "Uber Eats", "Uber\n Eats"]);
    }

    #[test]
    fn the_longer_name_wins_and_punctuated_names_match() {
        let text = "The U.S. and U.S. Steel.";
        let spans = whole_word_occurrences(text, &["U.S.", "U.S. Steel"]);
        let found: Vec<&str> = spans.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(found, ["U.S.", "U.S. Steel"]);
    }

    #[test]
    fn nothing_to_find_gives_nothing() {
        assert!(whole_word_occurrences("text", &[]).is_empty());
        assert!(whole_word_occurrences("text", &["  "]).is_empty());
        assert!(whole_word_occurrences("", &["x"]).is_empty());
    }
}
