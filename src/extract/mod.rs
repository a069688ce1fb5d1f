//! The extraction pipeline: dates and figures by pattern; names by rules over capitalised
//! words, whose findings are hints to the statistical tagger (`model`) that decides
//! PERSON, PLACE and ORG; projects by rule; then a document-level pass that makes the
//! names consistent.

mod consistency;
mod dates;
mod figures;
pub mod gazetteer;
mod names;

pub use consistency::{COMPANY_SUFFIXES, initials};
pub use names::is_acronym;
pub(crate) use names::is_month_or_weekday;

use crate::entity::{Label, Mention, Source};
use crate::model::Model;
use crate::model::features::{DocumentFacts, Hint};
use crate::model::tags;
use crate::text::{Sentence, Token, split_sentences, tokenize};
use consistency::Undecided;
use names::NameCandidate;
use rayon::prelude::*;
use std::ops::Range;

/// Text is tagged in blocks of about this many bytes; each finished block is reported, so
/// that a long document shows its highlights as they are found.
const BLOCK_BYTES: usize = 256 * 1024;

/// A stretch of the text whose highlights are ready, before the document-level pass
/// settles them (a few may still change kind or go).
#[derive(Clone, Debug)]
pub struct Partial {
    /// The bytes this part covers.
    pub span: Range<usize>,
    /// Its mentions, sorted, not overlapping.
    pub mentions: Vec<Mention>,
}

/// Everything extraction learns about a text.
#[derive(Clone, Debug, Default)]
pub struct Extraction {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// Sorted by start, never overlapping.
    pub mentions: Vec<Mention>,
}

/// The stages before the tagger: shared by extraction and by training, so that the model
/// sees the same tokens and hints in both.
pub struct Prepared<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// Dates and figures.
    pub numeric: Vec<Mention>,
    /// What the rules found, sentence by sentence.
    candidates: Vec<NameCandidate>,
    /// The rules' findings, token by token, as the tagger's hints.
    pub hints: Vec<Hint>,
    pub document: DocumentFacts<'t>,
}

pub fn prepare(text: &str) -> Prepared<'_> {
    let tokens = tokenize(text);
    // Independent stages side by side: sentences, dates, figures.
    let (sentences, (dates, figures)) = rayon::join(
        || split_sentences(text, &tokens),
        || rayon::join(|| dates::find_dates(text), || find_figures(text, &tokens)),
    );
    let mut numeric = dates;
    numeric.extend(figures);
    let numeric = without_overlaps(numeric);

    let blocked = blocked_tokens(&tokens, &numeric);
    let starts: Vec<usize> = sentences.iter().map(|s| s.tokens.start).collect();
    // Names sentence by sentence on every core (results stay in text order), while the
    // document-wide word facts are gathered.
    let (candidates, document) = rayon::join(
        || {
            sentences
                .par_iter()
                .flat_map_iter(|sentence| {
                    names::find_names(text, &tokens, sentence, &|i| blocked[i])
                })
                .collect::<Vec<NameCandidate>>()
        },
        || DocumentFacts::gather(text, &tokens, &starts),
    );
    let mut hints = vec![Hint::default(); tokens.len()];
    for candidate in &candidates {
        let label = match candidate.label {
            None => 1,
            Some(Label::Person) => 2,
            Some(Label::Place) => 3,
            Some(Label::Org) => 4,
            _ => 5,
        };
        let range = candidate.tokens.clone();
        for i in range.clone() {
            let position = if range.len() == 1 {
                3
            } else if i == range.start {
                0
            } else if i + 1 == range.end {
                2
            } else {
                1
            };
            hints[i] = Hint { label, position };
        }
    }
    Prepared {
        text,
        tokens,
        sentences,
        numeric,
        candidates,
        hints,
        document,
    }
}

/// Runs every stage over the text, with the shipped model when there is one.
pub fn extract(text: &str) -> Extraction {
    extract_with(text, Model::shipped())
}

/// Runs every stage, with the given tagger or, without one, with the rules alone.
pub fn extract_with(text: &str, model: Option<&Model>) -> Extraction {
    extract_progressively(text, model, &|_| {})
}

/// Runs every stage, reporting each block of text as soon as its names are tagged.
pub fn extract_progressively(
    text: &str,
    model: Option<&Model>,
    on_partial: &(dyn Fn(Partial) + Sync),
) -> Extraction {
    let prepared = prepare(text);
    let (mut candidates, undecided) = match model {
        Some(model) => {
            let mut all = Vec::new();
            for block in sentence_blocks(&prepared.sentences) {
                let found = tagged_candidates(&prepared, model, block.clone());
                let span =
                    prepared.sentences[block.start].start..prepared.sentences[block.end - 1].end;
                on_partial(partial(&prepared, span, &found));
                all.extend(found);
            }
            (all, Undecided::Drop)
        }
        None => (prepared.candidates.clone(), Undecided::GuessOrganisation),
    };
    consistency::settle(text, &mut candidates, undecided);

    let mut mentions = prepared.numeric;
    mentions.extend(candidates.into_iter().filter_map(|c| {
        c.label
            .map(|label| Mention::new(c.start..c.end, label, c.source, c.score))
    }));
    Extraction {
        tokens: prepared.tokens,
        sentences: prepared.sentences,
        mentions: without_overlaps(mentions),
    }
}

/// Figures, found in stretches of tokens cut at line breaks (which no figure crosses), on
/// every core.
fn find_figures(text: &str, tokens: &[Token]) -> Vec<Mention> {
    const STRETCH: usize = 64 * 1024;
    let mut stretches = Vec::new();
    let mut start = 0;
    for (i, token) in tokens.iter().enumerate() {
        if i - start >= STRETCH && token.newline_before {
            stretches.push(start..i);
            start = i;
        }
    }
    stretches.push(start..tokens.len());
    stretches
        .into_par_iter()
        .flat_map_iter(|stretch| figures::find_figures(text, &tokens[stretch]))
        .collect()
}

/// Consecutive sentences in blocks of about `BLOCK_BYTES`, as ranges of sentence indices.
fn sentence_blocks(sentences: &[Sentence]) -> Vec<Range<usize>> {
    let mut blocks = Vec::new();
    let mut first = 0;
    for (i, sentence) in sentences.iter().enumerate() {
        if sentence.end - sentences[first].start >= BLOCK_BYTES || i + 1 == sentences.len() {
            blocks.push(first..i + 1);
            first = i + 1;
        }
    }
    blocks
}

/// What a block shows before the document-level pass: its figures and dates, and the
/// names the tagger gave a kind.
fn partial(prepared: &Prepared<'_>, span: Range<usize>, found: &[NameCandidate]) -> Partial {
    let numeric = &prepared.numeric;
    let from = numeric.partition_point(|m| m.start < span.start);
    let to = numeric.partition_point(|m| m.start < span.end);
    let mut mentions = numeric[from..to].to_vec();
    mentions.extend(found.iter().filter_map(|c| {
        c.label
            .map(|label| Mention::new(c.start..c.end, label, c.source, c.score))
    }));
    Partial {
        span,
        mentions: without_overlaps(mentions),
    }
}

/// The tagger's names in a block of sentences, plus the projects the rules found there
/// (the tagger knows no projects). Sentences are tagged on every core.
fn tagged_candidates(
    prepared: &Prepared<'_>,
    model: &Model,
    block: Range<usize>,
) -> Vec<NameCandidate> {
    let tagged: Vec<Vec<NameCandidate>> = prepared.sentences[block.clone()]
        .par_iter()
        .map(|sentence| tag_sentence(prepared, model, sentence))
        .collect();
    let mut found: Vec<NameCandidate> = tagged.into_iter().flatten().collect();
    // The rules' candidates in this block (they come sorted by start).
    let span_start = prepared.sentences[block.start].start;
    let span_end = prepared.sentences[block.end - 1].end;
    let rules = &prepared.candidates;
    let rules = &rules[rules.partition_point(|c| c.start < span_start)
        ..rules.partition_point(|c| c.start < span_end)];
    // Rules win where they know more than the training data: projects (which CoNLL does
    // not label) and names whose structure settles them ("Council on Foreign Relations",
    // "President X").
    let overriding: Vec<&NameCandidate> = rules
        .iter()
        .filter(|c| {
            c.label == Some(Label::Project)
                || (c.label == Some(Label::Org)
                    && c.source == Source::Rule
                    && c.score >= 0.85
                    && joins_words(prepared, c))
        })
        .collect();
    let overriding: Vec<NameCandidate> = overriding.into_iter().cloned().collect();
    found.retain(|c| !overlaps_any(c, &overriding));
    found.extend(overriding);
    found.sort_by_key(|c| c.start);
    // Places in the word lists that the tagger passed over ("China-Peru": CoNLL keeps
    // hyphenated words whole, so the tagger rarely sees a place inside one).
    let listed: Vec<NameCandidate> = rules
        .iter()
        .filter(|c| c.label == Some(Label::Place) && c.source == Source::Gazetteer)
        .filter(|c| !overlaps_any(c, &found))
        .cloned()
        .collect();
    found.extend(listed);
    found.sort_by_key(|c| c.start);
    // Names the tagger passed over stay as undecided candidates: the document may settle
    // them ("Tesla" where "Tesla Inc" is named, "Boluarte" where "Dina Boluarte" is).
    let passed_over: Vec<NameCandidate> = rules
        .iter()
        .filter(|c| !overlaps_any(c, &found))
        .map(|c| NameCandidate {
            label: None,
            ..c.clone()
        })
        .collect();
    found.extend(passed_over);
    found.sort_by_key(|c| c.start);
    found
}

/// The names the tagger finds in one sentence.
fn tag_sentence(prepared: &Prepared<'_>, model: &Model, sentence: &Sentence) -> Vec<NameCandidate> {
    let features =
        crate::model::train::features_for_tagging(prepared, sentence.tokens.clone(), model.buckets);
    if features.features.is_empty() {
        return Vec::new();
    }
    let (tags_found, margins) = model.decode(&features);
    tags::decode(&tags_found)
        .into_iter()
        .map(|(first, last, kind)| {
            let margin = margins[first..=last]
                .iter()
                .copied()
                .fold(f32::INFINITY, f32::min);
            let (a, b) = (sentence.tokens.start + first, sentence.tokens.start + last);
            NameCandidate {
                start: prepared.tokens[a].start,
                end: prepared.tokens[b].end,
                tokens: a..b + 1,
                label: Some(tags::KINDS[kind]),
                source: Source::Model,
                score: (1.0 / (1.0 + (-margin / 2.0).exp())).clamp(0.5, 0.99),
                sentence_initial: first == 0,
                names_a_site: false,
            }
        })
        .collect()
}

/// A name whose words are joined by "of", "on", "for" or "and" ("Council on Foreign
/// Relations"): the tagger tends to cut such names short.
fn joins_words(prepared: &Prepared<'_>, candidate: &NameCandidate) -> bool {
    prepared.tokens[candidate.tokens.clone()]
        .iter()
        .any(|t| matches!(t.text(prepared.text), "of" | "on" | "for" | "and"))
}

/// Does the candidate overlap any of `sorted` (ordered by start, not overlapping each other)?
fn overlaps_any(candidate: &NameCandidate, sorted: &[NameCandidate]) -> bool {
    let after = sorted.partition_point(|c| c.start < candidate.end);
    after > 0 && sorted[after - 1].end > candidate.start
}

/// Marks the tokens covered by a mention.
fn blocked_tokens(tokens: &[Token], mentions: &[Mention]) -> Vec<bool> {
    let mut blocked = vec![false; tokens.len()];
    let mut m = 0;
    for (i, token) in tokens.iter().enumerate() {
        while m < mentions.len() && mentions[m].end <= token.start {
            m += 1;
        }
        blocked[i] = m < mentions.len() && mentions[m].start < token.end;
    }
    blocked
}

/// Sorts mentions and drops any that overlaps an earlier, longer one.
fn without_overlaps(mut mentions: Vec<Mention>) -> Vec<Mention> {
    mentions.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    for mention in mentions {
        match kept.last() {
            Some(last) if mention.start < last.end => {
                let longer = mention.end - mention.start > last.end - last.start;
                if longer && mention.start == last.start {
                    kept.pop();
                    kept.push(mention);
                }
            }
            _ => kept.push(mention),
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::Label;

    fn labelled(text: &str) -> Vec<(String, Label)> {
        extract(text)
            .mentions
            .iter()
            .map(|m| (m.text(text).to_string(), m.label))
            .collect()
    }

    #[test]
    fn mentions_are_sorted_and_disjoint() {
        let text = "Xi Jinping met Dina Boluarte on Friday in Beijing. Boluarte said trade rose 5% in 2023.";
        let mentions = extract(text).mentions;
        for pair in mentions.windows(2) {
            assert!(pair[0].end <= pair[1].start);
        }
    }

    #[test]
    fn a_surname_alone_is_the_person_named_in_full_elsewhere() {
        let found = labelled("Boluarte arrived. President Dina Boluarte spoke. Boluarte left.");
        let people = found.iter().filter(|(_, l)| *l == Label::Person).count();
        assert_eq!(people, 3, "{found:?}");
    }

    #[test]
    fn an_acronym_takes_the_kind_of_its_expansion() {
        let found = labelled("The Belt and Road Initiative (BRI) grew. The BRI is large.");
        assert!(
            found.contains(&("BRI".to_string(), Label::Project)),
            "{found:?}"
        );
    }
}
