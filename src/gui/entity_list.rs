//! The side panel's list of entities: a heading per kind (click to fold), then its
//! entities, most mentioned first, filtered by what the user types. Rows are built once
//! per analysis and filter, and only the visible ones are drawn, so a book with tens of
//! thousands of entities scrolls as lightly as an article.

use super::command::Command;
use super::concordance::Concordance;
use super::correct_menu;
use super::reader::Selection;
use super::settings::Settings;
use super::style;
use egui::{RichText, Sense, Vec2};
use newslens::{Analysis, Label};

/// One line of the list.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Row {
    Heading(Label, usize),
    Entity(usize),
}

/// The payload of an entity entry being dragged (its group id).
struct DraggedEntity(usize);

#[derive(Default)]
pub struct EntityList {
    pub filter: String,
    folded: Vec<Label>,
    rows: Vec<Row>,
    /// (analysis revision, filter, folded kinds) the rows were built for.
    built_for: Option<(u64, String, Vec<Label>)>,
    concordance: Concordance,
}

impl EntityList {
    fn rows(&mut self, analysis: &Analysis) -> &[Row] {
        let key = (analysis.revision, self.filter.clone(), self.folded.clone());
        if self.built_for.as_ref() != Some(&key) {
            let filter = self.filter.to_lowercase();
            self.rows.clear();
            for label in Label::ALL {
                let start = self.rows.len();
                self.rows.push(Row::Heading(label, 0));
                let mut count = 0;
                for group in analysis.groups.iter().filter(|g| g.label == label) {
                    if filter.is_empty() || group.name.to_lowercase().contains(&filter) {
                        count += 1;
                        if !self.folded.contains(&label) {
                            self.rows.push(Row::Entity(group.id));
                        }
                    }
                }
                if count == 0 {
                    self.rows.truncate(start);
                } else {
                    self.rows[start] = Row::Heading(label, count);
                }
            }
            self.built_for = Some(key);
        }
        &self.rows
    }

    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        analysis: &Analysis,
        settings: &Settings,
        selection: &Selection,
    ) -> Option<Command> {
        ui.add(
            egui::TextEdit::singleline(&mut self.filter)
                .hint_text("Filter entities")
                .desired_width(f32::INFINITY),
        );
        if analysis.provisional {
            ui.add_space(8.0);
            ui.weak("Entities are listed when the whole document is read.");
            return None;
        }
        let mut command = None;
        if let Some(group) = selection.group.filter(|&g| g < analysis.groups.len()) {
            egui::Panel::bottom("concordance")
                .resizable(true)
                .default_size(260.0)
                .min_size(120.0)
                .show(ui, |ui| {
                    if let Some(chosen) = self.concordance.show(ui, analysis, group, selection) {
                        command = Some(chosen);
                    }
                });
        }
        let rows = self.rows(analysis).to_vec();
        let row_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
        let mut toggle_fold = None;
        egui::ScrollArea::vertical()
            .id_salt("entities")
            .auto_shrink([false, false])
            .show_rows(ui, row_height, rows.len(), |ui, visible| {
                for row in &rows[visible] {
                    match *row {
                        Row::Heading(label, count) => {
                            let folded = self.folded.contains(&label);
                            let mut text =
                                RichText::new(format!("{} · {count}", label.plural())).strong();
                            if settings.is_hidden(label) {
                                text = text.weak();
                            }
                            ui.horizontal(|ui| {
                                let (icon, icon_response) =
                                    ui.allocate_exact_size(Vec2::splat(12.0), Sense::click());
                                let openness = if folded { 0.0 } else { 1.0 };
                                let icon_response = icon_response.with_new_rect(icon);
                                egui::collapsing_header::paint_default_icon(
                                    ui,
                                    openness,
                                    &icon_response,
                                );
                                let heading = ui
                                    .add(egui::Button::new(text).frame(false))
                                    .on_hover_text(if folded { "Show" } else { "Fold" });
                                if heading.clicked() || icon_response.clicked() {
                                    toggle_fold = Some(label);
                                }
                            });
                        }
                        Row::Entity(id) => {
                            if let Some(chosen) = entry(ui, analysis, id, selection) {
                                command = Some(chosen);
                            }
                        }
                    }
                }
            });
        if let Some(label) = toggle_fold {
            if let Some(i) = self.folded.iter().position(|&l| l == label) {
                self.folded.remove(i);
            } else {
                self.folded.push(label);
            }
        }
        command
    }
}

/// One entity: a colour bar, its name (click to select, right-click to correct, drag
/// onto another entity to merge) and its number of mentions.
fn entry(
    ui: &mut egui::Ui,
    analysis: &Analysis,
    id: usize,
    selection: &Selection,
) -> Option<Command> {
    let group = analysis.groups.get(id)?;
    let mut command = None;
    ui.horizontal(|ui| {
        ui.add_space(12.0);
        let (swatch, _) = ui.allocate_exact_size(Vec2::new(4.0, 16.0), Sense::hover());
        ui.painter()
            .rect_filled(swatch, 1.0, style::solid(group.label));
        let selected = selection.group == Some(group.id);
        // The count first, at the right, so that a long name is cut short ("…") before it
        // and never widens the panel; the tooltip has the whole name.
        let count = group.mention_count().to_string();
        let count_width = ui.fonts_mut(|f| {
            f.layout_no_wrap(
                count.clone(),
                egui::TextStyle::Body.resolve(ui.style()),
                egui::Color32::WHITE,
            )
            .size()
            .x
        });
        let name_width =
            (ui.available_width() - count_width - 10.0 - 2.0 * ui.spacing().item_spacing.x)
                .max(40.0);
        let response = ui
            .scope(|ui| {
                ui.set_max_width(name_width);
                ui.add(
                    egui::Button::selectable(selected, &group.name)
                        .truncate()
                        .sense(Sense::click_and_drag()),
                )
            })
            .inner
            .on_hover_text(format!(
                "{} · {} · {}",
                group.name,
                group.label.as_str(),
                super::app::count_of(group.mention_count(), "mention", "mentions")
            ));
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
                egui::Stroke::new(2.0, style::solid(group.label)),
                egui::StrokeKind::Outside,
            );
        }
        if response.clicked() {
            command = Some(Command::SelectGroup(group.id));
        }
        if let Some(dragged) = response.dnd_release_payload::<DraggedEntity>()
            && dragged.0 != group.id
            && let Some(&first) = analysis
                .groups
                .get(dragged.0)
                .and_then(|g| g.mentions.first())
        {
            command = Some(correct_menu::merge(analysis, first, group.id));
        }
        response.context_menu(|ui| {
            if let Some(chosen) = correct_menu::entity_menu(ui, analysis, group) {
                command = Some(chosen);
                ui.close();
            }
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            // Clear of the scroll bar.
            ui.add_space(10.0);
            ui.weak(count);
        });
    });
    command
}
