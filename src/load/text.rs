//! Turning bytes into text: byte-order marks, UTF-8, a declared charset, or a guess.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Encodings offered in the reader's Encoding menu and accepted by `--encoding`: the
/// common ones for news text in Western, Central and Eastern European and East Asian
/// languages. Any other WHATWG label also works with [`encoding_by_name`].
pub const ENCODING_CHOICES: &[&str] = &[
    "UTF-8",
    "UTF-16LE",
    "UTF-16BE",
    "windows-1252",
    "ISO-8859-15",
    "windows-1250",
    "ISO-8859-2",
    "windows-1251",
    "KOI8-R",
    "KOI8-U",
    "windows-1253",
    "windows-1254",
    "windows-1256",
    "windows-1257",
    "Shift_JIS",
    "EUC-JP",
    "ISO-2022-JP",
    "GBK",
    "gb18030",
    "Big5",
    "EUC-KR",
];

/// The encoding a label names ("latin1", "utf-8", "cp1251", "sjis", ...), as browsers
/// understand labels.
pub fn encoding_by_name(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// Decoded text and how it was decoded.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    pub notice: Option<String>,
}

/// Why bytes are not text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum TextProblem {
    Binary,
}

/// Decodes bytes. In order: an encoding the user chose; a byte-order mark; valid UTF-8;
/// a charset the file declares (HTML's `<meta charset>`); a statistical guess. Only a
/// guess or a choice gets a notice, because then offsets no longer match the file's bytes
/// and the user may want to pick another encoding.
pub(crate) fn decode_text(
    bytes: &[u8],
    chosen: Option<&'static Encoding>,
    declared: Option<&'static Encoding>,
) -> Result<Decoded, TextProblem> {
    if let Some(encoding) = chosen {
        let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
        return finish(
            text.into_owned(),
            encoding,
            Some(notice(encoding, "chosen", had_errors)),
        );
    }
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_length..).unwrap_or_default();
        if encoding == UTF_16LE || encoding == UTF_16BE {
            let (text, had_errors) = encoding.decode_without_bom_handling(body);
            let note = format!(
                "Decoded from {}{}; offsets refer to the decoded text.",
                encoding.name(),
                if had_errors {
                    " (some characters were unreadable)"
                } else {
                    ""
                }
            );
            return finish(text.into_owned(), encoding, Some(note));
        }
        if looks_binary(body) {
            return Err(TextProblem::Binary);
        }
        let (text, had_errors) = UTF_8.decode_without_bom_handling(body);
        let note = if had_errors {
            notice(UTF_8, "from its byte-order mark", true)
        } else {
            "UTF-8 with a byte-order mark; offsets count from after the mark.".to_string()
        };
        return finish(text.into_owned(), UTF_8, Some(note));
    }
    if let Some(encoding) = utf16_by_its_zero_bytes(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        return finish(
            text.into_owned(),
            encoding,
            Some(notice(encoding, "detected, no byte-order mark", had_errors)),
        );
    }
    if looks_binary(bytes) {
        return Err(TextProblem::Binary);
    }
    // A few stray NUL bytes in a text file (a bad copy, a padded export) are dropped.
    let nuls = bytes.iter().filter(|&&b| b == 0).count();
    let without_nuls;
    let bytes = if nuls > 0 {
        without_nuls = bytes
            .iter()
            .copied()
            .filter(|&b| b != 0)
            .collect::<Vec<u8>>();
        &without_nuls[..]
    } else {
        bytes
    };
    let nul_note = (nuls > 0).then(|| {
        format!(
            "{nuls} stray NUL byte{} removed; offsets refer to the text without {}.",
            if nuls == 1 { " was" } else { "s were" },
            if nuls == 1 { "it" } else { "them" }
        )
    });
    let with_nul_note = |note: Option<String>| match (note, &nul_note) {
        (Some(note), Some(nul)) => Some(format!("{note} {nul}")),
        (note, nul) => note.or_else(|| nul.clone()),
    };
    if let Ok(text) = std::str::from_utf8(bytes) {
        return finish(text.to_owned(), UTF_8, with_nul_note(None));
    }
    if let Some(invalid) = mostly_utf8(bytes) {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let note = format!(
            "Decoded as UTF-8; {invalid} invalid byte{} replaced with \u{fffd}; offsets refer \
             to the decoded text.",
            if invalid == 1 { " was" } else { "s were" }
        );
        return finish(text, UTF_8, with_nul_note(Some(note)));
    }
    let (encoding, how) = match declared.filter(|e| *e != UTF_8) {
        Some(encoding) => (encoding, "declared in the file"),
        None => (guess(bytes), "detected"),
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    finish(
        text.into_owned(),
        encoding,
        with_nul_note(Some(notice(encoding, how, had_errors))),
    )
}

/// UTF-16 without a byte-order mark, told by its zero bytes: text in a Latin script has a
/// zero in every other byte, on the odd side for little-endian, the even side for big.
fn utf16_by_its_zero_bytes(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = bytes.get(..4096).unwrap_or(bytes);
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even_zeros, mut odd_zeros) = (0, 0);
    for pair in sample.chunks_exact(2) {
        even_zeros += usize::from(pair[0] == 0);
        odd_zeros += usize::from(pair[1] == 0);
    }
    // Most units zero on one side, almost none on the other (NUL characters are not text).
    let one_sided = |zeros: usize, other: usize| zeros * 10 >= pairs * 6 && other * 50 <= pairs;
    if one_sided(odd_zeros, even_zeros) {
        Some(UTF_16LE)
    } else if one_sided(even_zeros, odd_zeros) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Bytes that are UTF-8 but for a few bad ones (a stray byte from a bad copy): the number
/// of invalid bytes, when at least four in five non-ASCII characters are valid UTF-8. A
/// file in a legacy encoding (Windows-1252, Shift_JIS, ...) almost never holds valid
/// UTF-8 sequences, so it is left to detection.
fn mostly_utf8(bytes: &[u8]) -> Option<usize> {
    let (mut valid_non_ascii, mut invalid) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        valid_non_ascii += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    (valid_non_ascii > 0 && invalid * 4 <= valid_non_ascii).then_some(invalid)
}

/// Decodes text that came out of a container (EPUB chapters, XML parts) where no notice
/// can be shown per part: a BOM or valid UTF-8, else a guess, never failing.
pub(crate) fn decode_part(bytes: &[u8]) -> String {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_length..).unwrap_or_default();
        return encoding.decode_without_bom_handling(body).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => guess(bytes)
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// chardetng's guess, the same one Firefox makes for unlabelled pages.
fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, true)
}

fn notice(encoding: &'static Encoding, how: &str, had_errors: bool) -> String {
    format!(
        "Decoded as {} ({how}){}; offsets refer to the decoded text.",
        encoding.name(),
        if had_errors {
            "; some characters were unreadable"
        } else {
            ""
        }
    )
}

/// Decoded text may still be binary (a UTF-16 file that is not text, NULs as
/// characters): check once more after decoding.
fn finish(
    text: String,
    encoding: &'static Encoding,
    notice: Option<String>,
) -> Result<Decoded, TextProblem> {
    if looks_binary(text.as_bytes()) {
        return Err(TextProblem::Binary);
    }
    Ok(Decoded {
        text,
        encoding,
        notice,
    })
}

/// Text has hardly any NUL bytes and few control characters; binary formats have both.
/// The controls that turn up in text are not counted: tab, line feed, vertical tab, form
/// feed, carriage return, backspace (overstrike), escape (terminal colours), and the
/// substitute character that ends old DOS files.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let sample = bytes.get(..64 * 1024).unwrap_or(bytes);
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    let controls = sample
        .iter()
        .filter(|&&b| matches!(b, 0x01..=0x07 | 0x0e..=0x19 | 0x1c..=0x1f))
        .count();
    nuls * 20 > sample.len() || controls * 100 > sample.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> Decoded {
        decode_text(bytes, None, None).unwrap()
    }

    #[test]
    fn utf8_is_kept_byte_for_byte() {
        let doc = decode("Lima, Perú".as_bytes());
        assert_eq!(doc.text, "Lima, Perú");
        assert_eq!(doc.encoding, UTF_8);
        assert!(doc.notice.is_none());
    }

    #[test]
    fn windows_1252_is_detected_and_said() {
        let doc = decode(b"President Jos\xe9 Arista visited Lima on Monday, \x93quoted\x94.");
        assert_eq!(
            doc.text,
            "President José Arista visited Lima on Monday, \u{201c}quoted\u{201d}."
        );
        assert_eq!(doc.encoding.name(), "windows-1252");
        assert_eq!(
            doc.notice.as_deref(),
            Some("Decoded as windows-1252 (detected); offsets refer to the decoded text.")
        );
    }

    #[test]
    fn cyrillic_and_japanese_are_detected() {
        let russian = "Мэр Новгорода Иван Петров открыл новый мост через реку в понедельник.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(russian);
        let doc = decode(&bytes);
        assert_eq!(doc.encoding.name(), "windows-1251");
        assert_eq!(doc.text, russian);

        let japanese = "東京都の山田太郎知事は月曜日に新しい橋を開通させたと発表した。";
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(japanese);
        let doc = decode(&bytes);
        assert_eq!(doc.encoding.name(), "Shift_JIS");
        assert_eq!(doc.text, japanese);
    }

    #[test]
    fn a_chosen_encoding_overrides_detection() {
        let doc = decode_text(b"caf\xe9", encoding_by_name("koi8-r"), None).unwrap();
        assert_eq!(doc.encoding.name(), "KOI8-R");
        assert!(doc.notice.unwrap().contains("(chosen)"));
    }

    #[test]
    fn a_declared_charset_beats_a_guess_but_not_utf8() {
        let doc = decode_text(b"caf\xe9", None, encoding_by_name("iso-8859-2")).unwrap();
        assert_eq!(doc.encoding.name(), "ISO-8859-2");
        let doc = decode_text("café".as_bytes(), None, encoding_by_name("latin1")).unwrap();
        assert_eq!(doc.encoding, UTF_8);
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let mut le = vec![0xff, 0xfe];
        let mut be = vec![0xfe, 0xff];
        for unit in "Xi said".encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode(&le).text, "Xi said");
        assert_eq!(decode(&le).encoding, UTF_16LE);
        assert_eq!(decode(&be).text, "Xi said");
        assert_eq!(decode(&be).encoding, UTF_16BE);
    }

    #[test]
    fn a_stray_byte_in_utf8_is_replaced_not_a_reason_to_guess() {
        let mut bytes = "Café owner José Ortega said “hello” in Perú. "
            .repeat(20)
            .into_bytes();
        bytes.push(0xff);
        bytes.extend_from_slice("More from Perú.".as_bytes());
        let doc = decode(&bytes);
        assert_eq!(doc.encoding, UTF_8);
        assert!(doc.text.contains("José") && doc.text.contains('\u{fffd}'));
        assert!(doc.notice.unwrap().contains("1 invalid byte was replaced"));
        // A legacy file has no valid UTF-8 sequences: it is still detected.
        let doc = decode(b"Jos\xe9 Ortega, caf\xe9 y m\xe1s en Per\xfa.");
        assert_ne!(doc.encoding, UTF_8);
        assert!(!doc.text.contains('\u{fffd}'));
    }

    #[test]
    fn utf16_without_a_mark_and_text_with_rare_controls_are_text() {
        let sentence = "Xi Jinping met Dina Boluarte in Lima on Monday. ";
        let le: Vec<u8> = sentence
            .repeat(5)
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = sentence
            .repeat(5)
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(decode(&le).encoding, UTF_16LE);
        assert_eq!(decode(&le).text, sentence.repeat(5));
        assert_eq!(decode(&be).encoding, UTF_16BE);
        let vertical_tabs = b"Xi met\x0b Boluarte\x0b\x0b in Lima.\x0b".repeat(20);
        assert!(decode(&vertical_tabs).text.contains("Boluarte"));
        let with_nuls = b"Xi met Boluarte in Lima.\0 More news here today.\n".repeat(20);
        let doc = decode(&with_nuls);
        assert!(!doc.text.contains('\0'));
        assert!(
            doc.notice
                .unwrap()
                .contains("20 stray NUL bytes were removed")
        );
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(
            decode_text(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None, None).unwrap_err(),
            TextProblem::Binary
        );
    }

    #[test]
    fn every_menu_entry_is_a_known_encoding() {
        for label in ENCODING_CHOICES {
            assert!(encoding_by_name(label).is_some(), "{label}");
        }
    }
}
