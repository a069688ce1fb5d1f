//! CoNLL with IOB2 tags, for training other taggers on newslens output (corrections
//! included): one token a line with its tag, a blank line between sentences, and
//! `-DOCSTART-` opening each document so that documents can be concatenated.

use crate::analysis::Analysis;
use crate::text::tokenize;
use std::fmt::Write;

pub fn render(analysis: &Analysis) -> String {
    let text = analysis.text();
    let tokens = tokenize(text);
    let mentions = &analysis.mentions;
    let mut out = String::from("-DOCSTART-\tO\n\n");
    let mut m = 0;
    for sentence in &analysis.sentences {
        let Some(sentence_tokens) = tokens.get(sentence.tokens.clone()) else {
            continue;
        };
        if sentence_tokens.is_empty() {
            continue;
        }
        for token in sentence_tokens {
            while m < mentions.len() && mentions[m].end <= token.start() {
                m += 1;
            }
            let tag = match mentions
                .get(m)
                .filter(|mention| mention.start < token.end())
            {
                // The first token a mention touches begins it; the others continue it.
                Some(mention) if token.start() <= mention.start => format!("B-{}", mention.label),
                Some(mention) => format!("I-{}", mention.label),
                None => "O".to_string(),
            };
            // Tokens never hold whitespace, so a tab always separates the columns.
            let _ = writeln!(out, "{}\t{tag}", token.text(text));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, analyse};

    #[test]
    fn tags_are_iob2_with_sentences_apart() {
        let analysis = analyse(Document::from_text(
            "t",
            "Xi Jinping met Dina Boluarte in Beijing. Peru gains.",
        ));
        let out = render(&analysis);
        assert!(out.starts_with("-DOCSTART-\tO\n\n"));
        assert!(
            out.contains("Xi\tB-PERSON\nJinping\tI-PERSON\nmet\tO\n"),
            "{out}"
        );
        assert!(
            out.contains("Beijing\tB-PLACE\n.\tO\n\nPeru\tB-PLACE\n"),
            "{out}"
        );
        assert!(out.ends_with("\n\n"));
    }

    #[test]
    fn adjacent_mentions_each_begin_with_b() {
        let mut analysis = analyse(Document::from_text("t", "Peru China deal."));
        analysis.mentions = vec![
            crate::Mention::new(0..4, crate::Label::Place, crate::Source::User, 1.0),
            crate::Mention::new(5..10, crate::Label::Place, crate::Source::User, 1.0),
        ];
        let out = render(&analysis);
        assert!(
            out.contains("Peru\tB-PLACE\nChina\tB-PLACE\ndeal\tO\n"),
            "{out}"
        );
    }
}
