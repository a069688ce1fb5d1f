//! Highlight colours for the reader, from the shared palette (whose tests check that kinds,
//! selection, marks and find matches stay apart, for colour-blind readers too).

use egui::Color32;
use newslens::{Label, palette};

fn rgb([r, g, b]: palette::Rgb) -> Color32 {
    Color32::from_rgb(r, g, b)
}

pub fn solid(label: Label) -> Color32 {
    rgb(palette::colour(label))
}

/// A translucent tint behind highlighted text; stronger for the selected entity.
pub fn tint(label: Label, dark: bool, selected: bool) -> Color32 {
    let [r, g, b] = palette::colour(label);
    Color32::from_rgba_unmultiplied(r, g, b, palette::tint_alpha(dark, selected))
}

/// Black or white, whichever reads better on the solid colour.
pub fn text_on(label: Label) -> Color32 {
    rgb(palette::text_on(palette::colour(label)))
}

/// Find matches, and the current one.
pub fn find_match() -> Color32 {
    rgb(palette::FIND_MATCH)
}

pub fn find_current() -> Color32 {
    rgb(palette::FIND_CURRENT)
}

/// The wash under text the user selected (its outline is [`selection_outline`]).
pub fn selection_fill(dark: bool) -> Color32 {
    let [r, g, b] = palette::SELECTION;
    Color32::from_rgba_unmultiplied(r, g, b, palette::wash_alpha(dark))
}

pub fn selection_outline() -> Color32 {
    rgb(palette::SELECTION)
}

/// The outline of a marked sentence.
pub fn mark_outline() -> Color32 {
    rgb(palette::MARK)
}

/// The reader's body text, which the palette's contrast checks assume.
pub fn body_text(dark: bool) -> Color32 {
    rgb(if dark {
        palette::TEXT_DARK
    } else {
        palette::TEXT_LIGHT
    })
}

/// The reader's paper.
pub fn paper(dark: bool) -> Color32 {
    rgb(if dark {
        palette::PAPER_DARK
    } else {
        palette::PAPER_LIGHT
    })
}
