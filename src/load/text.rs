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
    if looks_binary(bytes) {
        return Err(TextProblem::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return finish(text.to_owned(), UTF_8, None);
    }
    let (encoding, how) = match declared.filter(|e| *e != UTF_8) {
        Some(encoding) => (encoding, "declared in the file"),
        None => (guess(bytes), "detected"),
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    finish(
        text.into_owned(),
        encoding,
        Some(notice(encoding, how, had_errors)),
    )
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

/// Text has no NUL bytes and few control characters; binary formats have both.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let sample = bytes.get(..64 * 1024).unwrap_or(bytes);
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    controls * 100 > sample.len().max(1)
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
