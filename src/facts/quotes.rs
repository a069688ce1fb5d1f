//! Quotes: what someone said, with the speaker resolved to a person or organisation.
//!
//! Attribution is read from the sentence's words: a trailing clause (", said Xi",
//! "," Jose Arista said at ...", ", Wang Youming, director of ..., told the Global Times"),
//! a leading one ("Xi said ...", "Boluarte told Xi that ..."), or "saying, ..." after a
//! subject. "He" and "she" are the person last named; "said experts" has no named speaker.
//! A quotation that runs over several sentences is one quote, attributed where it ends.

use super::{Detail, Fact, FactKind, SentenceFacts, words};
use crate::entity::Label;
use std::ops::Range;

/// Speech verbs that only follow their speaker ("X told Y", "Reuters reported"); the
/// others (`VERB_FIRST`) may also come first (", said Xi").
const SPEAKER_FIRST: &[&str] = &[
    "told",
    "tells",
    "reported",
    "say",
    "notes",
    "stresses",
    "according",
];

fn is_speech_verb(word: &str) -> bool {
    VERB_FIRST.contains(&word) || SPEAKER_FIRST.contains(&word)
}

/// Spans of text between matching quotation marks (straight or curly), over the whole text.
pub(super) fn quoted_regions(text: &str) -> Vec<Range<usize>> {
    let mut regions = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '\u{201c}' => open = Some(i),
            '\u{201d}' => {
                if let Some(start) = open.take() {
                    regions.push(start..i + c.len_utf8());
                }
            }
            '"' => match open.take() {
                Some(start) => regions.push(start..i + 1),
                None => open = Some(i),
            },
            // A paragraph break closes nothing: an unclosed quote ends there.
            '\n' if text[i + 1..].starts_with('\n') => open = None,
            _ => {}
        }
    }
    regions
}

struct Speaker {
    group: Option<usize>,
    text: String,
}

pub(super) fn quote(view: &SentenceFacts<'_>, regions: &[Range<usize>]) -> Option<Fact> {
    let sentence = view.sentence();
    let base = view.span.start;
    let lower_words = words(sentence);
    // Quotation marks around the sentence may start before it (a long quote).
    // Regions are sorted and disjoint: skip to the first that ends inside or after.
    let first = regions.partition_point(|r| r.end <= view.span.start);
    let region = regions[first..]
        .iter()
        .take_while(|r| r.start < view.span.end)
        .find(|r| r.end - r.start > 20)
        .cloned();

    let (content, speaker, verb) = saying_clause(view, &lower_words)
        .or_else(|| trailing_attribution(view, &lower_words, region.as_ref()))
        .or_else(|| leading_attribution(view, &lower_words))?;
    // A quotation that starts or ends the content is the content, even across sentences;
    // one in the middle ("making "Chancay to Shanghai" a road") is only part of it.
    let content = match &region {
        Some(r)
            if r.start < content.end
                && content.start < r.end
                && (r.start <= content.start + 3 || content.end <= r.end + 3) =>
        {
            r.clone()
        }
        _ => content,
    };
    if content.end <= content.start + 10 {
        return None;
    }
    let quoted = view.text[content.clone()]
        .trim()
        .trim_matches(['"', '\u{201c}', '\u{201d}', ',', ' ']);
    let short: String = {
        let words: Vec<&str> = quoted.split_whitespace().collect();
        if words.len() > 18 {
            format!("{} …", words[..18].join(" "))
        } else {
            words.join(" ")
        }
    };
    let who = match speaker.group {
        Some(group) => view.group_names[group].clone(),
        None => format!("{} (unnamed)", speaker.text),
    };
    let mut entities = view.entity_groups();
    if let Some(group) = speaker.group
        && !entities.contains(&group)
    {
        entities.push(group);
        entities.sort_unstable();
    }
    let (start, end) = (base.min(content.start), view.span.end.max(content.end));
    Some(Fact {
        kind: FactKind::Quote,
        start,
        end,
        summary: format!("{who}: \u{201c}{short}\u{201d}"),
        figures: view.with_label(Label::Figure).collect(),
        dates: view.with_label(Label::Date).collect(),
        entities,
        confidence: if speaker.group.is_some() { 0.8 } else { 0.6 },
        detail: Detail::Quote {
            quote_start: content.start,
            quote_end: content.end,
            speaker: speaker.group,
            speaker_text: speaker.text,
            verb,
        },
    })
}

/// The first person or organisation named in a byte range of the text.
fn named_in(view: &SentenceFacts<'_>, range: Range<usize>) -> Option<usize> {
    view.inside.iter().copied().find(|&i| {
        let m = &view.mentions[i];
        matches!(m.label, Label::Person | Label::Org)
            && range.start <= m.start
            && m.end <= range.end
    })
}

/// A speaker in a byte range: a named person or organisation, else "he"/"she" (the person
/// last named), else the words themselves ("Chinese experts").
fn speaker_in(view: &SentenceFacts<'_>, range: Range<usize>) -> Option<Speaker> {
    if let Some(i) = named_in(view, range.clone()) {
        let group = view.group_of[i];
        return Some(Speaker {
            group: Some(group),
            text: view.mention_text(i).to_string(),
        });
    }
    let phrase = view.text[range]
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric());
    let first = phrase.split_whitespace().next()?.to_lowercase();
    match first.as_str() {
        "he" | "she" => {
            let group = view.last_person.or_else(|| {
                view.with_label(Label::Person)
                    .next()
                    .map(|i| view.group_of[i])
            })?;
            Some(Speaker {
                group: Some(group),
                text: phrase.split_whitespace().next().unwrap_or("").to_string(),
            })
        }
        "it" | "they" | "we" | "i" | "you" | "this" | "that" => None,
        _ => {
            let words: Vec<&str> = phrase.split_whitespace().take(3).collect();
            (!words.is_empty() && words.len() <= 3).then(|| Speaker {
                group: None,
                text: words.join(" "),
            })
        }
    }
}

/// "..., saying, "..."": the sentence's subject speaks.
fn saying_clause(
    view: &SentenceFacts<'_>,
    lower: &[(usize, std::borrow::Cow<'_, str>)],
) -> Option<(Range<usize>, Speaker, String)> {
    let base = view.span.start;
    let (at, _) = lower.iter().find(|(_, w)| w == "saying")?;
    let subject = speaker_in(view, base..base + at).filter(|s| s.group.is_some())?;
    let content_start = base + at + "saying".len();
    Some((content_start..view.span.end, subject, "saying".into()))
}

/// Verbs that may come before their speaker: ", said Xi", ", added the minister".
const VERB_FIRST: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "noted",
    "stressed",
    "explained",
    "warned",
    "argued",
    "insisted",
    "emphasized",
    "emphasised",
    "asked",
    "wrote",
    "claimed",
    "declared",
    "remarked",
    "commented",
    "confirmed",
    "announced",
];

/// ", said X." / ", X said ..." / ", X, director of ..., told Y." after what was said.
fn trailing_attribution(
    view: &SentenceFacts<'_>,
    lower: &[(usize, std::borrow::Cow<'_, str>)],
    region: Option<&Range<usize>>,
) -> Option<(Range<usize>, Speaker, String)> {
    let base = view.span.start;
    let sentence = view.sentence();
    let content = |cut: usize| match region {
        Some(r) if r.start < base + cut && base + cut <= r.end + 1 => r.clone(),
        _ => base..base + cut,
    };
    for (index, (verb_offset, verb)) in lower.iter().enumerate().rev() {
        if !is_speech_verb(verb) || index == 0 {
            continue;
        }
        let before_verb = sentence[..*verb_offset].trim_end();
        // "..., according to the Department of Energy."
        if verb == "according" {
            let Some((to_offset, _)) = lower.get(index + 1).filter(|(_, w)| w == "to") else {
                continue;
            };
            let Some(cut) = before_verb.ends_with(',').then(|| before_verb.len() - 1) else {
                continue;
            };
            let after = to_offset + 2;
            let end = sentence[after..]
                .find([',', '.', ';'])
                .map_or(sentence.len(), |p| after + p);
            if let Some(speaker) = speaker_in(view, base + after..base + end) {
                return Some((content(cut), speaker, "according to".into()));
            }
            continue;
        }
        if VERB_FIRST.contains(&verb.as_ref()) && before_verb.ends_with([',', '"', '\u{201d}']) {
            // "..., said Xi", "...," said Boluarte": the speaker follows the verb.
            let after = verb_offset + verb.len();
            let end = sentence[after..]
                .find([',', '.', ';'])
                .map_or(sentence.len(), |p| after + p);
            let cut = before_verb.rfind([',', '"', '\u{201d}'])?;
            if let Some(speaker) = speaker_in(view, base + after..base + end) {
                return Some((content(cut), speaker, verb.to_string()));
            }
            continue;
        }
        // "..., Xi said at a conference", "..., Wang Youming, director of ..., told Y": the
        // speaker comes before, and little follows the verb.
        if lower.len() - index > 14 {
            continue;
        }
        let window = base + verb_offset.saturating_sub(200)..base + verb_offset;
        let within = |i: &usize| {
            window.start <= view.mentions[*i].start && view.mentions[*i].end <= window.end
        };
        // A person is preferred to an organisation named in an aside.
        let Some(subject) = view
            .with_label(Label::Person)
            .filter(within)
            .last()
            .or_else(|| view.with_label(Label::Org).filter(within).last())
        else {
            continue;
        };
        let subject_start = view.mentions[subject].start - base;
        let Some(cut) = sentence[..subject_start].rfind([',', '"', '\u{201d}']) else {
            continue;
        };
        // Only a title may sit between the cut and the subject ("Economy Minister").
        let after_cut = cut + sentence[cut..].chars().next().map_or(1, char::len_utf8);
        if sentence[after_cut..subject_start]
            .split_whitespace()
            .count()
            > 4
        {
            continue;
        }
        let speaker = Speaker {
            group: Some(view.group_of[subject]),
            text: view.mention_text(subject).to_string(),
        };
        return Some((content(cut), speaker, verb.to_string()));
    }
    None
}

/// "Xi said ...", "Boluarte told Xi that ...", "In an interview, Boluarte said ...".
fn leading_attribution(
    view: &SentenceFacts<'_>,
    lower: &[(usize, std::borrow::Cow<'_, str>)],
) -> Option<(Range<usize>, Speaker, String)> {
    let base = view.span.start;
    let (index, (verb_offset, verb)) = lower
        .iter()
        .enumerate()
        .take(14)
        .find(|(_, (_, w))| is_speech_verb(w) && w != "according")?;
    if index == 0 {
        return None;
    }
    let sentence = view.sentence();
    let subject_start = sentence[..*verb_offset].rfind(',').map_or(0, |p| p + 1);
    let speaker = speaker_in(view, base + subject_start..base + verb_offset)?;
    // Content after the verb, past "that" and, for "told", the addressee.
    let mut content_start = verb_offset + verb.len();
    let rest = &lower[index + 1..];
    if let Some((offset, word)) = rest.iter().take(8).find(|(_, w)| w == "that") {
        content_start = offset + word.len();
    }
    Some((
        base + content_start..view.span.end,
        speaker,
        verb.to_string(),
    ))
}
