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
    /// A piece of a longer line (see `MAX_PIECE_BYTES`): no gap above it.
    continues: bool,
}

/// A line longer than this is laid out in pieces, cut at spaces, so that no single layout
/// is expensive (a 10 MB file with no line breaks would otherwise be one 10 MB layout).
const MAX_PIECE_BYTES: usize = 4096;

pub struct ReaderView {
    paragraphs: Vec<Paragraph>,
    /// Height of each paragraph: measured once laid out, estimated before.
    heights: Vec<f32>,
    layout_key: (u32, u32),
    scroll_target: Option<(usize, u8)>,
    /// The byte range of the paragraphs painted in the last frame (for tests and status).
    pub visible: Range<usize>,
    /// Text the user selected with the mouse (snapped to whole words), to mark as an entity.
    pub text_selection: Option<Range<usize>>,
    /// A selection being dragged: the paragraph and the byte offset where it started.
    drag: Option<(usize, usize)>,
    /// What the open context menu is about, fixed when it opened.
    menu_target: Option<MenuTarget>,
    /// Where each paragraph painted in the last frame was, for tests to aim the pointer.
    #[cfg(test)]
    painted: Vec<(usize, egui::Pos2, Arc<Galley>)>,
}

/// What a right-click in the text is about.
#[derive(Clone, Debug, PartialEq)]
enum MenuTarget {
    Mention(usize),
    Selection(Range<usize>),
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
            text_selection: None,
            drag: None,
            menu_target: None,
            #[cfg(test)]
            painted: Vec::new(),
        }
    }

    /// The screen point in the middle of the character at a byte offset, if it was painted
    /// in the last frame.
    #[cfg(test)]
    pub fn screen_pos_of(&self, text: &str, offset: usize) -> Option<egui::Pos2> {
        let (p, pos, galley) = self
            .painted
            .iter()
            .find(|(p, _, _)| self.paragraphs[*p].range.contains(&offset))?;
        let start = self.paragraphs[*p].range.start;
        let chars = text[start..offset].chars().count();
        let rect = galley.pos_from_cursor(CCursor::new(chars));
        Some(*pos + rect.center().to_vec2() + vec2(2.0, 0.0))
    }

    /// Takes in a re-analysis of the same text (after a correction): the paragraphs and
    /// their measured heights stay, the mentions inside them are found again.
    pub fn refresh_mentions(&mut self, analysis: &Analysis) {
        let paragraphs = split_paragraphs(analysis);
        if paragraphs.len() == self.paragraphs.len() {
            self.paragraphs = paragraphs;
        } else {
            *self = ReaderView::new(analysis);
        }
        self.menu_target = None;
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
            selection_color: ui.visuals().selection.bg_fill,
            text_selection: self.text_selection.clone(),
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
            #[cfg(test)]
            self.painted.clear();
            while p < self.paragraphs.len() && tops[p] < viewport.max.y {
                let galley = self.galley(ui, &painter, p);
                let pos = pos2(left, origin.y + tops[p]);
                let rect = Rect::from_min_size(pos, galley.size());
                ui.painter().galley(pos, galley.clone(), painter.text_color);
                #[cfg(test)]
                self.painted.push((p, pos, galley.clone()));
                let response = ui.interact(
                    rect,
                    ui.scope_id().with(("paragraph", p)),
                    Sense::click_and_drag(),
                );
                if let Some(clicked) = self.interact(ui, &response, &galley, &painter, p, pos) {
                    command = Some(clicked);
                }
                last_painted = p;
                p += 1;
            }
            // A drag that ended while its paragraph was out of view.
            if self.drag.is_some() && !ui.input(|i| i.pointer.any_down()) {
                self.drag = None;
                self.text_selection = self
                    .text_selection
                    .take()
                    .and_then(|s| snap_to_words(painter.analysis.text(), s));
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
        for (height, paragraph) in self.heights.iter().zip(&self.paragraphs) {
            if paragraph.continues {
                y -= gap;
            }
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

    /// Handles the pointer over a paragraph: the tooltip of the highlight under it, a click
    /// on a highlight, selecting text by dragging (or a double click), and the context menu.
    fn interact(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        galley: &Galley,
        painter: &Painter<'_>,
        p: usize,
        pos: egui::Pos2,
    ) -> Option<Command> {
        let paragraph_start = self.paragraphs[p].range.start;
        let text = &painter.analysis.text()[self.paragraphs[p].range.clone()];
        let mut command = None;

        // Selecting text.
        if response.drag_started()
            && let Some(press) = response.interact_pointer_pos()
        {
            let at = paragraph_start + byte_at(text, galley, press - pos);
            self.drag = Some((p, at));
            self.text_selection = None;
        }
        if let Some((drag_p, anchor)) = self.drag
            && drag_p == p
            && let Some(pointer) = ui.ctx().pointer_latest_pos()
        {
            let at = paragraph_start + byte_at(text, galley, pointer - pos);
            self.text_selection = Some(anchor.min(at)..anchor.max(at));
            if !response.dragged() {
                self.drag = None;
                self.text_selection = self
                    .text_selection
                    .take()
                    .and_then(|s| snap_to_words(painter.analysis.text(), s));
            }
        }
        if response.double_clicked()
            && let Some(pointer) = response.interact_pointer_pos()
        {
            let at = paragraph_start + byte_at(text, galley, pointer - pos);
            self.text_selection = snap_to_words(painter.analysis.text(), at..at);
        }

        let mention = response
            .hover_pos()
            .and_then(|pointer| self.mention_under(galley, painter, p, pointer - pos));
        if let Some(m) = mention
            && self.drag.is_none()
        {
            show_tooltip(ui, painter, m);
            if response.clicked() {
                command = Some(Command::SelectMention(m));
            }
        }
        if response.clicked() && !response.double_clicked() {
            self.text_selection = None;
        }

        // The context menu: about the selection if the click was in it, else about the
        // highlight under the pointer, else about the selection anywhere.
        if response.secondary_clicked() {
            let pointer = response
                .interact_pointer_pos()
                .map(|at| paragraph_start + byte_at(text, galley, at - pos));
            let in_selection = self
                .text_selection
                .as_ref()
                .is_some_and(|s| pointer.is_some_and(|at| s.start <= at && at <= s.end));
            self.menu_target = match (&self.text_selection, mention) {
                (Some(selection), _) if in_selection => {
                    Some(MenuTarget::Selection(selection.clone()))
                }
                (_, Some(m)) => Some(MenuTarget::Mention(m)),
                (Some(selection), None) => Some(MenuTarget::Selection(selection.clone())),
                (None, None) => None,
            };
        }
        let target = self.menu_target.clone();
        let everywhere = painter.settings.mark_everywhere;
        response.context_menu(|ui| {
            let chosen = match &target {
                Some(MenuTarget::Mention(m)) => {
                    super::correct_menu::mention_menu(ui, painter.analysis, *m, everywhere)
                }
                Some(MenuTarget::Selection(range)) => super::correct_menu::selection_menu(
                    ui,
                    painter.analysis,
                    range.clone(),
                    everywhere,
                ),
                None => {
                    ui.weak("Select some text to mark it as an entity.");
                    None
                }
            };
            if let Some(chosen) = chosen {
                // The "apply to all mentions" box changes a setting; the menu stays.
                if chosen != Command::ToggleMarkEverywhere {
                    ui.close();
                }
                command = Some(chosen);
            }
        });
        command
    }

    /// The mention whose glyphs are under a point (relative to the paragraph's corner).
    fn mention_under(
        &self,
        galley: &Galley,
        painter: &Painter<'_>,
        p: usize,
        local: Vec2,
    ) -> Option<usize> {
        let paragraph = &self.paragraphs[p];
        let text = &painter.analysis.text()[paragraph.range.clone()];
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
        (!painter.settings.is_hidden(mention.label)).then_some(mention_index)
    }
}

/// The tooltip of a highlight: its kind, its entity, how it was found.
fn show_tooltip(ui: &egui::Ui, painter: &Painter<'_>, mention_index: usize) {
    let mention = &painter.analysis.mentions[mention_index];
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
        match group {
            Some(group) => {
                ui.label(egui::RichText::new(&group.name).heading());
                ui.label(format!(
                    "{} mention{}",
                    group.mention_count(),
                    if group.mention_count() == 1 { "" } else { "s" }
                ));
            }
            None => {
                let text = painter.analysis.mention_text(mention_index);
                ui.label(egui::RichText::new(text).heading());
                ui.weak("Still reading the document…");
            }
        }
        ui.weak(format!(
            "{} · confidence {:.0}%",
            mention.source.describe(),
            mention.score * 100.0
        ));
        ui.weak("Right-click to correct it");
    });
}

/// The byte offset (within the paragraph's text) of the character boundary nearest a point.
fn byte_at(text: &str, galley: &Galley, local: Vec2) -> usize {
    let chars = galley.cursor_from_pos(local).index.0;
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

/// Widens a selection to whole words and trims spaces and punctuation off its ends, so
/// that a sloppy drag marks "Chancay port", not "hancay port,". None if nothing is left.
pub fn snap_to_words(text: &str, selection: Range<usize>) -> Option<Range<usize>> {
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
    let mut start = selection.start.min(text.len());
    let mut end = selection.end.clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    // Widen an end only where it cuts into a word.
    let empty = start == end;
    if empty || text[start..].chars().next().is_some_and(is_word) {
        while let Some(c) = text[..start].chars().next_back().filter(|&c| is_word(c)) {
            start -= c.len_utf8();
        }
    }
    if empty || text[..end].chars().next_back().is_some_and(is_word) {
        while let Some(c) = text[end..].chars().next().filter(|&c| is_word(c)) {
            end += c.len_utf8();
        }
    }
    let selected = &text[start..end];
    let trimmed_start = selected.trim_start_matches(|c: char| !c.is_alphanumeric());
    start += selected.len() - trimmed_start.len();
    // Keep a final full stop that belongs to an abbreviation ("U.S.").
    let keeps_dot = trimmed_start.ends_with('.')
        && trimmed_start[..trimmed_start.len() - 1]
            .chars()
            .rev()
            .nth(1)
            .is_some_and(|c| c == '.');
    let trimmed = trimmed_start.trim_end_matches(|c: char| !c.is_alphanumeric());
    end = start + trimmed.len();
    if keeps_dot {
        end += 1;
    }
    (end > start).then_some(start..end)
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
    selection_color: Color32,
    text_selection: Option<Range<usize>>,
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
        for extra in [&self.selection.marked, &self.text_selection]
            .into_iter()
            .flatten()
        {
            cuts.push(extra.start.clamp(range.start, range.end));
            cuts.push(extra.end.clamp(range.start, range.end));
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
            if self
                .text_selection
                .as_ref()
                .is_some_and(|s| s.start <= a && b <= s.end)
            {
                format.background = self.selection_color;
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

/// Non-empty lines are paragraphs (long ones cut into pieces); each knows the mentions
/// inside it.
fn split_paragraphs(analysis: &Analysis) -> Vec<Paragraph> {
    let text = analysis.text();
    let mentions = &analysis.mentions;
    let mut paragraphs = Vec::new();
    let mut start = 0;
    let mut m = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let line_range = start..start + content.len();
        start += line.len();
        if content.trim().is_empty() {
            continue;
        }
        for (i, range) in pieces(text, line_range).into_iter().enumerate() {
            // A mention cut by a piece boundary belongs to both pieces.
            while m < mentions.len() && mentions[m].end <= range.start {
                m += 1;
            }
            let first = m;
            let mut end = m;
            while end < mentions.len() && mentions[end].start < range.end {
                end += 1;
            }
            paragraphs.push(Paragraph {
                range,
                mentions: first..end,
                continues: i > 0,
            });
            m = end.saturating_sub(1).max(first);
        }
    }
    paragraphs
}

/// A line cut, after a space, into pieces of at most about `MAX_PIECE_BYTES`.
fn pieces(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = line.start;
    while line.end - start > MAX_PIECE_BYTES {
        let mut cut = start + MAX_PIECE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        // After the last space before the limit, if there is one.
        if let Some(space) = text[start..cut].rfind(' ') {
            cut = start + space + 1;
        }
        pieces.push(start..cut);
        start = cut;
    }
    pieces.push(start..line.end);
    pieces
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
    fn selections_snap_to_whole_words_without_edge_punctuation() {
        let text = "The Chancay port, in Peru. The U.S. said \"yes\".";
        let snap = |from: &str, len: usize| {
            let start = text.find(from).unwrap();
            snap_to_words(text, start..start + len).map(|r| &text[r])
        };
        assert_eq!(snap("hancay po", 9), Some("Chancay port"));
        assert_eq!(snap("Chancay port, ", 14), Some("Chancay port"));
        assert_eq!(snap("U.S.", 4), Some("U.S."));
        assert_eq!(snap("Peru.", 5), Some("Peru"));
        assert_eq!(snap("\"yes", 2), Some("yes"));
        assert_eq!(snap(", in", 1), None);
        // A click (empty selection) inside a word takes the word.
        assert_eq!(snap("ort", 0), Some("port"));
    }

    #[test]
    fn a_very_long_line_is_laid_out_in_pieces_cut_at_spaces() {
        let line = "Xi met Boluarte in Lima. ".repeat(1000);
        let analysis = analyse(Document::from_text("t", format!("{line}\nShort line.")));
        let paragraphs = split_paragraphs(&analysis);
        assert!(paragraphs.len() > 6);
        let text = analysis.text();
        let mut covered = String::new();
        for p in &paragraphs {
            assert!(p.range.len() <= MAX_PIECE_BYTES);
            covered.push_str(&text[p.range.clone()]);
        }
        assert!(
            covered == format!("{line}Short line."),
            "the pieces cover the text"
        );
        assert!(paragraphs[1].continues && !paragraphs.last().unwrap().continues);
        // Every mention is in the pieces it overlaps.
        for (i, mention) in analysis.mentions.iter().enumerate() {
            assert!(
                paragraphs
                    .iter()
                    .any(|p| p.mentions.contains(&i) && p.range.start <= mention.start)
            );
        }
    }

    #[test]
    fn overlapping_finds_the_ranges_touching_a_span() {
        let ranges = [0..2, 5..7, 9..12];
        assert_eq!(overlapping(&ranges, &(6..10)), 1..3);
        assert_eq!(overlapping(&ranges, &(2..5)), 1..1);
    }
}
