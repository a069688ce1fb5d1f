//! The extraction pipeline, stage by stage. Each stage adds spans and records which stage
//! made them (`Source`):
//!
//! 1. `text`: tokens and sentences, as byte ranges.
//! 2. `extract::dates`, `extract::figures`: dates and figures by pattern (rule).
//! 3. `extract::names`: names from runs of capitalised words by general rules and word
//!    lists (rule, gazetteer); their findings become hints to the tagger.
//! 4. Document word facts: how each word is written elsewhere in the document and the
//!    words around its occurrences (`model::features::DocumentFacts`).
//! 5. The tagger's first pass: PERSON, PLACE and ORG, sentence by sentence (model).
//! 6. The tagger's second pass: the same, seeing how the first pass tagged each word's
//!    other occurrences in the document (model; `model::history`).
//! 7. Rules that know more than the training data: projects, organisation names joined by
//!    "of" / "on" / "for", listed places the tagger passed over (rule, gazetteer).
//! 8. `extract::consistency`: one name, one kind across the document (document).
//!
//! Training (`crate::training`) runs stages 1 to 6 the same way, so the tagger learns from
//! exactly what it sees here.

use crate::entity::{Label, Mention, Source};
use crate::extract::{
    NameCandidate, Undecided, blocked_tokens, find_dates, find_figures, find_names, settle,
    without_overlaps,
};
use crate::lexicon::{gazetteer, word_classes};
use crate::model::features::{
    DocumentFacts, FirstPass, Hint, SentenceFeatures, SentenceView, sentence_features,
    sentence_features_for_tagging,
};
use crate::model::history::PredictionHistory;
use crate::model::tags::{self, Tag};
use crate::model::{Model, Tagger};
use crate::text::{Sentence, Token, split_sentences, tokenize};
use rayon::prelude::*;
use std::ops::Range;

/// Text is tagged in blocks of about this many bytes; each finished block is reported, so
/// that a long document shows its highlights as they are found.
const BLOCK_BYTES: usize = 256 * 1024;

/// A stretch of the text whose highlights are ready, before the document-level passes
/// settle them (a few may still change kind or go).
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

/// Stages 1 to 4, before the tagger: shared by extraction and by training, so that the
/// model sees the same tokens and hints in both.
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
        || rayon::join(|| find_dates(text), || find_figures(text, &tokens)),
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
                .flat_map_iter(|sentence| find_names(text, &tokens, sentence, &|i| blocked[i]))
                .collect::<Vec<NameCandidate>>()
        },
        || DocumentFacts::gather(text, &tokens, &starts, gazetteer(), word_classes()),
    );
    let hints = hints_from(&candidates, tokens.len());
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

/// The rules' candidates as one hint per token: their kind and the token's place in them.
fn hints_from(candidates: &[NameCandidate], token_count: usize) -> Vec<Hint> {
    let mut hints = vec![Hint::default(); token_count];
    for candidate in candidates {
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
    hints
}

impl<'t> Prepared<'t> {
    /// What features are computed from for the tokens of one sentence.
    pub fn view<'a>(
        &'a self,
        tokens: Range<usize>,
        first_pass: Option<FirstPass<'a>>,
    ) -> SentenceView<'a> {
        SentenceView {
            text: self.text,
            tokens: &self.tokens[tokens.clone()],
            hints: &self.hints[tokens],
            gazetteer: gazetteer(),
            classes: word_classes(),
            document: &self.document,
            first_pass,
        }
    }

    /// Every token's features, as training needs them.
    pub fn features(
        &self,
        tokens: Range<usize>,
        first_pass: Option<FirstPass<'_>>,
        buckets: usize,
    ) -> SentenceFeatures {
        sentence_features(&self.view(tokens, first_pass), buckets)
    }
}

/// Runs every stage over the text, with the shipped tagger when there is one.
pub fn extract(text: &str) -> Extraction {
    extract_with(text, Tagger::shipped())
}

/// Runs every stage, with the given tagger or, without one, with the rules alone.
pub fn extract_with(text: &str, tagger: Option<&Tagger>) -> Extraction {
    extract_progressively(text, tagger, &|_| {})
}

/// Runs every stage, reporting each block of text as soon as the first pass has tagged it.
pub fn extract_progressively(
    text: &str,
    tagger: Option<&Tagger>,
    on_partial: &(dyn Fn(Partial) + Sync),
) -> Extraction {
    let prepared = prepare(text);
    let (mut candidates, undecided) = match tagger {
        Some(tagger) => {
            let first_tags = first_pass(&prepared, &tagger.first, on_partial);
            let tags = match &tagger.second {
                Some(second) => second_pass(&prepared, second, &first_tags),
                None => first_tags,
            };
            let found = names_from_tags(&prepared, &tags, 0..prepared.sentences.len());
            (with_rules(&prepared, found, 0..text.len()), Undecided::Drop)
        }
        None => (prepared.candidates.clone(), Undecided::GuessOrganisation),
    };
    settle(text, &mut candidates, undecided);

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

/// A tag for every token of the document, with how far each is ahead of the next best
/// tag (a margin, for confidence).
pub struct DocumentTags {
    /// One byte a token (there are 13 tags): a document has millions of tokens.
    pub tags: Vec<u8>,
    pub margins: Vec<f32>,
}

/// Stage 5: every sentence tagged on its own, block by block, each block reported.
fn first_pass(
    prepared: &Prepared<'_>,
    model: &Model,
    on_partial: &(dyn Fn(Partial) + Sync),
) -> DocumentTags {
    let mut all = DocumentTags {
        tags: vec![tags::OUTSIDE as u8; prepared.tokens.len()],
        margins: vec![0.0; prepared.tokens.len()],
    };
    for block in sentence_blocks(&prepared.sentences) {
        tag_sentences(prepared, model, None, block.clone(), &mut all);
        let span = prepared.sentences[block.start].start..prepared.sentences[block.end - 1].end;
        let found = names_from_tags(prepared, &all, block);
        on_partial(partial(
            prepared,
            span.clone(),
            &with_rules(prepared, found, span),
        ));
    }
    all
}

/// Stage 6: every sentence again, with what the first pass said across the document.
fn second_pass(prepared: &Prepared<'_>, model: &Model, first: &DocumentTags) -> DocumentTags {
    tag_document(prepared, model, Some(first))
}

/// Tags every sentence of a prepared document with one pass; `first`, for the second pass,
/// is what the first pass said.
pub fn tag_document(
    prepared: &Prepared<'_>,
    model: &Model,
    first: Option<&DocumentTags>,
) -> DocumentTags {
    let mut all = DocumentTags {
        tags: vec![tags::OUTSIDE as u8; prepared.tokens.len()],
        margins: vec![0.0; prepared.tokens.len()],
    };
    let sentences = 0..prepared.sentences.len();
    match first {
        Some(first) => with_first_pass(prepared, first, |context| {
            tag_sentences(prepared, model, Some(context), sentences, &mut all);
        }),
        None => tag_sentences(prepared, model, None, sentences, &mut all),
    }
    all
}

/// Runs `f` with the first pass's tags and what they say word by word.
pub fn with_first_pass<R>(
    prepared: &Prepared<'_>,
    first: &DocumentTags,
    f: impl FnOnce(&FirstPassContext<'_>) -> R,
) -> R {
    let history = PredictionHistory::gather(prepared.text, &prepared.tokens, &first.tags);
    f(&FirstPassContext {
        tags: &first.tags,
        history: &history,
    })
}

/// The first pass's tags of the whole document and what they say word by word.
pub struct FirstPassContext<'a> {
    pub tags: &'a [u8],
    pub history: &'a PredictionHistory<'a>,
}

impl<'a> FirstPassContext<'a> {
    pub fn of_sentence(&self, tokens: Range<usize>) -> FirstPass<'a> {
        FirstPass {
            tags: &self.tags[tokens],
            history: self.history,
        }
    }
}

/// Tags the sentences of `block` on every core, writing into `out`.
fn tag_sentences(
    prepared: &Prepared<'_>,
    model: &Model,
    context: Option<&FirstPassContext<'_>>,
    block: Range<usize>,
    out: &mut DocumentTags,
) {
    let tagged: Vec<(Vec<Tag>, Vec<f32>)> = prepared.sentences[block.clone()]
        .par_iter()
        .map(|sentence| {
            let first_pass = context.map(|c| c.of_sentence(sentence.tokens.clone()));
            let view = prepared.view(sentence.tokens.clone(), first_pass);
            let features = sentence_features_for_tagging(&view, model.buckets);
            if features.features.is_empty() {
                return (Vec::new(), Vec::new());
            }
            model.decode(&features)
        })
        .collect();
    for (sentence, (found, margins)) in prepared.sentences[block].iter().zip(tagged) {
        if found.is_empty() {
            continue;
        }
        for (slot, &tag) in out.tags[sentence.tokens.clone()].iter_mut().zip(&found) {
            *slot = tags::compact(tag);
        }
        out.margins[sentence.tokens.clone()].copy_from_slice(&margins);
    }
}

/// The names the tags give in a block of sentences.
fn names_from_tags(
    prepared: &Prepared<'_>,
    tagged: &DocumentTags,
    block: Range<usize>,
) -> Vec<NameCandidate> {
    let mut found = Vec::new();
    for sentence in &prepared.sentences[block] {
        let range = sentence.tokens.clone();
        let margins = &tagged.margins[range.clone()];
        let sentence_tags: Vec<Tag> = tagged.tags[range.clone()]
            .iter()
            .map(|&t| Tag::from(t))
            .collect();
        for (first, last, kind) in tags::decode(&sentence_tags) {
            if last + 1 - first > crate::extract::MAX_NAME_TOKENS {
                continue;
            }
            let margin = margins[first..=last]
                .iter()
                .copied()
                .fold(f32::INFINITY, f32::min);
            let (a, b) = (range.start + first, range.start + last);
            found.push(NameCandidate {
                start: prepared.tokens[a].start(),
                end: prepared.tokens[b].end(),
                tokens: a..b + 1,
                label: Some(tags::KINDS[kind]),
                source: Source::Model,
                score: (1.0 / (1.0 + (-margin / 2.0).exp())).clamp(0.5, 0.99),
                sentence_initial: first == 0,
                names_a_site: false,
            });
        }
    }
    found
}

/// Stage 7: the tagger's names in a span, with what the rules found there and know better.
fn with_rules(
    prepared: &Prepared<'_>,
    mut found: Vec<NameCandidate>,
    span: Range<usize>,
) -> Vec<NameCandidate> {
    // The rules' candidates in this span (they come sorted by start).
    let rules = &prepared.candidates;
    let rules = &rules[rules.partition_point(|c| c.start < span.start)
        ..rules.partition_point(|c| c.start < span.end)];
    // Rules win where they know more than the training data: projects (which CoNLL does
    // not label) and names whose structure settles them ("Council on Foreign Relations",
    // "President X").
    let overriding: Vec<NameCandidate> = rules
        .iter()
        .filter(|c| {
            c.label == Some(Label::Project)
                || (c.label == Some(Label::Org)
                    && c.source == Source::Rule
                    && c.score >= 0.85
                    && joins_words(prepared, c))
        })
        .cloned()
        .collect();
    found.retain(|c| !overlaps_any(c, &overriding));
    found.extend(overriding);
    // A hyphenated compound the tagger took whole ("China-Peru relations") is two names when
    // the word lists know its parts.
    let mut parts = Vec::new();
    found.retain(|c| {
        let name = &prepared.text[c.start..c.end];
        if !name.contains('-') || name.contains(' ') {
            return true;
        }
        // Only the rules' candidates starting inside it (they are sorted by start): a scan
        // of all of them for each compound would be quadratic in the document.
        let first = rules.partition_point(|r| r.start < c.start);
        let last = rules.partition_point(|r| r.start < c.end);
        let inside: Vec<&NameCandidate> = rules[first..last.max(first)]
            .iter()
            .filter(|r| r.end <= c.end)
            .filter(|r| r.label.is_some() && r.source == Source::Gazetteer)
            .collect();
        if inside.len() < 2 {
            return true;
        }
        parts.extend(inside.into_iter().cloned());
        false
    });
    found.extend(parts);
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

/// What a block shows before the document-level passes: its figures and dates, and the
/// names the first pass gave a kind.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_alone_still_find_names_without_a_tagger() {
        let text = "President Dina Boluarte met officials of the Bank of England in Lima.";
        let found = extract_with(text, None).mentions;
        assert!(
            found
                .iter()
                .any(|m| m.text(text) == "Dina Boluarte" && m.label == Label::Person)
        );
    }

    #[test]
    fn a_hyphenated_pair_of_places_is_two_places() {
        let text = "China-Peru relations grew as China and Peru signed deals.";
        let found: Vec<(&str, Label)> = extract(text)
            .mentions
            .iter()
            .map(|m| (m.text(text), m.label))
            .collect();
        assert_eq!(
            found[..2],
            [("China", Label::Place), ("Peru", Label::Place)],
            "{found:?}"
        );
    }

    #[test]
    fn blocks_cover_every_sentence_once() {
        let text = "One sentence here. ".repeat(30_000);
        let tokens = tokenize(&text);
        let sentences = split_sentences(&text, &tokens);
        let blocks = sentence_blocks(&sentences);
        assert!(blocks.len() > 1);
        assert_eq!(blocks.first().map(|b| b.start), Some(0));
        assert_eq!(blocks.last().map(|b| b.end), Some(sentences.len()));
        for pair in blocks.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
    }
}
