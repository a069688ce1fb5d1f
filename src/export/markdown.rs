//! The Markdown export: entities by kind with their counts, then the facts, each with its
//! sentence quoted.

use crate::analysis::Analysis;
use crate::entity::Label;
use std::fmt::Write;

pub fn render(analysis: &Analysis) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", analysis.document.name);
    let _ = writeln!(
        out,
        "{} entities, {} mentions, {} facts.\n",
        analysis.groups.len(),
        analysis.mentions.len(),
        analysis.facts.len()
    );
    for label in Label::ALL {
        let groups: Vec<_> = analysis
            .groups
            .iter()
            .filter(|g| g.label == label)
            .collect();
        if groups.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {} ({})\n", label.plural(), label.as_str());
        for group in groups {
            let _ = writeln!(
                out,
                "- **{}** — {} mention{}",
                escape(&group.name),
                group.mention_count(),
                if group.mention_count() == 1 { "" } else { "s" }
            );
        }
        out.push('\n');
    }
    for kind in crate::facts::FactKind::ALL {
        let facts: Vec<_> = analysis.facts.iter().filter(|f| f.kind == kind).collect();
        if facts.is_empty() {
            continue;
        }
        let heading = match kind {
            crate::facts::FactKind::Change => "Changes",
            crate::facts::FactKind::Quantity => "Figures",
            crate::facts::FactKind::Quote => "Quotes",
            crate::facts::FactKind::Event => "Events",
            crate::facts::FactKind::Date => "Dates",
        };
        let _ = writeln!(out, "## {heading}\n");
        for fact in facts {
            let sentence = super::fact_context(analysis, fact)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let _ = writeln!(
                out,
                "- {} (bytes {}–{})\n\n  > {}\n",
                escape(&fact.summary),
                fact.start,
                fact.end,
                escape(&sentence)
            );
        }
    }
    out
}

/// Escapes the characters Markdown would read as markup.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
