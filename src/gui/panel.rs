//! The side panel: entities grouped by kind (with a filter), and the facts.

use super::command::Command;
use super::entity_list::EntityList;
use super::reader::Selection;
use super::settings::Settings;
use super::style;
use egui::{RichText, ScrollArea};
use newslens::Analysis;
use newslens::facts::FactKind;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Entities,
    Facts,
}

#[derive(Default)]
pub struct PanelState {
    pub tab: Tab,
    pub entities: EntityList,
    /// How many cards each facts section shows (long documents have thousands).
    pub facts_shown: usize,
}

pub fn show(
    ui: &mut egui::Ui,
    state: &mut PanelState,
    analysis: &Analysis,
    settings: &Settings,
    selection: &Selection,
) -> Option<Command> {
    ui.horizontal(|ui| {
        ui.selectable_value(
            &mut state.tab,
            Tab::Entities,
            format!("Entities ({})", analysis.groups.len()),
        );
        ui.selectable_value(
            &mut state.tab,
            Tab::Facts,
            format!("Facts ({})", analysis.facts.len()),
        );
    });
    ui.separator();
    match state.tab {
        Tab::Entities => state.entities.show(ui, analysis, settings, selection),
        Tab::Facts => facts(ui, state, analysis, selection),
    }
}

/// Each facts section shows this many cards at first, and this many more on request.
const FACTS_PAGE: usize = 100;

fn facts(
    ui: &mut egui::Ui,
    state: &mut PanelState,
    analysis: &Analysis,
    selection: &Selection,
) -> Option<Command> {
    if analysis.provisional {
        ui.weak("Facts are drawn when the whole document is read.");
        return None;
    }
    let limit = state.facts_shown.max(FACTS_PAGE);
    let mut show_more = false;
    let mut command = None;
    ScrollArea::vertical()
        .id_salt("facts")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // The selected entity's own facts first: what it said, the figures about it.
            if let Some(group) = selection.group.and_then(|g| analysis.groups.get(g)) {
                let own: Vec<usize> = (0..analysis.facts.len())
                    .filter(|&i| {
                        let fact = &analysis.facts[i];
                        fact.entities.contains(&group.id) || fact.speaker() == Some(group.id)
                    })
                    .collect();
                show_more |= section(
                    ui,
                    &format!("About {}", group.name),
                    &own[..own.len().min(limit)],
                    own.len(),
                    analysis,
                    selection,
                    &mut command,
                );
            }
            let figures_and_changes = &[FactKind::Change, FactKind::Quantity][..];
            show_more |= kind_section(
                ui,
                "Figures and changes",
                figures_and_changes,
                limit,
                analysis,
                selection,
                &mut command,
            );
            quotes_section(ui, limit, analysis, selection, &mut command);
            for (heading, kinds) in [
                ("Events", &[FactKind::Event][..]),
                ("Dates", &[FactKind::Date][..]),
            ] {
                let of_kind: Vec<usize> = (0..analysis.facts.len())
                    .filter(|&i| kinds.contains(&analysis.facts[i].kind))
                    .collect();
                show_more |= section(
                    ui,
                    heading,
                    &of_kind[..of_kind.len().min(limit)],
                    of_kind.len(),
                    analysis,
                    selection,
                    &mut command,
                );
            }
        });
    if show_more {
        state.facts_shown = limit + FACTS_PAGE;
    }
    command
}

/// The facts of some kinds under one heading.
fn kind_section(
    ui: &mut egui::Ui,
    heading: &str,
    kinds: &[FactKind],
    limit: usize,
    analysis: &Analysis,
    selection: &Selection,
    command: &mut Option<Command>,
) -> bool {
    let of_kind: Vec<usize> = (0..analysis.facts.len())
        .filter(|&i| kinds.contains(&analysis.facts[i].kind))
        .collect();
    section(
        ui,
        heading,
        &of_kind[..of_kind.len().min(limit)],
        of_kind.len(),
        analysis,
        selection,
        command,
    )
}

/// Quotes grouped by speaker, most quoted first: "Dina Boluarte · 8 quotes".
fn quotes_section(
    ui: &mut egui::Ui,
    limit: usize,
    analysis: &Analysis,
    selection: &Selection,
    command: &mut Option<Command>,
) {
    let speakers = newslens::facts::quotes_by_speaker(&analysis.facts, &analysis.groups);
    let total: usize = speakers.iter().map(|s| s.quotes.len()).sum();
    if total == 0 {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new(format!("Quotes · {total}")).strong());
    // Each speaker shows up to `limit` quotes.
    for speaker in &speakers {
        let count = speaker.quotes.len();
        let title = format!(
            "{} · {count} {}",
            speaker.name,
            if count == 1 { "quote" } else { "quotes" }
        );
        egui::CollapsingHeader::new(title)
            .id_salt(("quotes of", speaker.speaker))
            .default_open(true)
            .show(ui, |ui| {
                cards(
                    ui,
                    &speaker.quotes[..count.min(limit)],
                    analysis,
                    selection,
                    command,
                );
            });
    }
}

/// A heading and a card for each fact: its normalised line (click to jump, hover for the
/// sentence) and its entities as chips (click to select). Returns whether the user asked
/// to see more than `facts` (the first ones of `total`).
fn section(
    ui: &mut egui::Ui,
    heading: &str,
    facts: &[usize],
    total: usize,
    analysis: &Analysis,
    selection: &Selection,
    command: &mut Option<Command>,
) -> bool {
    if facts.is_empty() {
        return false;
    }
    ui.add_space(6.0);
    ui.label(RichText::new(format!("{heading} · {total}")).strong());
    cards(ui, facts, analysis, selection, command);
    total > facts.len()
        && ui
            .button(format!("Show more ({} of {total} shown)", facts.len()))
            .clicked()
}

/// The size of chip text: the panel's body text, at most this much smaller.
pub const CHIP_SIZE_BELOW_BODY: f32 = 1.0;

/// An entity as a chip: its name in the body colour on its kind's tint, outlined in the
/// kind's colour (coloured text on the panel would be too faint to read).
fn chip<'a>(ui: &egui::Ui, group: &newslens::groups::Group) -> impl egui::Widget + 'a {
    let body = egui::TextStyle::Body.resolve(ui.style()).size;
    let dark = ui.visuals().dark_mode;
    let text = RichText::new(&group.name)
        .size(body - CHIP_SIZE_BELOW_BODY)
        .color(ui.visuals().strong_text_color());
    let hover = format!("{} · {}", group.label.as_str(), group.name);
    let button = egui::Button::new(text)
        .fill(style::tint(group.label, dark, true))
        .stroke(egui::Stroke::new(1.0, style::solid(group.label)))
        .corner_radius(8.0);
    move |ui: &mut egui::Ui| ui.add(button).on_hover_text(hover)
}

/// One card per fact; a quote's card says whether it is direct or reported.
fn cards(
    ui: &mut egui::Ui,
    facts: &[usize],
    analysis: &Analysis,
    selection: &Selection,
    command: &mut Option<Command>,
) {
    let text = analysis.text();
    for &i in facts {
        let fact = &analysis.facts[i];
        egui::Frame::group(ui.style())
            .inner_margin(6.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let marked = selection.marked.as_ref() == Some(&fact.range());
                let sentence: String = text[fact.range()]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                let response = ui
                    .add(egui::Button::selectable(marked, &fact.summary).wrap())
                    .on_hover_text(sentence);
                if response.clicked() {
                    *command = Some(Command::JumpToFact(i));
                }
                ui.horizontal_wrapped(|ui| {
                    ui.spacing_mut().item_spacing.x = 4.0;
                    if let Some(direct) = fact.direct() {
                        ui.weak(if direct { "direct" } else { "reported" });
                    }
                    for &g in &fact.entities {
                        if ui.add(chip(ui, &analysis.groups[g])).clicked() {
                            *command = Some(Command::SelectGroup(g));
                        }
                    }
                });
            });
    }
}
