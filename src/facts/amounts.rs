//! Reading the value and unit of a figure: "1 million containers" is 1,000,000 containers,
//! "US$11 billion" is 11,000,000,000 US$, "five-day" is 5 days.

use crate::numbers::{scale, word_value};
use serde::Serialize;

/// A figure as written, with its value and unit when they can be read.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Amount {
    pub text: String,
    pub value: Option<f64>,
    pub unit: String,
}

impl Amount {
    pub fn read(figure: &str) -> Amount {
        let (value, unit) = match parse_quantity(figure) {
            Some((value, unit)) => (Some(value), unit),
            None => match spelled_quantity(figure) {
                Some((value, unit)) => (Some(value), unit),
                None => (None, String::new()),
            },
        };
        Amount {
            text: figure.to_string(),
            value,
            unit,
        }
    }
}

/// The value and unit of a figure in digits: "1 million containers" -> (1e6, "containers").
pub fn parse_quantity(figure: &str) -> Option<(f64, String)> {
    let digits_start = figure.find(|c: char| c.is_ascii_digit())?;
    let prefix = figure[..digits_start].trim();
    let rest = &figure[digits_start..];
    let digits_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(rest.len());
    let mut value: f64 = rest[..digits_end].replace(',', "").parse().ok()?;
    let mut unit_words: Vec<&str> = Vec::new();
    for word in rest[digits_end..]
        .split([' ', '-'])
        .filter(|w| !w.is_empty())
    {
        match scale(word) {
            Some(scale) => value *= scale,
            None => unit_words.push(word),
        }
    }
    let unit = if prefix.is_empty() {
        unit_words.join(" ")
    } else {
        prefix.to_string()
    };
    Some((value, unit))
}

/// "five-day" -> (5, "day"), "twenty-five years" -> (25, "years"), "two million people".
pub fn spelled_quantity(figure: &str) -> Option<(f64, String)> {
    let mut value = 0f64;
    let mut current = 0f64;
    let mut seen = false;
    let mut unit = Vec::new();
    for word in figure.split([' ', '-']).filter(|w| !w.is_empty()) {
        let lower = word.to_lowercase();
        if let Some(n) = word_value(&lower) {
            current += f64::from(n);
            seen = true;
        } else if seen && matches!(lower.as_str(), "and" | "a") {
            continue;
        } else if seen && lower == "half" {
            current += 0.5;
        } else if lower == "dozen" {
            current = current.max(1.0) * 12.0;
            seen = true;
        } else if let Some(s) = scale(&lower).filter(|_| seen) {
            value += current.max(1.0) * s;
            current = 0.0;
        } else if seen {
            unit.push(word);
        } else {
            return None;
        }
    }
    seen.then(|| (value + current, unit.join(" ")))
}

/// A number for summaries: 1000000 -> "1,000,000", 48.9 -> "48.9", and very large or
/// unround values in words: 5178571428571.4 -> "5.18 trillion".
pub fn format_number(value: f64) -> String {
    let magnitude = value.abs();
    if magnitude >= 1e9 && (value / 1e6).fract().abs() > 1e-9 {
        let (scaled, word) = if magnitude >= 1e12 {
            (value / 1e12, "trillion")
        } else {
            (value / 1e9, "billion")
        };
        return format!("{scaled:.2} {word}");
    }
    if value.fract().abs() > 1e-9 && magnitude < 1000.0 {
        return format!("{value:.1}");
    }
    let digits = format!("{:.0}", magnitude);
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if value < 0.0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_in_digits_read_with_scale_and_unit() {
        assert_eq!(parse_quantity("45 days"), Some((45.0, "days".into())));
        assert_eq!(
            parse_quantity("1 million containers"),
            Some((1e6, "containers".into()))
        );
        assert_eq!(parse_quantity("US$11 billion"), Some((11e9, "US$".into())));
        assert_eq!(parse_quantity("3.5 percent"), Some((3.5, "percent".into())));
        assert_eq!(parse_quantity("five-day"), None);
    }

    #[test]
    fn spelled_out_figures_read_too() {
        assert_eq!(spelled_quantity("five-day"), Some((5.0, "day".into())));
        assert_eq!(
            spelled_quantity("twenty-five years"),
            Some((25.0, "years".into()))
        );
        assert_eq!(
            spelled_quantity("two million people"),
            Some((2e6, "people".into()))
        );
        assert_eq!(Amount::read("five-day").value, Some(5.0));
        assert_eq!(
            spelled_quantity("four and a half hours"),
            Some((4.5, "hours".into()))
        );
    }

    #[test]
    fn numbers_are_grouped_for_reading() {
        assert_eq!(format_number(1e6), "1,000,000");
        assert_eq!(format_number(-22.0), "-22");
        assert_eq!(format_number(48.888), "48.9");
        assert_eq!(format_number(5_178_571_428_571.4), "5.18 trillion");
        assert_eq!(format_number(1234.56), "1,235");
    }
}
