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

/// The quotes of a text as (speaker name or "unnamed", what was said).
fn quotes_of(text: &str) -> Vec<(String, String)> {
    let (analysis, facts) = facts_of(text);
    of_kind(&facts, FactKind::Quote)
        .into_iter()
        .map(|q| {
            let said = match q.detail {
                Detail::Quote {
                    quote_start,
                    quote_end,
                    ..
                } => text[quote_start..quote_end].to_string(),
                _ => unreachable!(),
            };
            (
                speaker_name(&analysis, q).unwrap_or_else(|| "unnamed".into()),
                said,
            )
        })
        .collect()
}

#[test]
fn reported_speech_starts_after_the_verb_and_its_that() {
    let quotes = quotes_of("Maria Costa said on Monday that the factory would close in March.");
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0].0, "Maria Costa");
    assert_eq!(quotes[0].1, "the factory would close in March");
    let quotes = quotes_of("Pedro Alves told reporters the talks had failed.");
    assert_eq!(quotes[0].1, "the talks had failed", "{quotes:?}");
}

#[test]
fn a_trailing_attribution_gives_the_clause_before_it() {
    let quotes = quotes_of(
        "Ana Lopez met Pedro Alves in Lisbon. The plant will reopen next year, Lopez said on Friday.",
    );
    assert_eq!(
        quotes,
        [(
            "Ana Lopez".to_string(),
            "The plant will reopen next year".to_string()
        )]
    );
    let quotes = quotes_of("The plant will reopen, officials said.");
    assert_eq!(quotes[0].0, "unnamed", "{quotes:?}");
}

#[test]
fn a_comma_inside_a_quotation_does_not_cut_it() {
    let quotes = quotes_of(
        "Ana Lopez spoke first. \u{201c}We tried, and we failed, but we will try again,\u{201d} she said with a smile.",
    );
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(
        quotes[0].1,
        "We tried, and we failed, but we will try again,"
    );
}

#[test]
fn a_quote_introduced_by_wrote_or_a_colon_takes_the_name_before() {
    let quotes = quotes_of("Ana Lopez wrote: \u{201c}The port will change the region.\u{201d}");
    assert_eq!(quotes[0].0, "Ana Lopez", "{quotes:?}");
    let quotes = quotes_of(
        "Ana Lopez, a lecturer from Leeds, said: \u{201c}Nothing has changed in ten years.\u{201d}",
    );
    assert_eq!(quotes[0].0, "Ana Lopez", "{quotes:?}");
}

#[test]
fn organisations_speak_through_it_and_the_company() {
    let quotes = quotes_of(
        "Shares of Acme Corp fell on Monday. The company said it would cut costs. It said demand was weak.",
    );
    let speakers: Vec<&str> = quotes.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(speakers, ["Acme Corp", "Acme Corp"], "{quotes:?}");
}

#[test]
fn according_to_and_unnamed_sources() {
    let quotes = quotes_of("According to the World Bank, growth will slow to 2 percent.");
    assert_eq!(quotes[0].0, "World Bank", "{quotes:?}");
    let quotes = quotes_of("Two senior officials said the deal was close.");
    assert_eq!(quotes[0].0, "unnamed", "{quotes:?}");
}

#[test]
fn a_quote_over_paragraphs_is_one_quote_and_a_lone_quotation_keeps_its_speaker() {
    let text = "\u{201c}We came to build,\u{201d} said Ana Lopez.\n\n\u{201c}First the port.\n\n\u{201c}Then the railway.\u{201d}";
    let quotes = quotes_of(text);
    assert_eq!(quotes.len(), 2, "{quotes:?}");
    assert!(quotes.iter().all(|(s, _)| s == "Ana Lopez"), "{quotes:?}");
    assert!(quotes[1].1.contains("First the port") && quotes[1].1.contains("Then the railway"));
}

#[test]
fn a_prepositional_phrase_is_not_a_speaker_and_future_speech_is_not_a_quote() {
    let quotes = quotes_of("At a briefing in Paris, Ana Lopez said the tariffs would stay.");
    assert_eq!(quotes[0].0, "Ana Lopez", "{quotes:?}");
    assert!(!quotes[0].1.contains("briefing"), "{quotes:?}");
    assert!(quotes_of("Ana Lopez will say on Monday that the plan has failed.").is_empty());
}

#[test]
fn he_said_after_a_quote_is_the_speaker_quoted_not_the_person_quoted_about() {
    let text =
        "Pedro Alves spoke at the port. \u{201c}Ana Lopez is wrong about it,\u{201d} he said.";
    let quotes = quotes_of(text);
    assert_eq!(quotes[0].0, "Pedro Alves", "{quotes:?}");
}

/// The changes of a text as their summaries.
fn change_summaries(text: &str) -> Vec<String> {
    let (_, facts) = facts_of(text);
    of_kind(&facts, FactKind::Change)
        .into_iter()
        .map(|f| f.summary.clone())
        .collect()
}

#[test]
fn changes_stated_by_their_amount() {
    for (text, expected) in [
        (
            "The airline trimmed its staff by 8 percent.",
            "down 8 percent",
        ),
        ("Shares of Acme jumped 31% on Tuesday.", "up 31%"),
        ("The company cut 2,400 jobs last year.", "down 2,400 jobs"),
        (
            "The unemployment rate fell to 6.6 per cent in May.",
            "to 6.6 per cent",
        ),
        (
            "Output rose 1.8 percent to $317.6 billion.",
            "-> $317.6 billion",
        ),
        (
            "Profit rose 1.8 percent in July to $317.6 billion.",
            "up 1.8 percent to $317.6 billion",
        ),
    ] {
        let changes = change_summaries(text);
        assert!(
            changes.iter().any(|c| c.contains(expected)),
            "{text}: {changes:?}"
        );
    }
}

#[test]
fn a_figure_in_a_change_is_not_also_a_quantity() {
    let (_, facts) = facts_of("The company cut 2,400 jobs last year.");
    assert!(of_kind(&facts, FactKind::Quantity).is_empty(), "{facts:#?}");
}

#[test]
fn ages_ranks_and_time_frames_are_not_quantities() {
    let (_, facts) = facts_of(
        "Ana Lopez, 47, a 52-year-old engineer, said the plant would cost $2 billion within two years.",
    );
    let quantities: Vec<String> = of_kind(&facts, FactKind::Quantity)
        .into_iter()
        .map(|f| f.summary.clone())
        .collect();
    assert_eq!(quantities.len(), 1, "{quantities:?}");
    assert!(quantities[0].starts_with("$2 billion"), "{quantities:?}");
}

#[test]
fn headlines_and_organisations_make_events() {
    let (analysis, facts) =
        facts_of("Acme Corp Announces $4 Billion Deal\n\nMore text follows here.");
    let events = of_kind(&facts, FactKind::Event);
    assert_eq!(events.len(), 1, "{facts:#?}");
    match &events[0].detail {
        Detail::Event { who, action, .. } => {
            assert_eq!(action, "announced");
            assert_eq!(analysis.groups[who[0]].name, "Acme Corp");
        }
        other => panic!("{other:?}"),
    }
    let (_, facts) = facts_of("Ana Lopez will visit Paris next week.");
    assert!(of_kind(&facts, FactKind::Event).is_empty(), "{facts:#?}");
}

#[test]
fn quotes_group_by_speaker_most_quoted_first() {
    let text = "Ana Lopez said the port would open. Pedro Alves said it would not. \
        Lopez added that the railway would follow. The plan will fail, analysts said.";
    let (analysis, facts) = facts_of(text);
    let speakers = super::quotes_by_speaker(&facts, &analysis.groups);
    let names: Vec<(&str, usize)> = speakers
        .iter()
        .map(|s| (s.name.as_str(), s.quotes.len()))
        .collect();
    assert_eq!(
        names,
        [("Ana Lopez", 2), ("Pedro Alves", 1), ("Unnamed sources", 1)]
    );
}
