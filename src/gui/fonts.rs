//! Fonts for the scripts that egui's own fonts lack.
//!
//! egui draws with Ubuntu Light (proportional) and Hack (monospace), which cover Latin,
//! Greek, Cyrillic and a few symbols. Chinese, Japanese, Korean, Arabic, Hebrew, Indic and
//! Thai text, many symbols and (unless egui's `monochrome_emoji_fonts` feature is on) every
//! emoji come out as boxes. [`Scripts::of`] tells which of those scripts a text uses,
//! and [`FontSetup::ensure`] installs a font for each the first time it is needed, as a
//! fallback after egui's own fonts in both the proportional and the monospace family:
//!
//! - a system font whose character map has the script, found with `fontdb` (the list of
//!   system fonts is read once, when a script beyond the defaults first shows up, and a
//!   font file only once it has been chosen), preferring regular, upright faces and, per
//!   script, the family names listed in `SCRIPTS` (Noto first);
//! - else one of the subsets bundled in `assets/fonts/` (see `SOURCES.md` there): Droid
//!   Sans Fallback for Chinese, Japanese and Korean, DejaVu Sans for Arabic and Hebrew.
//!
//! Set `NEWSLENS_NO_SYSTEM_FONTS=1` to use only the bundled fonts, e.g. for reproducible
//! screenshots.

use std::collections::HashMap;
use std::fmt;
use std::ops::{BitOr, BitOrAssign};
use std::path::PathBuf;
use std::sync::Arc;

use egui::epaint::text::Blob;
use egui::{FontData, FontFamily, FontInsert, FontPriority, InsertFontFamily};

/// The environment variable that, set to anything but `0` or nothing, keeps
/// [`FontSetup::new`] from looking at the system's fonts.
pub const NO_SYSTEM_FONTS_VAR: &str = "NEWSLENS_NO_SYSTEM_FONTS";

/// A set of scripts (writing systems) that egui's built-in fonts cannot draw.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Scripts(u16);

impl Scripts {
    pub const NONE: Self = Self(0);
    /// Han ideographs, bopomofo, CJK punctuation and symbols, full-width forms.
    pub const CJK: Self = Self(1 << 0);
    /// Hiragana and katakana, also half-width.
    pub const KANA: Self = Self(1 << 1);
    /// Hangul syllables and jamo, also half-width.
    pub const HANGUL: Self = Self(1 << 2);
    /// Arabic, with its supplements and presentation forms.
    pub const ARABIC: Self = Self(1 << 3);
    /// Hebrew, with its presentation forms.
    pub const HEBREW: Self = Self(1 << 4);
    pub const DEVANAGARI: Self = Self(1 << 5);
    pub const THAI: Self = Self(1 << 6);
    pub const ARMENIAN: Self = Self(1 << 7);
    pub const GEORGIAN: Self = Self(1 << 8);
    /// The letters of Latin Extended Additional (U+1E00-1EFF) that Ubuntu Light lacks: the
    /// Vietnamese ones (ạ, ố, ữ) and those of transliterations (ḍ, ṣ, ṭ).
    pub const VIETNAMESE: Self = Self(1 << 9);
    /// Punctuation, spaces, currency signs, letter-like symbols, arrows, mathematical
    /// operators, shapes, dingbats and other symbols of U+2000-2BFF that Ubuntu Light lacks.
    pub const SYMBOLS: Self = Self(1 << 10);
    /// The pictographs of U+1F000-1FAFF: emoticons, flags (regional indicators), transport
    /// and map symbols, and the like.
    pub const EMOJI: Self = Self(1 << 11);
    pub const ALL: Self = Self((1 << 12) - 1);

    /// Where [`Self::of`] stops reading every character.
    const HEAD_BYTES: usize = 2 << 20;
    /// Past the head, [`Self::of`] reads [`Self::SAMPLE_BYTES`] every this many bytes, so
    /// that a 200 MB text costs about 5 MB of scanning.
    const STRIDE_BYTES: usize = 256 << 10;
    const SAMPLE_BYTES: usize = 4 << 10;

    /// The scripts of `text` that egui's own fonts lack: every character of the first 2 MiB,
    /// then 4 KiB of every 256 KiB. Stops early once every script has been seen.
    pub fn of(text: &str) -> Self {
        let mut found = Self::NONE;
        let head = floor_char_boundary(text, Self::HEAD_BYTES);
        found.scan(&text[..head]);
        let mut at = head;
        while at < text.len() && found != Self::ALL {
            let start = ceil_char_boundary(text, at);
            let end = floor_char_boundary(text, start.saturating_add(Self::SAMPLE_BYTES));
            found.scan(&text[start..end]);
            at = start.saturating_add(Self::STRIDE_BYTES);
        }
        found
    }

    fn scan(&mut self, text: &str) {
        for c in text.chars() {
            // Latin, IPA, Greek and Cyrillic: all in the default fonts.
            if c < '\u{0530}' {
                continue;
            }
            self.0 |= Self::of_char(c).0;
            if *self == Self::ALL {
                return;
            }
        }
    }

    /// The script of one character, or [`Self::NONE`] for one the default fonts have (or
    /// that egui draws as nothing, like the zero-width joiner).
    pub fn of_char(c: char) -> Self {
        match u32::from(c) {
            0x0530..=0x058F | 0xFB13..=0xFB17 => Self::ARMENIAN,
            0x0590..=0x05FF | 0xFB1D..=0xFB4F => Self::HEBREW,
            0x0600..=0x06FF
            | 0x0750..=0x077F
            | 0x0870..=0x08FF
            | 0xFB50..=0xFDFF
            | 0xFE70..=0xFEFE => Self::ARABIC,
            0x0900..=0x097F | 0xA8E0..=0xA8FF => Self::DEVANAGARI,
            0x0E00..=0x0E7F => Self::THAI,
            0x10A0..=0x10FF | 0x1C90..=0x1CBF | 0x2D00..=0x2D2F => Self::GEORGIAN,
            0x1100..=0x11FF
            | 0x3130..=0x318F
            | 0xA960..=0xA97F
            | 0xAC00..=0xD7FF
            | 0xFFA0..=0xFFDC => Self::HANGUL,
            0x1E00..=0x1EFF if !in_default_fonts(c) => Self::VIETNAMESE,
            // Invisible format characters (joiners, direction marks, separators) and the
            // thin spaces, which egui draws itself.
            0x200B..=0x200F | 0x2028..=0x202F | 0x205F..=0x206F | 0x2009 => Self::NONE,
            0x2000..=0x2BFF if !in_default_fonts(c) => Self::SYMBOLS,
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF65..=0xFF9F | 0x1B000..=0x1B16F => Self::KANA,
            0x2E80..=0x2FFF
            | 0x3000..=0x303F
            | 0x3100..=0x312F
            | 0x3190..=0x31EF
            | 0x3200..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xF900..=0xFAFF
            | 0xFE10..=0xFE1F
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF64
            | 0xFFE0..=0xFFEE
            | 0x20000..=0x3FFFF => Self::CJK,
            0x1F000..=0x1FAFF => Self::EMOJI,
            _ => Self::NONE,
        }
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether every script of `other` is in `self`.
    pub fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }

    /// The scripts of `self` that are not in `installed`.
    pub fn missing_from(self, installed: Self) -> Self {
        Self(self.0 & !installed.0)
    }

    /// The names of the scripts, in a fixed order ("Chinese/Japanese", "Arabic", ...).
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        SCRIPTS
            .iter()
            .filter(move |script| self.contains(script.bit))
            .map(|script| script.name)
    }
}

impl BitOr for Scripts {
    type Output = Self;

    fn bitor(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }
}

impl BitOrAssign for Scripts {
    fn bitor_assign(&mut self, other: Self) {
        self.0 |= other.0;
    }
}

impl fmt::Debug for Scripts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.names()).finish()
    }
}

impl fmt::Display for Scripts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.names().collect();
        f.write_str(&names.join(", "))
    }
}

/// The code points of U+1E00-1EFF and U+2000-2BFF that Ubuntu Light, egui's proportional
/// font, has (read from its character map; Hack, the monospace one, has more).
const IN_UBUNTU_LIGHT: [char; 78] = [
    '\u{1E80}', '\u{1E81}', '\u{1E82}', '\u{1E83}', '\u{1E84}', '\u{1E85}', '\u{1EF2}', '\u{1EF3}',
    '\u{2013}', '\u{2014}', '\u{2015}', '\u{2018}', '\u{2019}', '\u{201A}', '\u{201C}', '\u{201D}',
    '\u{201E}', '\u{2020}', '\u{2021}', '\u{2022}', '\u{2026}', '\u{2030}', '\u{2039}', '\u{203A}',
    '\u{2044}', '\u{2070}', '\u{2074}', '\u{2075}', '\u{2076}', '\u{2077}', '\u{2078}', '\u{2079}',
    '\u{2080}', '\u{2081}', '\u{2082}', '\u{2083}', '\u{2084}', '\u{2085}', '\u{2086}', '\u{2087}',
    '\u{2088}', '\u{2089}', '\u{20AC}', '\u{20AE}', '\u{20B4}', '\u{20B9}', '\u{2113}', '\u{2116}',
    '\u{2122}', '\u{2126}', '\u{212E}', '\u{2153}', '\u{2154}', '\u{2155}', '\u{2156}', '\u{2157}',
    '\u{2158}', '\u{2159}', '\u{215A}', '\u{215B}', '\u{215C}', '\u{215D}', '\u{215E}', '\u{2202}',
    '\u{2206}', '\u{220F}', '\u{2211}', '\u{2212}', '\u{2215}', '\u{2219}', '\u{221A}', '\u{221E}',
    '\u{222B}', '\u{2248}', '\u{2260}', '\u{2264}', '\u{2265}', '\u{25CA}',
];

fn in_default_fonts(c: char) -> bool {
    IN_UBUNTU_LIGHT.binary_search(&c).is_ok()
}

fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn ceil_char_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index += 1;
    }
    index
}

/// What it takes to draw one script.
struct Script {
    bit: Scripts,
    /// For people: "Chinese/Japanese", "Arabic", ...
    name: &'static str,
    /// A font draws the script if it has a glyph for each of these.
    samples: &'static [char],
    /// Family names (or parts of them) to prefer, best first.
    prefer: &'static [&'static str],
}

const CHINESE: &[&str] = &[
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Droid Sans Fallback",
];
const JAPANESE: &[&str] = &[
    "Noto Sans CJK JP",
    "Noto Sans JP",
    "Source Han Sans JP",
    "IPAexGothic",
    "IPAGothic",
    "Yu Gothic",
    "Hiragino Sans",
    "Meiryo",
    "TakaoGothic",
    "VL Gothic",
];
const KOREAN: &[&str] = &[
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "Source Han Sans KR",
    "NanumGothic",
    "Malgun Gothic",
    "Apple SD Gothic Neo",
    "UnDotum",
];

/// The scripts, in the order [`FontSetup::ensure`] looks for fonts for them.
static SCRIPTS: [Script; 12] = [
    Script {
        bit: Scripts::CJK,
        name: "Chinese/Japanese",
        samples: &['的', '中', '国', '國', '。', '，'],
        prefer: CHINESE,
    },
    Script {
        bit: Scripts::KANA,
        name: "Japanese kana",
        samples: &['あ', 'ア', 'ん', 'ー'],
        prefer: JAPANESE,
    },
    Script {
        bit: Scripts::HANGUL,
        name: "Korean",
        samples: &['한', '국', '어', 'ㄱ'],
        prefer: KOREAN,
    },
    Script {
        bit: Scripts::ARABIC,
        name: "Arabic",
        // The presentation forms too (U+FEE3, U+FE8E, U+FEFB), for text shaped beforehand.
        samples: &[
            '\u{0627}', '\u{0628}', '\u{0639}', '\u{FEE3}', '\u{FE8E}', '\u{FEFB}',
        ],
        prefer: &[
            "Noto Sans Arabic",
            "Noto Naskh Arabic",
            "DejaVu Sans",
            "Segoe UI",
            "Geeza Pro",
            "Arial",
        ],
    },
    Script {
        bit: Scripts::HEBREW,
        name: "Hebrew",
        samples: &['\u{05D0}', '\u{05E9}', '\u{05DC}', '\u{05DD}'],
        prefer: &["Noto Sans Hebrew", "DejaVu Sans", "Arial", "Segoe UI"],
    },
    Script {
        bit: Scripts::DEVANAGARI,
        name: "Devanagari",
        samples: &['\u{0915}', '\u{0939}', '\u{093F}', '\u{094D}', '\u{0928}'],
        prefer: &[
            "Noto Sans Devanagari",
            "Lohit Devanagari",
            "Nirmala UI",
            "Kohinoor Devanagari",
            "Mangal",
        ],
    },
    Script {
        bit: Scripts::THAI,
        name: "Thai",
        samples: &['\u{0E01}', '\u{0E02}', '\u{0E32}', '\u{0E44}', '\u{0E48}'],
        prefer: &[
            "Noto Sans Thai",
            "Loma",
            "Garuda",
            "Leelawadee UI",
            "Tahoma",
            "Thonburi",
        ],
    },
    Script {
        bit: Scripts::ARMENIAN,
        name: "Armenian",
        samples: &['\u{0531}', '\u{0561}', '\u{0584}'],
        prefer: &["Noto Sans Armenian", "DejaVu Sans", "Sylfaen", "Arial"],
    },
    Script {
        bit: Scripts::GEORGIAN,
        name: "Georgian",
        samples: &['\u{10D0}', '\u{10D1}', '\u{10E5}'],
        prefer: &["Noto Sans Georgian", "DejaVu Sans", "Sylfaen"],
    },
    Script {
        bit: Scripts::VIETNAMESE,
        name: "Vietnamese",
        samples: &['\u{1EA1}', '\u{1ED1}', '\u{1EEF}', '\u{1EC7}'],
        // Ubuntu itself first: the letters then match the rest of the text.
        prefer: &[
            "Ubuntu",
            "Noto Sans",
            "DejaVu Sans",
            "Liberation Sans",
            "Segoe UI",
            "Arial",
        ],
    },
    Script {
        bit: Scripts::SYMBOLS,
        name: "symbols",
        samples: &['\u{2192}', '\u{2713}', '\u{2605}', '\u{25A0}', '\u{2032}'],
        prefer: &[
            "DejaVu Sans",
            "Segoe UI Symbol",
            "Apple Symbols",
            "Noto Sans Symbols",
            "Symbola",
            "FreeSans",
        ],
    },
    Script {
        bit: Scripts::EMOJI,
        name: "emoji",
        samples: &['\u{1F600}', '\u{1F44D}', '\u{1F6A2}'],
        prefer: &[
            "Noto Color Emoji",
            "Apple Color Emoji",
            "Segoe UI Emoji",
            "Twemoji",
            "Noto Emoji",
            "Emoji",
        ],
    },
];

impl Script {
    /// The names to prefer, given all the scripts of the text: Han ideographs look different
    /// in Japanese and Korean, so a Japanese or Korean face is preferred when the text has
    /// kana or Hangul.
    fn preferred(&self, text: Scripts) -> &'static [&'static str] {
        if self.bit != Scripts::CJK {
            self.prefer
        } else if text.contains(Scripts::KANA) {
            JAPANESE
        } else if text.contains(Scripts::HANGUL) {
            KOREAN
        } else {
            CHINESE
        }
    }
}

/// A font shipped inside the binary, for when the system has none for a script.
struct Bundled {
    /// Its name in egui's font definitions.
    key: &'static str,
    /// For people.
    label: &'static str,
    bytes: &'static [u8],
}

static BUNDLED: [Bundled; 2] = [
    Bundled {
        key: "newslens-bundled-DroidSansFallback-subset",
        label: "Droid Sans Fallback subset",
        bytes: include_bytes!("../../assets/fonts/DroidSansFallback-subset.ttf"),
    },
    Bundled {
        key: "newslens-bundled-DejaVuSans-subset",
        label: "DejaVu Sans subset",
        bytes: include_bytes!("../../assets/fonts/DejaVuSans-subset.ttf"),
    },
];

/// The family headings are drawn in: a bold face, then the proportional fonts.
pub const HEADING_FAMILY: &str = "newslens-heading";
const HEADING_FACE: &str = "newslens-bundled-DejaVuSans-Bold-subset";
static HEADING_BYTES: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold-subset.ttf");

/// The family for headings: the bold one once [`FontSetup`] installed it, else the
/// proportional family (naming an unknown family would panic in egui).
pub fn heading_family(ctx: &egui::Context) -> FontFamily {
    let heading = FontFamily::Name(HEADING_FAMILY.into());
    let known = ctx.fonts(|fonts| fonts.definitions().families.contains_key(&heading));
    if known {
        heading
    } else {
        FontFamily::Proportional
    }
}

/// Where an installed font came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    System,
    Bundled,
}

/// A font that [`FontSetup`] installed.
#[derive(Clone, Debug)]
pub struct InstalledFont {
    /// Its family name, e.g. "Noto Sans CJK JP".
    pub family: String,
    pub origin: Origin,
    /// The scripts it was the first installed font to cover.
    pub scripts: Scripts,
    /// Its name in egui's font definitions.
    pub key: String,
}

impl fmt::Display for InstalledFont {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let origin = match self.origin {
            Origin::System => "system",
            Origin::Bundled => "bundled",
        };
        write!(f, "{} ({origin}) for {}", self.family, self.scripts)
    }
}

/// The fonts installed into an [`egui::Context`] beyond egui's own, and how to find more.
///
/// Keep one for the life of the app, and call [`Self::ensure`] with the scripts of what is
/// about to be shown; it returns at once when those already have fonts (or none was found).
pub struct FontSetup {
    use_system_fonts: bool,
    /// The system's fonts, listed the first time a system font is looked for.
    system: Option<fontdb::Database>,
    /// System font files already read, shared by the faces of one collection.
    files: HashMap<PathBuf, Blob>,
    /// The scripts the installed fonts draw.
    covered: Scripts,
    /// The scripts looked for in vain: not looked for again.
    unavailable: Scripts,
    installed: Vec<InstalledFont>,
    heading_installed: bool,
}

impl Default for FontSetup {
    fn default() -> Self {
        Self::new()
    }
}

impl FontSetup {
    /// Uses the system's fonts unless `NEWSLENS_NO_SYSTEM_FONTS` is set (to anything but
    /// `0` or nothing).
    pub fn new() -> Self {
        let off = std::env::var_os(NO_SYSTEM_FONTS_VAR)
            .is_some_and(|v| !v.is_empty() && v.as_os_str() != "0");
        Self::with_system_fonts(!off)
    }

    /// With `false`, only the bundled fonts are installed, whatever the system has.
    pub fn with_system_fonts(use_system_fonts: bool) -> Self {
        Self {
            use_system_fonts,
            system: None,
            files: HashMap::new(),
            covered: Scripts::NONE,
            unavailable: Scripts::NONE,
            installed: Vec::new(),
            heading_installed: false,
        }
    }

    /// Installs fonts for those of `scripts` that have none yet, and returns the scripts
    /// that got one (often more than asked for: a CJK font also draws kana and Hangul).
    ///
    /// The fonts take effect from the next pass; this asks for one. Cheap when there is
    /// nothing new to do, so it can run every frame.
    pub fn ensure(&mut self, ctx: &egui::Context, scripts: Scripts) -> Scripts {
        if !self.heading_installed {
            self.install_heading_face(ctx);
        }
        let wanted = scripts.missing_from(self.covered | self.unavailable);
        if wanted.is_empty() {
            return Scripts::NONE;
        }
        let before = self.covered;
        for script in &SCRIPTS {
            if !wanted.contains(script.bit) || self.covered.contains(script.bit) {
                continue;
            }
            let found = (self.use_system_fonts && self.install_system_font(ctx, script, scripts))
                || self.install_bundled_font(ctx, script.bit);
            if !found {
                self.unavailable |= script.bit;
            }
        }
        let added = self.covered.missing_from(before);
        if !added.is_empty() {
            ctx.request_repaint();
        }
        added
    }

    /// The fonts installed so far, in order (for the tests).
    #[cfg(test)]
    pub fn installed(&self) -> &[InstalledFont] {
        &self.installed
    }

    /// For Help > About, e.g. "Ubuntu Light and Hack (built in); Noto Sans CJK JP (system)
    /// for Chinese/Japanese, Japanese kana, Korean; none found for Thai".
    pub fn description(&self) -> String {
        let mut parts = vec!["Ubuntu Light and Hack (built in)".to_owned()];
        parts.extend(self.installed.iter().map(ToString::to_string));
        let missing = self.unavailable.missing_from(self.covered);
        if !missing.is_empty() {
            parts.push(format!("none found for {missing}"));
        }
        parts.join("; ")
    }

    /// The bold face of headings, with egui's proportional fonts behind it for what it
    /// lacks. Installed before any fallback, which then joins this family too.
    fn install_heading_face(&mut self, ctx: &egui::Context) {
        self.heading_installed = true;
        // The first fonts installed: egui's own are all there is yet (and `ctx.fonts`
        // panics before the first pass).
        let mut definitions = egui::FontDefinitions::default();
        let proportional = definitions
            .families
            .get(&FontFamily::Proportional)
            .cloned()
            .unwrap_or_default();
        definitions.font_data.insert(
            HEADING_FACE.to_owned(),
            Arc::new(FontData::from_static(HEADING_BYTES)),
        );
        let chain = std::iter::once(HEADING_FACE.to_owned())
            .chain(proportional)
            .collect();
        definitions
            .families
            .insert(FontFamily::Name(HEADING_FAMILY.into()), chain);
        ctx.set_fonts(definitions);
    }

    fn install_system_font(&mut self, ctx: &egui::Context, script: &Script, text: Scripts) -> bool {
        let db = self.system.get_or_insert_with(load_system_fonts);
        let mut chosen = None;
        for id in ranked_faces(db, script.preferred(text), script.bit) {
            let Some(covers) = db.with_face_data(id, coverage) else {
                continue;
            };
            if !covers.contains(script.bit) {
                continue;
            }
            let (Some(face), Some(bytes)) = (db.face(id), face_bytes(db, id, &mut self.files))
            else {
                continue;
            };
            let key = format!("newslens-system-{}#{}", face.post_script_name, face.index);
            let data = FontData::from_blob(bytes, face.index);
            chosen = Some((key, family_name(face).to_owned(), data, covers));
            break;
        }
        let Some((key, family, data, covers)) = chosen else {
            return false;
        };
        self.install(ctx, key, family, Origin::System, data, covers);
        true
    }

    fn install_bundled_font(&mut self, ctx: &egui::Context, script: Scripts) -> bool {
        for font in &BUNDLED {
            if self
                .installed
                .iter()
                .any(|installed| installed.key == font.key)
            {
                continue;
            }
            let covers = coverage(font.bytes, 0);
            if covers.contains(script) {
                let data = FontData::from_static(font.bytes);
                self.install(
                    ctx,
                    font.key.to_owned(),
                    font.label.to_owned(),
                    Origin::Bundled,
                    data,
                    covers,
                );
                return true;
            }
        }
        false
    }

    fn install(
        &mut self,
        ctx: &egui::Context,
        key: String,
        family: String,
        origin: Origin,
        data: FontData,
        covers: Scripts,
    ) {
        // After egui's own fonts (and one another), in both families.
        let families = [
            FontFamily::Proportional,
            FontFamily::Monospace,
            FontFamily::Name(HEADING_FAMILY.into()),
        ]
        .map(|family| InsertFontFamily {
            family,
            priority: FontPriority::Lowest,
        })
        .to_vec();
        ctx.add_font(FontInsert::new(&key, data, families));
        let scripts = covers.missing_from(self.covered);
        self.covered |= covers;
        self.installed.push(InstalledFont {
            family,
            origin,
            scripts,
            key,
        });
    }
}

fn load_system_fonts() -> fontdb::Database {
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    db
}

/// The scripts whose sample characters all have a glyph in face `index` of `data`.
fn coverage(data: &[u8], index: u32) -> Scripts {
    let Ok(face) = ttf_parser::Face::parse(data, index) else {
        return Scripts::NONE;
    };
    let has = |c: char| face.glyph_index(c).is_some_and(|glyph| glyph.0 != 0);
    SCRIPTS
        .iter()
        .filter(|script| script.samples.iter().all(|&c| has(c)))
        .fold(Scripts::NONE, |all, script| all | script.bit)
}

fn family_name(face: &fontdb::FaceInfo) -> &str {
    face.families
        .first()
        .map_or(face.post_script_name.as_str(), |(name, _)| name.as_str())
}

/// How well a face suits a script, before its character map is looked at: smaller is
/// better, and the fields count in order.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    slanted: bool,
    /// 0 for regular (400), 1 for 350-500, 2 for the rest.
    weight_band: u8,
    /// Monospace, serif, or (for anything but emoji) emoji faces.
    unsuitable: bool,
    /// The position of the first preferred name it has, or past them all.
    preferred: usize,
    not_noto: bool,
    not_sans: bool,
    not_normal_width: bool,
    weight_off: u16,
    family: String,
    index: u32,
}

impl Rank {
    fn of(face: &fontdb::FaceInfo, prefer: &[&str], script: Scripts) -> Option<Self> {
        let family = family_name(face);
        let lower = family.to_lowercase();
        // Hidden system faces (macOS), and the fonts that "have" every character as a blank
        // or a box.
        if family.is_empty()
            || family.starts_with('.')
            || ["blank", "lastresort", "last resort"]
                .iter()
                .any(|word| lower.contains(word))
        {
            return None;
        }
        let weight = face.weight.0;
        let weight_band = match weight {
            400 => 0,
            350..=500 => 1,
            _ => 2,
        };
        let unsuitable = face.monospaced
            || lower.contains("mono")
            || (lower.contains("serif") && !lower.contains("sans"))
            || (script != Scripts::EMOJI && lower.contains("emoji"));
        let preferred = prefer
            .iter()
            .position(|name| {
                face.families
                    .iter()
                    .any(|(family, _)| family.contains(name))
            })
            .unwrap_or(prefer.len());
        Some(Self {
            slanted: face.style != fontdb::Style::Normal,
            weight_band,
            unsuitable,
            preferred,
            not_noto: !lower.contains("noto"),
            not_sans: !lower.contains("sans"),
            not_normal_width: face.stretch != fontdb::Stretch::Normal,
            weight_off: weight.abs_diff(400),
            family: family.to_owned(),
            index: face.index,
        })
    }
}

/// The system's faces, best suited first, before their character maps are looked at.
fn ranked_faces(db: &fontdb::Database, prefer: &[&str], script: Scripts) -> Vec<fontdb::ID> {
    let mut ranked: Vec<(Rank, fontdb::ID)> = db
        .faces()
        .filter_map(|face| Rank::of(face, prefer, script).map(|rank| (rank, face.id)))
        .collect();
    ranked.sort();
    ranked.into_iter().map(|(_, id)| id).collect()
}

/// The bytes of the file that holds face `id`, read once per file.
fn face_bytes(
    db: &fontdb::Database,
    id: fontdb::ID,
    files: &mut HashMap<PathBuf, Blob>,
) -> Option<Blob> {
    let (source, _) = db.face_source(id)?;
    if let fontdb::Source::File(path) = source {
        if let Some(bytes) = files.get(&path) {
            return Some(Arc::clone(bytes));
        }
        let bytes: Blob = Arc::new(std::fs::read(&path).ok()?);
        files.insert(path, Arc::clone(&bytes));
        return Some(bytes);
    }
    // Already in memory: fonts loaded from bytes, or a shared mapping.
    let bytes: Blob = Arc::new(db.with_face_data(id, |data, _| data.to_vec())?);
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Chinese, Japanese, Korean, Arabic (shaped beforehand into presentation forms, and
    /// not), and Hebrew.
    const WORLD: &str = "中文 日本語 ひらがな カタカナ 한국어 ﻣﺮﺣﺒﺎ مرحبا שלום";

    fn frame(ctx: &egui::Context) {
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .drop_without_applying_deltas();
    }

    fn body() -> egui::FontId {
        egui::FontId::proportional(14.0)
    }

    #[test]
    fn finds_the_scripts_of_a_mixed_text() {
        let scripts = Scripts::of(
            "Lima (AP) — Boluarte dijo «sí». 習近平 と 한국, مرحبا, שלום, नमस्ते, สวัสดี, Việt Nam → 😀 🇵🇪",
        );
        for script in [
            Scripts::CJK,
            Scripts::KANA,
            Scripts::HANGUL,
            Scripts::ARABIC,
            Scripts::HEBREW,
            Scripts::DEVANAGARI,
            Scripts::THAI,
            Scripts::VIETNAMESE,
            Scripts::SYMBOLS,
            Scripts::EMOJI,
        ] {
            assert!(
                scripts.contains(script),
                "{script:?} not found in {scripts:?}"
            );
        }
        assert!(!scripts.contains(Scripts::ARMENIAN), "{scripts:?}");
        assert!(!scripts.contains(Scripts::GEORGIAN), "{scripts:?}");
        assert_eq!(scripts.missing_from(Scripts::ALL), Scripts::NONE);
        assert_eq!(
            scripts.missing_from(Scripts::ALL.missing_from(Scripts::THAI)),
            Scripts::THAI
        );
    }

    #[test]
    fn text_the_default_fonts_draw_needs_nothing() {
        let text = "Plain English, naïve café – “quoted” … 3 × 4 ≤ 12 € — Ελλάδα, Россия, Łódź\u{200D}\u{2009}";
        assert_eq!(Scripts::of(text), Scripts::NONE);
        assert_eq!(Scripts::of(""), Scripts::NONE);
    }

    #[test]
    fn long_texts_are_sampled_past_their_head() {
        // Thai only well past the first 2 MiB, but often enough for the samples to meet it.
        let mut text = "a".repeat(Scripts::HEAD_BYTES + 1000);
        while text.len() < 3 * Scripts::HEAD_BYTES {
            text.push_str(&"b".repeat(999));
            text.push('ก');
        }
        assert_eq!(Scripts::of(&text), Scripts::THAI);
        // A multi-byte character across the head's end must not panic.
        let mut text = "a".repeat(Scripts::HEAD_BYTES - 1);
        text.push_str("中中中");
        assert_eq!(Scripts::of(&text), Scripts::CJK);
    }

    #[test]
    fn the_bundled_fonts_draw_cjk_arabic_hebrew_and_korean() {
        let ctx = egui::Context::default();
        frame(&ctx);
        assert!(
            !ctx.fonts_mut(|fonts| fonts.has_glyphs(&body(), WORLD)),
            "egui's own fonts should not draw {WORLD}"
        );

        let mut setup = FontSetup::with_system_fonts(false);
        let wanted =
            Scripts::CJK | Scripts::KANA | Scripts::HANGUL | Scripts::ARABIC | Scripts::HEBREW;
        assert_eq!(Scripts::of(WORLD), wanted);
        let added = setup.ensure(&ctx, Scripts::of(WORLD));
        assert!(added.contains(wanted), "{added:?}");
        frame(&ctx);

        for font in [
            egui::FontId::proportional(14.0),
            egui::FontId::monospace(14.0),
        ] {
            ctx.fonts_mut(|fonts| {
                for c in WORLD.chars() {
                    assert!(
                        fonts.has_glyph(&font, c),
                        "no glyph for {c:?} (U+{:04X}) in {:?}",
                        u32::from(c),
                        font.family
                    );
                }
            });
        }
        let about = setup.description();
        assert!(
            about.contains("Droid Sans Fallback subset (bundled) for Chinese/Japanese"),
            "{about}"
        );
        assert!(
            about.contains("DejaVu Sans subset (bundled) for Arabic, Hebrew"),
            "{about}"
        );

        // Nothing more to do the second time.
        assert_eq!(setup.ensure(&ctx, Scripts::of(WORLD)), Scripts::NONE);
        assert_eq!(setup.installed().len(), 2);
    }

    #[test]
    fn a_script_without_a_font_is_looked_for_once() {
        let ctx = egui::Context::default();
        let mut setup = FontSetup::with_system_fonts(false);
        assert_eq!(setup.ensure(&ctx, Scripts::of("สวัสดี")), Scripts::NONE);
        assert!(setup.installed().is_empty());
        assert!(
            setup.description().ends_with("none found for Thai"),
            "{}",
            setup.description()
        );
        assert_eq!(setup.ensure(&ctx, Scripts::THAI), Scripts::NONE);
    }

    /// egui 0.37 shapes each run of text that one font draws with harfrust, which joins
    /// Arabic letters itself (with the font's GSUB table) and lays a right-to-left run out
    /// right to left. So text must reach egui in logical order: reversed beforehand, a word
    /// comes out backwards.
    #[test]
    fn egui_joins_and_reverses_a_right_to_left_run_itself() {
        let ctx = egui::Context::default();
        let mut setup = FontSetup::with_system_fonts(false);
        setup.ensure(&ctx, Scripts::ARABIC | Scripts::HEBREW);
        frame(&ctx);
        let layout = |text: &str| {
            ctx.fonts_mut(|fonts| {
                fonts.layout_no_wrap(text.to_owned(), body(), egui::Color32::WHITE)
            })
        };

        for word in ["ﻣﺮﺣﺒﺎ", "مرحبا", "שלום"] {
            let galley = layout(word);
            let glyphs = &galley.rows[0].glyphs;
            let leftmost = glyphs
                .iter()
                .min_by(|a, b| a.pos.x.total_cmp(&b.pos.x))
                .expect("a glyph");
            assert_eq!(
                Some(leftmost.chr),
                word.chars().last(),
                "{word}: {glyphs:?}"
            );
        }

        // The first letter of "مرحبا" (meem) gets its initial form, which is narrower than
        // the isolated one.
        let width_of = |text: &str, c: char| {
            let galley = layout(text);
            let glyph = galley.rows[0].glyphs.iter().find(|g| g.chr == c).copied();
            glyph.expect("a glyph").advance_width
        };
        let joined = width_of("مرحبا", '\u{0645}');
        let initial = width_of("\u{FEE3}", '\u{FEE3}');
        let isolated = width_of("\u{0645}", '\u{0645}');
        assert!(
            (joined - initial).abs() < 0.01,
            "{joined} vs initial {initial}"
        );
        assert!(
            (joined - isolated).abs() > 0.5,
            "{joined} vs isolated {isolated}"
        );
    }
}
