//! Facts from small sentences written for each kind and variant, and from the sample.

use super::{Detail, Fact, FactKind};
use crate::{Analysis, Document, analyse, document};

fn facts_of(text: &str) -> (Analysis, Vec<Fact>) {
    let analysis = analyse(Document::from_text("t", text));
    let facts = analysis.facts.clone();
    (analysis, facts)
}

fn of_kind(facts: &[Fact], kind: FactKind) -> Vec<&Fact> {
    facts.iter().filter(|f| f.kind == kind).collect()
}

fn speaker_name(analysis: &Analysis, fact: &Fact) -> Option<String> {
    fact.speaker().map(|g| analysis.groups[g].name.clone())
}

#[test]
fn from_x_to_y_is_a_change_with_what_changes() {
    let (_, facts) = facts_of("The journey time will be reduced from 45 days to 23 days.");
    let change = of_kind(&facts, FactKind::Change)[0];
    assert_eq!(
        change.summary,
        "journey time: 45 days -> 23 days (-22 days, -49%)"
    );
}

#[test]
fn rose_by_a_percentage_to_a_value_is_a_change() {
    let (_, facts) = facts_of("Exports rose 10% to $11 billion last year.");
    let change = of_kind(&facts, FactKind::Change)[0];
    match &change.detail {
        Detail::Change { from, to, what, .. } => {
            assert_eq!(to.value, Some(11e9));
            assert_eq!(from.value.map(|v| v.round()), Some(10_000_000_000f64));
            assert_eq!(what.as_deref(), Some("Exports"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn up_from_and_doubled_are_changes() {
    let (_, facts) = facts_of("Profit reached $5 billion, up from $4 billion.");
    assert!(
        of_kind(&facts, FactKind::Change)[0]
            .summary
            .contains("$4 billion -> $5 billion")
    );
    let (_, facts) = facts_of("Sales doubled to 40 units.");
    assert!(
        of_kind(&facts, FactKind::Change)[0]
            .summary
            .contains("20 -> 40 units")
    );
    let (_, facts) = facts_of("The government cut the deficit by half to $5 billion.");
    let change = of_kind(&facts, FactKind::Change)[0];
    assert!(
        change
            .summary
            .starts_with("deficit: 10,000,000,000 -> $5 billion"),
        "{}",
        change.summary
    );
}

#[test]
fn a_verb_before_its_object_changes_the_object() {
    let (_, facts) = facts_of(
        "The line cut the travel time between Mombasa and Nairobi from 10 hours to about four and a half hours.",
    );
    let change = of_kind(&facts, FactKind::Change)[0];
    assert_eq!(
        change.summary,
        "travel time between Mombasa and Nairobi: 10 hours -> four and a half hours (-5.5 hours, -55%)"
    );
}

#[test]
fn a_percentage_move_without_its_ends_is_a_change() {
    let (_, facts) = facts_of("Tesla shares fell 8.8 percent on Friday.");
    let change = of_kind(&facts, FactKind::Change)[0];
    assert_eq!(change.summary, "Tesla shares: down 8.8 percent");
}

#[test]
fn according_to_names_the_source() {
    let (analysis, facts) = facts_of(
        "Investment passed $100 billion last year, according to the Department of Energy.",
    );
    let quote = of_kind(&facts, FactKind::Quote)[0];
    assert_eq!(
        speaker_name(&analysis, quote).as_deref(),
        Some("Department of Energy")
    );
}

#[test]
fn a_quantity_keeps_its_hedge_value_and_time() {
    let (_, facts) = facts_of(
        "At least 1 million containers will be handled by the port in the first year of operation.",
    );
    let quantity = of_kind(&facts, FactKind::Quantity)[0];
    match &quantity.detail {
        Detail::Quantity {
            amount,
            qualifier,
            when,
            ..
        } => {
            assert_eq!(amount.value, Some(1e6));
            assert_eq!(amount.unit, "containers");
            assert_eq!(qualifier.as_deref(), Some("at least"));
            assert_eq!(when.as_deref(), Some("in the first year of operation"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn quotes_find_their_speakers() {
    let text = "Angela Merkel met Emmanuel Macron in Paris on Monday. \
        Europe must stand together, said Merkel. \
        Macron said the talks were useful. \
        He added that France would help. \
        \"We will not give up,\" the chancellor told reporters. \
        The plan will fail, said analysts.";
    let (analysis, facts) = facts_of(text);
    let quotes = of_kind(&facts, FactKind::Quote);
    let speakers: Vec<Option<String>> = quotes.iter().map(|q| speaker_name(&analysis, q)).collect();
    assert_eq!(
        speakers,
        [
            Some("Angela Merkel".to_string()),
            Some("Emmanuel Macron".to_string()),
            Some("Emmanuel Macron".to_string()),
            None,
            None
        ],
        "{quotes:#?}"
    );
    assert!(
        quotes[4].summary.starts_with("analysts (unnamed)"),
        "{}",
        quotes[4].summary
    );
}

#[test]
fn a_quote_over_several_sentences_is_one_quote() {
    let text = "\"We came to trade. We will stay for years,\" said Kim Jong Un.";
    let (analysis, facts) = facts_of(text);
    let quotes = of_kind(&facts, FactKind::Quote);
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    assert_eq!(
        speaker_name(&analysis, quotes[0]).as_deref(),
        Some("Kim Jong Un")
    );
    match quotes[0].detail {
        Detail::Quote {
            quote_start,
            quote_end,
            ..
            // What was said, inside the marks.
        } => assert_eq!(
            &text[quote_start..quote_end],
            "We came to trade. We will stay for years,"
        ),
        _ => unreachable!(),
    }
}

#[test]
fn events_have_who_when_and_where() {
    let (_, facts) =
        facts_of("Prime Minister Narendra Modi met Joe Biden on Friday in Washington.");
    let event = of_kind(&facts, FactKind::Event)[0];
    assert_eq!(
        event.summary,
        "Narendra Modi and Joe Biden met · Friday · in Washington"
    );
}

#[test]
fn the_sample_gives_its_changes_quantities_events_and_quotes() {
    let analysis = analyse(document::sample());
    let facts = &analysis.facts;
    let summaries: Vec<&str> = facts.iter().map(|f| f.summary.as_str()).collect();
    assert!(
        summaries.contains(&"transportation time: 45 days -> 23 days (-22 days, -49%)"),
        "{summaries:#?}"
    );
    assert!(
        summaries
            .iter()
            .any(|s| s.starts_with("at least 1 million containers (= 1,000,000 containers)")),
        "{summaries:#?}"
    );
    assert!(
        summaries
            .iter()
            .any(|s| s.contains("visit · five-day") && s.contains("in China")),
        "{summaries:#?}"
    );
    assert!(
        summaries.contains(&"Xi Jinping and Dina Boluarte held talks · Friday · in Beijing"),
        "{summaries:#?}"
    );

    let quotes = of_kind(facts, FactKind::Quote);
    let named: Vec<String> = quotes
        .iter()
        .filter_map(|q| speaker_name(&analysis, q))
        .collect();
    for speaker in ["Xi Jinping", "Dina Boluarte", "Wang Youming", "Jose Arista"] {
        assert!(
            named.iter().any(|n| n == speaker),
            "no quote by {speaker}: {quotes:#?}"
        );
    }
    // Nothing the sample quotes is said by anyone else it names.
    let allowed = [
        "Xi Jinping",
        "Dina Boluarte",
        "Wang Youming",
        "Jose Arista",
        "Laura Richardson",
        "Reuters",
    ];
    for name in &named {
        assert!(
            allowed.contains(&name.as_str()),
            "unexpected speaker {name}"
        );
    }
}
