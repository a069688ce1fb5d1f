//! The selected entity's mentions in context, below the entity list: one row a mention,
//! its words before and after around the name in the middle (as concordancers show it),
//! each row a jump; exportable as CSV.

use super::command::Command;
use super::reader::Selection;
use egui::text::LayoutJob;
use egui::{Align2, FontId, RichText, Sense, TextFormat};
use newslens::Analysis;
use newslens::concordance::{self, ConcordanceLine};

/// The concordance below the entity list. Rows are made for the mentions in view only:
/// an entity of a book can have thousands.
#[derive(Default)]
pub struct Concordance;

impl Concordance {
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        analysis: &Analysis,
        group: usize,
        selection: &Selection,
    ) -> Option<Command> {
        let entity = &analysis.groups[group];
        let mut command = None;
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!(
                    "Mentions · {}",
                    super::app::count_of(entity.mentions.len(), "mention", "mentions")
                ))
                .strong(),
            )
            .on_hover_text(format!("Every mention of {}, in its sentence", entity.name));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("Export CSV…")
                    .on_hover_text("Save these mentions with their context and byte offsets")
                    .clicked()
                {
                    command = Some(Command::ExportConcordanceDialog);
                }
            });
        });
        let font = FontId::proportional(egui::TextStyle::Body.resolve(ui.style()).size - 1.0);
        let row_height = ui.fonts_mut(|f| f.row_height(&font)) + 6.0;
        egui::ScrollArea::vertical()
            .id_salt("concordance")
            .auto_shrink([false, false])
            .show_rows(ui, row_height, entity.mentions.len(), |ui, rows| {
                for &mention in &entity.mentions[rows] {
                    let Some(line) = concordance::line(analysis, mention) else {
                        continue;
                    };
                    let current = selection.mention == Some(mention);
                    if row(ui, &line, &font, row_height, current) {
                        command = Some(Command::JumpToMention(mention));
                    }
                }
            });
        command
    }
}

/// One row: the name at two fifths of the width, its left context ending at it and its
/// right context starting after it, both cut by the row's edges. Returns whether it was
/// clicked.
fn row(
    ui: &mut egui::Ui,
    line: &ConcordanceLine,
    font: &FontId,
    height: f32,
    current: bool,
) -> bool {
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), Sense::click());
    let whole = format!("{}{}{}", line.before, line.hit, line.after);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &whole));
    let visuals = ui.visuals();
    if current || response.hovered() {
        let fill = if current {
            visuals.selection.bg_fill.gamma_multiply(0.5)
        } else {
            visuals.widgets.hovered.weak_bg_fill
        };
        ui.painter().rect_filled(rect, 3.0, fill);
    }
    let weak = visuals.weak_text_color();
    let strong = visuals.strong_text_color();
    let layout = |text: &str, color| {
        let mut job = LayoutJob::default();
        job.append(
            text,
            0.0,
            TextFormat {
                font_id: font.clone(),
                color,
                ..Default::default()
            },
        );
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let hit = layout(&line.hit, strong);
    let before = layout(&line.before, weak);
    let after = layout(&line.after, weak);
    let painter = ui
        .painter()
        .with_clip_rect(rect.shrink2(egui::vec2(4.0, 0.0)));
    let hit_left = (rect.left() + width * 0.4 - hit.size().x / 2.0).max(rect.left() + 4.0);
    let y = rect.center().y;
    let at = |x: f32, align: Align2, size: egui::Vec2| align.anchor_size(egui::pos2(x, y), size);
    painter.galley(
        at(hit_left, Align2::RIGHT_CENTER, before.size()).min,
        before,
        weak,
    );
    let hit_right = hit_left + hit.size().x;
    painter.galley(
        at(hit_left, Align2::LEFT_CENTER, hit.size()).min,
        hit,
        strong,
    );
    painter.galley(
        at(hit_right, Align2::LEFT_CENTER, after.size()).min,
        after,
        weak,
    );
    let response = response.on_hover_text(whole.trim().to_string());
    response.clicked()
}
