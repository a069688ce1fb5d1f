//! Right-to-left text for a renderer that draws glyphs strictly left to right in string order
//! and does no shaping (egui): turns one laid-out line of a paragraph into the characters to
//! draw, in visual order, with Arabic letters in their joined Presentation Forms-B glyphs.
//! Levels and reordering come from `unicode-bidi` (UAX #9), joining from `ar-reshaper`.

use std::ops::Range;
use std::sync::OnceLock;

use ar_reshaper::prelude::LigatureNames;
use ar_reshaper::{ArabicReshaper, ReshaperConfig};
use unicode_bidi::{BidiClass, Direction, ParagraphBidiInfo, bidi_class};

/// Whether a text holds any right-to-left character (Hebrew, Arabic, Syriac, Thaana, NKo, ...,
/// the RTL mark, embeddings, overrides and isolates) — a fast scan; when false, nothing below
/// is needed.
pub fn has_rtl(text: &str) -> bool {
    use BidiClass::{AL, R, RLE, RLI, RLO};
    text.chars()
        .any(|c| c >= '\u{590}' && matches!(bidi_class(c), R | AL | RLE | RLO | RLI))
}

/// Whether a paragraph's base direction is right to left: its first strong character outside
/// isolates is right to left (UAX #9 rules P2–P3; no strong character means left to right).
pub fn is_rtl_paragraph(text: &str) -> bool {
    unicode_bidi::get_base_direction(text) == Direction::Rtl
}

/// One line of a paragraph as it is to be drawn.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VisualLine {
    /// The characters in drawing order (left to right), Arabic in its joined forms, mirrored
    /// brackets in right-to-left runs, combining marks right after their base character.
    pub text: String,
    /// For each char of `text`, the byte offset in the paragraph's text of the character it
    /// shows (for a lam-alef ligature: its lam). Same length as `text.chars().count()`.
    pub source: Vec<u32>,
}

/// A paragraph's embedding levels (UAX #9, computed once), from which each of its lines is
/// reordered with [`BidiParagraph::line`]. The whole text is taken as one paragraph.
pub struct BidiParagraph<'a> {
    info: ParagraphBidiInfo<'a>,
}

impl<'a> BidiParagraph<'a> {
    /// Resolves the embedding levels of `text`, its base direction found by rules P2–P3.
    pub fn new(text: &'a str) -> Self {
        let info = ParagraphBidiInfo::new(text, None);
        BidiParagraph { info }
    }

    /// Whether the paragraph's base direction is right to left (its lines align right).
    pub fn is_rtl(&self) -> bool {
        self.info.paragraph_level.is_rtl()
    }

    /// The whole paragraph shaped but in logical order: what a renderer that cannot be
    /// trusted with right-to-left runs should measure to find where lines break, since it
    /// holds the very glyphs the lines will show.
    pub fn shaped(&self) -> VisualLine {
        let mut out = VisualLine::default();
        for glyph in shape(self.info.text, 0) {
            if let Some(c) = glyph.shown {
                out.text.push(c);
                out.source.push(glyph.byte as u32);
            }
        }
        out
    }

    /// Reorders the line `line` (a byte range of the paragraph's text, as found by wrapping the
    /// logical text) per UAX #9 rules L1–L4: Arabic is shaped on the logical line first, so
    /// joining follows logical neighbours; then the level runs are put in visual order, runs at
    /// odd levels reversed by clusters (a base and its following marks keep their order, L3)
    /// with their brackets mirrored (L4). Panics if `line` is not a char range of the text.
    pub fn line(&self, line: Range<usize>) -> VisualLine {
        let glyphs = shape(&self.info.text[line.clone()], line.start);
        let mut out = VisualLine::default();
        if line.is_empty() {
            return out;
        }
        let mut emit = |g: &Glyph, rtl: bool| {
            if let Some(c) = g.shown {
                out.text.push(if rtl { mirror(c) } else { c });
                out.source.push(g.byte as u32);
            }
        };
        let (levels, runs) = self.info.visual_runs(line);
        for run in runs {
            let lo = glyphs.partition_point(|g| g.byte < run.start);
            let hi = glyphs.partition_point(|g| g.byte < run.end);
            let run_glyphs = &glyphs[lo..hi];
            if levels[run.start].is_ltr() {
                run_glyphs.iter().for_each(|g| emit(g, false));
            } else {
                for cluster in run_glyphs.chunk_by(|_, g| is_mark(g.ch)).rev() {
                    cluster.iter().for_each(|g| emit(g, true));
                }
            }
        }
        out
    }
}

/// One logical character of a line: its byte offset in the paragraph, itself, and the glyph
/// that shows it (`None` when it was merged into the ligature shown by the character before).
struct Glyph {
    byte: usize,
    ch: char,
    shown: Option<char>,
}

/// The shaper: `ar-reshaper`'s defaults (the lam-alef ligatures on) without the Allah ligature,
/// so every ligature it makes is exactly a lam and its alef.
fn reshaper() -> &'static ArabicReshaper {
    static RESHAPER: OnceLock<ArabicReshaper> = OnceLock::new();
    RESHAPER.get_or_init(|| {
        let mut config = ReshaperConfig::default();
        config.update_ligature(LigatureNames::ARABIC_LIGATURE_ALLAH, false);
        ArabicReshaper::new(config)
    })
}

/// The glyphs of a logical line whose first byte is at `base` in the paragraph. The marks (and
/// ZWJ) are kept out of the shaper, as joining skips them and the shaper would drop them; what
/// it returns is then one glyph per letter but for lam-alef ligatures. If its output ever fails
/// to line up so, the line is left unshaped rather than mis-mapped.
fn shape(line: &str, base: usize) -> Vec<Glyph> {
    let mut glyphs: Vec<Glyph> = line
        .char_indices()
        .map(|(i, ch)| Glyph {
            byte: base + i,
            ch,
            shown: Some(ch),
        })
        .collect();
    if !line.chars().any(|c| ('\u{600}'..='\u{8FF}').contains(&c)) {
        return glyphs;
    }
    let letters: Vec<usize> = (0..glyphs.len())
        .filter(|&k| !is_mark(glyphs[k].ch))
        .collect();
    let input: String = letters.iter().map(|&k| glyphs[k].ch).collect();
    let mut shown: Vec<Option<char>> = Vec::with_capacity(letters.len());
    for c in reshaper().reshape(&input).chars() {
        let Some(&k) = letters.get(shown.len()) else {
            return glyphs; // more glyphs than letters: leave the line unshaped
        };
        shown.push(Some(c));
        if ('\u{FEF5}'..='\u{FEFC}').contains(&c) && glyphs[k].ch == '\u{644}' {
            shown.push(None); // the alef merged into the lam's ligature
        }
    }
    if shown.len() == letters.len() {
        for (&k, s) in letters.iter().zip(shown) {
            glyphs[k].shown = s;
        }
    }
    glyphs
}

/// Whether a character is strongly right to left (Hebrew, Arabic, ... letters and their
/// presentation forms). A renderer that shapes each run in its script's direction (egui)
/// must get such characters of a [`VisualLine`] one cluster at a time, or it reverses them
/// a second time.
pub fn is_rtl_letter(c: char) -> bool {
    c >= '\u{590}' && matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// Characters that attach to the one before: nonspacing marks, ZWJ, and whatever `ar-reshaper`
/// counts as harakat (it would delete those).
pub fn is_mark(c: char) -> bool {
    matches!(c, '\u{200D}' | '\u{610}'..='\u{61A}' | '\u{64B}'..='\u{65F}' | '\u{670}')
        || matches!(c, '\u{6D6}'..='\u{6DC}' | '\u{6DF}'..='\u{6E8}' | '\u{6EA}'..='\u{6ED}')
        || ('\u{8D4}'..='\u{8FF}').contains(&c)
        || (c >= '\u{300}' && bidi_class(c) == BidiClass::NSM)
}

/// The mirror image of a common paired bracket (rule L4), for characters at odd levels.
fn mirror(c: char) -> char {
    const PAIRS: [char; 12] = ['(', ')', '[', ']', '{', '}', '<', '>', '«', '»', '‹', '›'];
    PAIRS
        .iter()
        .position(|&p| p == c)
        .map_or(c, |i| PAIRS[i ^ 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shaped_paragraph_keeps_logical_order_and_its_sources() {
        let text = "Hi قال: مرحبا";
        let shaped = BidiParagraph::new(text).shaped();
        assert!(shaped.text.starts_with("Hi "));
        assert_eq!(shaped.text.chars().count(), shaped.source.len());
        // In order: each source after the one before.
        assert!(shaped.source.windows(2).all(|w| w[0] < w[1]));
        assert!(
            shaped
                .text
                .chars()
                .any(|c| ('\u{FE70}'..='\u{FEFF}').contains(&c))
        );
    }

    /// The paragraph `text` as one line, its `source` checked.
    fn whole(text: &str) -> VisualLine {
        let line = BidiParagraph::new(text).line(0..text.len());
        check_source(text, 0..text.len(), &line);
        line
    }

    /// Every drawn char maps back to the char it shows (its mirror, or its joined form), and
    /// every logical char of the line but a ligature's alef is drawn exactly once.
    fn check_source(text: &str, range: Range<usize>, line: &VisualLine) {
        assert_eq!(line.text.chars().count(), line.source.len());
        for (drawn, &at) in line.text.chars().zip(&line.source) {
            let shown = text[at as usize..].chars().next().unwrap();
            let shaped = ('\u{FE70}'..='\u{FEFF}').contains(&drawn);
            assert!(shaped || drawn == shown || drawn == mirror(shown));
        }
        let mut sources = line.source.clone();
        sources.sort();
        let logical: Vec<u32> = (text.char_indices())
            .filter(|(i, _)| range.contains(i))
            .filter(|&(i, c)| {
                !(text[..i].ends_with('\u{644}') && "\u{627}\u{623}\u{625}\u{622}".contains(c))
            })
            .map(|(i, _)| i as u32)
            .collect();
        assert_eq!(sources, logical);
    }

    #[test]
    fn pure_ltr_line_is_unchanged() {
        let text = "Hello, world (2024).";
        let line = whole(text);
        assert_eq!(line.text, text);
        assert_eq!(line.source, (0..text.len() as u32).collect::<Vec<_>>());
    }

    #[test]
    fn arabic_word_in_english_is_reversed_in_place_and_shaped() {
        let text = "The talks, known in Arabic as المحادثات, began in 2024";
        let line = whole(text);
        // Teh, alef, theh, dal, alef, hah, meem, lam, alef: right to left and joined.
        let arabic = "\u{FE95}\u{FE8E}\u{FE9B}\u{FEA9}\u{FE8E}\u{FEA4}\u{FEE4}\u{FEDF}\u{FE8D}";
        assert_eq!(
            line.text,
            format!("The talks, known in Arabic as {arabic}, began in 2024")
        );
    }

    #[test]
    fn hebrew_paragraph_is_reversed_but_numbers_read_left_to_right() {
        let text = "השיחות החלו ב-2024.";
        assert!(is_rtl_paragraph(text) && BidiParagraph::new(text).is_rtl());
        let line = whole(text);
        assert_eq!(line.text, ".2024-ב ולחה תוחישה");
    }

    #[test]
    fn brackets_are_mirrored_in_rtl_runs() {
        let text = "שלום (עולם) [כן]";
        let line = whole(text);
        assert_eq!(line.text, "[ןכ] (םלוע) םולש");
        assert_eq!(line.source[0] as usize, text.rfind(']').unwrap());
    }

    #[test]
    fn ligatures_and_marks_keep_their_sources() {
        let text = "قال: السلام عليكم (مَرحبا)";
        let line = whole(text);
        let lam = text.find("لام").unwrap() as u32;
        let at = line.text.chars().position(|c| c == '\u{FEFC}').unwrap();
        assert_eq!(line.source[at], lam);
        // The fatha is drawn right after the meem it sits on.
        let fatha = line.text.chars().position(|c| c == '\u{64E}').unwrap();
        assert_eq!(line.source[fatha - 1] as usize, text.find("مَ").unwrap());
    }

    #[test]
    fn lines_of_a_wrapped_rtl_paragraph_reorder_independently() {
        let text = "שלום עולם יפה, 12 ימים";
        let para = BidiParagraph::new(text);
        let split = text.find("יפה").unwrap();
        let (first, second) = (para.line(0..split), para.line(split..text.len()));
        assert_eq!(first.text.trim(), "םלוע םולש");
        assert_eq!(second.text, "םימי 12 ,הפי");
        check_source(text, 0..split, &first);
        check_source(text, split..text.len(), &second);
    }

    #[test]
    fn direction_scans() {
        assert!(!has_rtl("Plain English, 2024 — café"));
        assert!(has_rtl("in Hebrew שלום") && has_rtl("مرحبا") && has_rtl("a\u{200F}b"));
        assert!(has_rtl("\u{2067}x\u{2069}") && !has_rtl(""));
        assert!(is_rtl_paragraph("2024: שלום world") && is_rtl_paragraph("مرحبا world"));
        assert!(!is_rtl_paragraph("Hello שלום") && !is_rtl_paragraph("123"));
        assert!(!is_rtl_paragraph("\u{2068}שלום\u{2069} hello") && !is_rtl_paragraph(""));
    }

    #[test]
    fn empty_line() {
        assert_eq!(BidiParagraph::new("").line(0..0), VisualLine::default());
        assert_eq!(BidiParagraph::new("שלום").line(4..4), VisualLine::default());
    }
}
