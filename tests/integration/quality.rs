//! Extraction quality bars, through the library.

use super::score::{ALL_LABELS, Span, Tally};
use newslens::model::conll;
use newslens::pipeline::extract;
use std::path::Path;

fn predicted(text: &str) -> Vec<Span> {
    extract(text)
        .mentions
        .iter()
        .map(|m| (m.start, m.end, m.label.as_str().to_string()))
        .collect()
}

/// The entities and ignore regions of a gold file in the scorer's format.
fn gold_spans(path: &Path) -> (Vec<Span>, Vec<(usize, usize)>) {
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let spans = |key: &str| -> Vec<Span> {
        gold[key]
            .as_array()
            .map(|list| {
                list.iter()
                    .map(|e| {
                        let label = e["label"].as_str().unwrap_or("").to_string();
                        (
                            e["start"].as_u64().unwrap() as usize,
                            e["end"].as_u64().unwrap() as usize,
                            label,
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let ignore = spans("ignore")
        .into_iter()
        .map(|(s, e, _)| (s, e))
        .collect();
    (spans("entities"), ignore)
}

#[test]
fn the_sample_article_scores_at_least_0_97_exact() {
    let text = std::fs::read_to_string("seeds/china-peru-chancay.txt").unwrap();
    let (gold, ignore) = gold_spans(Path::new("tests/fixtures/china-peru-chancay.gold.json"));
    let mut tally = Tally::default();
    tally.add(&gold, &predicted(&text), &ignore, ALL_LABELS);
    assert!(tally.f1() >= 0.97, "exact micro-F1 {:.3}", tally.f1());
}

/// The modern-news development set (`tests/eval/modern_news`): the articles whose text is
/// committed (public domain and CC BY; the others are rebuilt from their sources and may be
/// absent). Exact micro-F1 over all six labels was 0.59 before word classes, the second
/// pass and the organisation list, 0.69 with them.
#[test]
fn committed_modern_news_articles_score_at_least_0_66_exact() {
    let folder = Path::new("tests/eval/modern_news");
    let mut tally = Tally::default();
    let mut articles = 0;
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let gold = path.with_extension("gold.json");
        let (gold, ignore) = gold_spans(&gold);
        let text = std::fs::read_to_string(&path).unwrap();
        tally.add(&gold, &predicted(&text), &ignore, ALL_LABELS);
        articles += 1;
    }
    assert!(articles >= 14, "{articles} articles");
    assert!(tally.f1() >= 0.66, "exact micro-F1 {:.3}", tally.f1());
}

/// CoNLL-2003 dev documents 0, 4, 8, ... are held back from training and from choosing
/// the number of passes (see `newslens train`). The data is not in the repository: the
/// test runs where `../shared` has it and says so where it does not.
#[test]
fn held_back_conll_dev_documents_score_at_least_0_92_exact() {
    let path = Path::new("../shared/data/conll2003/dev.txt");
    if !path.exists() {
        eprintln!("skipped: {} is not here", path.display());
        return;
    }
    let documents = conll::read(path).unwrap();
    // Every document goes through the whole analysis (facts too) without a panic.
    for document in &documents {
        newslens::analyse(newslens::Document::from_text(
            "conll",
            document.text.clone(),
        ));
    }
    let mut tally = Tally::default();
    for document in documents.iter().step_by(4) {
        let gold: Vec<Span> = document
            .spans
            .iter()
            .map(|&(s, e, label)| (s, e, label.as_str().to_string()))
            .collect();
        tally.add(
            &gold,
            &predicted(&document.text),
            &document.ignore,
            &["PERSON", "PLACE", "ORG"],
        );
    }
    assert!(
        tally.f1() >= 0.92,
        "exact micro-F1 {:.3} on held-back CoNLL dev",
        tally.f1()
    );
}

/// The label of the mention covering each occurrence of `name` in `text` (the name alone,
/// or a longer name holding it: "Brenthor" in "Brenthor Inc").
fn labels_of(text: &str, name: &str) -> Vec<Option<String>> {
    let mentions = extract(text).mentions;
    text.match_indices(name)
        .map(|(start, _)| {
            mentions
                .iter()
                .find(|m| m.start <= start && m.end >= start + name.len())
                .map(|m| m.label.as_str().to_string())
        })
        .collect()
}

/// Companies named by one word that no word list holds, in the contexts business news
/// gives them, are organisations, never people.
#[test]
fn one_word_companies_in_business_contexts_are_organisations() {
    let cases = [
        (
            "Vantrix",
            "Shares of Vantrix fell 8 percent on Tuesday after the software maker cut its \
             forecast. Vantrix said in a statement that demand had weakened.",
        ),
        (
            "Korvalo",
            "Korvalo, the Danish shipping group, raised $300 million from investors. \
             Analysts said Korvalo would use the money to buy new container ships.",
        ),
        (
            "Quindle",
            "The airline Quindle will add 12 routes next year, its chief executive told \
             reporters in Dublin. Quindle flies to 40 countries.",
        ),
        (
            "Brenthor",
            "Brenthor Inc reported higher quarterly profit. Brenthor's chief executive \
             said the company would hire 600 more workers.",
        ),
    ];
    for (name, text) in cases {
        let labels = labels_of(text, name);
        assert!(
            labels.iter().all(|l| l.as_deref() == Some("ORG")),
            "{name}: {labels:?} in {text:?}"
        );
    }
}

/// A first mention the sentence alone gets wrong (a bare name that could be anyone's) is
/// corrected by the rest of the document, not spread to it.
#[test]
fn a_mistagged_first_mention_does_not_spread_to_the_document() {
    let text = "Zelvik will cut 2,400 jobs, it said on Monday. Shares of Zelvik fell 5% \
                after the company warned on profits. Zelvik, which makes car batteries, \
                employs 30,000 people. A spokesman for Zelvik declined to comment.";
    let labels = labels_of(text, "Zelvik");
    assert_eq!(labels.len(), 4);
    assert!(
        labels.iter().all(|l| l.as_deref() == Some("ORG")),
        "{labels:?}"
    );
    // And a person named in full keeps every later mention of the surname.
    let text = "Marta Okonjo was named chief executive on Friday. Okonjo, 52, joined the \
                bank in 2010. Analysts said Okonjo would cut costs.";
    let labels = labels_of(text, "Okonjo");
    assert!(
        labels.iter().all(|l| l.as_deref() == Some("PERSON")),
        "{labels:?}"
    );
}
