//! Quotes: what someone said, with the speaker resolved to a person or organisation.
//!
//! Two passes over the document, in text order:
//! - direct quotes: the spans between quotation marks (over sentences, and over paragraphs
//!   when the next paragraph opens with a mark), attributed by what follows them (","
//!   she said with a smile"), what comes before ("Smith told reporters: "), or, alone in
//!   their paragraph, by the speaker of the quote just before;
//! - reported speech: a verb of speaking with its subject on either side ("Smith said on
//!   Monday that ...", "..., officials said.", "..., said Smith, an analyst"), "according
//!   to X", and "..., saying ..." after a named subject.
//!
//! Speakers are resolved by `attribution`: names, pronouns, "the company", "the minister",
//! and unnamed sources ("officials"). Fragments in quotation marks inside a sentence
//! ("called it "a disaster"") are not quotes of their own.

use super::attribution::{Resolver, Speaker};
use super::speech::{
    Pronoun, is_adverbial, is_preposition, is_speech_verb, is_unreal_marker, is_verb_modifier,
    needs_clause, takes_addressee,
};
use super::{Detail, Fact, FactKind, SentenceFacts, words};
use crate::entity::Label;
use std::borrow::Cow;
use std::ops::Range;

/// A span of text between quotation marks: `marks` includes them, `inner` does not.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Quoted {
    pub marks: Range<usize>,
    pub inner: Range<usize>,
}

const OPENING: [char; 2] = ['\u{201c}', '"'];

/// Spans between quotation marks (curly or straight), over the whole text. A paragraph
/// break ends an open quotation unless the next paragraph opens with a mark (a quote that
/// runs over paragraphs), or unless nothing has been quoted yet (a mark left at the end of
/// a line, as in tokenised text).
pub(super) fn quoted_regions(text: &str) -> Vec<Quoted> {
    let mut regions = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '\u{201c}' if open.is_none() => open = Some(i),
            // An opening mark while open: a new paragraph of the same quote, or a stray one.
            '\u{201c}' => {}
            '\u{201d}' => {
                if let Some(start) = open.take() {
                    regions.push(region(text, start, i + c.len_utf8()));
                }
            }
            '"' => match open {
                Some(start) if !continues_paragraph(text, i) => {
                    open = None;
                    regions.push(region(text, start, i + 1));
                }
                Some(_) => {}
                None => open = Some(i),
            },
            '\n' => {
                if let Some(start) = open {
                    let quoted_so_far = text[start..i].trim_start_matches(OPENING).trim();
                    let next_opens = text[i..]
                        .trim_start()
                        .starts_with(|c: char| OPENING.contains(&c));
                    if !quoted_so_far.is_empty() && !next_opens {
                        open = None;
                    }
                }
            }
            _ => {}
        }
    }
    regions
}

/// A straight mark that starts a line while a quotation is open continues it.
fn continues_paragraph(text: &str, at: usize) -> bool {
    text[..at].trim_end_matches([' ', '\t']).ends_with('\n')
}

fn region(text: &str, start: usize, end: usize) -> Quoted {
    let open_len = text[start..].chars().next().map_or(1, char::len_utf8);
    let close_len = text[..end].chars().next_back().map_or(1, char::len_utf8);
    let mut inner = start + open_len..end - close_len;
    // Tokenised text puts spaces inside the marks: " The main purpose ... , ".
    let body = &text[inner.clone()];
    inner.start += body.len() - body.trim_start().len();
    let body = &text[inner.clone()];
    inner.end -= body.len() - body.trim_end().len();
    if inner.end < inner.start {
        inner.end = inner.start;
    }
    Quoted {
        marks: start..end,
        inner,
    }
}

/// Everything the quote finders need: the sentences' views, the quotation marks, and
/// the speaker resolver.
pub(super) struct QuoteContext<'a, 'v> {
    pub views: &'v [SentenceFacts<'a>],
    pub regions: &'v [Quoted],
    pub resolver: &'v Resolver<'a>,
}

/// All quotes of a document, in text order.
pub(super) fn find_quotes(context: &QuoteContext<'_, '_>) -> Vec<Fact> {
    let mut quotes = Vec::new();
    // Speech verbs already used to attribute a direct quote, by byte offset.
    let mut used_verbs: Vec<usize> = Vec::new();
    let mut previous: Option<(Speaker, usize)> = None;
    for region in context.regions {
        if let Some(found) = direct_quote(context, region, previous.as_ref()) {
            if let Some(verb_at) = found.verb_at {
                used_verbs.push(verb_at);
            }
            previous = Some((found.speaker.clone(), region.marks.end));
            quotes.push(found);
        }
    }
    used_verbs.sort_unstable();
    for view in context.views {
        quotes.extend(reported_speech(context, view, &used_verbs));
    }
    quotes.sort_by_key(|found| found.content.start);
    carry_speakers(context, &mut quotes);
    quotes
        .into_iter()
        .map(|found| found.into_fact(context))
        .collect()
}

/// In text order: a quotation alone takes the speaker of the quote just before (in its
/// paragraph or the one before), and "he said" or "it said" soon after a quote of a person
/// (or an organisation) is that speaker again.
fn carry_speakers(context: &QuoteContext<'_, '_>, quotes: &mut [Found]) {
    let text = context.resolver.text;
    let mut last: Option<(Speaker, usize)> = None;
    for found in quotes.iter_mut() {
        if let Some((speaker, end)) = &last {
            let near = *end <= found.content.start
                && paragraph_breaks_between(text, *end, found.content.start) <= 1;
            let same_kind = |pronoun: Pronoun| {
                speaker
                    .group
                    .is_some_and(|g| context.resolver.is_person(g) == (pronoun == Pronoun::Person))
            };
            match found.speaker.pronoun {
                _ if found.inherits && near => found.speaker = speaker.clone(),
                Some(pronoun @ (Pronoun::Person | Pronoun::Organisation))
                    if near && same_kind(pronoun) =>
                {
                    found.speaker.group = speaker.group;
                }
                _ => {}
            }
        }
        last = Some((found.speaker.clone(), found.content.end));
    }
}

/// A quote found, before it becomes a fact.
struct Found {
    content: Range<usize>,
    speaker: Speaker,
    verb: String,
    verb_at: Option<usize>,
    direct: bool,
    /// Found with no attribution of its own: the speaker is the one quoted just before.
    inherits: bool,
}

impl Found {
    fn into_fact(self, context: &QuoteContext<'_, '_>) -> Fact {
        let views = context.views;
        // The sentences the quote and its attribution lie in.
        let first = views.partition_point(|v| v.span.end <= self.content.start);
        let last_point = self
            .verb_at
            .unwrap_or(self.content.end)
            .max(self.content.end);
        let last = views
            .partition_point(|v| v.span.start < last_point)
            .max(first + 1)
            .min(views.len());
        let (start, end) = match (views.get(first), views.get(last.saturating_sub(1))) {
            (Some(a), Some(b)) => (
                a.span.start.min(self.content.start),
                b.span.end.max(self.content.end),
            ),
            _ => (self.content.start, self.content.end),
        };
        let text = views.first().map_or("", |v| v.text);
        let quoted = text[self.content.clone()]
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
        let group_names = views.first().map_or(&[][..], |v| v.group_names);
        let who = match self.speaker.group {
            Some(group) => group_names[group].clone(),
            None => format!("{} (unnamed)", self.speaker.text),
        };
        let mut entities = Vec::new();
        let mut figures = Vec::new();
        let mut dates = Vec::new();
        for view in &views[first.min(views.len())..last] {
            entities.extend(view.entity_groups());
            figures.extend(view.with_label(Label::Figure));
            dates.extend(view.with_label(Label::Date));
        }
        entities.extend(self.speaker.group);
        entities.sort_unstable();
        entities.dedup();
        Fact {
            kind: FactKind::Quote,
            start,
            end,
            summary: format!("{who}: \u{201c}{short}\u{201d}"),
            figures,
            dates,
            entities,
            confidence: if self.speaker.group.is_some() {
                0.8
            } else {
                0.6
            },
            detail: Detail::Quote {
                quote_start: self.content.start,
                quote_end: self.content.end,
                speaker: self.speaker.group,
                speaker_text: self.speaker.text,
                verb: self.verb,
                direct: self.direct,
            },
        }
    }
}

/// The sentence view holding a byte offset.
fn view_at<'v, 'a>(views: &'v [SentenceFacts<'a>], at: usize) -> Option<&'v SentenceFacts<'a>> {
    let i = views.partition_point(|v| v.span.end <= at);
    views.get(i).filter(|v| v.span.start <= at)
}

/// Lower-case words of a byte range of the text, with absolute offsets.
fn words_in(text: &str, range: Range<usize>) -> Vec<(usize, Cow<'_, str>)> {
    let base = range.start;
    words(&text[range])
        .into_iter()
        .map(|(offset, word)| (base + offset, word))
        .collect()
}

/// A direct quote: the region, its speaker and the verb that attributes it.
fn direct_quote(
    context: &QuoteContext<'_, '_>,
    region: &Quoted,
    previous: Option<&(Speaker, usize)>,
) -> Option<Found> {
    let text = context.resolver.text;
    let inner = &text[region.inner.clone()];
    if inner.split_whitespace().count() < 3 {
        return None;
    }
    let view = view_at(context.views, region.marks.start)?;
    // What comes before the opening mark in its sentence, after any earlier quotation.
    // Regions are sorted and disjoint: the one before this is the latest that ends first.
    let before = context
        .regions
        .partition_point(|r| r.marks.end <= region.marks.start);
    let earlier_close = before
        .checked_sub(1)
        .map(|i| context.regions[i].marks.end)
        .filter(|&end| end > view.span.start);
    let lead_start = earlier_close.unwrap_or(view.span.start);
    let lead = text[lead_start..region.marks.start].trim();

    let found = |speaker: Speaker, verb: String, verb_at: Option<usize>| Found {
        content: region.inner.clone(),
        speaker,
        verb,
        verb_at,
        direct: true,
        inherits: verb_at.is_none(),
    };
    if let Some((speaker, verb, at)) = tail_attribution(context, region) {
        if lead.is_empty() || introduces_quote(lead) || earlier_close.is_some() {
            return Some(found(speaker, verb, Some(at)));
        }
        // "The deal was "a landmark," he said": a fragment of reported speech.
        return None;
    }
    if !lead.is_empty() {
        if !introduces_quote(lead) {
            return None;
        }
        if let Some((speaker, verb, at)) = lead_attribution(context, view, lead_start, region) {
            return Some(found(speaker, verb, Some(at)));
        }
        // "Smith was blunt: "...": the subject before the colon.
        if lead.ends_with(':') {
            let speaker = context
                .resolver
                .first_named(view, lead_start..region.marks.start)?;
            let mut quote = found(speaker, String::new(), None);
            quote.inherits = false;
            return Some(quote);
        }
        return None;
    }
    // A quotation alone: the speaker of the quote just before, when it is in this or the
    // previous paragraph, else the person named last in the sentence before.
    if let Some((speaker, end)) = previous
        && paragraph_breaks_between(text, *end, region.marks.start) <= 1
    {
        return Some(found(speaker.clone(), String::new(), None));
    }
    let before = context
        .views
        .partition_point(|v| v.span.end <= region.marks.start);
    let sentence_before = context.views.get(before.checked_sub(1)?)?;
    let person = sentence_before.with_label(Label::Person).last()?;
    Some(found(
        Speaker::named(sentence_before, person),
        String::new(),
        None,
    ))
}

/// Paragraph breaks (a line break, with or without a blank line) between two offsets.
fn paragraph_breaks_between(text: &str, from: usize, to: usize) -> usize {
    let between = &text[from..to.max(from)];
    between
        .split('\n')
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .count()
}

/// Text before a quotation that hands over to it: "Smith said:", "..., she added,",
/// "Smith told reporters that".
fn introduces_quote(lead: &str) -> bool {
    if lead.ends_with([':', ',', '\u{2014}', '-']) {
        return true;
    }
    let last = lead
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    is_speech_verb(&last) || last == "that"
}

/// ", she said with a smile." / ", said Smith." / " Smith told reporters." after the closing
/// mark, within the sentence that holds it.
fn tail_attribution(
    context: &QuoteContext<'_, '_>,
    region: &Quoted,
) -> Option<(Speaker, String, usize)> {
    let text = context.resolver.text;
    let view = view_at(context.views, region.marks.end.saturating_sub(1))?;
    let after = context
        .regions
        .partition_point(|r| r.marks.start < region.marks.end);
    let next_open = context
        .regions
        .get(after)
        .map_or(usize::MAX, |r| r.marks.start);
    let end = view.span.end.min(next_open);
    let tail = text.get(region.marks.end..end)?;
    let trimmed = tail.trim_start();
    let inner = text[region.inner.clone()].trim_end();
    let handed_over = trimmed.starts_with([',', '\u{2014}', '-'])
        || inner.ends_with([',', '!', '?', '-', '\u{2014}'])
        || text[..region.marks.end]
            .trim_end()
            .ends_with([',', '!', '?']);
    if !handed_over {
        return None;
    }
    let tail_start = region.marks.end;
    let tail_words = words_in(text, tail_start..end);
    let (index, (verb_at, verb)) = tail_words
        .iter()
        .enumerate()
        .take(25)
        .find(|(_, (_, w))| is_speech_verb(w))?;
    if unreal_before(&tail_words[..index]) {
        return None;
    }
    let verb_end = verb_at + verb.len();
    let speaker = if index == 0 || tail_words[..index].iter().all(|(_, w)| is_verb_modifier(w)) {
        // ", said Smith, an analyst at ...": the speaker follows.
        context.resolver.speaker_after(view, verb_end, end)?
    } else {
        context
            .resolver
            .subject_ending_at(view, tail_start, *verb_at)?
            .0
    };
    Some((speaker, verb.to_string(), *verb_at))
}

/// "Smith said:", "In a statement, the company said,", "Smith told reporters that".
fn lead_attribution(
    context: &QuoteContext<'_, '_>,
    view: &SentenceFacts<'_>,
    lead_start: usize,
    region: &Quoted,
) -> Option<(Speaker, String, usize)> {
    let text = context.resolver.text;
    let lead_words = words_in(text, lead_start..region.marks.start);
    // "..., saying, "...": the sentence's subject goes on speaking.
    if let Some((at, word)) = lead_words.last()
        && matches!(word.as_ref(), "saying" | "adding")
    {
        let speaker = context.resolver.sentence_subject(view, *at)?;
        return Some((speaker, word.to_string(), *at));
    }
    let (index, (verb_at, verb)) = lead_words
        .iter()
        .enumerate()
        .rev()
        .find(|(_, (_, w))| is_speech_verb(w))?;
    if unreal_before(&lead_words[..index]) {
        return None;
    }
    // "Said Smith: "..."".
    if index == 0 {
        let speaker =
            context
                .resolver
                .speaker_after(view, verb_at + verb.len(), region.marks.start)?;
        return Some((speaker, verb.to_string(), *verb_at));
    }
    let (speaker, _) = context
        .resolver
        .subject_ending_at(view, lead_start, *verb_at)?;
    Some((speaker, verb.to_string(), *verb_at))
}

/// Whether the words before a speech verb make it unsaid: "will say", "declined to say",
/// "is said to", "did not say". Words such as "also" and "has" may come between.
fn unreal_before(before: &[(usize, Cow<'_, str>)]) -> bool {
    before
        .iter()
        .rev()
        .find(|(_, w)| !is_verb_modifier(w) || w == "has" || w == "have" || w == "had")
        .is_some_and(|(_, w)| is_unreal_marker(w))
}

/// Reported speech in one sentence: quotes not in quotation marks.
fn reported_speech(
    context: &QuoteContext<'_, '_>,
    view: &SentenceFacts<'_>,
    used_verbs: &[usize],
) -> Vec<Found> {
    let text = view.text;
    let span = view.span.clone();
    let lower = words_in(text, span.clone());
    let inside_region = |at: usize| {
        let i = context.regions.partition_point(|r| r.marks.end <= at);
        context
            .regions
            .get(i)
            .is_some_and(|r| r.marks.start <= at && at < r.marks.end)
    };
    let mut found = Vec::new();
    let mut covered_until = span.start;
    for (index, (at, word)) in lower.iter().enumerate() {
        let at = *at;
        if at < covered_until || inside_region(at) || used_verbs.binary_search(&at).is_ok() {
            continue;
        }
        let quote = if word == "according" {
            according_to(context, view, &lower, index)
        } else if word == "saying" || word == "adding" {
            continuing_clause(context, view, &lower, index, found.last())
        } else if is_speech_verb(word) && !unreal_before(&lower[..index]) {
            let mut quotes = speech_verb(context, view, &lower, index);
            // The second half of "The plan, officials said, was ...".
            if quotes.len() == 2 {
                found.extend(quotes.pop());
            }
            quotes.pop()
        } else {
            None
        };
        if let Some(quote) = quote {
            // A quote that is already a direct quotation is not found twice.
            let inner = &text[quote.content.clone()];
            if inner.split_whitespace().count() < 3 || wholly_quoted(context, &quote.content) {
                continue;
            }
            covered_until = covered_until.max(at + word.len());
            // "..., she said, adding that ...": the first quote ends before "adding".
            if let Some(last) = found.last_mut()
                && quote.content.start > last.content.start
                && last.content.end > at
                && (word == "adding" || word == "saying")
            {
                last.content.end = text[..at]
                    .trim_end()
                    .trim_end_matches(',')
                    .len()
                    .max(last.content.start);
            }
            found.push(quote);
        }
    }
    found
}

/// A range that is (almost) all one quotation already found as a direct quote.
fn wholly_quoted(context: &QuoteContext<'_, '_>, content: &Range<usize>) -> bool {
    let text = context.resolver.text;
    let i = context
        .regions
        .partition_point(|r| r.marks.end <= content.start);
    context.regions[i..]
        .iter()
        .take_while(|r| r.marks.start < content.end)
        .any(|r| {
            let outside = text[content.start..r.marks.start.max(content.start)]
                .trim()
                .len()
                + text[r.marks.end.min(content.end)..content.end].trim().len();
            outside <= 3
        })
}

/// "Smith said (on Monday) (that) ...", "..., Smith said.", "..., said Smith.", "The plan,
/// officials said, was ..." (two quotes: before and after the attribution).
fn speech_verb(
    context: &QuoteContext<'_, '_>,
    view: &SentenceFacts<'_>,
    lower: &[(usize, Cow<'_, str>)],
    index: usize,
) -> Vec<Found> {
    let text = view.text;
    let span = view.span.clone();
    let (verb_at, verb) = &lower[index];
    let verb_at = *verb_at;
    let verb_end = verb_at + verb.len();
    let before_verb = text[span.start..verb_at].trim_end();
    let resolver = context.resolver;
    let found = |content: Range<usize>, speaker: Speaker| Found {
        content,
        speaker,
        verb: verb.to_string(),
        verb_at: Some(verb_at),
        direct: false,
        inherits: false,
    };
    let rest = &lower[index + 1..];
    let after_verb = text[verb_end..span.end].trim_start();
    // Words from the verb to the next comma: a trailing attribution has few ("said on
    // Friday, adding ...").
    let words_to_comma = after_verb
        .split([',', ';'])
        .next()
        .map_or(0, |clause| clause.split_whitespace().count());
    let that_follows = rest.iter().take(10).any(|(_, w)| w == "that");
    let hands_over = rest.first().is_some_and(|(_, w)| w == "that")
        || after_verb.starts_with([':', '"', '\u{201c}']);

    // ", said Smith": the speaker follows a verb that follows a comma, and the sentence
    // soon ends or pauses.
    if before_verb.ends_with([',', '\u{201d}', '"'])
        && !takes_addressee(verb)
        && !hands_over
        && (words_to_comma <= 8 || after_verb.split_whitespace().count() <= 10)
    {
        let cut = before_verb.trim_end_matches(['\u{201d}', '"']).trim_end();
        let cut = span.start + cut.trim_end_matches(',').len();
        let start = clause_start(text, span.start, cut);
        if let Some(speaker) = resolver.speaker_after(view, verb_end, span.end)
            && !introductory(&text[start..cut])
        {
            return vec![found(start..cut, speaker)];
        }
    }
    let Some((speaker, subject_start)) = resolver.subject_ending_at(view, span.start, verb_at)
    else {
        return Vec::new();
    };
    let before_subject = text[span.start..subject_start].trim_end();
    // "..., Ukrainian President Ann Lee said": titles may sit between the comma and the name.
    let comma_before_subject = before_subject.rfind(',').filter(|&comma| {
        let between = &before_subject[comma + 1..];
        between.split_whitespace().count() <= 4
            && !between.split_whitespace().any(|w| {
                let w = w.to_lowercase();
                is_speech_verb(&w) || is_preposition(&w) || w == "that"
            })
    });
    if let Some(comma) = comma_before_subject
        && !that_follows
        && !introductory(&before_subject[..comma])
    {
        let cut = span.start + comma;
        let start = clause_start(text, span.start, cut);
        // "The plan, officials said, was ...": the attribution sits inside the sentence.
        if after_verb.starts_with(',') && after_verb.split_whitespace().count() > 3 {
            let resume = span.end - after_verb.len() + 1;
            let resume =
                resume + text[resume..span.end].len() - text[resume..span.end].trim_start().len();
            let end = trailing_attribution_start(text, resume, span.end);
            let mut quotes = vec![found(start..cut, speaker.clone())];
            if end > resume {
                quotes.push(found(resume..end, speaker));
            }
            return quotes;
        }
        if words_to_comma <= 8 {
            return vec![found(start..cut, speaker)];
        }
    }
    // A verb inside a relative clause ("the law that Smith says is ...", "which officials
    // say killed") attributes nothing.
    let joined_by = before_subject
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(2)
        .any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "that"
                    | "which"
                    | "who"
                    | "whom"
                    | "whose"
                    | "where"
                    | "what"
                    | "how"
                    | "why"
                    | "than"
            )
        });
    if joined_by || (needs_clause(verb) && !hands_over) {
        return Vec::new();
    }
    // "Smith said (on Monday) (that) ...", "Smith told reporters that ...".
    let mut content_start = verb_end;
    let that = rest
        .iter()
        .take(8)
        .take_while(|(at, w)| w == "that" || is_adverbial(w) || starts_upper(text, *at))
        .find(|(_, w)| w == "that");
    if let Some((that_at, that)) = that {
        content_start = that_at + that.len();
    } else if takes_addressee(verb) {
        content_start = resolver.past_addressee(view, verb_end);
    }
    let content_start = content_start + text[content_start..span.end].len()
        - text[content_start..span.end]
            .trim_start_matches([' ', ',', ':'])
            .len();
    let end = trailing_attribution_start(text, content_start, span.end);
    if end > content_start {
        vec![found(content_start..end, speaker)]
    } else {
        Vec::new()
    }
}

/// A capitalised word at a byte offset: a name or a day between a verb and its "that".
fn starts_upper(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_uppercase)
}

/// "In a press conference", "On Tuesday": a short phrase that opens a sentence is not
/// what anyone said.
fn introductory(clause: &str) -> bool {
    let words: Vec<String> = words(clause)
        .into_iter()
        .map(|(_, w)| w.into_owned())
        .collect();
    words.len() <= 8
        && words
            .first()
            .is_some_and(|w| is_preposition(w) || matches!(w.as_str(), "speaking" | "asked"))
}

/// Where the clause that ends at `cut` starts: after a sentence-initial connective.
fn clause_start(text: &str, sentence_start: usize, cut: usize) -> usize {
    let clause = &text[sentence_start..cut];
    let trimmed = clause.trim_start_matches(['"', '\u{201c}', ' ', '\u{2014}']);
    sentence_start + clause.len() - trimmed.len()
}

/// The end of reported content, before a trailing ", according to ..." or "—".
fn trailing_attribution_start(text: &str, start: usize, end: usize) -> usize {
    let content = &text[start..end];
    let cut = content.find(", according to").unwrap_or(content.len());
    start + content[..cut].trim_end_matches(['.', ' ']).len()
}

/// "according to X": "According to Smith, ..." and "..., according to the ministry."
fn according_to(
    context: &QuoteContext<'_, '_>,
    view: &SentenceFacts<'_>,
    lower: &[(usize, Cow<'_, str>)],
    index: usize,
) -> Option<Found> {
    let text = view.text;
    let span = view.span.clone();
    let (at, word) = &lower[index];
    let (to_at, to) = lower.get(index + 1).filter(|(_, w)| w == "to")?;
    let source_start = to_at + to.len();
    let source_end = text[source_start..span.end]
        .find([',', ';', '.'])
        .map_or(span.end, |p| source_start + p);
    let speaker = context
        .resolver
        .source(view, source_start..source_end)
        .unwrap_or_else(|| Speaker::unnamed(text[source_start..source_end].trim()));
    let before = text[span.start..*at].trim_end();
    let content = if before
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split_whitespace()
        .count()
        <= 1
    {
        // "According to Smith, the plan ..." (after "But" or "And" too).
        let start = (source_end + 1).min(span.end);
        start..span.end
    } else if before.ends_with(',') {
        span.start..span.start + before.len() - 1
    } else {
        span.start..span.end
    };
    Some(Found {
        content,
        speaker,
        verb: format!("{word} to"),
        verb_at: Some(*at),
        direct: false,
        inherits: false,
    })
}

/// "Smith criticised the plan, saying it would fail" and "..., she said, adding that ...":
/// the sentence's subject, or the speaker just found, goes on speaking.
fn continuing_clause(
    context: &QuoteContext<'_, '_>,
    view: &SentenceFacts<'_>,
    lower: &[(usize, Cow<'_, str>)],
    index: usize,
    last: Option<&Found>,
) -> Option<Found> {
    let text = view.text;
    let (at, word) = &lower[index];
    if !text[view.span.start..*at].trim_end().ends_with(',') {
        return None;
    }
    let speaker = match last {
        Some(last) => last.speaker.clone(),
        None => context.resolver.sentence_subject(view, *at)?,
    };
    let mut start = at + word.len();
    if let Some((that_at, that)) = lower.get(index + 1).filter(|(_, w)| w == "that") {
        start = that_at + that.len();
    }
    let start = start + text[start..view.span.end].len()
        - text[start..view.span.end]
            .trim_start_matches([' ', ',', ':'])
            .len();
    let end = trailing_attribution_start(text, start, view.span.end);
    (end > start).then(|| Found {
        content: start..end,
        speaker,
        verb: word.to_string(),
        verb_at: Some(*at),
        direct: false,
        inherits: false,
    })
}
