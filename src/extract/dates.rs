//! DATE spans: calendar dates, months, weekdays, years and named relative times.

use crate::entity::{Label, Mention, Source};
use regex::Regex;
use std::sync::LazyLock;

const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";
const DAY: &str = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?";
const YEAR: &str = r"(?:1[5-9]\d\d|20\d\d)";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

static DATE_PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    let alternatives = [
        // Sunday, Jan. 21 / Friday, June 28, 2024: the weekday and the date are one date
        format!(r"{WEEKDAY},? {MONTH}\.? {DAY}(?:,? {YEAR})?"),
        // March 5 and 6, 2024 / June 5-7
        format!(r"{MONTH}\.? {DAY}(?: and |-|\u{{2013}}){DAY}(?:,? {YEAR})?"),
        // Jun 28, 2024 / June 28 / June 28th 2024
        format!(r"{MONTH}\.? {DAY}(?:,? {YEAR})?"),
        // 28 June 2024 / 28th of June
        format!(r"{DAY} (?:of )?{MONTH}\.?(?:,? {YEAR})?"),
        // June 2024
        format!(r"{MONTH}\.? {YEAR}"),
        // a month on its own; "May" is left out (modal verb)
        r"(?:January|February|March|April|June|July|August|September|October|November|December)".to_string(),
        WEEKDAY.to_string(),
        // 2024-06-28, 28/06/2024
        r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}".to_string(),
        // 2023-24; 1990s, late 1980s, mid-1970s, 2024, early 2020
        format!(r"{YEAR}[-\u{{2013}}/]\d{{2}}|(?:(?:early|mid|late)[- ])?{YEAR}s?"),
        // the third quarter of 2020, the first half of 2024
        format!(r"(?:first|second|third|fourth) quarter(?: of {YEAR})?|(?:first|second) half of {YEAR}"),
        // end of May, the start of this year: a period's modifiers stay inside
        format!(r"(?:end|start|beginning|middle) of (?:{MONTH}|(?:this|last|next) (?:year|month|week))"),
        // late last year, early next month
        r"(?:early|late|mid)[- ](?:this|last|next) (?:year|month|week|decade|century)".to_string(),
        // this year, last week, next month; yesterday, today
        r"(?i:(?:this|last|next|past|previous|coming) (?:year|month|week|weekend|decade|century|spring|summer|autumn|fall|winter)|yesterday|today|tomorrow|tonight)".to_string(),
    ];
    // ASCII word boundaries let the regex engine use its fast DFA.
    let pattern = format!(r"(?-u:\b)(?:{})(?-u:\b)", alternatives.join("|"));
    Regex::new(&pattern).expect("the date pattern is valid")
});

/// Finds dates in the text.
pub fn find_dates(text: &str) -> Vec<Mention> {
    DATE_PATTERN
        .find_iter(text)
        .filter(|m| !is_part_of_number(text, m.start(), m.end()))
        .map(|m| {
            let score = if m.as_str().chars().any(|c| c.is_ascii_digit()) {
                0.9
            } else {
                0.8
            };
            Mention::new(m.range(), Label::Date, Source::Rule, score)
        })
        .collect()
}

/// "2024" inside "12,2024" or "$2024", or a time "10:45", is not a year.
fn is_part_of_number(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let glued = |c: Option<char>| c.is_some_and(|c| matches!(c, ',' | '.' | ':' | '$' | '€' | '£'));
    let digit_follows = text[end..]
        .chars()
        .nth(1)
        .is_some_and(|c| c.is_ascii_digit());
    glued(before) || (glued(after) && digit_follows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<&str> {
        find_dates(text).iter().map(|m| m.text(text)).collect()
    }

    #[test]
    fn finds_calendar_dates_weekdays_years_and_relative_times() {
        assert_eq!(dates("Published: Jun 28, 2024 10:45 PM"), ["Jun 28, 2024"]);
        assert_eq!(dates("talks on Friday in Beijing"), ["Friday"]);
        assert_eq!(dates("hosting this year's meeting"), ["this year"]);
        assert_eq!(dates("founded in 2004 and in the 1990s"), ["2004", "1990s"]);
        assert_eq!(
            dates("on 3 March 2021 and March 2022"),
            ["3 March 2021", "March 2022"]
        );
        assert_eq!(dates("the 2023-24 season"), ["2023-24"]);
    }

    #[test]
    fn a_period_keeps_its_modifiers_and_a_weekday_its_date() {
        assert_eq!(
            dates("in the late 1980s, the mid-1970s and early 2020s"),
            ["late 1980s", "mid-1970s", "early 2020s"]
        );
        assert_eq!(
            dates("by the end of May or late last year"),
            ["end of May", "late last year"]
        );
        assert_eq!(dates("on Sunday, Jan. 21, it fell"), ["Sunday, Jan. 21"]);
        assert_eq!(dates("on March 5 and 6, 2024"), ["March 5 and 6, 2024"]);
        assert_eq!(
            dates("in the third quarter of 2020"),
            ["third quarter of 2020"]
        );
    }

    #[test]
    fn leaves_numbers_times_and_the_modal_may_alone() {
        assert!(dates("it may rain; 1,2024 units; at 20:15").is_empty());
        assert!(dates("1,000 tonnes").is_empty());
    }
}
