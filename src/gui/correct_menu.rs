//! The correction menus: on selected text (mark it as a kind), on a highlight (change its
//! kind, remove it or every mention of its name, merge its entity, split it off), and on a
//! panel entry (the same for the whole entity). Each returns the command chosen.

use super::command::Command;
use super::style;
use egui::RichText;
use newslens::corrections::{Anchor, Correction, Target};
use newslens::groups::Group;
use newslens::{Analysis, Label};
use std::ops::Range;

/// The names an entity goes by ("Xi Jinping", "Xi"), as corrections name them.
pub fn names_of(analysis: &Analysis, group: &Group) -> Vec<String> {
    let mut names: Vec<String> = group
        .mentions
        .iter()
        .map(|&m| {
            analysis
                .mention_text(m)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The correction that marks a range of the text as a kind.
pub fn mark(analysis: &Analysis, range: Range<usize>, label: Label, everywhere: bool) -> Command {
    Command::Correct(Correction::Mark {
        text: analysis.text()[range.clone()].to_string(),
        start: range.start,
        end: range.end,
        label,
        everywhere,
    })
}

pub fn selection_menu(
    ui: &mut egui::Ui,
    analysis: &Analysis,
    range: Range<usize>,
    everywhere: bool,
) -> Option<Command> {
    let mut command = None;
    ui.label(RichText::new(format!("“{}”", short(&analysis.text()[range.clone()]))).strong());
    for (i, label) in Label::ALL.into_iter().enumerate() {
        let button = egui::Button::new(kind_text(label, &format!("Mark as {label}")))
            .shortcut_text((i + 1).to_string());
        if ui.add(button).clicked() {
            command = Some(mark(analysis, range.clone(), label, everywhere));
        }
    }
    ui.separator();
    everywhere_toggle(ui, everywhere, &mut command);
    command
}

pub fn mention_menu(
    ui: &mut egui::Ui,
    analysis: &Analysis,
    mention: usize,
    everywhere: bool,
) -> Option<Command> {
    let mut command = None;
    let Some(group) = analysis.group_of_mention(mention) else {
        ui.weak("Corrections wait until the document is read.");
        return None;
    };
    let text = analysis.text();
    let this = &analysis.mentions[mention];
    heading(ui, group);
    if let Some(label) = change_kind(ui, this.label) {
        let target = if everywhere {
            Target::Names {
                names: names_of(analysis, group),
            }
        } else {
            Target::mention(this, text)
        };
        command = Some(Command::Correct(Correction::Relabel { target, label }));
    }
    if ui.button("Remove this highlight").clicked() {
        command = Some(Command::Correct(Correction::Remove {
            target: Target::mention(this, text),
        }));
    }
    if ui
        .button(format!("Remove every mention of “{}”", short(&group.name)))
        .clicked()
    {
        command = Some(remove_entity(analysis, group));
    }
    ui.menu_button("Merge into", |ui| {
        if let Some(into) = merge_list(ui, analysis, group.id) {
            command = Some(merge(analysis, mention, into));
        }
    });
    if ui
        .add_enabled(
            group.mention_count() > 1,
            egui::Button::new("Split off its entity"),
        )
        .on_hover_text("This mention is someone or something else")
        .clicked()
    {
        command = Some(Command::Correct(Correction::Split {
            at: Anchor::of(this, text),
        }));
    }
    ui.separator();
    everywhere_toggle(ui, everywhere, &mut command);
    command
}

/// The menu of an entity in the side panel: changes apply to all its mentions.
pub fn entity_menu(ui: &mut egui::Ui, analysis: &Analysis, group: &Group) -> Option<Command> {
    let mut command = None;
    heading(ui, group);
    if let Some(label) = change_kind(ui, group.label) {
        command = Some(Command::Correct(Correction::Relabel {
            target: Target::Names {
                names: names_of(analysis, group),
            },
            label,
        }));
    }
    if ui.button("Remove every mention").clicked() {
        command = Some(remove_entity(analysis, group));
    }
    ui.menu_button("Merge into", |ui| {
        if let (Some(into), Some(&first)) =
            (merge_list(ui, analysis, group.id), group.mentions.first())
        {
            command = Some(merge(analysis, first, into));
        }
    });
    command
}

/// The "Change kind" submenu: every kind but the current one; returns the one chosen.
fn change_kind(ui: &mut egui::Ui, current: Label) -> Option<Label> {
    let mut chosen = None;
    ui.menu_button("Change kind", |ui| {
        for label in Label::ALL {
            let button = egui::Button::new(kind_text(label, label.as_str()));
            if ui.add_enabled(current != label, button).clicked() {
                chosen = Some(label);
            }
        }
    });
    chosen
}

/// The command that merges the entity of mention `from` into entity `into`.
pub fn merge(analysis: &Analysis, from: usize, into: usize) -> Command {
    let text = analysis.text();
    let into_mention = analysis.groups[into].mentions[0];
    Command::Correct(Correction::Merge {
        from: Anchor::of(&analysis.mentions[from], text),
        into: Anchor::of(&analysis.mentions[into_mention], text),
    })
}

fn remove_entity(analysis: &Analysis, group: &Group) -> Command {
    Command::Correct(Correction::Remove {
        target: Target::Names {
            names: names_of(analysis, group),
        },
    })
}

fn heading(ui: &mut egui::Ui, group: &Group) {
    ui.label(RichText::new(short(&group.name)).strong());
    ui.weak(format!(
        "{} · {} mention{}",
        group.label,
        group.mention_count(),
        if group.mention_count() == 1 { "" } else { "s" }
    ));
    ui.separator();
}

/// Every other entity, names only, filtered by what the user types; returns the choice.
fn merge_list(ui: &mut egui::Ui, analysis: &Analysis, except: usize) -> Option<usize> {
    let filter_id = ui.scope_id().with("merge-filter");
    let mut filter: String = ui.data_mut(|d| d.get_temp(filter_id).unwrap_or_default());
    ui.add(
        egui::TextEdit::singleline(&mut filter)
            .hint_text("Filter")
            .desired_width(200.0),
    );
    ui.data_mut(|d| d.insert_temp(filter_id, filter.clone()));
    let filter = filter.to_lowercase();
    let mut chosen = None;
    egui::ScrollArea::vertical()
        .max_height(320.0)
        .show(ui, |ui| {
            for group in analysis.groups.iter().filter(|g| {
                g.id != except
                    && g.label.is_name()
                    && (filter.is_empty() || g.name.to_lowercase().contains(&filter))
            }) {
                let text = kind_text(
                    group.label,
                    &format!("{} ({})", short(&group.name), group.mention_count()),
                );
                if ui.button(text).clicked() {
                    chosen = Some(group.id);
                }
            }
        });
    chosen
}

fn everywhere_toggle(ui: &mut egui::Ui, everywhere: bool, command: &mut Option<Command>) {
    let mut on = everywhere;
    if ui
        .checkbox(&mut on, "Apply to all mentions")
        .on_hover_text("Marks and kind changes apply to every occurrence of the name, here and in later documents (your dictionary)")
        .clicked()
    {
        *command = Some(Command::ToggleMarkEverywhere);
    }
}

/// A menu label in the kind's colour.
fn kind_text(label: Label, text: &str) -> RichText {
    RichText::new(text).color(style::solid(label))
}

/// At most 40 characters of a name, for menus.
fn short(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}
