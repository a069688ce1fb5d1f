//! Highlight colours for the reader, from the shared palette.

use egui::Color32;
use newslens::{Label, palette};

pub fn solid(label: Label) -> Color32 {
    let [r, g, b] = palette::colour(label);
    Color32::from_rgb(r, g, b)
}

/// A translucent tint behind highlighted text; stronger for the selected entity.
pub fn tint(label: Label, dark: bool, selected: bool) -> Color32 {
    let [r, g, b] = palette::colour(label);
    let alpha = match (dark, selected) {
        (false, false) => 60,
        (true, false) => 80,
        (false, true) => 130,
        (true, true) => 150,
    };
    Color32::from_rgba_unmultiplied(r, g, b, alpha)
}

/// Black or white, whichever reads better on the solid colour.
pub fn text_on(label: Label) -> Color32 {
    let [r, g, b] = palette::colour(label);
    let luminance = 0.2126 * f32::from(r) + 0.7152 * f32::from(g) + 0.0722 * f32::from(b);
    if luminance > 140.0 {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

/// Find matches: the palette's yellow, which no kind uses.
pub const FIND_MATCH: Color32 = Color32::from_rgb(0xF0, 0xE4, 0x42);
