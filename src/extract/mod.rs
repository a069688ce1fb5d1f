//! The extraction pipeline: dates and figures by pattern, names by rules over capitalised
//! words, then a document-level pass that makes the names consistent.

mod consistency;
mod dates;
mod figures;
pub mod gazetteer;
mod names;

pub use consistency::initials;
pub use names::is_acronym;

use crate::entity::Mention;
use crate::text::{Sentence, Token, split_sentences, tokenize};

/// Everything extraction learns about a text.
#[derive(Clone, Debug, Default)]
pub struct Extraction {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// Sorted by start, never overlapping.
    pub mentions: Vec<Mention>,
}

/// Runs every stage over the text.
pub fn extract(text: &str) -> Extraction {
    let tokens = tokenize(text);
    let sentences = split_sentences(text, &tokens);

    let mut numeric = dates::find_dates(text);
    numeric.extend(figures::find_figures(text, &tokens));
    let numeric = without_overlaps(numeric);

    let blocked = blocked_tokens(&tokens, &numeric);
    let mut candidates: Vec<_> = sentences
        .iter()
        .flat_map(|sentence| names::find_names(text, &tokens, sentence, &|i| blocked[i]))
        .collect();
    consistency::settle(text, &mut candidates);

    let mut mentions = numeric;
    mentions.extend(candidates.into_iter().filter_map(|c| {
        c.label
            .map(|label| Mention::new(c.start..c.end, label, c.source, c.score))
    }));
    Extraction {
        tokens,
        sentences,
        mentions: without_overlaps(mentions),
    }
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
