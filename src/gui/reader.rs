//! The article view. Text is laid out per paragraph and only where it is visible. Galleys
//! are not kept between frames (egui's own cache does that, and drops them when its font
//! atlas is rebuilt); what is kept is each paragraph's measured height, until the width or
//! the font size changes.

use super::command::{Command, ScrollStep};
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
/// Lines of the last screen kept in view by Page Down (and of the next by Page Up).
const PAGE_OVERLAP_LINES: f32 = 2.0;

/// Where a scroll target's line goes in the view.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Anchor {
    /// A third of the way down: a jump to a mention, a fact, a match.
    Jump,
    /// The top: the line that was at the top before the text size changed.
    Top,
    /// The bottom: the end of the document.
    Bottom,
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct ScrollTarget {
    offset: usize,
    frames_left: u8,
    anchor: Anchor,
}

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
    /// Holds right-to-left characters: drawn in visual order (see [`visual_order`]).
    /// Found when the paragraph is first laid out, so that opening a book does not scan
    /// all of it.
    right_to_left: Option<bool>,
    /// A heading's level (1 the most important), for a heading's paragraph.
    heading: Option<u8>,
}

/// A line longer than this is laid out in pieces, cut at spaces, so that no single layout
/// is expensive (a 10 MB file with no line breaks would otherwise be one 10 MB layout).
const MAX_PIECE_BYTES: usize = 4096;

pub struct ReaderView {
    paragraphs: Vec<Paragraph>,
    /// Height of each paragraph: measured once laid out, estimated before.
    heights: Vec<f32>,
    layout_key: (u32, u32),
    scroll_target: Option<ScrollTarget>,
    /// A keyboard scroll to apply on the next frame.
    pending_step: Option<ScrollStep>,
    /// The scroll position and the view's height in the last frame.
    scroll_offset: f32,
    viewport_height: f32,
    /// The byte at the start of the line at the top of the view in the last frame.
    pub top_byte: usize,
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
    painted: Vec<(usize, egui::Pos2, Laid)>,
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
            pending_step: None,
            scroll_offset: 0.0,
            viewport_height: 0.0,
            top_byte: 0,
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
        let (p, pos, laid) = self
            .painted
            .iter()
            .find(|(p, _, _)| self.paragraphs[*p].range.contains(&offset))?;
        let range = self.paragraphs[*p].range.clone();
        let chars = laid.char_of_byte(&text[range.clone()], offset - range.start);
        let rect = laid.galley.pos_from_cursor(CCursor::new(chars));
        Some(*pos + rect.center().to_vec2() + vec2(2.0, 0.0))
    }

    /// The height of the first row of paragraph `p`, if it was painted in the last frame.
    #[cfg(test)]
    pub fn painted_row_height(&self, p: usize) -> Option<f32> {
        let (_, _, laid) = self.painted.iter().find(|(q, _, _)| *q == p)?;
        laid.galley.rows.first().map(|row| row.height())
    }

    /// The characters drawn for paragraph `p` (in drawing order), if it was painted.
    #[cfg(test)]
    pub fn painted_text(&self, p: usize) -> Option<String> {
        let (_, _, laid) = self.painted.iter().find(|(q, _, _)| *q == p)?;
        Some(laid.galley.text().to_string())
    }

    /// The background of each run of paragraph `p` as painted (byte ranges within the
    /// paragraph), for a paragraph drawn in the text's own order.
    #[cfg(test)]
    pub fn painted_backgrounds(&self, p: usize) -> Option<Vec<(Range<usize>, Color32)>> {
        let (_, _, laid) = self.painted.iter().find(|(q, _, _)| *q == p)?;
        Some(
            laid.galley
                .job
                .sections
                .iter()
                .map(|s| {
                    (
                        s.byte_range.start.0..s.byte_range.end.0,
                        s.format.background,
                    )
                })
                .collect(),
        )
    }

    /// The paragraph holding a byte offset.
    #[cfg(test)]
    pub fn paragraph_of(&self, offset: usize) -> Option<(usize, Range<usize>)> {
        let p = self
            .paragraphs
            .iter()
            .position(|p| p.range.contains(&offset))?;
        Some((p, self.paragraphs[p].range.clone()))
    }

    /// The byte offset in the text of the character under a screen point.
    #[cfg(test)]
    pub fn byte_at_screen_pos(&self, text: &str, pos: egui::Pos2) -> Option<usize> {
        let (p, at, laid) = self
            .painted
            .iter()
            .find(|(_, at, laid)| laid.galley.rect.translate(at.to_vec2()).contains(pos))?;
        let range = self.paragraphs[*p].range.clone();
        let cursor = laid.galley.cursor_from_pos(pos - *at);
        // The cursor is at the nearer edge of the character: take the one under the point.
        let index = if laid.galley.pos_from_cursor(cursor).min.x > (pos - *at).x {
            cursor.index.0.saturating_sub(1)
        } else {
            cursor.index.0
        };
        Some(range.start + laid.byte_of_char(&text[range.clone()], index))
    }

    /// Takes in a re-analysis of the same text (after a correction): the paragraphs and
    /// their measured heights stay, the mentions inside them are found again.
    pub fn refresh_mentions(&mut self, analysis: &Analysis) {
        let mut paragraphs = split_paragraphs(analysis);
        if paragraphs.len() == self.paragraphs.len() {
            // The same text: what is known of its paragraphs' direction still holds.
            for (new, old) in paragraphs.iter_mut().zip(&self.paragraphs) {
                new.right_to_left = old.right_to_left;
            }
            self.paragraphs = paragraphs;
        } else {
            *self = ReaderView::new(analysis);
        }
        self.menu_target = None;
    }

    /// Scrolls so that the byte offset is in view, on the next frames.
    pub fn scroll_to(&mut self, offset: usize) {
        self.scroll_target = Some(ScrollTarget {
            offset,
            frames_left: JUMP_SETTLE_FRAMES,
            anchor: Anchor::Jump,
        });
    }

    /// Keeps the line now at the top of the view there while the layout changes (the text
    /// size), instead of keeping a pixel offset that lands somewhere else.
    pub fn keep_top_line(&mut self) {
        self.scroll_target = Some(ScrollTarget {
            offset: self.top_byte,
            frames_left: JUMP_SETTLE_FRAMES,
            anchor: Anchor::Top,
        });
    }

    /// Moves the view by a keyboard step on the next frame.
    pub fn scroll(&mut self, step: ScrollStep) {
        match step {
            ScrollStep::Start => {
                self.scroll_target = None;
                self.pending_step = Some(step);
            }
            ScrollStep::End => {
                self.scroll_target = Some(ScrollTarget {
                    offset: usize::MAX,
                    frames_left: JUMP_SETTLE_FRAMES,
                    anchor: Anchor::Bottom,
                })
            }
            _ => {
                self.scroll_target = None;
                self.pending_step = Some(step);
            }
        }
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
            text_color: style::body_text(ui.visuals().dark_mode),
            strong_text_color: ui.visuals().strong_text_color(),
            heading_family: super::fonts::heading_family(ui.ctx()),
            selection_fill: style::selection_fill(ui.visuals().dark_mode),
            selection_stroke: Stroke::new(1.5, style::selection_outline()),
            mark_stroke: Stroke::new(2.0, style::mark_outline()),
            text_selection: self.text_selection.clone(),
            column,
        };

        let mut scroll = ScrollArea::vertical()
            .id_salt("reader")
            .auto_shrink([false, false]);
        let line_height = (font_size * 1.55).round();
        if let Some(target) = self.scroll_target {
            let viewport_height = ui.available_height();
            let offset = target.offset.min(analysis.text().len());
            if let Some(y) = self.offset_y(ui, &painter, offset, gap) {
                let y = match target.anchor {
                    Anchor::Jump => y - viewport_height * 0.3,
                    Anchor::Top => y,
                    Anchor::Bottom => y + line_height + gap - viewport_height,
                };
                scroll = scroll.vertical_scroll_offset(y.max(0.0));
            }
            self.scroll_target = (target.frames_left > 1).then_some(ScrollTarget {
                frames_left: target.frames_left - 1,
                ..target
            });
            ui.ctx().request_repaint();
        }
        if let Some(step) = self.pending_step.take() {
            let page = (self.viewport_height - PAGE_OVERLAP_LINES * line_height).max(line_height);
            let y = match step {
                ScrollStep::Lines(n) => self.scroll_offset + n as f32 * line_height,
                ScrollStep::Pages(n) => self.scroll_offset + n as f32 * page,
                ScrollStep::Start => 0.0,
                ScrollStep::End => f32::MAX,
            };
            // The scroll area clamps to the content's end.
            scroll = scroll.vertical_scroll_offset(y.max(0.0));
            ui.ctx().request_repaint();
        }

        let mut command = None;
        let output = scroll.show_viewport(ui, |ui, viewport| {
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
                let laid = self.layout(ui, &painter, p);
                let galley = &laid.galley;
                // A right-to-left paragraph's rows end at the column's right edge.
                let x = if laid.right_aligned {
                    left + column
                } else {
                    left
                };
                let pos = pos2(x, origin.y + tops[p]);
                let rect = galley.rect.translate(pos.to_vec2());
                if p == first {
                    self.top_byte = self.byte_at_top(&painter, p, &laid, viewport.min.y - tops[p]);
                }
                let range = self.paragraphs[p].range.clone();
                let text = &painter.analysis.text()[range.clone()];
                let selected = local(self.text_selection.as_ref(), &range);
                let marked = local(painter.selection.marked.as_ref(), &range);
                for rect in selected.iter().flat_map(|s| laid.rects(text, s.clone())) {
                    ui.painter().rect_filled(
                        rect.translate(pos.to_vec2()),
                        2.0,
                        painter.selection_fill,
                    );
                }
                ui.painter().galley(pos, galley.clone(), painter.text_color);
                let outlines = [
                    (selected, painter.selection_stroke),
                    (marked, painter.mark_stroke),
                ];
                for (part, stroke) in outlines {
                    for rect in part.iter().flat_map(|s| laid.rects(text, s.clone())) {
                        ui.painter().rect_stroke(
                            rect.translate(pos.to_vec2()).expand(1.0),
                            2.0,
                            stroke,
                            egui::StrokeKind::Outside,
                        );
                    }
                }
                if let Some(clicked) =
                    describe_for_accessibility(ui, &painter, &self.paragraphs[p], &laid, pos)
                {
                    command = Some(clicked);
                }
                #[cfg(test)]
                self.painted.push((p, pos, laid.clone()));
                let response = ui.interact(
                    rect,
                    ui.scope_id().with(("paragraph", p)),
                    Sense::click_and_drag(),
                );
                if let Some(clicked) = self.interact(ui, &response, &laid, &painter, p, pos) {
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
        self.scroll_offset = output.state.clamped_offset().y;
        self.viewport_height = output.inner_rect.height();
        command
    }

    /// The byte at the start of the row of paragraph `p` that is `y` below its top.
    fn byte_at_top(&self, painter: &Painter<'_>, p: usize, laid: &Laid, y: f32) -> usize {
        let range = self.paragraphs[p].range.clone();
        let text = &painter.analysis.text()[range.clone()];
        let mut chars = 0;
        for row in &laid.galley.rows {
            if row.rect().max.y > y {
                break;
            }
            chars += row.char_count_including_newline().0;
        }
        range.start + laid.byte_of_char(text, chars)
    }

    /// The top of each paragraph, and the total height at the end.
    fn tops(&self, gap: f32) -> Vec<f32> {
        let mut tops = Vec::with_capacity(self.heights.len() + 1);
        let mut y = gap;
        for (height, paragraph) in self.heights.iter().zip(&self.paragraphs) {
            if paragraph.continues {
                y -= gap;
            } else if paragraph.heading.is_some() {
                // A heading stands closer to its section than to the one before.
                y += gap * 0.6;
            }
            tops.push(y);
            y += height + gap;
        }
        tops.push(y);
        tops
    }

    /// Lays out a paragraph (egui caches the result while it is in use) and records its
    /// real height.
    fn layout(&mut self, ui: &egui::Ui, painter: &Painter<'_>, p: usize) -> Laid {
        let paragraph = &mut self.paragraphs[p];
        let text = &painter.analysis.text()[paragraph.range.clone()];
        let right_to_left = *paragraph
            .right_to_left
            .get_or_insert_with(|| newslens::bidi::has_rtl(text));
        let job = painter.layout_job(paragraph);
        let laid = if right_to_left {
            visual_order(ui, &job, text)
        } else {
            Laid {
                galley: ui.ctx().fonts_mut(|fonts| fonts.layout_job(job)),
                source: None,
                right_aligned: false,
            }
        };
        self.heights[p] = laid.galley.size().y;
        laid
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
        let laid = self.layout(ui, painter, p);
        let paragraph = &self.paragraphs[p];
        let text = &painter.analysis.text()[paragraph.range.clone()];
        let local = offset.saturating_sub(paragraph.range.start).min(text.len());
        let chars = laid.char_of_byte(text, local);
        let line = laid.galley.pos_from_cursor(CCursor::new(chars));
        Some(self.tops(gap)[p] + line.min.y)
    }

    /// Handles the pointer over a paragraph: the tooltip of the highlight under it, a click
    /// on a highlight, selecting text by dragging (or a double click), and the context menu.
    fn interact(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        laid: &Laid,
        painter: &Painter<'_>,
        p: usize,
        pos: egui::Pos2,
    ) -> Option<Command> {
        let byte_at = |text: &str, local: Vec2| {
            laid.byte_of_char(text, laid.galley.cursor_from_pos(local).index.0)
        };
        let paragraph_start = self.paragraphs[p].range.start;
        let text = &painter.analysis.text()[self.paragraphs[p].range.clone()];
        let mut command = None;

        // Selecting text.
        // Where the button went down, not where the pointer is once the drag is recognised
        // (a fast drag is several characters further by then).
        if response.drag_started()
            && let Some(press) = ui
                .input(|i| i.pointer.press_origin())
                .or(response.interact_pointer_pos())
        {
            let at = paragraph_start + byte_at(text, press - pos);
            self.drag = Some((p, at));
            self.text_selection = None;
        }
        if let Some((drag_p, anchor)) = self.drag
            && drag_p == p
            && let Some(pointer) = ui.ctx().pointer_latest_pos()
        {
            let at = paragraph_start + byte_at(text, pointer - pos);
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
            let at = paragraph_start + byte_at(text, pointer - pos);
            self.text_selection = snap_to_words(painter.analysis.text(), at..at);
        }

        let mention = response
            .hover_pos()
            .and_then(|pointer| self.mention_under(laid, painter, p, pointer - pos));
        // No tooltip over an open menu: it would cover it.
        let menu_open = egui::Popup::is_any_open(ui.ctx());
        if let Some(m) = mention
            && self.drag.is_none()
        {
            if !menu_open {
                show_tooltip(ui, painter, m);
            }
            if response.clicked() {
                command = Some(Command::SelectMention(m));
            }
        }
        if response.clicked() && !response.double_clicked() {
            self.text_selection = None;
            if mention.is_none() {
                // A click on plain text puts the selection down.
                command = Some(Command::ClearSelection);
            }
        }

        // The context menu: about the selection if the click was in it, else about the
        // highlight under the pointer, else about the selection anywhere.
        if response.secondary_clicked() {
            let pointer = response
                .interact_pointer_pos()
                .map(|at| paragraph_start + byte_at(text, at - pos));
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
        laid: &Laid,
        painter: &Painter<'_>,
        p: usize,
        local: Vec2,
    ) -> Option<usize> {
        let paragraph = &self.paragraphs[p];
        let text = &painter.analysis.text()[paragraph.range.clone()];
        let galley = &laid.galley;
        let cursor = galley.cursor_from_pos(local);
        let boundary = galley.pos_from_cursor(cursor);
        let at = cursor.index.0;
        let char_index = if local.x < boundary.min.x && at > 0 {
            at - 1
        } else {
            at
        };
        let start_of_char = laid.byte_of_char(text, char_index);
        if start_of_char >= text.len() {
            return None;
        }
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
    strong_text_color: Color32,
    heading_family: egui::FontFamily,
    /// The user's text selection: a wash of its own hue under the text, and an outline.
    selection_fill: Color32,
    selection_stroke: Stroke,
    /// A marked sentence (a fact's): an outline only, so highlights inside keep their tint.
    mark_stroke: Stroke,
    text_selection: Option<Range<usize>>,
    column: f32,
}

impl Painter<'_> {
    fn layout_job(&self, paragraph: &Paragraph) -> LayoutJob {
        let text = self.analysis.text();
        let range = paragraph.range.clone();
        // Headings larger and in the bold face, body text in the reading face.
        let size = self.settings.font_size * paragraph.heading.map_or(1.0, heading_scale);
        let font = match paragraph.heading {
            Some(_) => FontId::new(size, self.heading_family.clone()),
            None => FontId::proportional(size),
        };
        let text_color = match paragraph.heading {
            Some(_) => self.strong_text_color,
            None => self.text_color,
        };
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
                color: text_color,
                line_height: Some((size * 1.4).max(self.settings.font_size * 1.55).round()),
                ..Default::default()
            };
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
                    style::find_current()
                } else {
                    style::find_match()
                };
                format.color = Color32::BLACK;
            }
            job.append(piece, 0.0, format);
        }
        job
    }
}

/// The part of `span` inside a paragraph's `range`, relative to the paragraph's start.
fn local(span: Option<&Range<usize>>, range: &Range<usize>) -> Option<Range<usize>> {
    let span = span?;
    let start = span.start.max(range.start);
    let end = span.end.min(range.end);
    (start < end).then(|| start - range.start..end - range.start)
}

/// A paragraph laid out for drawing: its galley and, when the galley does not show the
/// text in its own order (right-to-left runs, Arabic joined forms), where each of the
/// galley's characters comes from.
#[derive(Clone)]
struct Laid {
    galley: Arc<Galley>,
    /// For each character of the galley, the byte in the paragraph of the character it
    /// shows; None when the galley shows the text as it is.
    source: Option<Arc<Vec<u32>>>,
    /// A right-to-left paragraph: its rows end at x = 0 and it is drawn from the column's
    /// right edge.
    right_aligned: bool,
}

impl Laid {
    /// The byte (in the paragraph's text) that the galley's character `index` shows; the
    /// text's end past the last one.
    fn byte_of_char(&self, text: &str, index: usize) -> usize {
        match &self.source {
            None => text
                .char_indices()
                .nth(index)
                .map_or(text.len(), |(i, _)| i),
            Some(source) => source.get(index).map_or(text.len(), |&b| b as usize),
        }
    }

    /// The galley's character showing the text's byte `byte` (or the nearest one after it).
    fn char_of_byte(&self, text: &str, byte: usize) -> usize {
        match &self.source {
            None => text.get(..byte).map_or(0, |t| t.chars().count()),
            Some(source) => source
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b as usize >= byte)
                .min_by_key(|&(_, &b)| b)
                .map_or(source.len(), |(i, _)| i),
        }
    }

    /// The rectangles, at most one per row and run, that a byte range of the paragraph's
    /// text covers.
    fn rects(&self, text: &str, bytes: Range<usize>) -> Vec<Rect> {
        let in_range: Box<dyn Fn(usize) -> bool + '_> = match &self.source {
            None => {
                let to_chars = |byte: usize| text.get(..byte).map_or(0, |t| t.chars().count());
                let (first, last) = (to_chars(bytes.start), to_chars(bytes.end));
                Box::new(move |c| first <= c && c < last)
            }
            Some(source) => Box::new(move |c| {
                source
                    .get(c)
                    .is_some_and(|&b| bytes.contains(&(b as usize)))
            }),
        };
        let mut rects = Vec::new();
        let mut row_start = 0;
        for row in &self.galley.rows {
            let count = row.char_count_excluding_newline().0;
            let rect = row.rect();
            let x = |i: usize| rect.min.x + row.x_offset(egui::text::CharIndex(i));
            let mut run: Option<usize> = None;
            for i in 0..=count {
                let inside = i < count && in_range(row_start + i);
                match (inside, run) {
                    (true, None) => run = Some(i),
                    (false, Some(start)) => {
                        rects.push(Rect::from_x_y_ranges(x(start)..=x(i), rect.y_range()));
                        run = None;
                    }
                    _ => {}
                }
            }
            row_start += row.char_count_including_newline().0;
        }
        rects
    }
}

/// Redraws a paragraph holding right-to-left text in visual order. egui 0.37 cannot be
/// trusted with a right-to-left run of several characters (it reverses it, and miscounts
/// its characters), so it only ever gets such letters one at a time, already joined
/// (Arabic presentation forms) and already in place: the paragraph is shaped in logical
/// order and wrapped to find where its lines break, then each line is reordered on its own
/// (UAX #9 works per line) and laid out as it is to be seen. Every character keeps the
/// format of the text character it shows.
fn visual_order(ui: &egui::Ui, job: &LayoutJob, text: &str) -> Laid {
    let paragraph = newslens::bidi::BidiParagraph::new(text);
    let shaped = paragraph.shaped();
    let mut logical = LayoutJob {
        wrap: job.wrap.clone(),
        ..LayoutJob::default()
    };
    add_sections(&mut logical, job, &shaped.text, &shaped.source);
    let logical = ui.ctx().fonts_mut(|fonts| fonts.layout_job(logical));

    let mut visual = LayoutJob {
        halign: if paragraph.is_rtl() {
            egui::Align::RIGHT
        } else {
            egui::Align::LEFT
        },
        ..LayoutJob::default()
    };
    visual.wrap.max_width = f32::INFINITY;
    let byte_of = |index: usize| shaped.source.get(index).map_or(text.len(), |&b| b as usize);
    let mut source = Vec::with_capacity(shaped.source.len() + logical.rows.len());
    let mut first = 0;
    for (r, row) in logical.rows.iter().enumerate() {
        let last = (first + row.char_count_including_newline().0).min(shaped.source.len());
        let (start, end) = (byte_of(first), byte_of(last));
        let line = paragraph.line(start..end);
        add_sections(&mut visual, job, &line.text, &line.source);
        source.extend_from_slice(&line.source);
        if r + 1 < logical.rows.len() {
            push_section(
                &mut visual,
                "\n",
                job.format_at_byte(egui::text::ByteIndex(end)).clone(),
            );
            source.push(end as u32);
        }
        first = last;
    }
    let galley = ui.ctx().fonts_mut(|fonts| fonts.layout_job(visual));
    Laid {
        galley,
        source: Some(Arc::new(source)),
        right_aligned: paragraph.is_rtl(),
    }
}

/// Appends characters (each shown for the text's byte in `source`) to `out`, in the
/// formats `job` gives those bytes: right-to-left letters (with their marks) one to a
/// section, since egui shapes each section in its script's direction and would reverse
/// what is already in place; other characters in runs of one format.
fn add_sections(out: &mut LayoutJob, job: &LayoutJob, chars: &str, source: &[u32]) {
    let mut run = String::new();
    let mut run_format: Option<&TextFormat> = None;
    // Whether the run is one right-to-left letter (with its marks).
    let mut run_is_letter = false;
    for (c, &from) in chars.chars().zip(source) {
        let format = job.format_at_byte(egui::text::ByteIndex(from as usize));
        let letter = newslens::bidi::is_rtl_letter(c);
        let attached = newslens::bidi::is_mark(c) && !run.is_empty();
        let new_run = letter || run_is_letter || run_format.is_some_and(|f| f != format);
        if !run.is_empty() && !attached && new_run {
            push_section(out, &run, run_format.cloned().unwrap_or_default());
            run.clear();
        }
        if !attached {
            run_is_letter = letter;
        }
        run_format = Some(format);
        run.push(c);
    }
    if let Some(format) = run_format {
        push_section(out, &run, format.clone());
    }
}

/// Appends a section without merging it into the one before (egui's `append` merges
/// sections of equal format, and shapes each section as one run).
fn push_section(job: &mut LayoutJob, text: &str, format: TextFormat) {
    if text.is_empty() {
        return;
    }
    let start = job.text.len();
    job.text.push_str(text);
    job.sections.push(egui::text::LayoutSection {
        leading_space: 0.0,
        byte_range: egui::text::ByteIndex(start)..egui::text::ByteIndex(job.text.len()),
        format,
    });
}

/// Gives assistive technology (and the UI tests) a node per shown highlight, named by its
/// kind and its entity ("PERSON Dina Boluarte"), where the highlight is on screen. Returns
/// a selection when assistive technology clicked one.
fn describe_for_accessibility(
    ui: &egui::Ui,
    painter: &Painter<'_>,
    paragraph: &Paragraph,
    laid: &Laid,
    pos: egui::Pos2,
) -> Option<Command> {
    let text = &painter.analysis.text()[paragraph.range.clone()];
    let mut command = None;
    for m in paragraph.mentions.clone() {
        let mention = &painter.analysis.mentions[m];
        if painter.settings.is_hidden(mention.label) {
            continue;
        }
        let Some(bytes) = local(Some(&(mention.start..mention.end)), &paragraph.range) else {
            continue;
        };
        let Some(rect) = laid
            .rects(text, bytes)
            .into_iter()
            .reduce(|a, b| a.union(b))
        else {
            continue;
        };
        let name = painter
            .analysis
            .group_of_mention(m)
            .map_or_else(|| painter.analysis.mention_text(m), |g| g.name.as_str());
        let id = ui.scope_id().with(("highlight", m));
        let rect = rect.translate(pos.to_vec2());
        ui.ctx().accesskit_node_builder(id, |node| {
            node.set_role(egui::accesskit::Role::Link);
            node.set_label(format!("{} {name}", mention.label.as_str()));
            node.set_bounds(egui::accesskit::Rect {
                x0: rect.min.x.into(),
                y0: rect.min.y.into(),
                x1: rect.max.x.into(),
                y1: rect.max.y.into(),
            });
            node.add_action(egui::accesskit::Action::Click);
        });
        if ui.input(|i| i.has_accesskit_action_request(id, egui::accesskit::Action::Click)) {
            command = Some(Command::SelectMention(m));
        }
    }
    command
}

/// How much larger than body text a heading of a level is.
fn heading_scale(level: u8) -> f32 {
    match level {
        1 => 1.6,
        2 => 1.35,
        3 => 1.2,
        _ => 1.1,
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
    let headings = &analysis.document.headings;
    let mut paragraphs = Vec::new();
    let mut start = 0;
    let mut m = 0;
    let mut h = 0;
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
            while h < headings.len() && headings[h].range.end <= range.start {
                h += 1;
            }
            let heading = headings
                .get(h)
                .filter(|heading| heading.range.start < range.end)
                .map(|heading| heading.level);
            paragraphs.push(Paragraph {
                right_to_left: None,
                heading,
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
