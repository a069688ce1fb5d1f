//! Reading CoNLL-2003 files (word, POS, chunk, NER per line) into running text with entity
//! spans, rendered the way `conll_to_suite.py` renders them so that training text looks
//! like the text the scorer feeds the extractor.

use crate::entity::Label;
use std::path::Path;

/// One document: its text and its PERSON / PLACE / ORG spans (byte ranges).
#[derive(Clone, Debug, Default)]
pub struct ConllDocument {
    pub text: String,
    pub spans: Vec<(usize, usize, Label)>,
    /// MISC spans: the scorer neither rewards nor penalises anything overlapping them.
    pub ignore: Vec<(usize, usize)>,
}

const NO_SPACE_BEFORE: &[&str] = &[
    ",", ".", ";", ":", "?", "!", ")", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "'",
];
const NO_SPACE_AFTER: &[&str] = &["(", "$"];

pub fn read(path: &Path) -> std::io::Result<Vec<ConllDocument>> {
    Ok(parse(&std::fs::read_to_string(path)?))
}

/// Parses CoNLL text. MISC entities are dropped (our labels have no MISC).
pub fn parse(conll: &str) -> Vec<ConllDocument> {
    let mut documents = Vec::new();
    let mut sentence: Vec<(&str, &str)> = Vec::new();
    let mut document = ConllDocument::default();
    let flush_sentence = |sentence: &mut Vec<(&str, &str)>, document: &mut ConllDocument| {
        if !sentence.is_empty() {
            render_sentence(sentence, document);
            sentence.clear();
        }
    };
    for line in conll.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        match parts.as_slice() {
            [] => flush_sentence(&mut sentence, &mut document),
            ["-DOCSTART-", ..] => {
                flush_sentence(&mut sentence, &mut document);
                if !document.text.is_empty() {
                    documents.push(std::mem::take(&mut document));
                }
            }
            [word, .., tag] => sentence.push((word, tag)),
            [_] => {}
        }
    }
    flush_sentence(&mut sentence, &mut document);
    if !document.text.is_empty() {
        documents.push(document);
    }
    documents
}

fn label_of(kind: &str) -> Option<Label> {
    match kind {
        "PER" => Some(Label::Person),
        "LOC" => Some(Label::Place),
        "ORG" => Some(Label::Org),
        _ => None,
    }
}

fn render_sentence(sentence: &[(&str, &str)], document: &mut ConllDocument) {
    let text = &mut document.text;
    let mut current: Option<(usize, usize, &str)> = None;
    let mut previous: Option<&str> = None;
    let close = |current: &mut Option<(usize, usize, &str)>,
                 spans: &mut Vec<(usize, usize, Label)>,
                 ignore: &mut Vec<(usize, usize)>| {
        if let Some((start, end, kind)) = current.take() {
            match label_of(kind) {
                Some(label) => spans.push((start, end, label)),
                None => ignore.push((start, end)),
            }
        }
    };
    for &(word, tag) in sentence {
        if let Some(previous) = previous
            && !NO_SPACE_BEFORE.contains(&word)
            && !NO_SPACE_AFTER.contains(&previous)
        {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(word);
        let end = text.len();
        let kind = tag.get(2..).filter(|_| tag != "O");
        match kind {
            None => close(&mut current, &mut document.spans, &mut document.ignore),
            Some(kind) => {
                let begins = tag.starts_with("B-") || current.is_none_or(|(_, _, k)| k != kind);
                if begins {
                    close(&mut current, &mut document.spans, &mut document.ignore);
                    current = Some((start, end, kind));
                } else if let Some(c) = current.as_mut() {
                    c.1 = end;
                }
            }
        }
        previous = Some(word);
    }
    close(&mut current, &mut document.spans, &mut document.ignore);
    text.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_render_like_the_scoring_suite() {
        let conll = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\ncall NN I-NP O\n. . O O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- -X- O\n\nIn IN B-PP O\nNew NNP B-NP I-LOC\nYork NNP I-NP I-LOC\n's POS B-NP O\n";
        let documents = parse(conll);
        assert_eq!(documents.len(), 2);
        assert_eq!(
            documents[0].text,
            "EU rejects German call.\nPeter Blackburn\n"
        );
        let spans: Vec<&str> = documents[0]
            .spans
            .iter()
            .map(|&(s, e, _)| &documents[0].text[s..e])
            .collect();
        assert_eq!(spans, ["EU", "Peter Blackburn"]);
        assert_eq!(documents[0].ignore, vec![(11, 17)], "German is MISC");
        assert_eq!(documents[1].text, "In New York's\n");
        assert_eq!(documents[1].spans, vec![(3, 11, Label::Place)]);
    }
}
