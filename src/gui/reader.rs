//! The article view. Text is laid out per paragraph and only where it is visible. Galleys
//! are not kept between frames (egui's own cache does that, and drops them when its font
//! atlas is rebuilt); what is kept is each paragraph's measured height, until the width or
//! the font size changes.

use super::command::Command;
use super::find::FindState;
use super::settings::Settings;
use super::style;
use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Rect, ScrollArea, Sense, Stroke, Vec2, pos2, vec2};
use newslens::Analysis;
use std::ops::Range;
use std::sync::Arc;

/// The widest the text column gets, for comfortable lines (about 75 characters).
const MAX_COLUMN_WIDTH: f32 = 42.0;
/// Frames a jump keeps correcting its scroll position while paragraphs above it get
/// measured for the first time.
const JUMP_SETTLE_FRAMES: u8 = 4;

/// What the reader highlights besides entities: the selected entity and mention, a marked
/// sentence, find matches.
#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub struct Selection {
    pub group: Option<usize>,
    pub mention: Option<usize>,
    /// A sentence to mark, e.g. the one a fact came from.
    pub marked: Option<Range<usize>>,
}

struct Paragraph {
    range: Range<usize>,
    /// The mentions inside, as indices into the analysis's mentions.
    mentions: Range<usize>,
}

pub struct ReaderView {
    paragraphs: Vec<Paragraph>,
    /// Height of each paragraph: measured once laid out, estimated before.
    heights: Vec<f32>,
    layout_key: (u32, u32),
    scroll_target: Option<(usize, u8)>,
    /// The byte range of the paragraphs painted in the last frame (for tests and status).
    pub visible: Range<usize>,
}

impl ReaderView {
    pub fn new(analysis: &Analysis) -> Self {
        let paragraphs = split_paragraphs(analysis);
        ReaderView {
            heights: vec![0.0; paragraphs.len()],
            paragraphs,
            layout_key: (0, 0),
            scroll_target: None,
            visible: 0..0,
        }
    }

    /// Scrolls so that the byte offset is in view, on the next frames.
    pub fn scroll_to(&mut self, offset: usize) {
        self.scroll_target = Some((offset, JUMP_SETTLE_FRAMES));
    }

    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        analysis: &Analysis,
        settings: &Settings,
        selection: &Selection,
        find: &FindState,
    ) -> Option<Command> {
        let font_size = settings.font_size;
        let column = ui
            .available_width()
            .min(MAX_COLUMN_WIDTH * font_size)
            .max(100.0);
        let gap = (font_size * 0.9).round();
        let layout_key = (column.to_bits(), font_size.to_bits());
        if layout_key != self.layout_key {
            self.layout_key = layout_key;
            for (height, paragraph) in self.heights.iter_mut().zip(&self.paragraphs) {
                *height = estimate_height(paragraph.range.len(), column, font_size);
            }
        }
        let painter = Painter {
            analysis,
            settings,
            selection,
            find,
            dark: ui.visuals().dark_mode,
            text_color: ui.visuals().text_color(),
            mark_color: ui.visuals().selection.bg_fill.gamma_multiply(0.35),
            column,
        };

        let mut scroll = ScrollArea::vertical()
            .id_salt("reader")
            .auto_shrink([false, false]);
        if let Some((offset, frames_left)) = self.scroll_target {
            let viewport_height = ui.available_height();
            if let Some(y) = self.offset_y(ui, &painter, offset, gap) {
                scroll = scroll.vertical_scroll_offset((y - viewport_height * 0.3).max(0.0));
            }
            self.scroll_target = (frames_left > 1).then_some((offset, frames_left - 1));
            ui.ctx().request_repaint();
        }

        let mut command = None;
        scroll.show_viewport(ui, |ui, viewport| {
            let tops = self.tops(gap);
            let total = tops.last().copied().unwrap_or(0.0);
            let origin = ui.max_rect().min;
            let left = origin.x + ((ui.available_width() - column) / 2.0).max(0.0);
            ui.set_min_size(vec2(ui.available_width(), total + gap));
            let first = tops
                .partition_point(|&top| top <= viewport.min.y)
                .saturating_sub(1);
            let mut p = first;
            let mut last_painted = first;
            while p < self.paragraphs.len() && tops[p] < viewport.max.y {
                let galley = self.galley(ui, &painter, p);
                let pos = pos2(left, origin.y + tops[p]);
                let rect = Rect::from_min_size(pos, galley.size());
                ui.painter().galley(pos, galley.clone(), painter.text_color);
                let response =
                    ui.interact(rect, ui.scope_id().with(("paragraph", p)), Sense::click());
                if let Some(clicked) =
                    self.hover_and_click(ui, &response, &galley, &painter, p, pos)
                {
                    command = Some(clicked);
                }
                last_painted = p;
                p += 1;
            }
            self.visible = match (
                self.paragraphs.get(first),
                self.paragraphs.get(last_painted),
            ) {
                (Some(a), Some(b)) => a.range.start..b.range.end,
                _ => 0..0,
            };
        });
        command
    }

    /// The top of each paragraph, and the total height at the end.
    fn tops(&self, gap: f32) -> Vec<f32> {
        let mut tops = Vec::with_capacity(self.heights.len() + 1);
        let mut y = gap;
        for height in &self.heights {
            tops.push(y);
            y += height + gap;
        }
        tops.push(y);
        tops
    }

    /// Lays out a paragraph (egui caches the result while it is in use) and records its
    /// real height.
    fn galley(&mut self, ui: &egui::Ui, painter: &Painter<'_>, p: usize) -> Arc<Galley> {
        let job = painter.layout_job(&self.paragraphs[p]);
        let galley = ui.ctx().fonts_mut(|fonts| fonts.layout_job(job));
        self.heights[p] = galley.size().y;
        galley
    }

    /// The y position, in content coordinates, of the line holding a byte offset.
    fn offset_y(
        &mut self,
        ui: &egui::Ui,
        painter: &Painter<'_>,
        offset: usize,
        gap: f32,
    ) -> Option<f32> {
        let p = self
            .paragraphs
            .partition_point(|paragraph| paragraph.range.end < offset)
            .min(self.paragraphs.len().checked_sub(1)?);
        let galley = self.galley(ui, painter, p);
        let paragraph = &self.paragraphs[p];
        let text = &painter.analysis.text()[paragraph.range.clone()];
        let local = offset.saturating_sub(paragraph.range.start).min(text.len());
        let chars = text.get(..local).map_or(0, |t| t.chars().count());
        let line = galley.pos_from_cursor(CCursor::new(chars));
        Some(self.tops(gap)[p] + line.min.y)
    }

    /// Shows the tooltip of the highlight under the pointer; returns a click on it.
    fn hover_and_click(
        &self,
        ui: &egui::Ui,
        response: &egui::Response,
        galley: &Galley,
        painter: &Painter<'_>,
        p: usize,
        pos: egui::Pos2,
    ) -> Option<Command> {
        let pointer = response.hover_pos()?;
        let paragraph = &self.paragraphs[p];
        let text = &painter.analysis.text()[paragraph.range.clone()];
        let local = pointer - pos;
        let cursor = galley.cursor_from_pos(local);
        let boundary = galley.pos_from_cursor(cursor);
        let at = cursor.index.0;
        let char_index = if local.x < boundary.min.x && at > 0 {
            at - 1
        } else {
            at
        };
        let (start_of_char, _) = text.char_indices().nth(char_index)?;
        let glyph_left = galley.pos_from_cursor(CCursor::new(char_index));
        let glyph_right = galley.pos_from_cursor(CCursor::new(char_index + 1));
        let on_glyph = local.y >= glyph_left.min.y
            && local.y <= glyph_left.max.y
            && local.x >= glyph_left.min.x
            && (local.x <= glyph_right.min.x || glyph_right.min.y > glyph_left.min.y);
        if !on_glyph {
            return None;
        }
        let mention_index = painter
            .analysis
            .mention_at(paragraph.range.start + start_of_char)?;
        let mention = &painter.analysis.mentions[mention_index];
        if painter.settings.is_hidden(mention.label) {
            return None;
        }
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        let group = painter.analysis.group_of_mention(mention_index);
        let tooltip_id = ui.scope_id().with("mention-tooltip");
        egui::Tooltip::always_open(
            ui.ctx().clone(),
            ui.layer_id(),
            tooltip_id,
            egui::PopupAnchor::Pointer,
        )
        .show(|ui| {
            ui.horizontal(|ui| {
                let (swatch, _) = ui.allocate_exact_size(Vec2::splat(10.0), Sense::hover());
                ui.painter()
                    .rect_filled(swatch, 2.0, style::solid(mention.label));
                ui.strong(mention.label.as_str());
            });
            ui.label(egui::RichText::new(&group.name).heading());
            ui.label(format!(
                "{} mention{}",
                group.mention_count(),
                if group.mention_count() == 1 { "" } else { "s" }
            ));
            ui.weak(format!(
                "{} · confidence {:.0}%",
                mention.source.describe(),
                mention.score * 100.0
            ));
        });
        response
            .clicked()
            .then_some(Command::SelectMention(mention_index))
    }
}

/// What a paragraph's layout depends on besides the text.
struct Painter<'a> {
    analysis: &'a Analysis,
    settings: &'a Settings,
    selection: &'a Selection,
    find: &'a FindState,
    dark: bool,
    text_color: Color32,
    mark_color: Color32,
    column: f32,
}

impl Painter<'_> {
    fn layout_job(&self, paragraph: &Paragraph) -> LayoutJob {
        let text = self.analysis.text();
        let range = paragraph.range.clone();
        let font = FontId::proportional(self.settings.font_size);
        let mut job = LayoutJob::default();
        job.wrap.max_width = self.column;
        job.halign = egui::Align::LEFT;

        // Cut the paragraph wherever a highlight starts or ends.
        let matches = overlapping(&self.find.matches, &range);
        let mut cuts: Vec<usize> = vec![range.start, range.end];
        for m in paragraph.mentions.clone() {
            let mention = &self.analysis.mentions[m];
            cuts.push(mention.start.clamp(range.start, range.end));
            cuts.push(mention.end.clamp(range.start, range.end));
        }
        for found in &self.find.matches[matches.clone()] {
            cuts.push(found.start.clamp(range.start, range.end));
            cuts.push(found.end.clamp(range.start, range.end));
        }
        if let Some(marked) = &self.selection.marked {
            cuts.push(marked.start.clamp(range.start, range.end));
            cuts.push(marked.end.clamp(range.start, range.end));
        }
        cuts.sort_unstable();
        cuts.dedup();
        let current_match = self.find.current_match();
        let mut m = paragraph.mentions.start;
        for window in cuts.windows(2) {
            let (a, b) = (window[0], window[1]);
            let Some(piece) = text.get(a..b) else {
                continue;
            };
            while m < paragraph.mentions.end && self.analysis.mentions[m].end <= a {
                m += 1;
            }
            let mention =
                (m < paragraph.mentions.end && self.analysis.mentions[m].start <= a).then_some(m);
            let mut format = TextFormat {
                font_id: font.clone(),
                color: self.text_color,
                line_height: Some((self.settings.font_size * 1.55).round()),
                ..Default::default()
            };
            if self
                .selection
                .marked
                .as_ref()
                .is_some_and(|s| s.start <= a && b <= s.end)
            {
                format.background = self.mark_color;
            }
            if let Some(m) = mention {
                let label = self.analysis.mentions[m].label;
                if !self.settings.is_hidden(label) {
                    let selected = self.selection.group == Some(self.analysis.group_of[m]);
                    if self.selection.mention == Some(m) {
                        format.background = style::solid(label);
                        format.color = style::text_on(label);
                    } else {
                        format.background = style::tint(label, self.dark, selected);
                    }
                    format.underline =
                        Stroke::new(if selected { 2.5 } else { 1.5 }, style::solid(label));
                }
            }
            let in_match = self.find.matches[matches.clone()]
                .iter()
                .any(|r| r.start <= a && b <= r.end);
            if in_match {
                let current = current_match
                    .as_ref()
                    .is_some_and(|r| r.start <= a && b <= r.end);
                format.background = if current {
                    Color32::from_rgb(0xFF, 0x9F, 0x1A)
                } else {
                    style::FIND_MATCH
                };
                format.color = Color32::BLACK;
            }
            job.append(piece, 0.0, format);
        }
        job
    }
}

/// The indices of the ranges (sorted, disjoint) that overlap `range`.
fn overlapping(ranges: &[Range<usize>], range: &Range<usize>) -> Range<usize> {
    let first = ranges.partition_point(|r| r.end <= range.start);
    let last = ranges.partition_point(|r| r.start < range.end);
    first..last.max(first)
}

/// A cheap guess of a paragraph's height before it is laid out.
fn estimate_height(bytes: usize, column: f32, font_size: f32) -> f32 {
    let chars_per_line = (column / (font_size * 0.5)).max(1.0);
    let lines = (bytes as f32 / chars_per_line).ceil().max(1.0);
    lines * (font_size * 1.55).round()
}

/// Non-empty lines are paragraphs; each knows the mentions inside it.
fn split_paragraphs(analysis: &Analysis) -> Vec<Paragraph> {
    let text = analysis.text();
    let mentions = &analysis.mentions;
    let mut paragraphs = Vec::new();
    let mut start = 0;
    let mut m = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let range = start..start + content.len();
        start += line.len();
        if content.trim().is_empty() {
            continue;
        }
        while m < mentions.len() && mentions[m].end <= range.start {
            m += 1;
        }
        let first = m;
        while m < mentions.len() && mentions[m].start < range.end {
            m += 1;
        }
        paragraphs.push(Paragraph {
            range,
            mentions: first..m,
        });
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;
    use newslens::{Document, analyse};

    #[test]
    fn paragraphs_are_the_non_empty_lines_and_hold_their_mentions() {
        let analysis = analyse(Document::from_text(
            "t",
            "Xi met Boluarte.\n\n  \nPeru and China.\r\n",
        ));
        let paragraphs = split_paragraphs(&analysis);
        let texts: Vec<&str> = paragraphs
            .iter()
            .map(|p| &analysis.text()[p.range.clone()])
            .collect();
        assert_eq!(texts, ["Xi met Boluarte.", "Peru and China."]);
        let total: usize = paragraphs.iter().map(|p| p.mentions.len()).sum();
        assert_eq!(total, analysis.mentions.len());
    }

    #[test]
    fn overlapping_finds_the_ranges_touching_a_span() {
        let ranges = [0..2, 5..7, 9..12];
        assert_eq!(overlapping(&ranges, &(6..10)), 1..3);
        assert_eq!(overlapping(&ranges, &(2..5)), 1..1);
    }
}
