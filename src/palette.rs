//! The colour of each kind, shared by the reader and the HTML export.
//!
//! Colours come from the Okabe–Ito palette, chosen to stay distinguishable with the common
//! forms of colour blindness. Highlights paint them translucent behind the text and solid
//! as an underline, so text keeps its contrast in light and dark themes.

use crate::entity::Label;

/// An sRGB colour.
pub type Rgb = [u8; 3];

pub fn colour(label: Label) -> Rgb {
    match label {
        Label::Person => [0xE6, 0x9F, 0x00],  // orange
        Label::Place => [0x56, 0xB4, 0xE9],   // sky blue
        Label::Org => [0x00, 0x9E, 0x73],     // bluish green
        Label::Project => [0xCC, 0x79, 0xA7], // reddish purple
        Label::Figure => [0xD5, 0x5E, 0x00],  // vermillion
        Label::Date => [0x00, 0x72, 0xB2],    // blue
    }
}

/// CSS hex form, e.g. "#e69f00".
pub fn hex(label: Label) -> String {
    let [r, g, b] = colour(label);
    format!("#{r:02x}{g:02x}{b:02x}")
}
