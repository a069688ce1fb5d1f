//! Absolute dates from DATE mentions: "28 June 2024", "June 28, 2024", "2024-06-28",
//! "June 2024", "2024", as a day number (days since 1970-01-01) and a precision, so that
//! documents and facts can be sorted and drawn on one time axis. Relative dates
//! ("Friday", "last week") are not absolute and give nothing: resolving them against the
//! document's date would be a guess.

use crate::analysis::Analysis;
use crate::entity::Label;

/// How much of a date is known. A month or a year counts from its first day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    Day,
    Month,
    Year,
}

impl Precision {
    /// The number stored in the library.
    pub(crate) fn code(self) -> i64 {
        match self {
            Precision::Day => 0,
            Precision::Month => 1,
            Precision::Year => 2,
        }
    }

    pub(crate) fn from_code(code: i64) -> Precision {
        match code {
            0 => Precision::Day,
            1 => Precision::Month,
            _ => Precision::Year,
        }
    }
}

/// A year alone counts as a date only in this range: "2024" is a year, "1500" more often a
/// figure.
const YEARS_ALONE: std::ops::RangeInclusive<i64> = 1900..=2100;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The day number and precision of a date as written, if it is absolute.
pub fn parse_date(text: &str) -> Option<(i64, Precision)> {
    let text = text.trim();
    if let Some(date) = parse_iso(text) {
        return Some(date);
    }
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    // "Friday, June 28, 2024": the weekday adds nothing; "28th of June" the "of" neither.
    let words: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .skip_while(|w| WEEKDAYS.contains(w))
        .filter(|&w| w != "of")
        .collect();
    match words.as_slice() {
        [month, day, year] if month_number(month).is_some() => {
            day_number(year_of(year)?, month_number(month)?, day_of(day)?)
                .map(|d| (d, Precision::Day))
        }
        [day, month, year] => day_number(year_of(year)?, month_number(month)?, day_of(day)?)
            .map(|d| (d, Precision::Day)),
        [month, year] => {
            day_number(year_of(year)?, month_number(month)?, 1).map(|d| (d, Precision::Month))
        }
        [year] => {
            let year = year_of(year).filter(|y| YEARS_ALONE.contains(y))?;
            day_number(year, 1, 1).map(|d| (d, Precision::Year))
        }
        _ => None,
    }
}

/// "2024-06-28".
fn parse_iso(text: &str) -> Option<(i64, Precision)> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let number = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse::<i64>().ok())?
    };
    let days = day_number(number(year)?, number(month)?, number(day)?)?;
    Some((days, Precision::Day))
}

/// 1 to 12 for a month's name or its abbreviation ("Jun", "Sept").
fn month_number(word: &str) -> Option<i64> {
    if word.len() < 3 {
        return None;
    }
    let found = MONTHS
        .iter()
        .position(|m| *m == word || (word.len() <= 4 && m.starts_with(word)))?;
    Some(found as i64 + 1)
}

/// "28", "28th", "1st".
fn day_of(word: &str) -> Option<i64> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok()
}

/// A four-digit year.
fn year_of(word: &str) -> Option<i64> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a valid calendar date (Howard Hinnant's `days_from_civil`).
pub fn day_number(year: i64, month: i64, day: i64) -> Option<i64> {
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

/// The calendar date of a day number (the inverse of [`day_number`]).
pub fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// "2024-06-28", "2024-06" or "2024", as precise as the date is.
pub fn iso(days: i64, precision: Precision) -> String {
    let (year, month, day) = civil(days);
    match precision {
        Precision::Day => format!("{year:04}-{month:02}-{day:02}"),
        Precision::Month => format!("{year:04}-{month:02}"),
        Precision::Year => format!("{year:04}"),
    }
}

/// Where the date of a document is looked for first: a dateline or a byline.
const DATELINE_BYTES: usize = 1000;

/// A document's date: its first full date (to the day) within its first 1,000 bytes, else
/// its first full date anywhere, else none.
pub fn document_date(analysis: &Analysis) -> Option<i64> {
    let full_dates = analysis.mentions.iter().filter_map(|m| {
        (m.label == Label::Date)
            .then(|| parse_date(m.text(analysis.text())))
            .flatten()
            .filter(|&(_, precision)| precision == Precision::Day)
            .map(|(day, _)| (m.start, day))
    });
    let mut first = None;
    for (start, day) in full_dates {
        if start < DATELINE_BYTES {
            return Some(day);
        }
        first = first.or(Some(day));
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, analyse};

    fn day(y: i64, m: i64, d: i64) -> Option<(i64, Precision)> {
        Some((day_number(y, m, d).unwrap(), Precision::Day))
    }

    #[test]
    fn full_dates_in_every_common_order() {
        let expected = day(2024, 6, 28);
        for text in [
            "28 June 2024",
            "June 28, 2024",
            "Jun 28, 2024",
            "Jun. 28, 2024",
            "June 28th, 2024",
            "28th of June 2024",
            "Friday, June 28, 2024",
            "2024-06-28",
        ] {
            assert_eq!(parse_date(text), expected, "{text}");
        }
        assert_eq!(parse_date("Sept 5, 2023"), day(2023, 9, 5));
        assert_eq!(parse_date("29 February 2024"), day(2024, 2, 29));
    }

    #[test]
    fn months_and_years_keep_their_precision() {
        let june = day_number(2024, 6, 1).unwrap();
        assert_eq!(parse_date("June 2024"), Some((june, Precision::Month)));
        let year = day_number(2024, 1, 1).unwrap();
        assert_eq!(parse_date("2024"), Some((year, Precision::Year)));
        assert_eq!(iso(june, Precision::Month), "2024-06");
        assert_eq!(iso(year, Precision::Year), "2024");
        assert_eq!(
            iso(day_number(2024, 6, 28).unwrap(), Precision::Day),
            "2024-06-28"
        );
    }

    #[test]
    fn relative_impossible_and_out_of_range_dates_are_not_absolute() {
        for text in [
            "Friday",
            "last week",
            "this year",
            "June",
            "June 28",
            "1850",
            "2150",
            "1990s",
            "30 February 2024",
            "2024-13-01",
            "28/06/2024",
            "",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }

    #[test]
    fn day_numbers_count_from_1970_and_round_trip() {
        assert_eq!(day_number(1970, 1, 1), Some(0));
        assert_eq!(day_number(2000, 3, 1), Some(11_017));
        assert_eq!(day_number(1969, 12, 31), Some(-1));
        for days in [-800_000, -1, 0, 19_902, 60_000] {
            let (y, m, d) = civil(days);
            assert_eq!(day_number(y, m, d), Some(days));
        }
    }

    #[test]
    fn a_document_is_dated_by_its_dateline_else_its_first_full_date() {
        let text = "Lima talks\n\nLIMA, 28 June 2024 - Xi Jinping met Dina Boluarte.";
        let analysis = analyse(Document::from_text("a.txt", text));
        assert_eq!(document_date(&analysis), day_number(2024, 6, 28));

        let late = format!(
            "In June 2024 the port was planned. {} It opened on 14 November 2024.",
            "The talks went on. ".repeat(60)
        );
        let analysis = analyse(Document::from_text("b.txt", late));
        assert_eq!(document_date(&analysis), day_number(2024, 11, 14));

        let undated = analyse(Document::from_text("c.txt", "Xi spoke on Friday, in 2024."));
        assert_eq!(document_date(&undated), None);
    }
}
