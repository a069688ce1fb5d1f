//! Who is speaking: the noun phrase beside a verb of speaking, resolved to an entity.
//!
//! A name is its entity; "he" and "she" the person named last; "it" and "the company"
//! the organisation named last (one whose name holds the noun, when there is one: "the
//! bank" after "Bank of Canada"); "the minister" the person last introduced with that
//! title; "officials", "a spokeswoman" or "the report" an unnamed source. Lookups go
//! back through the document's mentions by binary search, so a quote costs the same
//! wherever it sits.

use super::SentenceFacts;
use super::speech::{
    Pronoun, is_organisation_noun, is_preposition, is_title, is_unnamed_source, is_verb_modifier,
    pronoun,
};
use crate::entity::{Label, Mention};
use std::ops::Range;

/// A speaker: the entity when it is named (or resolved), and the words as written.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Speaker {
    pub group: Option<usize>,
    pub text: String,
    /// Resolved from "he", "she" or "it": the quote pass may prefer the speaker just quoted.
    pub pronoun: Option<Pronoun>,
}

impl Speaker {
    pub fn named(view: &SentenceFacts<'_>, mention: usize) -> Speaker {
        Speaker {
            group: Some(view.group_of[mention]),
            text: view.mention_text(mention).to_string(),
            pronoun: None,
        }
    }

    pub fn unnamed(text: &str) -> Speaker {
        Speaker {
            group: None,
            text: text.split_whitespace().collect::<Vec<_>>().join(" "),
            pronoun: None,
        }
    }
}

/// How far back "the company" or "the minister" may look, in mentions of that kind.
const LOOK_BACK: usize = 60;

pub(super) struct Resolver<'a> {
    pub text: &'a str,
    mentions: &'a [Mention],
    group_of: &'a [usize],
    /// Mention indices of people and of organisations, in text order.
    people: Vec<usize>,
    /// The people named outside quotation marks: who "he" and "she" may be (a speaker
    /// talks about others, and is rarely named in their own words).
    people_outside_quotes: Vec<usize>,
    /// The entities that are people, sorted.
    person_groups: Vec<usize>,
    organisations: Vec<usize>,
    /// For each person mention (parallel to `people`), the lower-case words of office just
    /// before it: "foreign minister" before "Ana Lopez".
    titles: Vec<Vec<String>>,
}

impl<'a> Resolver<'a> {
    /// `quoted` holds the spans between quotation marks, sorted.
    pub fn new(
        text: &'a str,
        mentions: &'a [Mention],
        group_of: &'a [usize],
        quoted: &[Range<usize>],
    ) -> Resolver<'a> {
        let of_label = |label: Label| -> Vec<usize> {
            (0..mentions.len())
                .filter(|&i| mentions[i].label == label)
                .collect()
        };
        let people = of_label(Label::Person);
        let people_outside_quotes = people
            .iter()
            .copied()
            .filter(|&m| {
                let at = mentions[m].start;
                let i = quoted.partition_point(|r| r.end <= at);
                quoted.get(i).is_none_or(|r| r.start > at)
            })
            .collect();
        let organisations = of_label(Label::Org);
        let mut person_groups: Vec<usize> = people.iter().map(|&m| group_of[m]).collect();
        person_groups.sort_unstable();
        person_groups.dedup();
        let titles = people
            .iter()
            .map(|&i| {
                let start = mentions[i].start;
                let from = floor_char_boundary(text, start.saturating_sub(60));
                super::words(&text[from..start])
                    .into_iter()
                    .rev()
                    .take(3)
                    .map(|(_, w)| w.into_owned())
                    .take_while(|w| is_title(w) || matches!(w.as_str(), "prime" | "foreign"))
                    .map(|w| full_title(&w).to_string())
                    .collect()
            })
            .collect();
        Resolver {
            text,
            mentions,
            group_of,
            people,
            people_outside_quotes,
            person_groups,
            organisations,
            titles,
        }
    }

    fn last_before(&self, list: &[usize], at: usize) -> Option<usize> {
        let i = list.partition_point(|&m| self.mentions[m].start < at);
        i.checked_sub(1).map(|i| list[i])
    }

    fn group_speaker(&self, mention: usize) -> Speaker {
        Speaker {
            group: Some(self.group_of[mention]),
            text: self.mentions[mention].text(self.text).to_string(),
            pronoun: None,
        }
    }

    /// Whether an entity is a person.
    pub fn is_person(&self, group: usize) -> bool {
        self.person_groups.binary_search(&group).is_ok()
    }

    /// The organisation named last before `at`; one whose name holds `noun` if any.
    fn organisation_before(&self, at: usize, noun: &str) -> Option<Speaker> {
        let end = self
            .organisations
            .partition_point(|&m| self.mentions[m].start < at);
        let recent = &self.organisations[end.saturating_sub(LOOK_BACK)..end];
        let holds_noun = recent.iter().rev().find(|&&m| {
            self.mentions[m]
                .text(self.text)
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(noun))
        });
        holds_noun.or(recent.last()).map(|&m| self.group_speaker(m))
    }

    /// The person last introduced with a title before `at`.
    fn titled_before(&self, at: usize, title: &str) -> Option<Speaker> {
        let end = self
            .people
            .partition_point(|&m| self.mentions[m].start < at);
        (end.saturating_sub(LOOK_BACK)..end)
            .rev()
            .find(|&k| self.titles[k].iter().any(|t| t == title))
            .map(|k| self.group_speaker(self.people[k]))
    }

    /// The first person or organisation named in a range of a sentence.
    pub fn first_named(&self, view: &SentenceFacts<'_>, range: Range<usize>) -> Option<Speaker> {
        view.inside
            .iter()
            .copied()
            .find(|&i| {
                let m = &view.mentions[i];
                matches!(m.label, Label::Person | Label::Org)
                    && range.start <= m.start
                    && m.end <= range.end
            })
            .map(|i| Speaker::named(view, i))
    }

    /// The source after "according to": a person or organisation named in it (the person
    /// when both are), else none.
    pub fn source(&self, view: &SentenceFacts<'_>, range: Range<usize>) -> Option<Speaker> {
        // "a slideshow obtained by the Citizen" names no source; "a report by X" does.
        let within = |i: &usize| {
            let m = &view.mentions[*i];
            let before = super::words(&self.text[range.start..m.start.max(range.start)]);
            let obtained = before
                .iter()
                .rev()
                .nth(1)
                .is_some_and(|(_, w)| w.ends_with("ed"));
            range.start <= m.start && m.end <= range.end && (before.len() <= 3 || !obtained)
        };
        view.with_label(Label::Person)
            .find(within)
            .or_else(|| view.with_label(Label::Org).find(within))
            .or_else(|| view.with_label(Label::Place).find(within))
            .map(|i| Speaker::named(view, i))
    }

    /// The speaker after a verb that comes first: ", said Smith, an analyst at X", ", said
    /// Pentagon spokesman Doug Kennett", ", said officials", ", she said" (pronoun after).
    pub fn speaker_after(
        &self,
        view: &SentenceFacts<'_>,
        from: usize,
        sentence_end: usize,
    ) -> Option<Speaker> {
        // Punctuation that ends the phrase, but not the dots of "Lt. Gen. Ann Lee".
        let in_name = |at: usize| {
            view.inside
                .iter()
                .any(|&i| view.mentions[i].start <= at && at < view.mentions[i].end)
        };
        let phrase_end = |from: usize| {
            self.text[from..sentence_end]
                .char_indices()
                .find(|&(p, c)| {
                    matches!(c, ',' | ';' | '.' | '(' | '\u{2014}') && !in_name(from + p)
                })
                .map_or(sentence_end, |(p, _)| from + p)
        };
        let end = phrase_end(from);
        // "said Acme's chief economist, Ann Lee": the person may follow one comma.
        let wide_end = if end < sentence_end {
            phrase_end(end + 1)
        } else {
            sentence_end
        };
        let within = |i: &usize| from <= view.mentions[*i].start && view.mentions[*i].end <= end;
        let within_wide =
            |i: &usize| from <= view.mentions[*i].start && view.mentions[*i].end <= wide_end;
        let title_only = !view
            .names()
            .any(|i| within(&i) && view.mentions[i].label == Label::Person);
        if let Some(i) = view
            .with_label(Label::Person)
            .find(within)
            .or_else(|| {
                view.with_label(Label::Person)
                    .find(|i| title_only && within_wide(i))
            })
            .or_else(|| view.with_label(Label::Org).find(within))
            .or_else(|| view.with_label(Label::Place).find(within))
        {
            return Some(Speaker::named(view, i));
        }
        let phrase = self.text[from..end].trim();
        let words: Vec<String> = super::words(phrase)
            .into_iter()
            .map(|(_, w)| w.into_owned())
            .collect();
        let first = words.first()?;
        if let Some(kind) = pronoun(first) {
            return self.pronoun_speaker(kind, from, first);
        }
        if words.len() <= 6 && words.iter().any(|w| is_unnamed_source(w) || is_title(w)) {
            return Some(Speaker::unnamed(phrase));
        }
        None
    }

    fn pronoun_speaker(&self, kind: Pronoun, at: usize, word: &str) -> Option<Speaker> {
        match kind {
            Pronoun::Person => {
                let m = self
                    .last_before(&self.people_outside_quotes, at)
                    .or_else(|| self.last_before(&self.people, at))?;
                Some(Speaker {
                    group: Some(self.group_of[m]),
                    text: word.to_string(),
                    pronoun: Some(kind),
                })
            }
            Pronoun::Organisation => Some(Speaker {
                group: self
                    .last_before(&self.organisations, at)
                    .map(|m| self.group_of[m]),
                text: word.to_string(),
                pronoun: Some(kind),
            }),
            Pronoun::Group => Some(Speaker::unnamed(word)),
        }
    }

    /// The subject that ends just before a verb of speaking, searched from `clause_start`:
    /// returns the speaker and where the subject starts. `Smith said`, `Smith, 52, an
    /// analyst at X, said`, `she said`, `the company said`, `the minister told`, `two
    /// officials said`.
    pub fn subject_ending_at(
        &self,
        view: &SentenceFacts<'_>,
        clause_start: usize,
        verb_at: usize,
    ) -> Option<(Speaker, usize)> {
        let words = super::words(&self.text[clause_start..verb_at]);
        // Back over "also", "has", "later".
        let mut n = words.len();
        while n > 0 && is_verb_modifier(&words[n - 1].1) {
            n -= 1;
        }
        let (last_at, last) = words.get(n.checked_sub(1)?)?;
        let subject_end = clause_start + last_at + last.len();
        // A name that ends there ("Smith said"; not "..., a lecturer from Leeds, said").
        let aside_before_verb = self.text[subject_end..verb_at].contains(',');
        if let Some(i) = view.inside.iter().copied().rev().find(|&i| {
            let m = &view.mentions[i];
            matches!(m.label, Label::Person | Label::Org | Label::Place)
                && m.end == subject_end
                && m.start >= clause_start
                && !aside_before_verb
        }) {
            return Some(self.qualified_name(view, clause_start, i));
        }
        // "Smith, the director of X, said": a person (or organisation) before an aside.
        let aside = self.text[subject_end..verb_at]
            .trim_start()
            .starts_with(',')
            || self.text[clause_start..subject_end].contains(',');
        if aside && let Some(found) = self.before_aside(view, clause_start, subject_end, verb_at) {
            return Some(found);
        }
        let word_start = clause_start + last_at;
        if let Some(kind) = pronoun(last) {
            // "it" or "they" that ends a clause ("as it said") still speaks.
            return self
                .pronoun_speaker(kind, word_start, last)
                .map(|s| (s, word_start));
        }
        // The noun phrase before the verb: back to a preposition, a comma or a verb.
        let phrase_words: Vec<&(usize, std::borrow::Cow<'_, str>)> = words[..n]
            .iter()
            .rev()
            .take(6)
            .take_while(|(_, w)| !matches!(w.as_ref(), "that" | "which" | "who" | "and" | "but"))
            .collect();
        let head = last.as_ref();
        let determiner_before = phrase_words
            .iter()
            .skip(1)
            .take(3)
            .any(|(_, w)| matches!(w.as_ref(), "the" | "this" | "its" | "their"));
        if is_organisation_noun(head) && determiner_before {
            let speaker = self
                .organisation_before(word_start, head)
                .unwrap_or_else(|| Speaker::unnamed(&format!("the {head}")));
            return Some((speaker, self.phrase_start(clause_start, &phrase_words)));
        }
        if is_title(head) && determiner_before {
            let speaker = self
                .titled_before(word_start, full_title(head))
                .unwrap_or_else(|| Speaker::unnamed(&format!("the {head}")));
            return Some((speaker, self.phrase_start(clause_start, &phrase_words)));
        }
        // "officials", "two senior officials at the ministry", "a spokeswoman for X".
        let source_at = phrase_words.iter().position(|(_, w)| is_unnamed_source(w));
        if let Some(k) = source_at {
            let after_source = &phrase_words[..k];
            let plain = after_source
                .iter()
                .all(|(_, w)| is_preposition(w) || w.chars().all(char::is_alphanumeric));
            let begins_with_preposition = phrase_words
                .get(k + 1)
                .is_some_and(|(_, w)| is_preposition(w) && w != "of");
            if plain && !begins_with_preposition {
                // Back over the source noun's modifiers: "two senior U.S. officials".
                let mut start = clause_start + phrase_words[k].0;
                for (at, w) in &phrase_words[k + 1..] {
                    let at = clause_start + at;
                    let gap = &self.text[at + w.len()..start];
                    if gap.contains([',', ';', ':']) || !is_modifier(w, &self.text[at..]) {
                        break;
                    }
                    start = at;
                }
                let phrase = &self.text[start..subject_end];
                return Some((Speaker::unnamed(phrase), start));
            }
        }
        // "Mediators say", "Western diplomats said": a short plural noun phrase that opens
        // its clause.
        let phrase_start = self.phrase_start(clause_start, &phrase_words);
        let before_phrase = self.text[clause_start..phrase_start].trim_end();
        let opening = before_phrase.is_empty() || before_phrase.ends_with([',', ':', ';']);
        if opening
            && phrase_words.len() <= 3
            && head.len() > 3
            && head.ends_with('s')
            && !head.ends_with("ss")
            && phrase_words.iter().all(|(_, w)| !is_preposition(w))
        {
            return Some((
                Speaker::unnamed(&self.text[phrase_start..subject_end]),
                phrase_start,
            ));
        }
        None
    }

    /// A name as the subject, unless it only qualifies it: "a spokeswoman for Acme said"
    /// and "representatives of A, B and C said" are unnamed; "Ann Lee of Acme said" is
    /// Ann Lee.
    fn qualified_name(
        &self,
        view: &SentenceFacts<'_>,
        clause_start: usize,
        name: usize,
    ) -> (Speaker, usize) {
        let name_start = view.mentions[name].start;
        let before = super::words(&self.text[clause_start..name_start]);
        let recent = &before[before.len().saturating_sub(10)..];
        for pair in recent.windows(2) {
            let ((at, noun), (_, preposition)) = (&pair[0], &pair[1]);
            if is_unnamed_source(noun)
                && matches!(preposition.as_ref(), "of" | "for" | "at" | "from" | "with")
            {
                let start = clause_start + at;
                return (
                    Speaker::unnamed(&self.text[start..view.mentions[name].end]),
                    start,
                );
            }
        }
        if view.mentions[name].label != Label::Person
            && let Some((_, preposition)) = before.last()
            && matches!(preposition.as_ref(), "of" | "at" | "from")
        {
            let preposition_at = clause_start + before[before.len() - 1].0;
            if let Some(person) = view.with_label(Label::Person).find(|&i| {
                let m = &view.mentions[i];
                m.start >= clause_start
                    && m.end <= preposition_at
                    && self.text[m.end..preposition_at].trim().is_empty()
            }) {
                return (Speaker::named(view, person), view.mentions[person].start);
            }
        }
        (Speaker::named(view, name), name_start)
    }

    /// The start of a noun phrase given its words nearest last.
    fn phrase_start(
        &self,
        clause_start: usize,
        phrase_words: &[&(usize, std::borrow::Cow<'_, str>)],
    ) -> usize {
        let mut start = phrase_words
            .first()
            .map_or(clause_start, |(at, _)| clause_start + at);
        for (at, w) in phrase_words {
            if is_preposition(w) || matches!(w.as_ref(), "said" | "says") {
                break;
            }
            start = clause_start + at;
        }
        start
    }

    /// "Wang Youming, director of X at Y, told": the person before the first comma of an
    /// aside that reaches the verb.
    fn before_aside(
        &self,
        view: &SentenceFacts<'_>,
        clause_start: usize,
        subject_end: usize,
        verb_at: usize,
    ) -> Option<(Speaker, usize)> {
        let window_start =
            floor_char_boundary(self.text, verb_at.saturating_sub(240)).max(clause_start);
        let candidates = view.inside.iter().copied().filter(|&i| {
            let m = &view.mentions[i];
            matches!(m.label, Label::Person | Label::Org)
                && m.start >= window_start
                && m.end <= subject_end
                && self.text[m.end..].trim_start().starts_with(',')
        });
        // People first: "Jose Arista, Peru's former agriculture minister, said".
        let mut best: Option<usize> = None;
        for i in candidates {
            let is_person = view.mentions[i].label == Label::Person;
            let aside = &self.text[view.mentions[i].end..verb_at];
            // The aside is one or two comma-separated phrases, no new clause.
            if aside.matches(',').count() > 5 || aside.contains(" said") || aside.contains(" says")
            {
                continue;
            }
            // Not a name inside a phrase: "In a letter to Smith, ...".
            let before = self.text[clause_start..view.mentions[i].start].trim_end();
            let after_preposition = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .is_some_and(|w| is_preposition(&w.to_lowercase()));
            if after_preposition {
                continue;
            }
            match best {
                Some(b) if view.mentions[b].label == Label::Person && !is_person => {}
                Some(b) if view.mentions[b].label == Label::Person && is_person => {}
                _ => best = Some(i),
            }
        }
        best.map(|i| (Speaker::named(view, i), view.mentions[i].start))
    }

    /// Past the addressee of "told": a name, "reporters", "him", "the BBC".
    pub fn past_addressee(&self, view: &SentenceFacts<'_>, verb_end: usize) -> usize {
        let rest = &self.text[verb_end..view.span.end];
        let trimmed = rest.trim_start();
        let mut at = verb_end + rest.len() - trimmed.len();
        if let Some(i) = view.names().find(|&i| {
            let m = &view.mentions[i];
            m.start >= at && self.text[at..m.start].split_whitespace().count() <= 1
        }) {
            return view.mentions[i].end;
        }
        for (offset, word) in super::words(trimmed).into_iter().take(3) {
            if matches!(
                word.as_ref(),
                "reporters"
                    | "journalists"
                    | "him"
                    | "her"
                    | "them"
                    | "us"
                    | "me"
                    | "lawmakers"
                    | "parliament"
                    | "news"
                    | "agency"
                    | "conference"
                    | "senators"
                    | "investors"
                    | "analysts"
                    | "supporters"
                    | "voters"
                    | "listeners"
                    | "viewers"
                    | "congress"
            ) {
                at = verb_end + (rest.len() - trimmed.len()) + offset + word.len();
            } else {
                break;
            }
        }
        at
    }

    /// The subject of a sentence, for "..., saying ...": the first person or organisation
    /// named before `at`, or a pronoun that opens the sentence.
    pub fn sentence_subject(&self, view: &SentenceFacts<'_>, at: usize) -> Option<Speaker> {
        let opening = super::words(&self.text[view.span.start..at]);
        if let Some((_, first)) = opening.first()
            && let Some(kind) = pronoun(first)
        {
            return self.pronoun_speaker(kind, view.span.start, first);
        }
        let first = self.first_named(view, view.span.start..at)?;
        // Not a name inside a phrase such as "In a letter to Smith".
        let named_at = view
            .inside
            .iter()
            .find(|&&i| Some(view.group_of[i]) == first.group)
            .map(|&i| view.mentions[i].start)?;
        let before = self.text[view.span.start..named_at]
            .trim_end()
            .to_lowercase();
        let after_preposition = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .is_some_and(is_preposition);
        (!after_preposition).then_some(first)
    }
}

/// A word that may stand before a source noun in its noun phrase: a determiner, a number,
/// a capitalised word ("U.S."), or an adjective of rank or origin.
fn is_modifier(word: &str, original: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "two"
            | "three"
            | "four"
            | "five"
            | "several"
            | "some"
            | "many"
            | "most"
            | "other"
            | "senior"
            | "top"
            | "former"
            | "local"
            | "federal"
            | "state"
            | "government"
            | "industry"
            | "military"
            | "police"
            | "company"
            | "bank"
            | "party"
            | "independent"
            | "western"
            | "foreign"
            | "security"
            | "health"
            | "defense"
            | "defence"
            | "intelligence"
            | "administration"
            | "white"
            | "house"
            | "its"
            | "their"
            | "his"
            | "her"
    ) || original.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        || word.ends_with("ian")
        || word.ends_with("ese")
        || word.ends_with("ish")
}

/// "Gov." is "the governor", "Sen." "the senator".
fn full_title(word: &str) -> &str {
    match word {
        "gov" => "governor",
        "sen" => "senator",
        "rep" => "representative",
        "pres" => "president",
        "gen" => "general",
        "prof" => "professor",
        other => other,
    }
}

/// The largest char boundary at or below `at`.
fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
