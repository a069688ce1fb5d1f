//! Facts: structured statements drawn from sentences, over the entities and figures the
//! recogniser found. Four kinds:
//!
//! - change: a quantity going from one value to another ("reduced from 45 days to 23 days");
//! - quantity: a figure about something ("at least 1 million containers");
//! - quote: speech with its speaker ("..., said Xi"; "Boluarte told Xi that ...");
//! - event: who met, visited, signed, when and where.
//!
//! Sentences with a date and nothing else give a date fact, so that every sentence with a
//! figure or a date is listed. All rules work on the sentence's words and the mentions in
//! it; none knows any article.

mod amounts;
mod attribution;
mod changes;
mod events;
mod quotes;
mod speech;

pub use amounts::{Amount, format_number, parse_quantity, spelled_quantity};

use crate::entity::{Label, Mention};
use crate::groups::Group;
use crate::text::Sentence;
use rayon::prelude::*;
use serde::Serialize;
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    Change,
    Quantity,
    Quote,
    Event,
    /// A sentence that places something in time and holds no other fact.
    Date,
}

impl FactKind {
    pub const ALL: [FactKind; 5] = [
        FactKind::Change,
        FactKind::Quantity,
        FactKind::Quote,
        FactKind::Event,
        FactKind::Date,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Change => "change",
            FactKind::Quantity => "quantity",
            FactKind::Quote => "quote",
            FactKind::Event => "event",
            FactKind::Date => "date",
        }
    }
}

/// What a fact says, by kind.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Detail {
    Change {
        /// What changes, as the sentence names it ("transportation time").
        what: Option<String>,
        from: Amount,
        to: Amount,
        /// The amount of the change: computed from its ends, or as stated ("rose 18
        /// percent", "cut 2,400 jobs").
        difference: Option<Amount>,
        percent: Option<f64>,
    },
    Quantity {
        amount: Amount,
        /// A hedge before the figure: "at least", "about", ...
        qualifier: Option<String>,
        /// The entity the figure is about (a group id).
        about: Option<usize>,
        when: Option<String>,
    },
    Quote {
        /// Byte span of what was said.
        quote_start: usize,
        quote_end: usize,
        /// The speaker's group, when the speaker is named.
        speaker: Option<usize>,
        /// The speaker as written: "Xi", "She", "Chinese experts".
        speaker_text: String,
        verb: String,
        /// In quotation marks, or reported ("said that ...").
        direct: bool,
    },
    Event {
        action: String,
        who: Vec<usize>,
        when: Vec<String>,
        places: Vec<usize>,
    },
    Date,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub kind: FactKind,
    /// The byte span of the sentence (or sentences, for a long quote).
    pub start: usize,
    pub end: usize,
    /// One normalised line, e.g. "transportation time: 45 days -> 23 days (-22 days, -48.9%)".
    pub summary: String,
    /// Mention indices of the figures and dates in the span.
    pub figures: Vec<usize>,
    pub dates: Vec<usize>,
    /// Ids of the entities involved.
    pub entities: Vec<usize>,
    pub confidence: f32,
    pub detail: Detail,
}

impl Fact {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The speaker's group of a quote.
    pub fn speaker(&self) -> Option<usize> {
        match self.detail {
            Detail::Quote { speaker, .. } => speaker,
            _ => None,
        }
    }

    /// For a quote: in quotation marks (true) or reported (false).
    pub fn direct(&self) -> Option<bool> {
        match self.detail {
            Detail::Quote { direct, .. } => Some(direct),
            _ => None,
        }
    }
}

/// The quotes of one speaker ("Dina Boluarte · 8 quotes"); `speaker` is `None` for the
/// unnamed sources together.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeakerQuotes {
    pub speaker: Option<usize>,
    pub name: String,
    /// Indices into the facts, in text order.
    pub quotes: Vec<usize>,
}

/// The document's quotes grouped by speaker: most quoted first, then by name; unnamed
/// sources last.
pub fn quotes_by_speaker(facts: &[Fact], groups: &[Group]) -> Vec<SpeakerQuotes> {
    let mut by_speaker: std::collections::BTreeMap<Option<usize>, Vec<usize>> = Default::default();
    for (i, fact) in facts.iter().enumerate() {
        if fact.kind == FactKind::Quote {
            by_speaker.entry(fact.speaker()).or_default().push(i);
        }
    }
    let mut speakers: Vec<SpeakerQuotes> = by_speaker
        .into_iter()
        .map(|(speaker, quotes)| SpeakerQuotes {
            speaker,
            name: speaker
                .and_then(|g| groups.get(g))
                .map_or_else(|| "Unnamed sources".to_string(), |g| g.name.clone()),
            quotes,
        })
        .collect();
    speakers.sort_by(|a, b| {
        a.speaker
            .is_none()
            .cmp(&b.speaker.is_none())
            .then(b.quotes.len().cmp(&a.quotes.len()))
            .then_with(|| a.name.cmp(&b.name))
    });
    speakers
}

/// What the fact finders see of one sentence.
pub(crate) struct SentenceFacts<'a> {
    pub text: &'a str,
    pub span: Range<usize>,
    pub mentions: &'a [Mention],
    /// Indices (into `mentions`) of the mentions inside the sentence.
    pub inside: Vec<usize>,
    pub group_of: &'a [usize],
    /// Each group's name, by id.
    pub group_names: &'a [String],
    /// The group of the last person mentioned before this sentence, for "he" and "she".
    pub last_person: Option<usize>,
}

impl SentenceFacts<'_> {
    pub fn sentence(&self) -> &str {
        &self.text[self.span.clone()]
    }

    pub fn with_label(&self, label: Label) -> impl Iterator<Item = usize> + '_ {
        self.inside
            .iter()
            .copied()
            .filter(move |&i| self.mentions[i].label == label)
    }

    pub fn names(&self) -> impl Iterator<Item = usize> + '_ {
        self.inside
            .iter()
            .copied()
            .filter(|&i| self.mentions[i].label.is_name())
    }

    pub fn mention_text(&self, i: usize) -> &str {
        self.mentions[i].text(self.text)
    }

    /// Entity groups of the names inside, sorted, without repeats.
    pub fn entity_groups(&self) -> Vec<usize> {
        let mut groups: Vec<usize> = self.names().map(|i| self.group_of[i]).collect();
        groups.sort_unstable();
        groups.dedup();
        groups
    }
}

/// Finds the facts of a document.
pub fn find_facts(
    text: &str,
    sentences: &[Sentence],
    mentions: &[Mention],
    groups: &[Group],
    group_of: &[usize],
) -> Vec<Fact> {
    let group_names: Vec<String> = groups.iter().map(|g| g.name.clone()).collect();
    // The mentions wholly inside each sentence (a mention never crosses one, but facts must
    // not trust that with byte slices), and the person named last before it, for "he".
    let mut views: Vec<SentenceFacts<'_>> = Vec::with_capacity(sentences.len());
    let mut m = 0;
    let mut last_person = None;
    for sentence in sentences {
        while m < mentions.len() && mentions[m].end <= sentence.start {
            m += 1;
        }
        let inside: Vec<usize> = (m..mentions.len())
            .take_while(|&i| mentions[i].start < sentence.end)
            .filter(|&i| mentions[i].start >= sentence.start && mentions[i].end <= sentence.end)
            .collect();
        let person_here = inside
            .iter()
            .rev()
            .find(|&&i| mentions[i].label == Label::Person)
            .map(|&i| group_of[i]);
        views.push(SentenceFacts {
            text,
            span: sentence.range(),
            mentions,
            inside,
            group_of,
            group_names: &group_names,
            last_person,
        });
        last_person = person_here.or(last_person);
    }
    // Sentences are independent for changes, quantities and events: find them on every
    // core. Quotes need the document around them (who spoke last, quotes over paragraphs).
    let mut facts: Vec<Fact> = views.par_iter().flat_map_iter(sentence_facts).collect();
    let regions = quotes::quoted_regions(text);
    let marks: Vec<Range<usize>> = regions.iter().map(|r| r.marks.clone()).collect();
    let resolver = attribution::Resolver::new(text, mentions, group_of, &marks);
    let quotes = quotes::find_quotes(&quotes::QuoteContext {
        views: &views,
        regions: &regions,
        resolver: &resolver,
    });
    facts.extend(quotes);
    merge_long_quotes(&mut facts);
    drop_date_facts_of_quoted_sentences(&mut facts);
    facts.sort_by_key(|f| (f.start, f.kind as u8));
    facts
}

/// A sentence with a date and nothing else is a date fact, unless a quote holds it.
fn drop_date_facts_of_quoted_sentences(facts: &mut Vec<Fact>) {
    let mut quoted: Vec<(usize, usize)> = facts
        .iter()
        .filter(|f| f.kind != FactKind::Date)
        .map(|f| (f.start, f.end))
        .collect();
    quoted.sort_unstable();
    facts.retain(|fact| {
        fact.kind != FactKind::Date || {
            let i = quoted.partition_point(|&(start, _)| start <= fact.start);
            !quoted[..i]
                .iter()
                .rev()
                .take(4)
                .any(|&(_, end)| end >= fact.end)
        }
    });
}

/// The facts one sentence states; a sentence with dates and nothing else is a date fact.
fn sentence_facts(view: &SentenceFacts<'_>) -> Vec<Fact> {
    let mut facts = changes::changes_and_quantities(view);
    facts.extend(events::event(view));
    let dates: Vec<usize> = view.with_label(Label::Date).collect();
    if facts.is_empty() && !dates.is_empty() {
        facts.push(Fact {
            kind: FactKind::Date,
            start: view.span.start,
            end: view.span.end,
            summary: dates
                .iter()
                .map(|&i| view.mention_text(i))
                .collect::<Vec<_>>()
                .join("; "),
            figures: Vec::new(),
            dates,
            entities: view.entity_groups(),
            confidence: 0.9,
            detail: Detail::Date,
        });
    }
    facts
}

/// A quote over several sentences is found once per sentence of it; keep one.
fn merge_long_quotes(facts: &mut Vec<Fact>) {
    let mut seen: rustc_hash::FxHashSet<(usize, usize)> = Default::default();
    facts.retain(|fact| match fact.detail {
        Detail::Quote {
            quote_start,
            quote_end,
            ..
        } => seen.insert((quote_start, quote_end)),
        _ => true,
    });
}

/// The lower-case words of a text with their byte offsets. Most words are lower case
/// already and are borrowed, not copied.
pub(crate) fn words(text: &str) -> Vec<(usize, std::borrow::Cow<'_, str>)> {
    fn lower(word: &str) -> std::borrow::Cow<'_, str> {
        if word.chars().any(char::is_uppercase) {
            std::borrow::Cow::Owned(word.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(word)
        }
    }
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part_of_word = c.is_alphanumeric() || c == '\'' || c == '\u{2019}';
        match (part_of_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, lower(&text[s..i])));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, lower(&text[s..])));
    }
    out
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod never_panics {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 300,
            // Failures found are kept beside this file and replayed first.
            failure_persistence: Some(Box::new(
                proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
            )),
            ..ProptestConfig::default()
        })]
        /// Whatever the text, analysis finishes and every span slices it.
        #[test]
        fn analysis_of_any_text(text in "([A-Z][a-z]{0,6}|[0-9]{1,5}|[ ,.;:\"'()\n-]|from|to|said|rose|percent|million|\u{201c}|\u{201d}|é|中){0,60}") {
            let analysis = crate::analyse(crate::Document::from_text("t", text.clone()));
            for m in &analysis.mentions {
                prop_assert!(text.get(m.start..m.end).is_some());
            }
            for f in &analysis.facts {
                prop_assert!(text.get(f.start..f.end).is_some());
            }
        }
    }
}
