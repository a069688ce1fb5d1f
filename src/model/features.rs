//! Features of a token in its sentence and document, hashed into weight buckets.
//!
//! Each feature is a template (what is looked at) and a value (what is seen), hashed to a
//! bucket; the model keeps one weight per bucket and tag. Values are hashed straight from
//! the text, so extracting features allocates almost nothing.

use super::history::PredictionHistory;
use super::tags::{self, Tag};
use crate::lexicon::word_classes::Classes;
use crate::lexicon::{Gazetteer, WordClasses};
use crate::text::{Token, TokenKind};
use rustc_hash::{FxHashMap, FxHashSet};

/// What the rule-based name finder said about a token, given to the model as a hint.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hint {
    /// 0 none, 1 undecided name, 2 PERSON, 3 PLACE, 4 ORG, 5 PROJECT.
    pub label: u8,
    /// 0 B, 1 I, 2 L, 3 U.
    pub position: u8,
}

/// Facts about the whole document that help with one token.
#[derive(Default)]
pub struct DocumentFacts<'t> {
    /// Words that appear in lower case somewhere in the document.
    pub lower_case_words: FxHashSet<&'t str>,
    /// Words that appear capitalised somewhere other than at a sentence start.
    pub mid_sentence_capitals: FxHashSet<&'t str>,
    /// For each capitalised word, the words around its occurrences anywhere in the document
    /// (hashed with their offset): "Maersk said in a statement" tells about every "Maersk".
    pub contexts: FxHashMap<&'t str, Vec<u64>>,
    /// What the lexicon says of each distinct word, looked up once per document rather
    /// than once per occurrence and pass.
    pub words: FxHashMap<&'t str, WordInfo>,
}

/// The lexicon's view of one word: the lists it is in and its word classes.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordInfo {
    /// Bit set of the word lists the word is in (see `list_bits`).
    pub lists: u16,
    pub classes: Classes,
    /// The word is capitalised here and written in lower case somewhere in the document.
    pub seen_lower: bool,
}

impl WordInfo {
    pub fn of(gazetteer: &Gazetteer, classes: &WordClasses, word: &str) -> WordInfo {
        let caps = word.len() > 1 && word.chars().all(|c| !c.is_lowercase());
        let title = caps.then(|| title_case(word));
        WordInfo {
            lists: list_bits(gazetteer, word, title.as_deref()),
            classes: classes.of(word).unwrap_or_default(),
            seen_lower: false,
        }
    }
}

/// How many distinct context words a capitalised word keeps (bounded, so that a word on
/// every line of a long document costs no more than a rare one).
const CONTEXTS_PER_WORD: usize = 12;
/// Where the context words sit, relative to the word.
const CONTEXT_OFFSETS: [isize; 3] = [-1, 1, 2];

/// Long documents gather their word facts in stretches of about this many tokens, on every
/// core, cut at sentence starts and merged in order.
const GATHER_STRETCH: usize = 32 * 1024;

impl<'t> DocumentFacts<'t> {
    pub fn gather(
        text: &'t str,
        tokens: &[Token],
        sentence_starts: &[usize],
        gazetteer: &Gazetteer,
        classes: &WordClasses,
    ) -> Self {
        use rayon::prelude::*;
        let mut stretches = Vec::new();
        let mut from = 0;
        for &start in sentence_starts {
            if start - from >= GATHER_STRETCH {
                stretches.push(from..start);
                from = start;
            }
        }
        stretches.push(from..tokens.len());
        let parts: Vec<DocumentFacts<'t>> = stretches
            .into_par_iter()
            .map(|range| {
                let first = sentence_starts.partition_point(|&s| s < range.start);
                Self::gather_stretch(
                    text,
                    tokens,
                    range,
                    &sentence_starts[first..],
                    gazetteer,
                    classes,
                )
            })
            .collect();
        let mut parts = parts.into_iter();
        let mut facts = parts.next().unwrap_or_default();
        for part in parts {
            facts.lower_case_words.extend(part.lower_case_words);
            facts
                .mid_sentence_capitals
                .extend(part.mid_sentence_capitals);
            for (word, info) in part.words {
                facts.words.entry(word).or_insert(info);
            }
            for (word, more) in part.contexts {
                let contexts = facts.contexts.entry(word).or_default();
                for value in more {
                    if contexts.len() < CONTEXTS_PER_WORD && !contexts.contains(&value) {
                        contexts.push(value);
                    }
                }
            }
        }
        // Which capitalised words are also written in lower case ("Will" and "will").
        for (word, info) in facts.words.iter_mut() {
            if word.chars().next().is_some_and(char::is_uppercase) {
                info.seen_lower = facts
                    .lower_case_words
                    .contains(word.to_lowercase().as_str());
            }
        }
        facts
    }

    /// The facts of the tokens in `range` (their neighbours may lie outside it).
    fn gather_stretch(
        text: &'t str,
        tokens: &[Token],
        range: std::ops::Range<usize>,
        sentence_starts: &[usize],
        gazetteer: &Gazetteer,
        classes: &WordClasses,
    ) -> Self {
        let mut facts = DocumentFacts::default();
        let mut starts = sentence_starts.iter().peekable();
        for (i, token) in tokens.iter().enumerate().take(range.end).skip(range.start) {
            while starts.peek().is_some_and(|&&s| s < i) {
                starts.next();
            }
            if token.kind != TokenKind::Word {
                continue;
            }
            let word = token.text(text);
            facts
                .words
                .entry(word)
                .or_insert_with(|| WordInfo::of(gazetteer, classes, word));
            let first = word.chars().next().unwrap_or(' ');
            if first.is_lowercase() {
                facts.lower_case_words.insert(word);
                continue;
            }
            if !first.is_uppercase() {
                continue;
            }
            if starts.peek() != Some(&&i) {
                facts.mid_sentence_capitals.insert(word);
            }
            let contexts = facts.contexts.entry(word).or_default();
            if contexts.len() >= CONTEXTS_PER_WORD {
                continue;
            }
            for offset in CONTEXT_OFFSETS {
                let Some(neighbour) = i.checked_add_signed(offset).and_then(|j| tokens.get(j))
                else {
                    continue;
                };
                let value = mix(
                    CONTEXT + (offset + 2) as u64,
                    hash_bytes(0, lower_bytes(neighbour.text(text))),
                );
                if !contexts.contains(&value) && contexts.len() < CONTEXTS_PER_WORD {
                    contexts.push(value);
                }
            }
        }
        facts
    }
}

/// What the first pass of the tagger decided, for the second pass.
#[derive(Clone, Copy)]
pub struct FirstPass<'a> {
    /// The first pass's tag of each token of the sentence (see [`tags::compact`]).
    pub tags: &'a [u8],
    pub history: &'a PredictionHistory<'a>,
}

/// Everything features are computed from, for one sentence.
pub struct SentenceView<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub hints: &'a [Hint],
    pub gazetteer: &'a Gazetteer,
    pub classes: &'a WordClasses,
    pub document: &'a DocumentFacts<'a>,
    /// Present for the second pass only.
    pub first_pass: Option<FirstPass<'a>>,
}

// Templates. Their numbers only need to differ.
const BIAS: u64 = 1;
const WORD: u64 = 2;
const LOWER: u64 = 3;
const SHAPE: u64 = 4;
const PREFIX: u64 = 5;
const SUFFIX: u64 = 6;
const LOWER_AT: u64 = 7;
const SHAPE_AT: u64 = 8;
const BIGRAM_BEFORE: u64 = 9;
const BIGRAM_AFTER: u64 = 10;
const SHAPE_TRIGRAM: u64 = 11;
const INITIAL_SHAPE: u64 = 12;
const HEADLINE_SHAPE: u64 = 13;
const LIST: u64 = 14;
const LIST_BEFORE: u64 = 15;
const LIST_AFTER: u64 = 16;
const PLACE_SPAN: u64 = 17;
const HINT: u64 = 18;
const HINT_AT: u64 = 19;
const DOCUMENT: u64 = 20;
const LENGTH: u64 = 21;
const CONTEXT: u64 = 22;
const CLASS_CAPITALISED: u64 = 31;
const CLASS_AT: u64 = 32;
const CLASS_BIGRAM: u64 = 33;
const ORG_SPAN: u64 = 34;
const FIRST_TAG: u64 = 40;
const FIRST_TAG_AT: u64 = 41;
const OTHERS_KIND: u64 = 42;
const OTHERS_ENDED_NAME: u64 = 43;
const OTHERS_ALONE: u64 = 44;
const OTHERS_AGREE: u64 = 45;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn hash_bytes(seed: u64, bytes: impl Iterator<Item = u8>) -> u64 {
    let mut h = FNV_OFFSET ^ seed.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
    }
    h
}

fn mix(a: u64, b: u64) -> u64 {
    (a ^ b.rotate_left(23)).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (a >> 29)
}

/// Per-token values, hashed once and shared by the templates.
#[derive(Default)]
struct TokenValues {
    word: u64,
    lower: u64,
    shape: u64,
    prefixes: [u64; 3],
    suffixes: [u64; 3],
    /// Bit set of the word lists the word is in (see `list_bits`).
    lists: u16,
    place_span: u8,
    /// B, I, L or U (1 to 4) of the longest organisation-list match covering the token.
    org_span: u8,
    classes: Classes,
    capitalised: bool,
    length: u8,
}

const LIST_NAMES: usize = 12;

fn list_bits(g: &Gazetteer, word: &str, title_cased: Option<&str>) -> u16 {
    let lookup = title_cased.unwrap_or(word);
    let checks = [
        g.places.contains(word) || g.places.contains(lookup),
        g.given_names.contains(lookup),
        g.surnames.contains(lookup),
        g.org_words.contains(lookup),
        g.demonyms.contains(lookup),
        g.titles.contains(lookup),
        g.is_common_word(word),
        word.chars().next().is_some_and(char::is_lowercase) && g.project_words.contains(word),
        crate::extract::is_month_or_weekday(lookup),
        g.aliases.contains_key(word),
        g.organisations.contains(word) || g.organisations.contains(lookup),
        g.company_suffixes.contains(word),
    ];
    checks
        .iter()
        .enumerate()
        .fold(0u16, |bits, (i, &on)| if on { bits | 1 << i } else { bits })
}

/// "Peru" -> "Xx", "U.S." -> "X.X.", "1,000" -> "d,d": classes with repeats collapsed.
fn shape_hash(word: &str) -> u64 {
    let mut last = 0u8;
    let classes = word.chars().filter_map(move |c| {
        let class = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'?'
        };
        let repeat = class == last;
        last = class;
        (!repeat).then_some(class)
    });
    hash_bytes(SHAPE, classes)
}

fn lower_bytes(word: &str) -> impl Iterator<Item = u8> + '_ {
    word.bytes().map(|b| b.to_ascii_lowercase())
}

/// "PANAMA" -> "Panama", for looking up words of all-capital headlines.
fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for (i, c) in word.chars().enumerate() {
        if i == 0 {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The hashed features of every token of a sentence: token i's features are
/// `features[offsets[i]..offsets[i + 1]]`, as bucket indices.
pub struct SentenceFeatures {
    pub features: Vec<u32>,
    pub offsets: Vec<u32>,
}

impl SentenceFeatures {
    pub fn of(&self, i: usize) -> &[u32] {
        &self.features[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The longest organisation name looked up in the list, in tokens.
const ORG_WORDS_MAX: usize = 6;

/// What the first pass said about this token, its neighbours and the word's other
/// occurrences in the document.
fn push_first_pass_features(
    push: &mut impl FnMut(u64),
    first: &FirstPass<'_>,
    word: &str,
    i: usize,
    capitalised_word: bool,
) {
    let own = Tag::from(first.tags[i]);
    push(mix(FIRST_TAG, own as u64));
    for k in [-1isize, 1] {
        let tag = i
            .checked_add_signed(k)
            .and_then(|j| first.tags.get(j))
            .map_or(99, |&t| t as u64);
        push(mix(FIRST_TAG_AT + (k + 1) as u64 * 100, tag));
    }
    if !capitalised_word {
        return;
    }
    let Some(others) = first.history.others(word, own) else {
        return;
    };
    if others.occurrences == 0 {
        push(mix(OTHERS_ALONE, own as u64));
        return;
    }
    // Each kind's share of the other occurrences: none, some, most or all.
    let share = |count: u32| -> u64 {
        if count == 0 {
            0
        } else if count == others.occurrences {
            3
        } else if count * 2 >= others.occurrences {
            2
        } else {
            1
        }
    };
    let mut majority = (tags::KINDS.len(), others.untagged());
    for kind in 0..tags::KINDS.len() {
        let count = others.of_kind(kind);
        push(mix(OTHERS_KIND, kind as u64 * 4 + share(count)));
        if others.ended_a_longer_name(kind) {
            push(mix(OTHERS_ENDED_NAME, kind as u64));
        }
        if count > majority.1 {
            majority = (kind, count);
        }
    }
    push(mix(
        OTHERS_KIND,
        tags::KINDS.len() as u64 * 4 + share(others.untagged()),
    ));
    push(mix(OTHERS_AGREE, (own as u64) << 8 | majority.0 as u64));
}

/// Lower-case words that may sit inside a name ("Bank of England", "Ursula von der Leyen").
const NAME_JOINERS: &[&str] = &[
    "of", "and", "for", "on", "the", "de", "del", "della", "der", "den", "da", "do", "dos", "di",
    "du", "van", "von", "bin", "al", "el", "la", "le", "y", "-", "&", ".", "'",
];

/// Which tokens could be part of a name: capitalised words, and the joiners between them.
/// Everything else is outside any name, so tagging can skip it.
pub fn worth_tagging(text: &str, tokens: &[Token]) -> Vec<bool> {
    let capitalised: Vec<bool> = tokens
        .iter()
        .map(|t| t.text(text).chars().next().is_some_and(char::is_uppercase))
        .collect();
    (0..tokens.len())
        .map(|i| {
            capitalised[i]
                || (i > 0
                    && capitalised[i - 1]
                    && NAME_JOINERS.contains(&tokens[i].text(text))
                    && capitalised[i + 1..tokens.len().min(i + 4)].contains(&true))
        })
        .collect()
}

/// Computes the features of every token of a sentence, hashed into `buckets` (a power of
/// two), as training needs them.
pub fn sentence_features(view: &SentenceView<'_>, buckets: usize) -> SentenceFeatures {
    features_where(view, buckets, &vec![true; view.tokens.len()])
}

/// Computes features only for the tokens worth tagging; the others get none.
pub fn sentence_features_for_tagging(view: &SentenceView<'_>, buckets: usize) -> SentenceFeatures {
    features_where(view, buckets, &worth_tagging(view.text, view.tokens))
}

fn features_where(view: &SentenceView<'_>, buckets: usize, wanted: &[bool]) -> SentenceFeatures {
    let n = view.tokens.len();
    if !wanted.contains(&true) {
        return SentenceFeatures {
            features: Vec::new(),
            offsets: vec![0; n + 1],
        };
    }
    // Neighbours of wanted tokens are looked at too.
    let needed: Vec<bool> = (0..n)
        .map(|i| wanted[i.saturating_sub(2)..(i + 3).min(n)].contains(&true))
        .collect();
    let text = view.text;
    let words: Vec<&str> = view.tokens.iter().map(|t| t.text(text)).collect();
    let letters: Vec<bool> = view
        .tokens
        .iter()
        .map(|t| t.kind == TokenKind::Word)
        .collect();
    let long_words = words
        .iter()
        .zip(&letters)
        .filter(|(w, l)| **l && w.len() > 3)
        .count();
    let shouting_words = words
        .iter()
        .zip(&letters)
        .filter(|(w, l)| **l && w.len() > 3 && w.chars().all(|c| !c.is_lowercase()))
        .count();
    let capital_words = words
        .iter()
        .zip(&letters)
        .filter(|(w, l)| **l && w.len() > 3 && w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let headline = long_words >= 3 && capital_words * 10 >= long_words * 8;
    let second = view.first_pass.is_some();
    let shouting = long_words >= 2 && shouting_words * 10 >= long_words * 8;

    let mut values: Vec<TokenValues> = words
        .iter()
        .zip(view.tokens)
        .zip(&needed)
        .map(|((&word, token), &needed)| {
            if !needed {
                return TokenValues::default();
            }
            let info = if token.kind == TokenKind::Word {
                view.document
                    .words
                    .get(word)
                    .copied()
                    .unwrap_or_else(|| WordInfo::of(view.gazetteer, view.classes, word))
            } else {
                WordInfo::default()
            };
            // Prefixes and suffixes of 2 to 4 characters (found without allocating: this
            // runs for every token).
            let chars = word.chars().count();
            let boundary = |k: usize| word.char_indices().nth(k).map_or(word.len(), |(b, _)| b);
            let prefix = |k: usize| {
                let end = boundary(k.min(chars));
                mix(PREFIX + k as u64, hash_bytes(0, lower_bytes(&word[..end])))
            };
            let suffix = |k: usize| {
                let start = boundary(chars.saturating_sub(k));
                mix(
                    SUFFIX + k as u64,
                    hash_bytes(0, lower_bytes(&word[start..])),
                )
            };
            TokenValues {
                word: hash_bytes(WORD, word.bytes()),
                lower: hash_bytes(LOWER, lower_bytes(word)),
                shape: shape_hash(word),
                prefixes: if second {
                    [0; 3]
                } else {
                    [prefix(2), prefix(3), prefix(4)]
                },
                suffixes: if second {
                    [0; 3]
                } else {
                    [suffix(2), suffix(3), suffix(4)]
                },
                lists: info.lists,
                place_span: 0,
                org_span: 0,
                classes: info.classes,
                capitalised: word.chars().next().is_some_and(char::is_uppercase),
                length: chars.min(8) as u8,
            }
        })
        .collect();

    // Multi-word places: B/I/L positions of the longest match starting at each token.
    let mut i = 0;
    while i < n {
        let mut matched = 0;
        for len in (2..=4).rev() {
            if i + len <= n && letters[i] && letters[i + len - 1] {
                let span = &text[view.tokens[i].start()..view.tokens[i + len - 1].end()];
                if view.gazetteer.places.contains(span) {
                    matched = len;
                    break;
                }
            }
        }
        if matched > 0 {
            values[i].place_span = 1;
            for v in &mut values[i + 1..i + matched - 1] {
                v.place_span = 2;
            }
            values[i + matched - 1].place_span = 3;
            i += matched;
        } else {
            i += 1;
        }
    }

    // Organisations from the list, one to six words: the longest match at each token.
    let mut i = 0;
    while i < n {
        let mut matched = 0;
        if letters[i] && values[i].capitalised {
            for len in (1..=ORG_WORDS_MAX.min(n - i)).rev() {
                let last = &view.tokens[i + len - 1];
                if last.kind == TokenKind::Word || last.kind == TokenKind::Number {
                    let span = &text[view.tokens[i].start()..last.end()];
                    if view.gazetteer.organisations.contains(span) {
                        matched = len;
                        break;
                    }
                }
            }
        }
        if matched == 1 {
            values[i].org_span = 4;
        } else if matched > 1 {
            values[i].org_span = 1;
            for v in &mut values[i + 1..i + matched - 1] {
                v.org_span = 2;
            }
            values[i + matched - 1].org_span = 3;
        }
        i += matched.max(1);
    }

    let mask = (buckets - 1) as u64;
    let mut features = Vec::with_capacity(n * 40);
    let mut offsets = Vec::with_capacity(n + 1);
    let outside = hash_bytes(0, b"<s>".iter().copied());
    for i in 0..n {
        offsets.push(features.len() as u32);
        if !wanted[i] {
            continue;
        }
        let v = &values[i];
        let lower_at = |k: isize| -> u64 {
            let j = i as isize + k;
            if j < 0 || j >= n as isize {
                outside ^ k as u64
            } else {
                values[j as usize].lower
            }
        };
        let shape_at = |k: isize| -> u64 {
            let j = i as isize + k;
            if j < 0 || j >= n as isize {
                outside
            } else {
                values[j as usize].shape
            }
        };
        let mut push = |h: u64| features.push((mix(h, 0x5bd1_e995) & mask) as u32);
        push(BIAS);
        push(v.word);
        push(v.lower);
        push(v.shape);
        // The second pass leans on the first's decisions and keeps fewer local features
        // (so it costs about half a first pass).
        if !second {
            for h in v.prefixes.iter().chain(&v.suffixes) {
                push(*h);
            }
        }
        for k in [-2isize, -1, 1, 2] {
            push(mix(LOWER_AT + (k + 2) as u64 * 100, lower_at(k)));
            if k.abs() == 1 {
                push(mix(SHAPE_AT + (k + 2) as u64 * 100, shape_at(k)));
            }
        }
        if !second {
            push(mix(BIGRAM_BEFORE, mix(lower_at(-1), v.lower)));
            push(mix(BIGRAM_AFTER, mix(v.lower, lower_at(1))));
            push(mix(
                SHAPE_TRIGRAM,
                mix(mix(shape_at(-1), v.shape), shape_at(1)),
            ));
            push(mix(
                LENGTH,
                u64::from(v.length) | u64::from(v.capitalised) << 8,
            ));
        }
        push(mix(INITIAL_SHAPE, mix(u64::from(i == 0), v.shape)));
        if headline {
            push(mix(HEADLINE_SHAPE, mix(u64::from(shouting), v.shape)));
        }
        for bit in 0..LIST_NAMES {
            if v.lists & (1 << bit) != 0 {
                push(mix(LIST, bit as u64));
                push(mix(LIST, mix(bit as u64, u64::from(v.capitalised))));
            }
            if second {
                continue;
            }
            if i > 0 && values[i - 1].lists & (1 << bit) != 0 {
                push(mix(LIST_BEFORE, bit as u64));
            }
            if i + 1 < n && values[i + 1].lists & (1 << bit) != 0 {
                push(mix(LIST_AFTER, bit as u64));
            }
        }
        if v.place_span > 0 {
            push(mix(PLACE_SPAN, u64::from(v.place_span)));
        }
        if v.org_span > 0 {
            push(mix(ORG_SPAN, u64::from(v.org_span)));
            push(mix(ORG_SPAN, mix(u64::from(v.org_span), v.shape)));
        }
        // Word classes: the word's own at every level (with its capital), its neighbours' at
        // a middle level.
        for (level, &class) in v.classes.iter().enumerate() {
            let class = u64::from(class) | (level as u64) << 16;
            push(mix(
                CLASS_CAPITALISED,
                class | u64::from(v.capitalised) << 20,
            ));
        }
        let class_at = |k: isize, level: usize| -> u64 {
            let j = i as isize + k;
            if j < 0 || j >= n as isize {
                u64::MAX
            } else {
                u64::from(values[j as usize].classes[level])
            }
        };
        for k in [-2isize, -1, 1, 2] {
            push(mix(CLASS_AT + (k + 2) as u64 * 100, class_at(k, 2)));
        }
        if !second {
            push(mix(
                CLASS_BIGRAM,
                mix(class_at(-1, 1), u64::from(v.classes[1])),
            ));
            push(mix(
                CLASS_BIGRAM + 1,
                mix(u64::from(v.classes[1]), class_at(1, 1)),
            ));
        }
        let hint = view.hints.get(i).copied().unwrap_or_default();
        push(mix(
            HINT,
            u64::from(hint.label) << 4 | u64::from(hint.position),
        ));
        push(mix(HINT, mix(u64::from(hint.label), v.shape)));
        for k in [-1isize, 1] {
            let j = i as isize + k;
            if j >= 0 && (j as usize) < n {
                let other = view.hints[j as usize];
                push(mix(
                    HINT_AT + (k + 1) as u64,
                    u64::from(other.label) << 4 | u64::from(other.position),
                ));
            }
        }
        if v.capitalised && letters[i] {
            let word = words[i];
            let seen_lower = view
                .document
                .words
                .get(word)
                .is_some_and(|info| info.seen_lower);
            let seen_mid = view.document.mid_sentence_capitals.contains(word);
            push(mix(
                DOCUMENT,
                u64::from(seen_lower) | u64::from(seen_mid) << 1 | u64::from(i == 0) << 2,
            ));
            if let Some(contexts) = view.document.contexts.get(word).filter(|_| !second) {
                for &context in contexts {
                    push(context);
                }
            }
        }
        if let Some(first) = &view.first_pass {
            push_first_pass_features(&mut push, first, words[i], i, letters[i] && v.capitalised);
        }
    }
    offsets.push(features.len() as u32);
    SentenceFeatures { features, offsets }
}
