//! The side panel: entities grouped by kind (with a filter), and the facts.

use super::command::Command;
use super::reader::Selection;
use super::settings::Settings;
use super::style;
use egui::{RichText, ScrollArea, Sense, Vec2};
use newslens::Analysis;
use newslens::facts::FactKind;
use newslens::groups::Group;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Entities,
    Facts,
}

#[derive(Default)]
pub struct PanelState {
    pub tab: Tab,
    pub filter: String,
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
        Tab::Entities => entities(ui, state, analysis, settings, selection),
        Tab::Facts => facts(ui, analysis, selection),
    }
}

fn entities(
    ui: &mut egui::Ui,
    state: &mut PanelState,
    analysis: &Analysis,
    settings: &Settings,
    selection: &Selection,
) -> Option<Command> {
    ui.add(
        egui::TextEdit::singleline(&mut state.filter)
            .hint_text("Filter entities")
            .desired_width(f32::INFINITY),
    );
    let filter = state.filter.to_lowercase();
    let mut command = None;
    ScrollArea::vertical()
        .id_salt("entities")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for label in newslens::Label::ALL {
                let groups: Vec<&Group> = analysis
                    .groups
                    .iter()
                    .filter(|g| {
                        g.label == label
                            && (filter.is_empty() || g.name.to_lowercase().contains(&filter))
                    })
                    .collect();
                if groups.is_empty() {
                    continue;
                }
                let mut heading =
                    RichText::new(format!("{} · {}", label.plural(), groups.len())).strong();
                if settings.is_hidden(label) {
                    heading = heading.weak();
                }
                egui::CollapsingHeader::new(heading)
                    .id_salt(label.as_str())
                    .default_open(true)
                    .show(ui, |ui| {
                        for group in groups {
                            ui.horizontal(|ui| {
                                let (swatch, _) =
                                    ui.allocate_exact_size(Vec2::new(4.0, 16.0), Sense::hover());
                                ui.painter().rect_filled(swatch, 1.0, style::solid(label));
                                let selected = selection.group == Some(group.id);
                                let response = ui.selectable_label(selected, &group.name);
                                if response.clicked() {
                                    command = Some(Command::SelectGroup(group.id));
                                }
                                ui.with_layout(
                                    egui::Layout::right_to_left(egui::Align::Center),
                                    |ui| {
                                        // Clear of the scroll bar.
                                        ui.add_space(10.0);
                                        ui.weak(group.mention_count().to_string());
                                    },
                                );
                            });
                        }
                    });
            }
        });
    command
}

fn facts(ui: &mut egui::Ui, analysis: &Analysis, selection: &Selection) -> Option<Command> {
    let mut command = None;
    let text = analysis.text();
    ScrollArea::vertical()
        .id_salt("facts")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (kind, heading) in [
                (FactKind::Change, "Changes"),
                (FactKind::Quantity, "Figures"),
                (FactKind::Date, "Dates"),
            ] {
                let facts: Vec<(usize, &newslens::facts::Fact)> = analysis
                    .facts
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.kind == kind)
                    .collect();
                if facts.is_empty() {
                    continue;
                }
                ui.add_space(4.0);
                ui.label(RichText::new(format!("{heading} · {}", facts.len())).strong());
                for (i, fact) in facts {
                    let marked = selection.marked.as_ref() == Some(&(fact.start..fact.end));
                    let sentence: String = text[fact.start..fact.end]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                    let response = ui
                        .selectable_label(marked, &fact.summary)
                        .on_hover_text(&sentence);
                    if response.clicked() {
                        command = Some(Command::JumpToFact(i));
                    }
                    let names: Vec<&str> = fact
                        .entities
                        .iter()
                        .map(|&g| analysis.groups[g].name.as_str())
                        .collect();
                    if !names.is_empty() {
                        ui.weak(names.join(" · "));
                    }
                    ui.add_space(2.0);
                }
            }
        });
    command
}
