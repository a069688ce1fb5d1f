//! The rule-based stages of extraction: dates and figures by pattern, names from runs of
//! capitalised words (whose findings are hints to the tagger), and the document-level
//! pass that makes names consistent. `pipeline` runs them in order with the tagger.

mod consistency;
mod cues;
mod dates;
mod figures;
mod names;

pub use consistency::{COMPANY_SUFFIXES, initials};
pub(crate) use consistency::{Undecided, settle};
pub(crate) use dates::find_dates;
pub use names::{MAX_NAME_TOKENS, is_acronym};
pub(crate) use names::{NameCandidate, find_names, is_month_or_weekday};

use crate::entity::Mention;
use crate::text::Token;
use rayon::prelude::*;

/// Figures, found in stretches of tokens cut at line breaks (which no figure crosses), on
/// every core.
pub(crate) fn find_figures(text: &str, tokens: &[Token]) -> Vec<Mention> {
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

/// Marks the tokens covered by a mention.
pub(crate) fn blocked_tokens(tokens: &[Token], mentions: &[Mention]) -> Vec<bool> {
    let mut blocked = vec![false; tokens.len()];
    let mut m = 0;
    for (i, token) in tokens.iter().enumerate() {
        while m < mentions.len() && mentions[m].end <= token.start() {
            m += 1;
        }
        blocked[i] = m < mentions.len() && mentions[m].start < token.end();
    }
    blocked
}

/// Sorts mentions and drops any that overlaps an earlier, longer one.
pub(crate) fn without_overlaps(mut mentions: Vec<Mention>) -> Vec<Mention> {
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
    use crate::entity::Label;
    use crate::pipeline::extract;

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
