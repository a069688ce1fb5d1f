//! FIGURE spans: a number with what it counts or measures ("45 days", "US$11 billion",
//! "3.5 percent", "five-day"). Hedges such as "at least" stay outside the span.

use crate::entity::{Label, Mention, Source};
use crate::numbers::is_number_word;
use crate::text::{Token, TokenKind};

/// Words that multiply the number before them.
const SCALES: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "mn", "bn", "m", "b", "k",
];

/// Units a spelled-out number measures ("five days", "two-year", "three percent").
const MEASURE_UNITS: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "percent",
    "mile",
    "miles",
    "kilometre",
    "kilometres",
    "kilometer",
    "kilometers",
    "metre",
    "metres",
    "meter",
    "meters",
    "foot",
    "feet",
    "inch",
    "inches",
    "tonne",
    "tonnes",
    "ton",
    "tons",
    "kilogram",
    "kilograms",
    "pound",
    "pounds",
    "dollar",
    "dollars",
    "euro",
    "euros",
    "yuan",
    "yen",
    "storey",
    "story",
    "lane",
    "point",
    "points",
    "member",
    "nation",
    "party",
    "stage",
    "times",
    "fold",
    "seat",
    "seats",
    "game",
    "match",
    "set",
    "round",
    "man",
    "person",
    "way",
];

/// Units written straight after the digits: "5km", "2GW", "30%".
const ATTACHED_UNITS: &[&str] = &[
    "%", "km", "kg", "m", "mm", "cm", "mi", "mph", "kph", "kmh", "gw", "mw", "kw", "twh", "gwh",
    "mwh", "kwh", "gb", "mb", "tb", "t", "ha", "bpd", "bn", "mn", "k", "ft", "lb", "lbs", "oz",
    "c", "f", "x",
];

/// Lower-case words that follow a number but are not what it counts.
const NOT_A_UNIT: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "but", "to", "in", "on", "at", "by", "for", "from",
    "with", "as", "is", "are", "was", "were", "be", "been", "being", "that", "this", "these",
    "those", "which", "who", "whom", "whose", "per", "than", "if", "will", "would", "could", "can",
    "may", "might", "must", "should", "shall", "has", "have", "had", "do", "does", "did", "it",
    "its", "their", "his", "her", "our", "after", "before", "into", "over", "under", "up", "down",
    "out", "while", "when", "where", "so", "not", "no", "also", "against", "between", "during",
    "since", "until", "about", "around", "through", "via", "am", "pm", "a.m.", "p.m.", "st", "nd",
    "rd", "th", "vs", "versus", "says", "said", "say", "they", "we", "he", "she", "you", "i",
    "there", "here", "all", "each", "both", "more", "less", "most", "least", "only", "just",
    "even", "still", "yet", "already", "then", "too", "very", "again", "among", "amid", "across",
    "onto", "toward", "towards", "upon", "within", "without", "because", "though", "although",
    "unless", "whether", "how", "what", "why", "such", "other", "another", "some", "any", "many",
    "much", "few", "several", "own", "same", "next", "last", "first",
];

/// Adjectives that may sit between a number and its noun: "2 new ports".
const COUNT_ADJECTIVES: &[&str] = &[
    "new",
    "more",
    "additional",
    "major",
    "small",
    "large",
    "big",
    "old",
    "young",
    "different",
    "further",
    "extra",
    "separate",
    "key",
    "local",
    "foreign",
    "military",
    "civilian",
    "private",
    "public",
    "other",
    "full",
    "square",
    "cubic",
    "metric",
    "nautical",
    "light",
    "armed",
];

/// Words before a spelled-out count that make it a reference to things already named.
const DEFINITE_BEFORE_COUNT: &[&str] = &[
    "the", "these", "those", "both", "its", "their", "his", "her", "our", "your", "my", "all",
];

const CURRENCY_SYMBOLS: &[&str] = &["$", "€", "£", "¥", "₹", "₩", "₽"];
/// Letters glued before a currency symbol: "US$", "HK$", "A$".
const CURRENCY_PREFIXES: &[&str] = &[
    "US", "USD", "A", "AU", "C", "CA", "HK", "NZ", "S", "NT", "R",
];

/// Finds figures among the tokens of the text.
pub fn find_figures(text: &str, tokens: &[Token]) -> Vec<Mention> {
    let mut figures = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let found = if tokens[i].kind == TokenKind::Number {
            numeric_figure(text, tokens, i)
        } else {
            spelled_figure(text, tokens, i)
        };
        match found {
            Some((start, end, last)) => {
                let (end, last) = rate_after(text, tokens, last).unwrap_or((end, last));
                figures.push(Mention::new(start..end, Label::Figure, Source::Rule, 0.85));
                i = last + 1;
            }
            None => i += 1,
        }
    }
    figures
}

/// What a rate is per: "per year", "a day", "per capita".
const RATE_UNITS: &[&str] = &[
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "quarter",
    "annum",
    "capita",
    "person",
    "head",
    "share",
    "barrel",
    "kilogram",
    "kg",
    "tonne",
    "ton",
    "litre",
    "liter",
    "gallon",
    "mile",
    "kilometre",
    "kilometer",
    "unit",
    "household",
    "student",
    "patient",
];

/// "per year", "a day", "an hour" after a figure: the end of the rate and its last token.
fn rate_after(text: &str, tokens: &[Token], last: usize) -> Option<(usize, usize)> {
    let (first, unit) = (tokens.get(last + 1)?, tokens.get(last + 2)?);
    if !first.space_before || !unit.space_before || first.newline_before || unit.newline_before {
        return None;
    }
    let per = lower(text, first);
    let unit_word = lower(text, unit);
    let is_rate = match per.as_str() {
        "per" => RATE_UNITS.contains(&unit_word.as_str()),
        "a" | "an" => matches!(
            unit_word.as_str(),
            "second" | "minute" | "hour" | "day" | "week" | "month" | "year" | "quarter"
        ),
        _ => false,
    };
    is_rate.then_some((unit.end(), last + 2))
}

/// Irregular plurals: what a count of several may count without a final "s".
const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "spacecraft",
    "aircraft",
    "police",
    "staff",
    "personnel",
    "cattle",
    "sheep",
    "fish",
    "data",
    "media",
    "feet",
    "teeth",
    "mice",
    "geese",
    "criteria",
    "phenomena",
    "offspring",
    "crew",
    "livestock",
];

/// A plural noun, as far as spelling tells: "reports", "businesses", "people".
fn looks_plural(word: &str) -> bool {
    IRREGULAR_PLURALS.contains(&word)
        || (word.len() > 3
            && word.ends_with('s')
            && !word.ends_with("ss")
            && !word.ends_with("ous")
            && !word.ends_with("us")
            && !word.ends_with("is")
            && !NOT_A_UNIT.contains(&word))
}

/// The counted noun phrase after a number: up to three lower-case words, to the last that
/// looks plural ("8,500 additional new businesses", "500,000 active developer accounts").
fn counted_plural_after(text: &str, tokens: &[Token], last: usize) -> Option<(usize, usize)> {
    let mut found = None;
    for k in 1..=3 {
        let Some(token) = tokens.get(last + k) else {
            break;
        };
        if token.kind != TokenKind::Word || !token.space_before || token.newline_before {
            break;
        }
        let word = lower(text, token);
        if !is_lower(token.text(text)) || NOT_A_UNIT.contains(&word.as_str()) {
            break;
        }
        if looks_plural(&word) {
            found = Some((token.end(), last + k));
        }
        // A unit ends the phrase: "5 percent rises" is "5 percent".
        if MEASURE_UNITS.contains(&word.as_str()) {
            break;
        }
    }
    found
}

/// One or two capitalised words then a plural noun after the number: "40 Airbus planes".
fn counts_named_things(text: &str, tokens: &[Token], last: usize) -> bool {
    let capitalised = |t: &Token| {
        t.kind == TokenKind::Word
            && t.space_before
            && !t.newline_before
            && t.text(text).chars().next().is_some_and(char::is_uppercase)
    };
    (1..=2).any(|names| {
        (1..=names).all(|k| tokens.get(last + k).is_some_and(capitalised))
            && tokens.get(last + names + 1).is_some_and(|noun| {
                noun.kind == TokenKind::Word
                    && noun.space_before
                    && is_lower(noun.text(text))
                    && looks_plural(&lower(text, noun))
            })
    })
}

fn lower(text: &str, token: &Token) -> String {
    token.text(text).to_lowercase()
}

fn is_word(token: Option<&Token>) -> bool {
    token.is_some_and(|t| t.kind == TokenKind::Word)
}

/// A number in digits with its currency, scale and unit. Returns (start, end, last token).
fn numeric_figure(text: &str, tokens: &[Token], i: usize) -> Option<(usize, usize, usize)> {
    let number = &tokens[i];
    let value = number.text(text);
    // Clock times (10:45), codes glued to letters (G20, COVID-19) and ordinals are not figures.
    let prev = i.checked_sub(1).map(|p| &tokens[p]);
    let next = tokens.get(i + 1);
    if let Some(prev) = prev
        && !number.space_before
        && (prev.kind == TokenKind::Word || matches!(prev.text(text), ":" | "-" | "/" | "#"))
    {
        return None;
    }
    if let Some(next) = next
        && !next.space_before
        && matches!(next.text(text), ":" | "/")
    {
        return None;
    }
    let mut start = number.start();
    let mut currency = false;
    if let Some(p) = i.checked_sub(1)
        && !number.space_before
        && CURRENCY_SYMBOLS.contains(&tokens[p].text(text))
    {
        currency = true;
        start = tokens[p].start();
        if let Some(pp) = p.checked_sub(1)
            && !tokens[p].space_before
            && CURRENCY_PREFIXES.contains(&tokens[pp].text(text))
        {
            start = tokens[pp].start();
        }
    }
    let looks_like_year = value.len() == 4
        && value.chars().all(|c| c.is_ascii_digit())
        && (1500..=2099).contains(&value.parse::<u32>().unwrap_or(0));
    if looks_like_year && !currency {
        return None;
    }

    let mut end = number.end();
    let mut last = i;
    // Units glued to the digits: "5km", "30%".
    if let Some(next) = next
        && !next.space_before
        && ATTACHED_UNITS.contains(&lower(text, next).as_str())
    {
        return Some((start, next.end(), i + 1));
    }
    // "11 billion"
    if let Some(next) = tokens.get(last + 1)
        && next.kind == TokenKind::Word
        && SCALES.contains(&lower(text, next).as_str())
        && (next.space_before || currency)
        && !next.newline_before
    {
        end = next.end();
        last += 1;
    }
    if currency {
        return Some((start, end, last));
    }
    // "100 degrees Celsius", "2°C"
    if let Some(degree) = tokens.get(last + 1)
        && (degree.text(text) == "°"
            || matches!(lower(text, degree).as_str(), "degree" | "degrees"))
    {
        let scale = tokens.get(last + 2).filter(|t| {
            matches!(
                t.text(text),
                "C" | "F" | "Celsius" | "Fahrenheit" | "centigrade"
            )
        });
        return Some(match scale {
            Some(scale) => (start, scale.end(), last + 2),
            None => (start, degree.end(), last + 1),
        });
    }
    if let Some((unit_end, unit_last)) = counted_plural_after(text, tokens, last) {
        return Some((start, unit_end, unit_last));
    }
    if let Some((unit_end, unit_last)) = unit_after(text, tokens, last) {
        return Some((start, unit_end, unit_last));
    }
    // A count of things named by a name: "40 Airbus planes" gives "40".
    if counts_named_things(text, tokens, last) {
        return Some((start, end, last));
    }
    // A bare number with a scale word still counts ("2 million").
    (last > i).then_some((start, end, last))
}

/// The unit or counted noun after the token at `last`: "days", "-day", "per cent",
/// "percentage points", "new ports".
fn unit_after(text: &str, tokens: &[Token], last: usize) -> Option<(usize, usize)> {
    let next = tokens.get(last + 1)?;
    // "20-yard", "five-day"
    if next.text(text) == "-" && !next.space_before {
        let word = tokens.get(last + 2)?;
        let glued_word =
            word.kind == TokenKind::Word && !word.space_before && is_lower(word.text(text));
        return glued_word.then_some((word.end(), last + 2));
    }
    if next.kind != TokenKind::Word || !next.space_before || next.newline_before {
        return None;
    }
    let word = lower(text, next);
    if word == "per" || word == "percentage" {
        // "per cent", "percentage points"
        let follow = tokens.get(last + 2)?;
        let f = lower(text, follow);
        return matches!(f.as_str(), "cent" | "point" | "points")
            .then_some((follow.end(), last + 2));
    }
    if !is_lower(next.text(text)) || NOT_A_UNIT.contains(&word.as_str()) {
        return None;
    }
    if COUNT_ADJECTIVES.contains(&word.as_str())
        && let Some(noun) = tokens.get(last + 2)
        && noun.kind == TokenKind::Word
        && !noun.newline_before
        && is_lower(noun.text(text))
        && !NOT_A_UNIT.contains(&lower(text, noun).as_str())
    {
        return Some((noun.end(), last + 2));
    }
    Some((next.end(), last + 1))
}

fn is_lower(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// A spelled-out number with a measuring unit: "five-day", "three years", "two million people".
fn spelled_figure(text: &str, tokens: &[Token], i: usize) -> Option<(usize, usize, usize)> {
    let token = &tokens[i];
    if token.kind != TokenKind::Word {
        return None;
    }
    let word = lower(text, token);
    let base = word.split('-').next().unwrap_or(&word).to_string();
    if !is_number_word(&base) {
        return None;
    }
    let mut last = i;
    // "twenty-five"
    while tokens
        .get(last + 1)
        .is_some_and(|t| t.text(text) == "-" && !t.space_before)
        && tokens
            .get(last + 2)
            .is_some_and(|t| !t.space_before && is_number_word(&lower(text, t)))
    {
        last += 2;
    }
    // "four and a half hours"
    let and_a_half = ["and", "a", "half"];
    if (1..=3).all(|k| {
        tokens.get(last + k).is_some_and(|t| {
            t.space_before && !t.newline_before && lower(text, t) == and_a_half[k - 1]
        })
    }) {
        last += 3;
    }
    let mut scaled = false;
    if let Some(next) = tokens.get(last + 1)
        && next.space_before
        && matches!(
            lower(text, next).as_str(),
            "hundred" | "thousand" | "million" | "billion" | "trillion"
        )
    {
        last += 1;
        scaled = true;
    }
    let next = tokens.get(last + 1)?;
    let glued = next.text(text) == "-" && !next.space_before;
    let unit_index = if glued { last + 2 } else { last + 1 };
    let unit = tokens.get(unit_index)?;
    if !is_word(Some(unit)) || (glued && unit.space_before) || unit.newline_before {
        return None;
    }
    let unit_word = lower(text, unit);
    // "seven reports", "three distinct phases": a count of several things, unless a
    // determiner makes it a reference back ("between the two countries").
    let definite = i
        .checked_sub(1)
        .map(|p| lower(text, &tokens[p]))
        .is_some_and(|w| DEFINITE_BEFORE_COUNT.contains(&w.as_str()));
    if !glued
        && !definite
        && base != "one"
        && !MEASURE_UNITS.contains(&unit_word.as_str())
        && let Some((end, unit_last)) = counted_plural_after(text, tokens, last)
    {
        return Some((token.start(), end, unit_last));
    }
    let measures = MEASURE_UNITS.contains(&unit_word.as_str());
    let counts_anything =
        scaled && is_lower(unit.text(text)) && !NOT_A_UNIT.contains(&unit_word.as_str());
    if unit_word == "per" {
        let cent = tokens.get(unit_index + 1)?;
        return (lower(text, cent) == "cent").then_some((
            token.start(),
            cent.end(),
            unit_index + 1,
        ));
    }
    (measures || counts_anything).then_some((token.start(), unit.end(), unit_index))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn figures(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        find_figures(text, &tokens)
            .iter()
            .map(|m| m.text(text))
            .collect()
    }

    #[test]
    fn counts_durations_and_money() {
        assert_eq!(
            figures("reduced from 45 days to 23 days"),
            ["45 days", "23 days"]
        );
        assert_eq!(
            figures("at least 1 million containers will"),
            ["1 million containers"]
        );
        assert_eq!(figures("worth US$11 billion in"), ["US$11 billion"]);
        assert_eq!(
            figures("rose 3.5 percent and 4% and 2 per cent"),
            ["3.5 percent", "4%", "2 per cent"]
        );
        assert_eq!(figures("built 2 new ports"), ["2 new ports"]);
        assert_eq!(figures("a 5km road"), ["5km"]);
        assert_eq!(
            figures("about 8,500 additional new businesses and 10 property managers"),
            ["8,500 additional new businesses", "10 property managers"]
        );
    }

    #[test]
    fn a_count_of_named_things_is_the_number_alone() {
        assert_eq!(figures("ordered 40 Airbus planes"), ["40"]);
        assert!(figures("beat Chelsea 2 Arsenal 1").is_empty());
    }

    #[test]
    fn rates_and_temperatures_keep_their_unit() {
        assert_eq!(
            figures("grew 2.7% per year, or $2.2 billion a year, at 3.3 feet per second"),
            [
                "2.7% per year",
                "$2.2 billion a year",
                "3.3 feet per second"
            ]
        );
        assert_eq!(
            figures("above 100 degrees Celsius and 2°C"),
            ["100 degrees Celsius", "2°C"]
        );
    }

    #[test]
    fn spelled_out_numbers_need_a_unit() {
        assert_eq!(figures("her five-day visit"), ["five-day"]);
        assert_eq!(figures("for three years"), ["three years"]);
        assert_eq!(figures("two million people"), ["two million people"]);
        assert_eq!(
            figures("about four and a half hours"),
            ["four and a half hours"]
        );
        assert!(figures("between the two countries").is_empty());
        assert_eq!(figures("filed seven reports"), ["seven reports"]);
        assert_eq!(
            figures("in three distinct phases"),
            ["three distinct phases"]
        );
        assert_eq!(figures("two people died"), ["two people"]);
        assert!(figures("one of them").is_empty());
    }

    #[test]
    fn years_times_and_codes_are_not_figures() {
        assert!(figures("in 2024 the port").is_empty());
        assert!(figures("at 10:45 PM").is_empty());
        assert!(figures("the G20 summit and COVID-19 cases").is_empty());
    }
}
