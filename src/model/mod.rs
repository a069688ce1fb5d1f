//! The statistical name tagger: a linear model over hashed features with BILOU tags,
//! decoded with Viterbi, trained as an averaged structured perceptron (`train`).
//!
//! The tagger runs twice over a document: the first pass tags each sentence on its own,
//! the second sees the first pass's decisions for the same words elsewhere in the document
//! (`history`). Each pass is a [`Model`]; the two together are a [`Tagger`].
//!
//! The shipped weights live in `assets/model.bin`; `newslens train` rebuilds them from
//! CoNLL-2003 (see the README).

pub mod conll;
pub mod features;
pub mod history;
pub mod tags;
pub mod train;

use features::SentenceFeatures;
use std::sync::LazyLock;
use tags::{TAG_COUNT, can_end, can_start};

const MAGIC: &[u8; 4] = b"NLM1";
/// A file of several models, one per pass.
const TAGGER_MAGIC: &[u8; 4] = b"NLT2";
/// The emission of a tag a token cannot have.
const FORCED_OUT: f32 = -1e9;

/// The weights of one feature bucket for every tag, padded to 16 and aligned so that a row
/// is half a cache line and its sum is a few vector instructions: summing rows is most of
/// the tagger's time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(C, align(32))]
struct Row([i16; ROW]);

const ROW: usize = 16;

fn rows(weights: &[i16]) -> Vec<Row> {
    weights
        .chunks_exact(TAG_COUNT)
        .map(|chunk| {
            let mut row = Row::default();
            row.0[..TAG_COUNT].copy_from_slice(chunk);
            row
        })
        .collect()
}

/// Weights of a trained model.
#[derive(Clone)]
pub struct Model {
    /// A power of two: how many feature buckets there are.
    pub buckets: usize,
    /// Emission weights, one row of tags per bucket, quantised: real weight = value * scale.
    weights: Vec<Row>,
    scale: f32,
    /// Score of moving from tag a to tag b, `[a * TAG_COUNT + b]`.
    transitions: Vec<f32>,
}

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not a newslens model file")]
    BadMagic,
    #[error("the model file is truncated or damaged")]
    Truncated,
}

/// The passes of the tagger: the first alone, or the first and the second.
pub struct Tagger {
    pub first: Model,
    /// The pass that sees the first pass's decisions across the document.
    pub second: Option<Model>,
}

/// The tagger built in, or, for experiments with a newly trained one without rebuilding,
/// the file named by `NEWSLENS_MODEL` (read once; unreadable means no tagger, so a typo is
/// seen at once rather than silently falling back).
static SHIPPED: LazyLock<Option<Tagger>> =
    LazyLock::new(|| match std::env::var_os("NEWSLENS_MODEL") {
        Some(path) => std::fs::read(path)
            .ok()
            .and_then(|bytes| Tagger::from_bytes(&bytes).ok()),
        None => Tagger::from_bytes(shipped_bytes()).ok(),
    });

/// The bytes of the tagger built into the binary.
pub fn shipped_bytes() -> &'static [u8] {
    include_bytes!("../../assets/model.bin")
}

impl Tagger {
    /// The tagger built into the binary, if it is usable.
    pub fn shipped() -> Option<&'static Tagger> {
        SHIPPED.as_ref()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let passes: Vec<Vec<u8>> = std::iter::once(&self.first)
            .chain(&self.second)
            .map(Model::to_bytes)
            .collect();
        let mut out = TAGGER_MAGIC.to_vec();
        out.extend_from_slice(&(passes.len() as u32).to_le_bytes());
        for pass in passes {
            out.extend_from_slice(&(pass.len() as u64).to_le_bytes());
            out.extend_from_slice(&pass);
        }
        out
    }

    /// Reads a tagger file, or a single model (a one-pass tagger).
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        if bytes.get(..4) != Some(TAGGER_MAGIC) {
            return Model::from_bytes(bytes).map(|first| Tagger {
                first,
                second: None,
            });
        }
        let count = bytes
            .get(4..8)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .ok_or(ModelError::Truncated)?;
        let mut at = 8;
        let mut passes = Vec::new();
        for _ in 0..count.min(2) {
            let length = bytes
                .get(at..at + 8)
                .and_then(|b| b.try_into().ok())
                .map(u64::from_le_bytes)
                .and_then(|l| usize::try_from(l).ok())
                .ok_or(ModelError::Truncated)?;
            let end = at.checked_add(8 + length).ok_or(ModelError::Truncated)?;
            passes.push(Model::from_bytes(
                bytes.get(at + 8..end).ok_or(ModelError::Truncated)?,
            )?);
            at = end;
        }
        if at != bytes.len() || passes.is_empty() {
            return Err(ModelError::Truncated);
        }
        let second = (passes.len() > 1).then(|| passes.remove(1));
        Ok(Tagger {
            first: passes.remove(0),
            second,
        })
    }
}

impl Model {
    /// A model from f32 weights (as training ends), quantised to 16 bits.
    pub fn from_weights(buckets: usize, weights: &[f32], transitions: Vec<f32>) -> Model {
        let largest = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-6);
        let scale = largest / f32::from(i16::MAX);
        Model {
            buckets,
            weights: rows(
                &weights
                    .iter()
                    .map(|w| (w / scale).round() as i16)
                    .collect::<Vec<_>>(),
            ),
            scale,
            transitions,
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(
            16 + self.weights.len() * TAG_COUNT * 2 + self.transitions.len() * 4,
        );
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.buckets as u32).to_le_bytes());
        out.extend_from_slice(&(TAG_COUNT as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for t in &self.transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
        for row in &self.weights {
            for w in &row.0[..TAG_COUNT] {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        if bytes.get(..4) != Some(MAGIC) {
            return Err(ModelError::BadMagic);
        }
        let word = |at: usize| -> Result<[u8; 4], ModelError> {
            bytes
                .get(at..at + 4)
                .and_then(|b| b.try_into().ok())
                .ok_or(ModelError::Truncated)
        };
        let buckets = u32::from_le_bytes(word(4)?) as usize;
        let tag_count = u32::from_le_bytes(word(8)?) as usize;
        let scale = f32::from_le_bytes(word(12)?);
        if tag_count != TAG_COUNT || !buckets.is_power_of_two() {
            return Err(ModelError::Truncated);
        }
        let transitions_at = 16;
        let weights_at = transitions_at + TAG_COUNT * TAG_COUNT * 4;
        let expected = weights_at + buckets * TAG_COUNT * 2;
        if bytes.len() != expected {
            return Err(ModelError::Truncated);
        }
        let transitions = bytes[transitions_at..weights_at]
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        // Row by row straight from the bytes: this runs at every start.
        let weights = bytes[weights_at..]
            .chunks_exact(TAG_COUNT * 2)
            .map(|chunk| {
                let mut row = Row::default();
                for (w, pair) in row.0.iter_mut().zip(chunk.chunks_exact(2)) {
                    *w = i16::from_le_bytes([pair[0], pair[1]]);
                }
                row
            })
            .collect();
        Ok(Model {
            buckets,
            weights,
            scale,
            transitions,
        })
    }

    /// The score of every tag for every token, from the features alone.
    /// Tokens without features (see `features::worth_tagging`) can only be outside a name.
    pub fn emissions(&self, features: &SentenceFeatures) -> Vec<[f32; TAG_COUNT]> {
        (0..features.len())
            .map(|i| {
                if features.of(i).is_empty() {
                    let mut outside = [FORCED_OUT; TAG_COUNT];
                    outside[tags::OUTSIDE] = 0.0;
                    return outside;
                }
                let mut sums = [0i32; ROW];
                for &f in features.of(i) {
                    let Some(row) = self.weights.get(f as usize) else {
                        continue;
                    };
                    for (sum, &w) in sums.iter_mut().zip(&row.0) {
                        *sum += i32::from(w);
                    }
                }
                std::array::from_fn(|t| sums[t] as f32 * self.scale)
            })
            .collect()
    }

    /// The best tag sequence and, for each token, how far its tag's score is ahead of the
    /// best other tag (a margin, for confidence).
    pub fn decode(&self, features: &SentenceFeatures) -> (Vec<usize>, Vec<f32>) {
        let emissions = self.emissions(features);
        let tags = viterbi(&emissions, &self.transitions);
        let margins = tags
            .iter()
            .zip(&emissions)
            .map(|(&t, scores)| {
                let best_other = scores
                    .iter()
                    .enumerate()
                    .filter(|&(o, _)| o != t)
                    .map(|(_, s)| *s)
                    .fold(f32::NEG_INFINITY, f32::max);
                scores[t] - best_other
            })
            .collect();
        (tags, margins)
    }
}

impl Model {
    /// Exact-span F1 of the tagger alone on examples.
    pub fn span_f1(&self, examples: &[train::Example]) -> f64 {
        let (mut tp, mut predicted, mut gold) = (0usize, 0usize, 0usize);
        for example in examples {
            let (found, _) = self.decode(&example.features);
            let found = tags::decode(&found);
            let right = tags::decode(&example.gold);
            tp += found.iter().filter(|s| right.contains(s)).count();
            predicted += found.len();
            gold += right.len();
        }
        train::f1(tp, predicted, gold)
    }
}

/// The highest-scoring well-formed BILOU sequence.
pub fn viterbi(emissions: &[[f32; TAG_COUNT]], transitions: &[f32]) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let mut score = vec![[f32::NEG_INFINITY; TAG_COUNT]; n];
    let mut back = vec![[0u8; TAG_COUNT]; n];
    for t in 0..TAG_COUNT {
        if can_start(t) {
            score[0][t] = emissions[0][t];
        }
    }
    let allowed = tags::allowed_table();
    let predecessors = tags::predecessors();
    for i in 1..n {
        // A token that can only be outside a name needs one column, not thirteen.
        if emissions[i][1..].iter().all(|&e| e <= FORCED_OUT) {
            let (from, best) = (0..TAG_COUNT)
                .filter(|&p| allowed[p * TAG_COUNT + tags::OUTSIDE])
                .map(|p| {
                    (
                        p,
                        score[i - 1][p] + transitions[p * TAG_COUNT + tags::OUTSIDE],
                    )
                })
                .fold((0, f32::NEG_INFINITY), |a, b| if b.1 > a.1 { b } else { a });
            score[i][tags::OUTSIDE] = best + emissions[i][tags::OUTSIDE];
            back[i][tags::OUTSIDE] = from as u8;
            continue;
        }
        let previous = score[i - 1];
        for (t, from_tags) in predecessors.iter().enumerate() {
            let mut best = f32::NEG_INFINITY;
            let mut from = 0;
            for &p in from_tags {
                let s = previous[p] + transitions[p * TAG_COUNT + t];
                if s > best {
                    best = s;
                    from = p;
                }
            }
            score[i][t] = best + emissions[i][t];
            back[i][t] = from as u8;
        }
    }
    let mut last = (0..TAG_COUNT)
        .filter(|&t| can_end(t))
        .max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b]))
        .unwrap_or(0);
    let mut tags = vec![0; n];
    for i in (0..n).rev() {
        tags[i] = last;
        last = back[i][last] as usize;
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_model_survives_serialisation() {
        let buckets = 8;
        let weights: Vec<f32> = (0..buckets * TAG_COUNT)
            .map(|i| (i as f32 - 40.0) / 7.0)
            .collect();
        let transitions = vec![0.5; TAG_COUNT * TAG_COUNT];
        let model = Model::from_weights(buckets, &weights, transitions);
        let again = Model::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(again.weights, model.weights);
        assert_eq!(again.transitions, model.transitions);
        assert!(Model::from_bytes(b"nope").is_err());
        assert!(Model::from_bytes(&model.to_bytes()[..40]).is_err());
        let tagger = Tagger {
            first: Model::from_bytes(&model.to_bytes()).unwrap(),
            second: Some(again),
        };
        let bytes = tagger.to_bytes();
        let read = Tagger::from_bytes(&bytes).unwrap();
        assert_eq!(read.first.weights, model.weights);
        assert!(read.second.is_some());
        assert!(Tagger::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(
            Tagger::from_bytes(&model.to_bytes())
                .unwrap()
                .second
                .is_none()
        );
    }

    #[test]
    fn the_shipped_model_loads_and_tags_a_sentence() {
        use crate::entity::{Label, Source};
        let model = Tagger::shipped().expect("assets/model.bin holds a trained tagger");
        assert!(model.second.is_some(), "the shipped tagger has both passes");
        let text = "Angela Merkel told Reuters in Munich on Tuesday that Siemens would invest.";
        let mentions = crate::pipeline::extract_with(text, Some(model)).mentions;
        let found: Vec<(&str, Label)> = mentions.iter().map(|m| (m.text(text), m.label)).collect();
        assert!(
            found.contains(&("Angela Merkel", Label::Person)),
            "{found:?}"
        );
        assert!(found.contains(&("Reuters", Label::Org)), "{found:?}");
        assert!(found.contains(&("Munich", Label::Place)), "{found:?}");
        assert!(mentions.iter().any(|m| m.source == Source::Model));
    }

    #[test]
    fn viterbi_never_emits_an_ill_formed_sequence() {
        // Emissions that prefer L-PER everywhere, which alone would be ill-formed.
        let mut row = [0.0; TAG_COUNT];
        row[tags::tag(0, tags::Position::Last)] = 5.0;
        let tags_found = viterbi(&[row; 4], &vec![0.0; TAG_COUNT * TAG_COUNT]);
        assert!(can_start(tags_found[0]) && can_end(tags_found[3]));
        for pair in tags_found.windows(2) {
            assert!(tags::allowed(pair[0], pair[1]));
        }
    }
}
