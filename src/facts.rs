//! Facts: the sentences that carry figures and dates, with their figures named and, where a
//! sentence says a quantity went "from X to Y", the change worked out.

use crate::entity::{Label, Mention};
use crate::text::Sentence;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    /// A quantity that goes from one value to another.
    Change,
    /// A sentence that states one or more figures.
    Quantity,
    /// A sentence that places something in time but states no figure.
    Date,
}

impl FactKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Change => "change",
            FactKind::Quantity => "quantity",
            FactKind::Date => "date",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub kind: FactKind,
    /// The sentence's byte span.
    pub start: usize,
    pub end: usize,
    /// A one-line normalised statement, e.g. "45 days -> 23 days (-22 days, -48.9%)".
    pub summary: String,
    /// Mention indices of the figures and dates in the sentence.
    pub figures: Vec<usize>,
    pub dates: Vec<usize>,
    /// Ids of the named entities (people, places, ...) in the sentence.
    pub entities: Vec<usize>,
}

/// One fact per sentence that holds a figure or a date.
pub fn find_facts(
    text: &str,
    sentences: &[Sentence],
    mentions: &[Mention],
    group_of: &[usize],
) -> Vec<Fact> {
    let mut facts = Vec::new();
    let mut m = 0;
    for sentence in sentences {
        while m < mentions.len() && mentions[m].end <= sentence.start {
            m += 1;
        }
        let inside: Vec<usize> = (m..mentions.len())
            .take_while(|&i| mentions[i].start < sentence.end)
            .collect();
        let figures: Vec<usize> = inside
            .iter()
            .copied()
            .filter(|&i| mentions[i].label == Label::Figure)
            .collect();
        let dates: Vec<usize> = inside
            .iter()
            .copied()
            .filter(|&i| mentions[i].label == Label::Date)
            .collect();
        if figures.is_empty() && dates.is_empty() {
            continue;
        }
        let mut entities: Vec<usize> = inside
            .iter()
            .filter(|&&i| mentions[i].label.is_name())
            .map(|&i| group_of[i])
            .collect();
        entities.sort_unstable();
        entities.dedup();

        let change = figures.windows(2).find_map(|pair| {
            change_between(text, &mentions[pair[0]], &mentions[pair[1]])
                .map(|summary| (pair, summary))
        });
        let listed = |indices: &mut dyn Iterator<Item = &usize>| {
            indices
                .map(|&i| mentions[i].text(text))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let (kind, summary) = match change {
            // The change first, then any other figure the sentence states.
            Some((pair, summary)) => {
                let others = listed(&mut figures.iter().filter(|i| !pair.contains(i)));
                let summary = if others.is_empty() {
                    summary
                } else {
                    format!("{summary}; {others}")
                };
                (FactKind::Change, summary)
            }
            None if !figures.is_empty() => (FactKind::Quantity, listed(&mut figures.iter())),
            None => (FactKind::Date, listed(&mut dates.iter())),
        };
        facts.push(Fact {
            kind,
            start: sentence.start,
            end: sentence.end,
            summary,
            figures,
            dates,
            entities,
        });
    }
    facts
}

/// "from 45 days to 23 days" -> "45 days -> 23 days (-22 days, -48.9%)".
fn change_between(text: &str, from: &Mention, to: &Mention) -> Option<String> {
    let before_from = text[..from.start].trim_end();
    let between = text[from.end..to.start].trim();
    let says_from = before_from
        .get(before_from.len().saturating_sub(4)..)
        .is_some_and(|word| word.eq_ignore_ascii_case("from"));
    let is_change = says_from && between.eq_ignore_ascii_case("to");
    if !is_change {
        return None;
    }
    let (a, b) = (from.text(text), to.text(text));
    let mut summary = format!("{a} -> {b}");
    if let (Some((x, unit_x)), Some((y, unit_y))) = (parse_quantity(a), parse_quantity(b))
        && unit_x == unit_y
        && x != 0.0
    {
        let delta = y - x;
        let sign = if delta < 0.0 { "-" } else { "+" };
        summary.push_str(&format!(
            " ({sign}{} {unit_x}, {sign}{:.1}%)",
            format_number(delta.abs()),
            (delta / x * 100.0).abs()
        ));
    }
    Some(summary)
}

/// The value and unit of a figure: "1 million containers" -> (1e6, "containers").
pub fn parse_quantity(figure: &str) -> Option<(f64, String)> {
    let digits_start = figure.find(|c: char| c.is_ascii_digit())?;
    let prefix = figure[..digits_start].trim();
    let rest = &figure[digits_start..];
    let digits_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(rest.len());
    let mut value: f64 = rest[..digits_end].replace(',', "").parse().ok()?;
    let mut unit_words: Vec<&str> = Vec::new();
    for word in rest[digits_end..].split_whitespace() {
        let scale = match word.to_lowercase().as_str() {
            "thousand" | "k" => 1e3,
            "million" | "m" | "mn" => 1e6,
            "billion" | "bn" | "b" => 1e9,
            "trillion" => 1e12,
            _ => {
                unit_words.push(word);
                continue;
            }
        };
        value *= scale;
    }
    let unit = if prefix.is_empty() {
        unit_words.join(" ")
    } else {
        prefix.to_string()
    };
    Some((value, unit))
}

fn format_number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.2}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_parse_with_scale_and_unit() {
        assert_eq!(parse_quantity("45 days"), Some((45.0, "days".into())));
        assert_eq!(
            parse_quantity("1 million containers"),
            Some((1e6, "containers".into()))
        );
        assert_eq!(parse_quantity("US$11 billion"), Some((11e9, "US$".into())));
        assert_eq!(parse_quantity("five-day"), None);
    }

    #[test]
    fn from_x_to_y_is_a_change_with_its_difference() {
        let text = "time will be reduced from 45 days to 23 days.";
        let a = text.find("45").unwrap();
        let b = text.find("23").unwrap();
        let from = Mention::new(a..a + 7, Label::Figure, crate::entity::Source::Rule, 1.0);
        let to = Mention::new(b..b + 7, Label::Figure, crate::entity::Source::Rule, 1.0);
        assert_eq!(
            change_between(text, &from, &to).as_deref(),
            Some("45 days -> 23 days (-22 days, -48.9%)")
        );
    }
}
