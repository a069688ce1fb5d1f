//! Training both passes of the tagger from labelled documents (CoNLL format).
//!
//! The documents go through the pipeline's own preparation (`pipeline::prepare`), so the
//! tagger learns from exactly the tokens, hints and word facts it will see. The second pass
//! must learn from first-pass decisions as imperfect as those it will meet on new text, so
//! its training documents are tagged by first-pass models that never saw them (four folds,
//! each tagged by a model trained on the other three: a jackknife).

use crate::model::conll::ConllDocument;
use crate::model::tags::{self, Tag};
use crate::model::train::{self, Example, Options};
use crate::model::{Model, Tagger};
use crate::pipeline::{DocumentTags, Prepared, prepare, tag_document, with_first_pass};
use rayon::prelude::*;

/// Folds of the jackknife that tags the second pass's training documents.
const FOLDS: usize = 4;

/// A labelled document, prepared: the gold tag of every token.
pub struct Labelled<'d> {
    pub prepared: Prepared<'d>,
    pub gold: Vec<Tag>,
}

/// Which pass a training report is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pass {
    First,
    /// A first-pass model of one jackknife fold (reports are not sent for these).
    Fold,
    Second,
}

pub fn label(document: &ConllDocument) -> Labelled<'_> {
    let prepared = prepare(&document.text);
    let mut gold = vec![tags::OUTSIDE; prepared.tokens.len()];
    for sentence in &prepared.sentences {
        let range = sentence.tokens.clone();
        let tokens = &prepared.tokens[range.clone()];
        let mut spans = Vec::new();
        for &(start, end, label) in &document.spans {
            let Some(kind) = tags::kind_index(label) else {
                continue;
            };
            let first = tokens
                .iter()
                .position(|t| t.start() >= start && t.end() <= end);
            let last = tokens
                .iter()
                .rposition(|t| t.start() >= start && t.end() <= end);
            if let (Some(first), Some(last)) = (first, last) {
                spans.push((first, last, kind));
            }
        }
        gold[range].copy_from_slice(&tags::encode(tokens.len(), &spans));
    }
    Labelled { prepared, gold }
}

/// Prepares documents on every core, in order.
pub fn label_all(documents: &[ConllDocument]) -> Vec<Labelled<'_>> {
    documents.par_iter().map(label).collect()
}

/// The sentences of labelled documents as examples for one pass; `first` gives, for the
/// second pass, each document's first-pass tags.
fn examples(
    documents: &[&Labelled<'_>],
    first: Option<&[&DocumentTags]>,
    buckets: usize,
) -> Vec<Example> {
    documents
        .par_iter()
        .enumerate()
        .flat_map_iter(|(d, document)| {
            let prepared = &document.prepared;
            let sentences = |context: Option<&crate::pipeline::FirstPassContext<'_>>| {
                prepared
                    .sentences
                    .iter()
                    .map(|sentence| {
                        let range = sentence.tokens.clone();
                        Example {
                            features: prepared.features(
                                range.clone(),
                                context.map(|c| c.of_sentence(range.clone())),
                                buckets,
                            ),
                            gold: document.gold[range].to_vec(),
                        }
                    })
                    .collect::<Vec<_>>()
            };
            match first {
                Some(first) => with_first_pass(prepared, first[d], |c| sentences(Some(c))),
                None => sentences(None),
            }
        })
        .collect()
}

/// Trains both passes: the first on `train`, then the second on `train` as first-pass
/// models of the jackknife tag it; the number of epochs of each is chosen on `tuning`.
pub fn train_tagger(
    train_documents: &[Labelled<'_>],
    tuning_documents: &[Labelled<'_>],
    options: &Options,
    report: &(dyn Fn(Pass, usize, f64, f64) + Sync),
) -> Tagger {
    let all: Vec<&Labelled> = train_documents.iter().collect();
    let tuning: Vec<&Labelled> = tuning_documents.iter().collect();
    let tuning_first = examples(&tuning, None, options.buckets);
    let train_one = |documents: &[&Labelled], pass: Pass| -> Model {
        let examples = examples(documents, None, options.buckets);
        train::train(&examples, &tuning_first, options, |epoch, f1, seconds| {
            if pass != Pass::Fold {
                report(pass, epoch, f1, seconds);
            }
        })
    };
    // The first pass, and the jackknife's models, side by side.
    let (first, folds) = rayon::join(
        || train_one(&all, Pass::First),
        || {
            (0..FOLDS)
                .into_par_iter()
                .map(|fold| {
                    let others: Vec<&Labelled> = all
                        .iter()
                        .enumerate()
                        .filter(|(d, _)| d % FOLDS != fold)
                        .map(|(_, d)| *d)
                        .collect();
                    train_one(&others, Pass::Fold)
                })
                .collect::<Vec<Model>>()
        },
    );
    let jackknifed: Vec<DocumentTags> = all
        .par_iter()
        .enumerate()
        .map(|(d, document)| tag_document(&document.prepared, &folds[d % FOLDS], None))
        .collect();
    let tuning_tags: Vec<DocumentTags> = tuning
        .par_iter()
        .map(|document| tag_document(&document.prepared, &first, None))
        .collect();
    let second_examples = examples(
        &all,
        Some(&jackknifed.iter().collect::<Vec<_>>()),
        options.buckets,
    );
    let tuning_second = examples(
        &tuning,
        Some(&tuning_tags.iter().collect::<Vec<_>>()),
        options.buckets,
    );
    let second = train::train(&second_examples, &tuning_second, options, |e, f1, s| {
        report(Pass::Second, e, f1, s)
    });
    Tagger {
        first,
        second: Some(second),
    }
}

/// Exact-span F1 of the tagger alone (both passes, no rules) on labelled documents.
pub fn span_f1(tagger: &Tagger, documents: &[Labelled<'_>]) -> f64 {
    let (mut right, mut found, mut gold) = (0, 0, 0);
    for document in documents {
        let prepared = &document.prepared;
        let first = tag_document(prepared, &tagger.first, None);
        let tagged = match &tagger.second {
            Some(second) => tag_document(prepared, second, Some(&first)),
            None => first,
        };
        for sentence in &prepared.sentences {
            let range = sentence.tokens.clone();
            let sentence_tags: Vec<tags::Tag> = tagged.tags[range.clone()]
                .iter()
                .map(|&t| tags::Tag::from(t))
                .collect();
            let predicted = tags::decode(&sentence_tags);
            let expected = tags::decode(&document.gold[range]);
            right += predicted.iter().filter(|s| expected.contains(s)).count();
            found += predicted.len();
            gold += expected.len();
        }
    }
    train::f1(right, found, gold)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::conll;

    /// A tiny corpus in CoNLL form: people before "said", companies before "shares".
    fn corpus() -> Vec<ConllDocument> {
        let mut conll = String::new();
        let people = ["Anna Berg", "Karl Moser", "Lena Vogt", "Omar Haddad"];
        let companies = ["Vantor", "Quelix", "Brintec", "Sorvana"];
        for round in 0..6 {
            conll.push_str("-DOCSTART- -X- -X- O\n\n");
            for (p, c) in people.iter().zip(companies) {
                let (given, surname) = p.split_once(' ').unwrap_or((p, p));
                let lines = format!(
                    "{given} X X B-PER\n{surname} X X I-PER\nsaid X X O\nshares X X O\nof X X O\n{c} X X B-ORG\nrose X X O\n{} X X O\npercent X X O\n. X X O\n\n",
                    round + 2
                );
                conll.push_str(&lines);
            }
        }
        conll::parse(&conll)
    }

    #[test]
    fn both_passes_learn_a_small_corpus() {
        let documents = corpus();
        let labelled = label_all(&documents);
        let (tuning, train) = labelled.split_at(2);
        let options = Options {
            epochs: 3,
            seed: 1,
            buckets: 1 << 12,
        };
        let reports = std::sync::Mutex::new(Vec::new());
        let tagger = train_tagger(train, tuning, &options, &|pass, epoch, _, _| {
            reports.lock().unwrap().push((pass, epoch));
        });
        assert!(tagger.second.is_some());
        let reports = reports.into_inner().unwrap();
        assert!(reports.contains(&(Pass::First, 3)) && reports.contains(&(Pass::Second, 3)));
        assert!(!reports.iter().any(|(pass, _)| *pass == Pass::Fold));
        assert!(span_f1(&tagger, tuning) > 0.9);
    }
}
