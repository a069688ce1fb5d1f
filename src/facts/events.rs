//! Events: who met, visited, signed or announced, when and where, from the verbs (or
//! nouns such as "visit" and "talks") of a sentence and the entities, dates and places in it.

use super::{Detail, Fact, FactKind, SentenceFacts, words};
use crate::entity::Label;

/// Words that name an event, and the action they stand for: meetings, visits, attendance,
/// signings, announcements, elections and victories, launches, acquisitions, and gatherings
/// held by an organiser (`held` needs one of `GATHERINGS` after it).
const TRIGGERS: &[(&str, &str)] = &[
    ("met", "met"),
    ("meets", "met"),
    ("meet", "met"),
    ("meeting", "meeting"),
    ("talks", "held talks"),
    ("dined", "dined"),
    ("dinner", "dined"),
    ("visit", "visit"),
    ("visits", "visit"),
    ("visited", "visit"),
    ("visiting", "visit"),
    ("trip", "visit"),
    ("toured", "visit"),
    ("attended", "attended"),
    ("attends", "attended"),
    ("attending", "attended"),
    ("signed", "signed"),
    ("signs", "signed"),
    ("signing", "signed"),
    ("inked", "signed"),
    ("inks", "signed"),
    ("announced", "announced"),
    ("announces", "announced"),
    ("announce", "announced"),
    ("declared", "declared"),
    ("declares", "declared"),
    ("unveiled", "unveiled"),
    ("unveils", "unveiled"),
    ("elected", "elected"),
    ("won", "won"),
    ("wins", "won"),
    ("launched", "launched"),
    ("launches", "launched"),
    ("acquired", "acquired"),
    ("acquires", "acquired"),
    ("acquire", "acquired"),
    ("hosted", "hosted"),
    ("hosts", "hosted"),
    ("held", "held"),
    ("holds", "held"),
    ("summit", "summit"),
];

/// What an organiser holds: "held a news conference", "holds talks".
const GATHERINGS: &[&str] = &[
    "meeting",
    "meetings",
    "talks",
    "summit",
    "conference",
    "rally",
    "briefing",
    "ceremony",
    "event",
    "election",
    "elections",
    "referendum",
    "vote",
    "news",
    "press",
    "discussions",
    "consultations",
    "hearing",
    "forum",
    "session",
    "teleconference",
    "call",
];

/// Words before a trigger that make the event not (yet) happen: "will visit", "could sign".
fn unreal(word: &str) -> bool {
    matches!(
        word,
        "will" | "would" | "could" | "may" | "might" | "should" | "not" | "never" | "won't" | "if"
    )
}

pub(super) fn event(view: &SentenceFacts<'_>) -> Option<Fact> {
    let base = view.span.start;
    let lower = words(view.sentence());
    let (trigger_at, action) = lower.iter().enumerate().find_map(|(k, (offset, word))| {
        let (_, action) = TRIGGERS.iter().find(|(w, _)| w == word)?;
        let before = lower[k.saturating_sub(2)..k].iter();
        if before.clone().any(|(_, w)| unreal(w)) {
            return None;
        }
        // "held" and "holds" only with a gathering: "held talks", "holds a news conference".
        // ("held talks" and "held a meeting" are found by their nouns.)
        let gathering = lower[k + 1..]
            .iter()
            .take(4)
            .find(|(_, w)| GATHERINGS.contains(&w.as_ref()));
        if *action == "held"
            && gathering.is_none_or(|(_, w)| matches!(w.as_ref(), "talks" | "meeting" | "summit"))
        {
            return None;
        }
        Some((base + offset, *action))
    })?;

    // The clause holding the trigger: between the commas around it.
    let sentence = view.sentence();
    let local = trigger_at - base;
    let clause = base + sentence[..local].rfind([',', ';']).map_or(0, |p| p + 1)
        ..base
            + sentence[local..]
                .find([',', ';'])
                .map_or(sentence.len(), |p| local + p);
    // People and organisations act; a place acts when it is the subject just before the
    // trigger ("Ottawa announced", "China signs").
    let actor = |i: &usize| {
        let m = &view.mentions[*i];
        match m.label {
            Label::Person | Label::Org => true,
            Label::Place => {
                m.end <= trigger_at && view.text[m.end..trigger_at].split_whitespace().count() <= 1
            }
            _ => false,
        }
    };
    let in_clause =
        |i: &usize| clause.start <= view.mentions[*i].start && view.mentions[*i].end <= clause.end;

    // Who: "her visit" is the person the sentence names (or the one named last); otherwise
    // the people and organisations before the trigger in its clause, and for meetings and
    // signings those after it too ("held talks with X").
    let pronoun_before = lower
        .iter()
        .filter(|(o, _)| base + o < trigger_at)
        .rev()
        .take(3)
        .any(|(_, w)| matches!(w.as_ref(), "her" | "his"));
    let mut who: Vec<usize> = Vec::new();
    if pronoun_before {
        let named = view
            .with_label(Label::Person)
            .next()
            .map(|i| view.group_of[i]);
        who.extend(named.or(view.last_person));
    } else {
        let with_objects = matches!(
            action,
            "met" | "held talks" | "signed" | "meeting" | "dined" | "summit"
        );
        who.extend(
            view.inside
                .iter()
                .filter(|i| actor(i) && in_clause(i))
                .filter(|&&i| with_objects || view.mentions[i].end <= trigger_at)
                .map(|&i| view.group_of[i]),
        );
    }
    let mut seen = Vec::new();
    who.retain(|g| {
        let fresh = !seen.contains(g);
        seen.push(*g);
        fresh
    });
    if who.is_empty() {
        return None;
    }

    // When: dates, and a duration just before the trigger ("five-day visit").
    let mut when: Vec<String> = view
        .with_label(Label::Date)
        .map(|i| view.mention_text(i).to_string())
        .collect();
    if let Some(duration) = view
        .with_label(Label::Figure)
        .find(|&i| view.mentions[i].end <= trigger_at && trigger_at - view.mentions[i].end <= 2)
    {
        when.insert(0, view.mention_text(duration).to_string());
    }
    // Where: places after "in", "at", "to" or "from".
    let places: Vec<usize> = view
        .with_label(Label::Place)
        .filter(in_clause)
        .filter(|&i| {
            let before = view.text[base..view.mentions[i].start]
                .trim_end()
                .to_lowercase();
            ["in", "at", "to"].iter().any(|p| {
                before.ends_with(p)
                    && before[..before.len() - p.len()]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric())
            })
        })
        .map(|i| view.group_of[i])
        .fold(Vec::new(), |mut places, g| {
            if !places.contains(&g) {
                places.push(g);
            }
            places
        });
    let names = |groups: &[usize]| {
        groups
            .iter()
            .map(|&g| view.group_names[g].as_str())
            .collect::<Vec<_>>()
            .join(" and ")
    };
    let mut summary = format!("{} {action}", names(&who));
    if !when.is_empty() {
        summary.push_str(&format!(" · {}", when.join(", ")));
    }
    if !places.is_empty() {
        summary.push_str(&format!(" · in {}", names(&places)));
    }
    Some(Fact {
        kind: FactKind::Event,
        start: view.span.start,
        end: view.span.end,
        summary,
        figures: view.with_label(Label::Figure).collect(),
        dates: view.with_label(Label::Date).collect(),
        entities: view.entity_groups(),
        confidence: 0.7,
        detail: Detail::Event {
            action: action.to_string(),
            who,
            when,
            places,
        },
    })
}
