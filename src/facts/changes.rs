//! Changes ("reduced from 45 days to 23 days", "rose 3% to $11 billion", "$5 billion, up
//! from $4 billion", "doubled to 40") and the quantities that are not part of one.

use super::amounts::{Amount, format_number};
use super::{Detail, Fact, FactKind, SentenceFacts, words};
use crate::entity::Label;

const CHANGE_VERBS: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "risen",
    "rising",
    "fell",
    "fall",
    "falls",
    "fallen",
    "falling",
    "increased",
    "increase",
    "increases",
    "decreased",
    "decrease",
    "decreases",
    "grew",
    "grow",
    "grows",
    "grown",
    "dropped",
    "drop",
    "drops",
    "climbed",
    "climb",
    "jumped",
    "jump",
    "declined",
    "decline",
    "surged",
    "slipped",
    "gained",
    "lost",
    "cut",
    "cuts",
    "reduced",
    "reduce",
    "raised",
    "raise",
    "lowered",
    "lower",
    "shrank",
    "shrunk",
    "expanded",
    "soared",
    "plunged",
    "slumped",
    "tumbled",
    "went",
    "up",
    "down",
    "doubled",
    "tripled",
    "halved",
    "added",
    "adds",
    "shed",
    "sheds",
    "trimmed",
    "slashed",
    "boosted",
    "eased",
    "edged",
    "rebounded",
    "contracted",
    "hire",
    "hired",
    "hiring",
    "rises",
    "rising",
    "jumps",
    "surges",
    "soars",
    "plunges",
    "climbs",
    "slides",
    "slid",
    "sank",
    "losing",
    "gaining",
    "widened",
    "narrowed",
    "dipped",
    "skyrocketed",
    "spiked",
    "swelled",
    "lifted",
];

/// Nouns of change after a figure ("a 3.2% drop") or before one ("an increase of 5%").
const CHANGE_NOUNS: &[&str] = &[
    "increase",
    "decrease",
    "rise",
    "fall",
    "drop",
    "decline",
    "gain",
    "loss",
    "jump",
    "cut",
    "reduction",
    "growth",
    "hike",
    "surge",
    "slump",
    "plunge",
    "contraction",
    "boost",
];
const HEDGES: &[&str] = &[
    "at least",
    "at most",
    "more than",
    "less than",
    "fewer than",
    "up to",
    "as many as",
    "as much as",
    "an estimated",
    "just over",
    "just under",
    "about",
    "around",
    "nearly",
    "almost",
    "approximately",
    "roughly",
    "some",
    "over",
    "under",
    "below",
    "above",
];
const AUXILIARIES: &[&str] = &[
    "will", "would", "be", "been", "being", "is", "are", "was", "were", "has", "have", "had",
    "could", "can", "may", "might", "should", "to", "also", "further", "expected",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this",
];

pub(super) fn changes_and_quantities(view: &SentenceFacts<'_>) -> Vec<Fact> {
    let figures: Vec<usize> = view.with_label(Label::Figure).collect();
    let mut facts = Vec::new();
    let mut used = vec![false; figures.len()];
    for k in 0..figures.len() {
        if used[k] {
            continue;
        }
        if let Some((fact, both)) = change_at(view, &figures, k) {
            used[k] = true;
            if both {
                used[k + 1] = true;
            }
            facts.push(fact);
        }
    }
    for (k, &figure) in figures.iter().enumerate() {
        if !used[k] && is_quantity(view, &figures, k) {
            facts.push(quantity(view, figure));
        }
    }
    facts
}

/// Whether a figure is a quantity of its own: not an age ("42-year-old", "Smith, 47,"),
/// a rank or label ("No. 1", "Figure 2 shows"), a name ("10x", "911 calls"), a time frame
/// of another figure ("within two years"), or a number the recogniser ran into a verb.
fn is_quantity(view: &SentenceFacts<'_>, figures: &[usize], k: usize) -> bool {
    let text = view.text;
    let m = &view.mentions[figures[k]];
    let figure = m.text(text);
    let after = &text[m.end..view.span.end];
    if after.starts_with("-old")
        || after.starts_with(" years old")
        || after.starts_with("-year-old")
    {
        return false;
    }
    let before = text[view.span.start..m.start].trim_end();
    let before_word = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '.' || c == '#'))
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    if matches!(
        before_word.as_str(),
        "no."
            | "no"
            | "number"
            | "figure"
            | "fig."
            | "table"
            | "chapter"
            | "section"
            | "page"
            | "phase"
            | "level"
            | "tier"
            | "round"
            | "stage"
            | "grade"
            | "category"
            | "type"
            | "version"
            | "step"
            | "top"
            | "#"
            | "aged"
            | "age"
            | "ages"
    ) {
        return false;
    }
    // "Ann Lee, 47, said": an age between commas after a name.
    let bare = figure.chars().all(|c| c.is_ascii_digit());
    if bare
        && before.ends_with(',')
        && after.trim_start().starts_with(',')
        && view.names().any(|i| {
            view.mentions[i].label == crate::entity::Label::Person
                && text[view.mentions[i].end..m.start].trim() == ","
        })
    {
        return false;
    }
    if figure.starts_with("000")
        || (figure.ends_with(['x', 'X'])
            && figure[..figure.len() - 1]
                .chars()
                .all(|c| c.is_ascii_digit()))
        || figure.starts_with("911")
    {
        return false;
    }
    // "No. 1 motivating", "100 slipped": a unit that is a verb.
    let unit = Amount::read(figure).unit;
    if !unit.contains(' ')
        && (unit.ends_with("ed") || unit.ends_with("ing"))
        && !matches!(
            unit.as_str(),
            "hundred" | "seed" | "bed" | "building" | "meeting" | "feed"
        )
    {
        return false;
    }
    // "within two years", "over the next decade": a time frame, when another figure is
    // what the sentence counts.
    let time_unit = [
        "year", "years", "month", "months", "decade", "decades", "week", "weeks", "day", "days",
    ]
    .contains(&unit.as_str());
    let framed = before.ends_with("within")
        || before.ends_with("over the next")
        || before.ends_with("in the next")
        || before.ends_with("over the past")
        || before.ends_with("in the past")
        || before.ends_with("over the last")
        || before.ends_with("for the next")
        || before.ends_with("within the next");
    !(time_unit && framed && figures.len() > 1)
}

/// The lower-case words just before a byte offset, nearest last.
fn words_before(text: &str, at: usize, sentence_start: usize, count: usize) -> Vec<String> {
    let all = words(&text[sentence_start..at]);
    all[all.len().saturating_sub(count)..]
        .iter()
        .map(|(_, w)| w.to_string())
        .collect()
}

/// A change starting at figure k: returns the fact and whether it used figure k + 1 too.
fn change_at(view: &SentenceFacts<'_>, figures: &[usize], k: usize) -> Option<(Fact, bool)> {
    let text = view.text;
    let m = &view.mentions[figures[k]];
    let next = figures.get(k + 1).map(|&i| &view.mentions[i]);
    let before = words_before(text, m.start, view.span.start, 3);
    let last_before = before.last().map(String::as_str).unwrap_or("");
    // "to about four hours": a hedge after "to" does not break the pattern.
    let between = next.map(|n| {
        let between = text[m.end..n.start].trim().to_lowercase();
        HEDGES
            .iter()
            .find_map(|h| {
                between
                    .strip_suffix(h)
                    .map(|rest| rest.trim_end().to_string())
            })
            .unwrap_or(between)
    });
    let a = Amount::read(m.text(text));

    // "from X to Y"
    if last_before == "from" && between.as_deref() == Some("to") {
        let b = Amount::read(next?.text(text));
        return Some((change_fact(view, figures, k, true, a, b, m.start), true));
    }
    // "Y, up from X" / "Y, down from X"
    if let Some(between) = &between
        && (between.ends_with("up from") || between.ends_with("down from"))
    {
        let from = Amount::read(next?.text(text));
        return Some((change_fact(view, figures, k, true, from, a, m.start), true));
    }
    // "rose 3% to $11 billion", "rose by 3% to ...": X is the step, Y the new value.
    // "up to 35%" is a hedge, not a rise.
    let hedged = before.len() >= 2 && before[before.len() - 2] == "up" && last_before == "to";
    let verb_before = !hedged
        && before
            .iter()
            .rev()
            .take(2)
            .any(|w| CHANGE_VERBS.contains(&w.as_str()));
    if verb_before && between.as_deref() == Some("to") {
        let to = Amount::read(next?.text(text));
        let step = a;
        let falling = before.iter().any(|w| is_falling(w));
        let from_value = match (step.value, to.value) {
            (Some(s), Some(t)) if step.unit == "percent" || step.text.ends_with('%') => {
                let factor = if falling {
                    1.0 - s / 100.0
                } else {
                    1.0 + s / 100.0
                };
                (factor != 0.0).then(|| t / factor)
            }
            (Some(s), Some(t)) if step.unit == to.unit => Some(if falling { t + s } else { t - s }),
            _ => None,
        };
        let from = Amount {
            text: from_value.map_or_else(
                || "?".into(),
                |v| {
                    format!("{} {}", format_number(v), to.unit)
                        .trim()
                        .to_string()
                },
            ),
            value: from_value,
            unit: to.unit.clone(),
        };
        return Some((change_fact(view, figures, k, true, from, to, m.start), true));
    }
    // "doubled to 40", "halved to 10", "cut by half to 10"
    let by_half = before.len() >= 3 && before[before.len() - 3..] == ["by", "half", "to"];
    let factor = before
        .iter()
        .rev()
        .take(2)
        .find_map(|w| match w.as_str() {
            "doubled" => Some(2.0),
            "tripled" => Some(3.0),
            "halved" => Some(0.5),
            _ => None,
        })
        .or(by_half.then_some(0.5));
    if let Some(factor) = factor
        && last_before == "to"
    {
        let from = Amount {
            text: a.value.map_or("?".into(), |v| format_number(v / factor)),
            value: a.value.map(|v| v / factor),
            unit: a.unit.clone(),
        };
        return Some((
            change_fact(view, figures, k, false, from, a, m.start),
            false,
        ));
    }
    // "to 12 from seven": the new value first.
    if last_before == "to"
        && between.as_deref() == Some("from")
        && before.iter().rev().take(3).any(|w| is_change_word(w))
    {
        let from = Amount::read(next?.text(text));
        return Some((change_fact(view, figures, k, true, from, a, m.start), true));
    }
    stated_change(view, figures, k)
}

fn is_change_word(word: &str) -> bool {
    CHANGE_VERBS.contains(&word) || CHANGE_NOUNS.contains(&word)
}

fn unknown() -> Amount {
    Amount {
        text: "?".into(),
        value: None,
        unit: String::new(),
    }
}

/// A change stated by its amount or by one end: "jumped 31%", "cut 2,400 jobs", "trimmed
/// its staff by 8 percent", "fell to 6.6 per cent", "a 3.2% drop", "an increase of $5",
/// "will hire 600 more workers".
fn stated_change(view: &SentenceFacts<'_>, figures: &[usize], k: usize) -> Option<(Fact, bool)> {
    let text = view.text;
    let m = &view.mentions[figures[k]];
    let amount = Amount::read(m.text(text));
    // The words of the clause before the figure, nearest last, past hedges.
    let clause_start = text[view.span.start..m.start]
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ',' | ';' | ':' | '\u{2014}'))
        .map_or(view.span.start, |(p, c)| view.span.start + p + c.len_utf8());
    let mut before: Vec<String> = words(&text[clause_start..m.start])
        .into_iter()
        .map(|(_, w)| w.into_owned())
        .collect();
    while before.last().is_some_and(|w| {
        matches!(
            w.as_str(),
            "only"
                | "almost"
                | "nearly"
                | "about"
                | "around"
                | "roughly"
                | "some"
                | "another"
                | "further"
                | "more"
                | "than"
                | "over"
                | "just"
                | "an"
                | "a"
                | "estimated"
                | "additional"
                | "extra"
        )
    }) {
        before.pop();
    }
    let after: Vec<String> = words(&text[m.end..view.span.end])
        .into_iter()
        .take(2)
        .map(|(_, w)| w.into_owned())
        .collect();
    let last = before.last().map(String::as_str).unwrap_or("");
    let verb_near = |skip: usize| {
        before.iter().rev().skip(skip).take(5).position(|w| {
            CHANGE_VERBS.contains(&w.as_str()) && !matches!(w.as_str(), "up" | "down")
        })
    };
    let falling = |words: &[String]| words.iter().rev().take(6).any(|w| is_falling(w));
    enum End {
        By,
        To,
        From,
    }
    let end = if CHANGE_VERBS.contains(&last)
        && !(last == "up" && after.first().is_some_and(|w| w == "to"))
    {
        // "jumped 31%", "cut 2,400 jobs", "up 5%".
        Some(End::By)
    } else if last == "by" && verb_near(1).is_some() {
        Some(End::By)
    } else if last == "to"
        && verb_near(1).is_some()
        && before.iter().rev().nth(1).is_none_or(|w| w != "up")
    {
        Some(End::To)
    } else if last == "from" && verb_near(1).is_some() {
        Some(End::From)
    } else if after
        .first()
        .is_some_and(|w| CHANGE_NOUNS.contains(&w.as_str()))
        || (last == "of"
            && before
                .iter()
                .rev()
                .nth(1)
                .is_some_and(|w| CHANGE_NOUNS.contains(&w.as_str())))
    {
        // "a 3.2% drop", "an increase of 5%".
        Some(End::By)
    } else if after.first().is_some_and(|w| w == "more" || w == "fewer")
        || m.text(text).contains(" more ")
    {
        Some(End::By)
    } else {
        None
    }?;
    let mut context_words = before.clone();
    context_words.extend(after.iter().take(1).cloned());
    let down = falling(&context_words) || after.first().is_some_and(|w| w == "fewer");
    let what = subject_before(view, m.start);
    // "fell 31.44 points to 5,616.21", "rose 1.8 percent in July to $317.6 billion": the
    // new value after the amount, in the same clause.
    let new_value = figures
        .get(k + 1)
        .map(|&i| &view.mentions[i])
        .filter(|next| {
            let between = text[m.end..next.start].to_lowercase();
            let between = between.trim();
            let between = HEDGES
                .iter()
                .find_map(|h| between.strip_suffix(h).map(str::trim_end))
                .unwrap_or(between);
            matches!(end, End::By)
                && (between == "to" || between.ends_with(" to"))
                && between.split_whitespace().count() <= 5
                && !between.contains([',', ';'])
        });
    let (from, to, difference) = match end {
        End::By => {
            let signed = Amount {
                value: amount.value.map(|v| if down { -v } else { v }),
                ..amount.clone()
            };
            let to = new_value.map_or_else(unknown, |next| Amount::read(next.text(text)));
            (unknown(), to, Some(signed))
        }
        End::To => (unknown(), amount.clone(), None),
        End::From => (amount.clone(), unknown(), None),
    };
    let percentage =
        amount.unit == "percent" || amount.unit == "per cent" || amount.text.ends_with('%');
    let percent = (percentage && difference.is_some())
        .then(|| amount.value.map(|v| if down { -v } else { v }))
        .flatten();
    let mut summary = what.as_ref().map_or(String::new(), |w| format!("{w}: "));
    summary.push_str(&match (&difference, &to, &from) {
        (Some(_), to, _) if to.text != "?" => format!(
            "{} {} to {}",
            if down { "down" } else { "up" },
            amount.text,
            to.text
        ),
        (Some(_), _, _) => format!("{} {}", if down { "down" } else { "up" }, amount.text),
        (None, to, _) if to.value.is_some() || to.text != "?" => {
            format!("{} to {}", if down { "down" } else { "changed" }, to.text)
        }
        _ => format!("from {}", from.text),
    });
    let used: Vec<usize> =
        figures[k..(k + 1 + usize::from(new_value.is_some())).min(figures.len())].to_vec();
    let fact = Fact {
        kind: FactKind::Change,
        start: view.span.start,
        end: view.span.end,
        summary,
        figures: used,
        dates: view.with_label(Label::Date).collect(),
        entities: view.entity_groups(),
        confidence: 0.7,
        detail: Detail::Change {
            what,
            from,
            to,
            difference: if percentage { None } else { difference },
            percent,
        },
    };
    Some((fact, new_value.is_some()))
}

fn is_falling(word: &str) -> bool {
    matches!(
        word,
        "fell"
            | "fall"
            | "falls"
            | "fallen"
            | "falling"
            | "decreased"
            | "decrease"
            | "decreases"
            | "dropped"
            | "drop"
            | "drops"
            | "declined"
            | "decline"
            | "slipped"
            | "lost"
            | "cut"
            | "cuts"
            | "reduced"
            | "reduce"
            | "lowered"
            | "lower"
            | "shrank"
            | "shrunk"
            | "plunged"
            | "slumped"
            | "tumbled"
            | "down"
            | "shed"
            | "sheds"
            | "trimmed"
            | "slashed"
            | "eased"
            | "contracted"
            | "slides"
            | "slid"
            | "sank"
            | "losing"
            | "narrowed"
            | "dipped"
            | "reduction"
            | "loss"
            | "slump"
            | "plunge"
            | "contraction"
    )
}

fn change_fact(
    view: &SentenceFacts<'_>,
    figures: &[usize],
    k: usize,
    two_figures: bool,
    from: Amount,
    to: Amount,
    first_figure_start: usize,
) -> Fact {
    let what = subject_before(view, first_figure_start);
    let (difference, percent) = match (from.value, to.value) {
        (Some(a), Some(b)) if from.unit == to.unit || from.unit.is_empty() => {
            (Some(b - a), (a != 0.0).then(|| (b - a) / a * 100.0))
        }
        _ => (None, None),
    };
    let difference_amount = difference.map(|d| Amount {
        text: format!("{} {}", format_number(d), to.unit)
            .trim()
            .to_string(),
        value: Some(d),
        unit: to.unit.clone(),
    });
    let mut summary = String::new();
    if let Some(what) = &what {
        summary.push_str(what);
        summary.push_str(": ");
    }
    summary.push_str(&format!("{} -> {}", from.text, to.text));
    if let (Some(d), Some(p)) = (difference, percent) {
        let sign = if d < 0.0 { "-" } else { "+" };
        let unit = if to.unit.is_empty() {
            String::new()
        } else {
            format!(" {}", to.unit)
        };
        summary.push_str(&format!(
            " ({sign}{}{unit}, {sign}{:.0}%)",
            format_number(d.abs()),
            p.abs()
        ));
    }
    let used: Vec<usize> = if two_figures {
        figures[k..k + 2].to_vec()
    } else {
        vec![figures[k]]
    };
    Fact {
        kind: FactKind::Change,
        start: view.span.start,
        end: view.span.end,
        summary,
        figures: used,
        dates: view.with_label(Label::Date).collect(),
        entities: view.entity_groups(),
        confidence: if what.is_some() { 0.8 } else { 0.65 },
        detail: Detail::Change {
            what,
            from,
            to,
            difference: difference_amount,
            percent,
        },
    }
}

/// The noun phrase a change is about: the words before its verb, back to the start of the
/// clause, without auxiliaries, determiners or bracketed asides.
fn subject_before(view: &SentenceFacts<'_>, figure_start: usize) -> Option<String> {
    let mut clause = view.text[view.span.start..figure_start].to_string();
    // Drop bracketed asides: "time [from South America to China] will be".
    while let (Some(open), Some(close)) = (clause.find(['[', '(']), clause.find([']', ')'])) {
        if close < open {
            break;
        }
        clause.replace_range(open..=close, " ");
    }
    let clause = clause
        .rsplit([',', ';', ':', '"', '\u{201c}', '\u{201d}'])
        .next()
        .unwrap_or("");
    let mut tokens: Vec<&str> = clause.split_whitespace().collect();
    // Back over "from", the verb and the auxiliaries.
    while let Some(last) = tokens.last() {
        let w = last.to_lowercase();
        if w == "from"
            || w == "by"
            || w == "half"
            || CHANGE_VERBS.contains(&w.as_str())
            || AUXILIARIES.contains(&w.as_str())
        {
            tokens.pop();
        } else {
            break;
        }
    }
    // "cut the travel time between A and B from ...": the verb comes first, and what
    // changes is its object.
    let verb = tokens.iter().rposition(|w| {
        CHANGE_VERBS.contains(&w.to_lowercase().as_str()) && !matches!(*w, "up" | "down")
    });
    if let Some(verb) = verb
        && verb + 1 < tokens.len()
    {
        let mut object: Vec<&str> = tokens[verb + 1..].to_vec();
        while object
            .first()
            .is_some_and(|w| DETERMINERS.contains(&w.to_lowercase().as_str()))
        {
            object.remove(0);
        }
        object.truncate(6);
        return (!object.is_empty()).then(|| object.join(" "));
    }
    // Otherwise the subject: what stays after words that start a clause ("that", "once it
    // is ...").
    let start = tokens
        .iter()
        .rposition(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "that"
                    | "said"
                    | "says"
                    | "showed"
                    | "saying"
                    | "which"
                    | "as"
                    | "while"
                    | "but"
                    | "after"
                    | "when"
                    | "although"
                    | "because"
                    | "if"
                    | "since"
                    | "whereas"
            )
        })
        .map_or(0, |p| p + 1);
    let mut subject: Vec<&str> = tokens[start..].to_vec();
    while subject
        .first()
        .is_some_and(|w| DETERMINERS.contains(&w.to_lowercase().as_str()))
    {
        subject.remove(0);
    }
    let subject = &subject[subject.len().saturating_sub(6)..];
    (!subject.is_empty()).then(|| subject.join(" "))
}

fn quantity(view: &SentenceFacts<'_>, figure: usize) -> Fact {
    let text = view.text;
    let m = &view.mentions[figure];
    let amount = Amount::read(m.text(text));
    let before = text[view.span.start..m.start].to_lowercase();
    let before = before.trim_end();
    let qualifier = HEDGES
        .iter()
        .find(|h| {
            before.ends_with(*h)
                && before[..before.len() - h.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
        .map(|h| h.to_string());
    // The entity the figure is about: a project, else an organisation, else a person or
    // place, nearest to the figure.
    let nearest = |label: Label| {
        view.with_label(label)
            .min_by_key(|&i| view.mentions[i].start.abs_diff(m.start))
    };
    let about = [Label::Project, Label::Org, Label::Person, Label::Place]
        .into_iter()
        .find_map(nearest)
        .map(|i| view.group_of[i]);
    let when = view
        .with_label(Label::Date)
        .next()
        .map(|i| view.mention_text(i).to_string())
        .or_else(|| time_phrase(&text[m.end..view.span.end]));
    let mut summary = match &qualifier {
        Some(q) => format!("{q} {}", amount.text),
        None => amount.text.clone(),
    };
    let in_words = amount.text.chars().next().is_some_and(char::is_alphabetic)
        || [
            "hundred", "thousand", "million", "billion", "trillion", "bn", "mn",
        ]
        .iter()
        .any(|scale| amount.text.to_lowercase().contains(scale));
    if let Some(value) = amount.value.filter(|_| in_words) {
        let unit = if amount.unit.is_empty() {
            String::new()
        } else {
            format!(" {}", amount.unit)
        };
        summary.push_str(&format!(" (= {}{unit})", format_number(value)));
    }
    if let Some(when) = &when {
        summary.push_str(&format!(", {when}"));
    }
    Fact {
        kind: FactKind::Quantity,
        start: view.span.start,
        end: view.span.end,
        summary,
        figures: vec![figure],
        dates: view.with_label(Label::Date).collect(),
        entities: view.entity_groups(),
        confidence: if amount.value.is_some() { 0.8 } else { 0.6 },
        detail: Detail::Quantity {
            amount,
            qualifier,
            about,
            when,
        },
    }
}

/// "in the first year of operation", "by the end of next year": a time phrase after a figure.
fn time_phrase(after: &str) -> Option<String> {
    let lower = after.to_ascii_lowercase();
    let at = lower.find(" in the ").or_else(|| lower.find(" by the "))?;
    let phrase: Vec<&str> = after[at + 1..].split_whitespace().take(6).collect();
    let time_words = [
        "year", "years", "month", "months", "week", "weeks", "quarter", "decade", "day", "days",
    ];
    let end = phrase.iter().position(|w| {
        time_words.contains(&w.trim_end_matches(['.', ',']).to_lowercase().as_str())
    })?;
    let mut words: Vec<&str> = phrase[..=end].to_vec();
    // "of operation" completes it.
    if phrase.get(end + 1) == Some(&"of")
        && let Some(next) = phrase.get(end + 2)
    {
        words.push("of");
        words.push(next);
    }
    Some(words.join(" ").trim_end_matches(['.', ',']).to_string())
}
