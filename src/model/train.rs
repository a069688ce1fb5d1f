//! Training one pass of the tagger: an averaged structured perceptron over labelled
//! sentences, keeping the epoch that scores best on a development set. `crate::training`
//! turns documents into these examples, for both passes.

use super::features::SentenceFeatures;
use super::tags::{self, TAG_COUNT, Tag};
use super::{Model, viterbi};
use std::time::Instant;

/// One training sentence: its features and the right tags.
pub struct Example {
    pub features: SentenceFeatures,
    pub gold: Vec<Tag>,
}

pub struct Options {
    pub epochs: usize,
    pub seed: u64,
    pub buckets: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            epochs: 12,
            seed: 7,
            buckets: 1 << 18,
        }
    }
}

/// A small, seeded random number generator for shuffling (xorshift64*).
struct Shuffler(u64);

impl Shuffler {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

fn emissions(weights: &[f32], features: &SentenceFeatures) -> Vec<[f32; TAG_COUNT]> {
    (0..features.len())
        .map(|i| {
            let mut sums = [0f32; TAG_COUNT];
            for &f in features.of(i) {
                let row = &weights[f as usize * TAG_COUNT..(f as usize + 1) * TAG_COUNT];
                for (sum, w) in sums.iter_mut().zip(row) {
                    *sum += w;
                }
            }
            sums
        })
        .collect()
}

/// Exact-span F1 of the tagger alone on examples.
pub fn span_f1(weights: &[f32], transitions: &[f32], examples: &[Example]) -> f64 {
    let (mut tp, mut predicted, mut gold) = (0usize, 0usize, 0usize);
    for example in examples {
        let tags = viterbi(&emissions(weights, &example.features), transitions);
        let found = tags::decode(&tags);
        let right = tags::decode(&example.gold);
        tp += found.iter().filter(|s| right.contains(s)).count();
        predicted += found.len();
        gold += right.len();
    }
    f1(tp, predicted, gold)
}

pub fn f1(true_positives: usize, predicted: usize, gold: usize) -> f64 {
    let p = true_positives as f64 / predicted.max(1) as f64;
    let r = true_positives as f64 / gold.max(1) as f64;
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Trains on `train`, keeping the pass that scores best on `dev`. `report` hears each pass.
pub fn train(
    train: &[Example],
    dev: &[Example],
    options: &Options,
    mut report: impl FnMut(usize, f64, f64),
) -> Model {
    let size = options.buckets * TAG_COUNT;
    let mut weights = vec![0f32; size];
    let mut totals = vec![0f64; size];
    let mut transitions = vec![0f32; TAG_COUNT * TAG_COUNT];
    let mut transition_totals = vec![0f64; TAG_COUNT * TAG_COUNT];
    let mut step = 1f64;
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut shuffler = Shuffler(options.seed.max(1));
    let mut best: Option<(f64, Vec<f32>, Vec<f32>)> = None;
    let started = Instant::now();

    for epoch in 1..=options.epochs {
        shuffler.shuffle(&mut order);
        for &e in &order {
            let example = &train[e];
            let predicted = viterbi(&emissions(&weights, &example.features), &transitions);
            if predicted != example.gold {
                for (i, (&p, &g)) in predicted.iter().zip(&example.gold).enumerate() {
                    if p != g {
                        for &f in example.features.of(i) {
                            let base = f as usize * TAG_COUNT;
                            weights[base + g] += 1.0;
                            totals[base + g] += step;
                            weights[base + p] -= 1.0;
                            totals[base + p] -= step;
                        }
                    }
                    if i > 0 {
                        let (pp, gp) = (predicted[i - 1], example.gold[i - 1]);
                        if (pp, p) != (gp, g) {
                            transitions[gp * TAG_COUNT + g] += 1.0;
                            transition_totals[gp * TAG_COUNT + g] += step;
                            transitions[pp * TAG_COUNT + p] -= 1.0;
                            transition_totals[pp * TAG_COUNT + p] -= step;
                        }
                    }
                }
            }
            step += 1.0;
        }
        // Averaged weights: w - totals / step.
        let averaged: Vec<f32> = weights
            .iter()
            .zip(&totals)
            .map(|(&w, &t)| (f64::from(w) - t / step) as f32)
            .collect();
        let averaged_transitions: Vec<f32> = transitions
            .iter()
            .zip(&transition_totals)
            .map(|(&w, &t)| (f64::from(w) - t / step) as f32)
            .collect();
        let f1 = span_f1(&averaged, &averaged_transitions, dev);
        report(epoch, f1, started.elapsed().as_secs_f64());
        if best.as_ref().is_none_or(|(b, _, _)| f1 > *b) {
            best = Some((f1, averaged, averaged_transitions));
        }
    }
    let (_, weights, transitions) = best.unwrap_or((0.0, weights, transitions));
    Model::from_weights(options.buckets, &weights, transitions)
}
