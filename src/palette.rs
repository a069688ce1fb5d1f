//! The reader's colours, shared with the HTML export: one per kind of entity, and the marks
//! that must never pass for one (find matches, the text selection, a marked fact sentence).
//!
//! A kind is painted as a translucent tint behind the text ([`tint_alpha`]) with a solid
//! underline; the selected mention, and find matches, as a solid fill under [`text_on`] text;
//! the selection and a marked sentence as an outline over a light wash ([`wash_alpha`]). The
//! marks have hues no kind uses: yellow and teal for finding, violet for the selection, grey
//! for a marked sentence.
//!
//! The tests hold the palette, on both papers and under normal vision and simulated
//! protanopia, deuteranopia and tritanopia, to: kinds' tints and solids (underlines) stay
//! apart, marks stay apart from every kind's tint (selected or not), and text keeps a WCAG
//! contrast of 4.5 on every tint, wash and fill. Minimum CIEDE2000 ΔE reached, normal /
//! protanopia / deuteranopia / tritanopia:
//!
//! | paper | kind tints (≥ 5.9)     | kind solids (≥ 14)        | marks vs tints (≥ 6)    |
//! |-------|------------------------|---------------------------|-------------------------|
//! | light | 8.7 / 7.6 / 6.9 / 6.0  | 30.6 / 14.9 / 15.5 / 14.9 | 10.0 / 6.2 / 6.8 / 6.1  |
//! | dark  | 10.1 / 8.5 / 7.5 / 6.3 | (the same)                | 10.1 / 6.2 / 7.1 / 13.1 |
//!
//! (The Okabe–Ito palette this replaced, at alphas 60 and 80, reached tints of 4.0 / 3.5 / 2.5
//! / 2.8 on light paper.) Text contrast is at least 7.1 on a tint, 4.6 on a selected tint,
//! 11.7 on a wash and 5.2 on a solid fill.

use crate::entity::Label;

/// An sRGB colour.
pub type Rgb = [u8; 3];

pub fn colour(label: Label) -> Rgb {
    match label {
        Label::Person => [0xEA, 0x96, 0x00],  // orange
        Label::Place => [0x23, 0xB0, 0xFF],   // sky blue
        Label::Org => [0x49, 0x93, 0x60],     // green
        Label::Project => [0xBA, 0x63, 0x8B], // mauve
        Label::Figure => [0x9D, 0x26, 0x0B],  // brick red
        Label::Date => [0x00, 0x5C, 0xAB],    // blue
    }
}

/// CSS hex form, e.g. "#ea9600".
pub fn hex(label: Label) -> String {
    let [r, g, b] = colour(label);
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// A find match: a solid fill under `text_on` text.
pub const FIND_MATCH: Rgb = [0xF0, 0xE4, 0x42]; // yellow
/// The current find match, likewise.
pub const FIND_CURRENT: Rgb = [0x23, 0x95, 0x95]; // teal
/// The user's text selection: an outline, over a `wash_alpha` wash of the same colour.
pub const SELECTION: Rgb = [0xB5, 0x6C, 0xE7]; // violet
/// A marked fact sentence: an outline, over a `wash_alpha` wash of the same colour.
pub const MARK: Rgb = [0x7A, 0x89, 0x88]; // grey

pub const PAPER_LIGHT: Rgb = [0xFB, 0xFA, 0xF7];
pub const PAPER_DARK: Rgb = [0x1B, 0x1B, 0x1D];
/// Body text on light paper.
pub const TEXT_LIGHT: Rgb = [0x1D, 0x1D, 0x1F];
/// Body text on dark paper.
pub const TEXT_DARK: Rgb = [0xE8, 0xE6, 0xE3];

/// The opacity of a kind's tint; stronger for the selected entity.
pub fn tint_alpha(dark: bool, selected: bool) -> u8 {
    match (dark, selected) {
        (false, false) => 100,
        (false, true) => 153,
        (true, false) => 87,
        (true, true) => 137,
    }
}

/// The opacity of the wash inside the SELECTION and MARK outlines.
pub fn wash_alpha(dark: bool) -> u8 {
    if dark { 32 } else { 44 }
}

/// Black or white, whichever has the higher WCAG contrast on `rgb`.
pub fn text_on(rgb: Rgb) -> Rgb {
    let l = linear(rgb);
    if contrast(l, [0.0; 3]) >= contrast(l, [1.0; 3]) {
        [0; 3]
    } else {
        [255; 3]
    }
}

// Colour science, from the published formulas: sRGB decoding and WCAG 2 contrast here, what
// the tests measure with in `vision`. Colours in linear RGB are `Lin`.

type Lin = [f64; 3];

/// IEC 61966-2-1 (sRGB) decoding of one 0..=1 channel.
fn decode(c: f64) -> f64 {
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn linear(rgb: Rgb) -> Lin {
    rgb.map(|c| decode(f64::from(c) / 255.0))
}

/// WCAG 2 relative luminance and contrast ratio.
fn luminance(c: Lin) -> f64 {
    0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
}

fn contrast(a: Lin, b: Lin) -> f64 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// How colours look over paper, to CIELAB and CIEDE2000, and to colour-blind readers.
#[cfg(test)]
mod vision {
    use super::{Lin, Rgb, decode};

    pub(super) type Matrix = [Lin; 3];

    /// `fg` at `alpha` over `bg`, blended on the encoded values as egui and CSS blend.
    pub(super) fn composite(fg: Rgb, alpha: u8, bg: Rgb) -> Lin {
        let a = f64::from(alpha) / 255.0;
        std::array::from_fn(|i| {
            decode((a * f64::from(fg[i]) + (1.0 - a) * f64::from(bg[i])) / 255.0)
        })
    }

    fn apply(m: &Matrix, v: Lin) -> Lin {
        m.map(|row| row[0] * v[0] + row[1] * v[1] + row[2] * v[2])
    }

    /// CIELAB (D65 white) of a linear sRGB colour, through CIE XYZ.
    pub(super) fn lab(c: Lin) -> Lin {
        const XYZ: Matrix = [
            [0.4124564, 0.3575761, 0.1804375],
            [0.2126729, 0.7151522, 0.0721750],
            [0.0193339, 0.1191920, 0.9503041],
        ];
        fn f(t: f64) -> f64 {
            if t > 216.0 / 24389.0 {
                t.cbrt()
            } else {
                (24389.0 / 27.0 * t + 16.0) / 116.0
            }
        }
        let [x, y, z] = apply(&XYZ, c);
        let (fx, fy, fz) = (f(x / 0.95047), f(y), f(z / 1.08883));
        [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
    }

    /// CIEDE2000 colour difference (kL = kC = kH = 1), as set out by Sharma, Wu and Dalal,
    /// "The CIEDE2000 color-difference formula: implementation notes, supplementary test
    /// data, and mathematical observations", Color Research & Application 30 (2005).
    pub(super) fn delta_e(p: Lin, q: Lin) -> f64 {
        let seventh = |c: f64| (c.powi(7) / (c.powi(7) + 25f64.powi(7))).sqrt();
        let g = 0.5 * (1.0 - seventh((p[1].hypot(p[2]) + q[1].hypot(q[2])) / 2.0));
        let chroma_hue = |l: Lin| {
            let a = (1.0 + g) * l[1];
            // A grey's hue is moot: every term it enters is multiplied by zero.
            (a.hypot(l[2]), l[2].atan2(a).to_degrees().rem_euclid(360.0))
        };
        let ((c1, h1), (c2, h2)) = (chroma_hue(p), chroma_hue(q));
        let dh = match h2 - h1 {
            _ if c1 * c2 == 0.0 => 0.0,
            d if d > 180.0 => d - 360.0,
            d if d < -180.0 => d + 360.0,
            d => d,
        };
        let big_dh = 2.0 * (c1 * c2).sqrt() * (dh / 2.0).to_radians().sin();
        let (l, c) = ((p[0] + q[0]) / 2.0, (c1 + c2) / 2.0);
        let h = match (h1 + h2, (h1 - h2).abs()) {
            (s, _) if c1 * c2 == 0.0 => s,
            (s, d) if d <= 180.0 => s / 2.0,
            (s, _) if s < 360.0 => (s + 360.0) / 2.0,
            (s, _) => (s - 360.0) / 2.0,
        };
        let cos = |deg: f64| deg.to_radians().cos();
        let t = 1.0 - 0.17 * cos(h - 30.0) + 0.24 * cos(2.0 * h) + 0.32 * cos(3.0 * h + 6.0)
            - 0.20 * cos(4.0 * h - 63.0);
        let sl = 1.0 + 0.015 * (l - 50.0).powi(2) / (20.0 + (l - 50.0).powi(2)).sqrt();
        let (sc, sh) = (1.0 + 0.045 * c, 1.0 + 0.015 * c * t);
        let rotation = 30.0 * (-((h - 275.0) / 25.0).powi(2)).exp();
        let rt = -2.0 * seventh(c) * (2.0 * rotation).to_radians().sin();
        let (dl, dc, dh) = ((q[0] - p[0]) / sl, (c2 - c1) / sc, big_dh / sh);
        (dl * dl + dc * dc + dh * dh + rt * dc * dh).sqrt()
    }

    /// Dichromacy (severity 1.0) in linear RGB, from Machado, Oliveira and Fernandes,
    /// "A Physiologically-based Model for Simulation of Color Vision Deficiency", IEEE
    /// Transactions on Visualization and Computer Graphics 15 (2009).
    const PROTANOPIA: Matrix = [
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ];
    const DEUTERANOPIA: Matrix = [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ];
    const TRITANOPIA: Matrix = [
        [1.255528, -0.076749, -0.178779],
        [-0.078411, 0.930809, 0.147602],
        [0.004733, 0.691367, 0.303900],
    ];
    const NORMAL: Matrix = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
    pub(super) const VISIONS: [(&str, Matrix); 4] = [
        ("normal vision", NORMAL),
        ("protanopia", PROTANOPIA),
        ("deuteranopia", DEUTERANOPIA),
        ("tritanopia", TRITANOPIA),
    ];

    /// How far apart two colours look under a vision, in CIEDE2000.
    pub(super) fn distance(vision: &Matrix, a: Lin, b: Lin) -> f64 {
        let seen = |c: Lin| lab(apply(vision, c).map(|v| v.clamp(0.0, 1.0)));
        delta_e(seen(a), seen(b))
    }
}

#[cfg(test)]
mod tests {
    use super::vision::*;
    use super::*;

    const TINTS_APART: f64 = 5.9;
    const SOLIDS_APART: f64 = 14.0;
    const MARKS_APART: f64 = 6.0;
    const READABLE: f64 = 4.5;

    const THEMES: [(&str, bool); 2] = [("light", false), ("dark", true)];

    fn paper(dark: bool) -> Rgb {
        if dark { PAPER_DARK } else { PAPER_LIGHT }
    }

    fn text(dark: bool) -> Rgb {
        if dark { TEXT_DARK } else { TEXT_LIGHT }
    }

    /// A colour as it reaches the eye, and what it is.
    type Seen = (String, Lin);

    /// Each kind's tint.
    fn tints(dark: bool, selected: bool) -> Vec<Seen> {
        let alpha = tint_alpha(dark, selected);
        let what = if selected { "selected tint" } else { "tint" };
        let tint = |l: Label| composite(colour(l), alpha, paper(dark));
        Label::ALL
            .map(|l| (format!("{l:?} {what}"), tint(l)))
            .to_vec()
    }

    /// The washes of the selection and of a marked sentence, then the find fills.
    fn marks(dark: bool) -> Vec<Seen> {
        let wash = |c| composite(c, wash_alpha(dark), paper(dark));
        vec![
            ("SELECTION wash".into(), wash(SELECTION)),
            ("MARK wash".into(), wash(MARK)),
            ("FIND_MATCH fill".into(), linear(FIND_MATCH)),
            ("FIND_CURRENT fill".into(), linear(FIND_CURRENT)),
        ]
    }

    /// Every pair (one from `a` and one from `b`, or two from `a`) closer than `min`.
    fn too_close(theme: &str, a: &[Seen], b: Option<&[Seen]>, min: f64) -> Vec<String> {
        let mut failures = Vec::new();
        for (vision_name, vision) in &VISIONS {
            for (i, (x, cx)) in a.iter().enumerate() {
                for (y, cy) in b.unwrap_or(&a[i + 1..]) {
                    let d = distance(vision, *cx, *cy);
                    if d < min {
                        let pair = format!("{x} and {y} are ΔE2000 {d:.2} apart (< {min})");
                        failures.push(format!("{theme} paper, {vision_name}: {pair}"));
                    }
                }
            }
        }
        failures
    }

    fn assert_none(failures: Vec<String>) {
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn colour_science_matches_published_data() {
        // Pairs 1, 7 and 17 of Sharma, Wu and Dalal's CIEDE2000 test data.
        for (p, q, expected) in [
            ([50.0, 2.6772, -79.7751], [50.0, 0.0, -82.7485], 2.0425),
            ([50.0, 0.0, 0.0], [50.0, -1.0, 2.0], 2.3669),
            ([50.0, 2.5, 0.0], [73.0, 25.0, -18.0], 27.1492),
        ] {
            assert!((delta_e(p, q) - expected).abs() < 5e-5, "{p:?} {q:?}");
        }
        let red = lab(linear([255, 0, 0]));
        assert!(
            red.iter()
                .zip([53.24, 80.09, 67.20])
                .all(|(x, y)| (x - y).abs() < 0.01)
        );
        assert!((contrast(linear([0x77; 3]), [1.0; 3]) - 4.48).abs() < 0.01);
        // The simulations keep greys grey.
        let sums_to_one = |row: &Lin| (row.iter().sum::<f64>() - 1.0).abs() < 1e-3;
        assert!(VISIONS.iter().all(|(_, m)| m.iter().all(sums_to_one)));
    }

    #[test]
    fn kinds_stay_apart() {
        let solids: Vec<Seen> = Label::ALL
            .map(|l| (format!("{l:?} solid"), linear(colour(l))))
            .to_vec();
        let mut failures = too_close("either", &solids, None, SOLIDS_APART);
        for (theme, dark) in THEMES {
            failures.extend(too_close(theme, &tints(dark, false), None, TINTS_APART));
        }
        assert_none(failures);
    }

    #[test]
    fn marks_stay_apart_from_kinds() {
        let mut failures = Vec::new();
        for (theme, dark) in THEMES {
            for kinds in [tints(dark, false), tints(dark, true)] {
                failures.extend(too_close(theme, &marks(dark), Some(&kinds), MARKS_APART));
            }
        }
        assert_none(failures);
    }

    #[test]
    fn text_stays_readable() {
        let mut failures = Vec::new();
        let mut check = |theme: &str, what: &str, background: Lin, text: Rgb| {
            let c = contrast(background, linear(text));
            if c < READABLE {
                failures.push(format!(
                    "{theme} paper: text on {what} has contrast {c:.2} (< {READABLE})"
                ));
            }
        };
        for (theme, dark) in THEMES {
            let washes = &marks(dark)[..2]; // find fills carry `text_on` text, checked below
            for (what, background) in tints(dark, false)
                .iter()
                .chain(&tints(dark, true))
                .chain(washes)
            {
                check(theme, what, *background, text(dark));
            }
        }
        // Solid fills (the selected mention, find matches) carry `text_on` text in both themes.
        let fills = Label::ALL.map(|l| (format!("{l:?} fill"), colour(l)));
        for (what, fill) in fills.iter().chain(&[
            ("FIND_MATCH".into(), FIND_MATCH),
            ("FIND_CURRENT".into(), FIND_CURRENT),
        ]) {
            check("either", what, linear(*fill), text_on(*fill));
        }
        assert_none(failures);
    }
}
