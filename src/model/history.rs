//! What the tagger's first pass decided about each word across a document, for its second
//! pass (Ratinov & Roth's "prediction aggregation"): news introduces a person in full
//! ("Lisa Su") and then shortens the name ("Su"), and names a company in a telling context
//! once ("Maersk said in a statement") and bare elsewhere. The second pass sees, for every
//! capitalised word, how the first pass tagged its other occurrences.

use super::tags::{self, Position, Tag};
use crate::text::{Token, TokenKind};
use rustc_hash::FxHashMap;

/// How one word was tagged by the first pass, over the whole document.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordRecord {
    /// Capitalised occurrences of the word.
    pub occurrences: u32,
    /// Occurrences tagged as each kind (PERSON, PLACE, ORG) at each position (B, I, L, U).
    pub tagged: [[u32; 4]; tags::KINDS.len()],
}

/// The first pass's decisions, word by word.
#[derive(Default)]
pub struct PredictionHistory<'t> {
    words: FxHashMap<&'t str, WordRecord>,
}

impl<'t> PredictionHistory<'t> {
    /// Gathers the first pass's tags (`first_tags[i]` for token i) over every capitalised word.
    pub fn gather(text: &'t str, tokens: &[Token], first_tags: &[u8]) -> Self {
        let mut words: FxHashMap<&'t str, WordRecord> = FxHashMap::default();
        for (token, &tag) in tokens.iter().zip(first_tags) {
            let word = token.text(text);
            if token.kind != TokenKind::Word || !word.chars().next().is_some_and(char::is_uppercase)
            {
                continue;
            }
            let record = words.entry(word).or_default();
            record.occurrences += 1;
            if let Some((kind, position)) = tags::parts(Tag::from(tag)) {
                record.tagged[kind][position as usize] += 1;
            }
        }
        PredictionHistory { words }
    }

    /// The record of a word's other occurrences: everything but the one tagged `own`.
    pub fn others(&self, word: &str, own: Tag) -> Option<WordRecord> {
        let mut record = *self.words.get(word)?;
        record.occurrences = record.occurrences.saturating_sub(1);
        if let Some((kind, position)) = tags::parts(own) {
            let count = &mut record.tagged[kind][position as usize];
            *count = count.saturating_sub(1);
        }
        Some(record)
    }
}

impl WordRecord {
    /// Occurrences tagged as a kind, at any position.
    pub fn of_kind(&self, kind: usize) -> u32 {
        self.tagged[kind].iter().sum()
    }

    /// Occurrences the first pass left outside any name.
    pub fn untagged(&self) -> u32 {
        let tagged: u32 = (0..tags::KINDS.len()).map(|k| self.of_kind(k)).sum();
        self.occurrences.saturating_sub(tagged)
    }

    /// Was the word ever the last word of a longer name of this kind ("Su" in "Lisa Su")?
    pub fn ended_a_longer_name(&self, kind: usize) -> bool {
        self.tagged[kind][Position::Last as usize] > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn a_word_remembers_how_its_other_occurrences_were_tagged() {
        let text = "Lisa Su spoke. Su left.";
        let tokens = tokenize(text);
        let person = tags::kind_index(crate::entity::Label::Person).unwrap();
        let mut first = vec![tags::OUTSIDE; tokens.len()];
        first[0] = tags::tag(person, Position::Begin);
        first[1] = tags::tag(person, Position::Last);
        let first: Vec<u8> = first.into_iter().map(tags::compact).collect();
        let history = PredictionHistory::gather(text, &tokens, &first);
        // The second "Su" (token 4), left untagged by the first pass.
        let others = history.others("Su", tags::OUTSIDE).unwrap();
        assert_eq!(others.occurrences, 1);
        assert!(others.ended_a_longer_name(person));
        assert_eq!(others.untagged(), 0);
        // The first "Su", seen from itself: its one other occurrence is untagged.
        let others = history.others("Su", Tag::from(first[1])).unwrap();
        assert_eq!((others.occurrences, others.untagged()), (1, 1));
        assert!(history.others("Nobody", tags::OUTSIDE).is_none());
    }
}
