//! The side panel: entities grouped by kind (with a filter), and the facts.

use super::command::Command;
use super::correct_menu;
use super::reader::Selection;
use super::settings::Settings;
use super::style;
use egui::{RichText, ScrollArea, Sense, Vec2};
use newslens::Analysis;
use newslens::facts::FactKind;
use newslens::groups::Group;

/// The payload of an entity entry being dragged (its group id).
struct DraggedEntity(usize);

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
                                // Drag an entry onto another to merge it into that one.
                                let response = ui.add(
                                    egui::Button::selectable(selected, &group.name)
                                        .sense(Sense::click_and_drag()),
                                );
                                if response.drag_started() {
                                    response.dnd_set_drag_payload(DraggedEntity(group.id));
                                }
                                if response.dragged() {
                                    egui::Tooltip::always_open(
                                        ui.ctx().clone(),
                                        ui.layer_id(),
                                        ui.scope_id().with("merge-drag"),
                                        egui::PopupAnchor::Pointer,
                                    )
                                    .show(|ui| ui.label(format!("Merge “{}” into…", group.name)));
                                }
                                if response
                                    .dnd_hover_payload::<DraggedEntity>()
                                    .is_some_and(|d| d.0 != group.id)
                                {
                                    ui.painter().rect_stroke(
                                        response.rect,
                                        3.0,
                                        egui::Stroke::new(2.0, style::solid(label)),
                                        egui::StrokeKind::Outside,
                                    );
                                }
                                if response.clicked() {
                                    command = Some(Command::SelectGroup(group.id));
                                }
                                if let Some(dragged) =
                                    response.dnd_release_payload::<DraggedEntity>()
                                    && dragged.0 != group.id
                                    && let Some(&first) = analysis
                                        .groups
                                        .get(dragged.0)
                                        .and_then(|g| g.mentions.first())
                                {
                                    command = Some(correct_menu::merge(analysis, first, group.id));
                                }
                                response.context_menu(|ui| {
                                    if let Some(chosen) =
                                        correct_menu::entity_menu(ui, analysis, group)
                                    {
                                        command = Some(chosen);
                                        ui.close();
                                    }
                                });
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
                section(
                    ui,
                    &format!("About {}", group.name),
                    &own,
                    analysis,
                    selection,
                    &mut command,
                );
            }
            for (heading, kinds) in [
                (
                    "Figures and changes",
                    &[FactKind::Change, FactKind::Quantity][..],
                ),
                ("Quotes", &[FactKind::Quote][..]),
                ("Events", &[FactKind::Event][..]),
                ("Dates", &[FactKind::Date][..]),
            ] {
                let of_kind: Vec<usize> = (0..analysis.facts.len())
                    .filter(|&i| kinds.contains(&analysis.facts[i].kind))
                    .collect();
                section(ui, heading, &of_kind, analysis, selection, &mut command);
            }
        });
    command
}

/// A heading and a card for each fact: its normalised line (click to jump, hover for the
/// sentence) and its entities as chips (click to select).
fn section(
    ui: &mut egui::Ui,
    heading: &str,
    facts: &[usize],
    analysis: &Analysis,
    selection: &Selection,
    command: &mut Option<Command>,
) {
    if facts.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new(format!("{heading} · {}", facts.len())).strong());
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
                    for &g in &fact.entities {
                        let group = &analysis.groups[g];
                        let chip = RichText::new(&group.name)
                            .small()
                            .color(style::solid(group.label));
                        if ui
                            .small_button(chip)
                            .on_hover_text(group.label.as_str())
                            .clicked()
                        {
                            *command = Some(Command::SelectGroup(g));
                        }
                    }
                });
            });
    }
}
