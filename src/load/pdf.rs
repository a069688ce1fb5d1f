//! The text layer of a PDF, page by page, reflowed into paragraphs.

use super::quiet_panic::catch_quietly;
use lopdf::Object;
use rustc_hash::{FxHashMap, FxHashSet};
use std::io::Read;

/// More pages than any article; a page tree claiming millions costs time for nothing.
pub const MAX_PAGES: usize = 10_000;

/// The most one stream may expand to: the extractor decompresses each stream it draws
/// whole, images included (it reads them as content too).
const MAX_STREAM_BYTES: u64 = 64 * 1024 * 1024;

/// The most all streams together may expand to, which bounds the time spent.
const MAX_TOTAL_STREAM_BYTES: u64 = 512 * 1024 * 1024;

/// Why a PDF gave no text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum PdfError {
    Damaged(String),
    /// Needs a user password to open.
    Protected,
    /// Pages, but no text on them: a scan.
    NoText,
    TooManyPages(usize),
    /// A stream expands past [`MAX_STREAM_BYTES`].
    TooBig,
}

/// Extracts each page's text with `pdf-extract`, drops running headers and footers (see
/// [`strip_running_lines`]) and reflows it (see [`reflow`]). The parsers panic on some
/// malformed files; a panic counts as damage.
pub(crate) fn pdf_to_text(bytes: &[u8]) -> Result<String, PdfError> {
    let mut pages = catch_quietly(|| page_texts(bytes))
        .map_err(|panic| PdfError::Damaged(format!("the parser gave up: {panic}")))??;
    strip_running_lines(&mut pages);
    let text = pages
        .iter()
        .map(|page| reflow(page))
        .filter(|page| !page.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    if text.is_empty() {
        return Err(PdfError::NoText);
    }
    Ok(text)
}

fn page_texts(bytes: &[u8]) -> Result<Vec<String>, PdfError> {
    if !bytes.starts_with(b"%PDF-")
        && !bytes
            .get(..1024)
            .unwrap_or(bytes)
            .windows(5)
            .any(|w| w == b"%PDF-")
    {
        return Err(PdfError::Damaged("no %PDF- header".to_string()));
    }
    let mut document = match lopdf::Document::load_mem(bytes) {
        Ok(document) => document,
        Err(lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword) => {
            return Err(PdfError::Protected);
        }
        Err(e) => return Err(PdfError::Damaged(e.to_string())),
    };
    if document.is_encrypted() && document.decrypt("").is_err() {
        return Err(PdfError::Protected);
    }
    check_stream_sizes(&document)?;
    if let Some(problem) = super::pdf_structure::structure_problem(&document) {
        return Err(PdfError::Damaged(problem.to_string()));
    }
    let pages = document.get_pages();
    if pages.is_empty() {
        return Err(PdfError::Damaged("no pages".to_string()));
    }
    if pages.len() > MAX_PAGES {
        return Err(PdfError::TooManyPages(pages.len()));
    }
    // One pass over all pages: asking for pages one by one walks the page tree each time,
    // which is quadratic in the page count (10,000 empty pages took minutes).
    let sink = PageSink::default();
    let mut writer = sink.clone();
    let mut output = PageTexts {
        text: pdf_extract::PlainTextOutput::new(&mut writer as &mut dyn std::io::Write),
        pages: sink.clone(),
    };
    let whole = pdf_extract::output_doc(&document, &mut output);
    drop(output);
    let texts = sink.pages();
    match whole {
        Ok(()) => Ok(texts),
        // One unreadable page (an odd font) should not lose the others: read them one by
        // one, if there are few enough for that to be quick.
        Err(_) if pages.len() <= PAGES_READ_ONE_BY_ONE => {
            let mut texts = Vec::with_capacity(pages.len());
            let mut failures = Vec::new();
            for &number in pages.keys() {
                let mut text = String::new();
                let mut output = pdf_extract::PlainTextOutput::new(&mut text);
                match pdf_extract::output_doc_page(&document, &mut output, number) {
                    Ok(()) => texts.push(text),
                    Err(e) => failures.push(e.to_string()),
                }
            }
            if texts.is_empty() {
                return Err(PdfError::Damaged(failures.join("; ")));
            }
            Ok(texts)
        }
        Err(_) if texts.iter().any(|t| !t.trim().is_empty()) => Ok(texts),
        Err(e) => Err(PdfError::Damaged(e.to_string())),
    }
}

/// A PDF whose pages cannot all be read in one pass is read page by page when it has at
/// most this many pages (each page then costs a walk of the page tree).
const PAGES_READ_ONE_BY_ONE: usize = 500;

/// The text written so far, one string per page begun.
#[derive(Clone, Default)]
struct PageSink(std::rc::Rc<std::cell::RefCell<Vec<Vec<u8>>>>);

impl PageSink {
    fn pages(&self) -> Vec<String> {
        self.0
            .borrow()
            .iter()
            .map(|page| String::from_utf8_lossy(page).into_owned())
            .collect()
    }
}

impl std::io::Write for PageSink {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let mut pages = self.0.borrow_mut();
        match pages.last_mut() {
            Some(page) => page.extend_from_slice(bytes),
            None => pages.push(bytes.to_vec()),
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The extractor's plain-text output, starting a new page string at each page.
struct PageTexts<'a> {
    text: pdf_extract::PlainTextOutput<&'a mut dyn std::io::Write>,
    pages: PageSink,
}

impl pdf_extract::OutputDev for PageTexts<'_> {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &pdf_extract::MediaBox,
        art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), pdf_extract::OutputError> {
        self.pages.0.borrow_mut().push(Vec::new());
        self.text.begin_page(page_num, media_box, art_box)
    }
    fn end_page(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.text.end_page()
    }
    fn output_character(
        &mut self,
        trm: &pdf_extract::Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), pdf_extract::OutputError> {
        self.text
            .output_character(trm, width, spacing, font_size, char)
    }
    fn begin_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.text.begin_word()
    }
    fn end_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.text.end_word()
    }
    fn end_line(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.text.end_line()
    }
}

/// Refuses a PDF whose compressed streams expand past the limits: the extractor
/// decompresses them whole, so a small file could fill memory.
fn check_stream_sizes(document: &lopdf::Document) -> Result<(), PdfError> {
    let mut budget = MAX_TOTAL_STREAM_BYTES;
    for object in document.objects.values() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let flate = match stream.dict.get(b"Filter") {
            Ok(Object::Name(name)) => name == b"FlateDecode",
            Ok(Object::Array(filters)) => filters
                .iter()
                .any(|f| f.as_name().ok() == Some(b"FlateDecode")),
            _ => false,
        };
        let expanded = if flate {
            let decoder = flate2::read::ZlibDecoder::new(stream.content.as_slice());
            // A broken stream is the extractor's problem: count what decodes.
            let limit = budget.min(MAX_STREAM_BYTES) + 1;
            std::io::copy(&mut decoder.take(limit), &mut std::io::sink()).unwrap_or(0)
        } else {
            stream.content.len() as u64
        };
        if expanded > MAX_STREAM_BYTES {
            return Err(PdfError::TooBig);
        }
        budget = budget.checked_sub(expanded).ok_or(PdfError::TooBig)?;
    }
    Ok(())
}

/// How many non-empty lines at a page's top, and at its bottom, may be a running header or
/// footer. (The extractor writes lines in drawing order, which is usually but not always
/// top to bottom, so the furniture is among a page's first or last lines.)
const EDGE_LINES: usize = 2;

/// Removes running headers and footers: among each page's first and last [`EDGE_LINES`]
/// non-empty lines, those that recur there, numbers aside ("Page 3/12", "Page 4/12"), on
/// at least half the pages with text and on at least 3 of them (on both of 2), and lone
/// page numbers. They become empty lines, so no lines are joined that were apart. Lines
/// further in are kept even when they repeat: they are the article's.
pub(crate) fn strip_running_lines(pages: &mut [String]) {
    let edges: Vec<Vec<usize>> = pages.iter().map(|page| edge_lines(page)).collect();
    let with_text = edges.iter().filter(|edge| !edge.is_empty()).count();
    // On how many pages each edge line (numbers aside) is.
    let mut counts: FxHashMap<String, usize> = FxHashMap::default();
    for (page, edge) in pages.iter().zip(&edges) {
        let keys: FxHashSet<String> = page
            .lines()
            .enumerate()
            .filter(|(i, _)| edge.contains(i))
            .map(|(_, line)| running_key(line))
            .collect();
        for key in keys {
            *counts.entry(key).or_default() += 1;
        }
    }
    let running = |line: &str| {
        let count = counts.get(&running_key(line)).copied().unwrap_or(0);
        let enough = if with_text == 2 {
            count == 2
        } else {
            count >= 3
        };
        (enough && count * 2 >= with_text) || is_page_number(line)
    };
    for (page, edge) in pages.iter_mut().zip(&edges) {
        let stripped = {
            let lines: Vec<&str> = page.lines().collect();
            if !edge.iter().any(|&i| running(lines[i])) {
                continue;
            }
            let kept: Vec<&str> = lines
                .iter()
                .enumerate()
                .map(|(i, &line)| {
                    if edge.contains(&i) && running(line) {
                        ""
                    } else {
                        line
                    }
                })
                .collect();
            kept.join("\n")
        };
        *page = stripped;
    }
}

/// The numbers of a page's first and last [`EDGE_LINES`] non-empty lines.
fn edge_lines(page: &str) -> Vec<usize> {
    let filled: Vec<usize> = page
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, _)| i)
        .collect();
    let mut edges: Vec<usize> = filled
        .iter()
        .take(EDGE_LINES)
        .chain(filled.iter().rev().take(EDGE_LINES))
        .copied()
        .collect();
    edges.sort_unstable();
    edges.dedup();
    edges
}

/// A line as running headers compare: each run of digits one `#`, spaces collapsed.
fn running_key(line: &str) -> String {
    let mut key = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        for c in word.chars() {
            if !c.is_ascii_digit() {
                key.push(c);
            } else if !key.ends_with('#') {
                key.push('#');
            }
        }
    }
    key
}

/// "3", "- 3 -", "Page 3", "Page 3 of 12", "3/12": a line that is only a page number.
fn is_page_number(line: &str) -> bool {
    let line = line
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}'))
        .to_lowercase();
    let rest = line
        .strip_prefix("page")
        .map_or(line.as_str(), str::trim_start);
    let (number, total) = match rest.split_once('/').or_else(|| rest.split_once(" of ")) {
        Some((number, total)) => (number.trim(), Some(total.trim())),
        None => (rest, None),
    };
    let is_number = |s: &str| (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    is_number(number) && total.is_none_or(is_number)
}

/// Turns a page's lines into paragraphs. The extractor already leaves a blank line where
/// the vertical gap is large, which marks paragraphs (and headings set apart by space).
/// Within a paragraph, lines are joined with a space; a hyphen at a line end between
/// lower-case letters is a broken word and is joined without it ("transpor-" +
/// "tation"); after other letters the hyphen stays, without a space. A line clearly shorter than the paragraph's longest (under two thirds)
/// that ends a sentence also ends the paragraph: that is how a paragraph's last line
/// looks when the gap between paragraphs is small.
pub(crate) fn reflow(page: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    let lines = page.lines().map(str::trim).chain(std::iter::once(""));
    for line in lines {
        if line.is_empty() {
            join_block(&block, &mut paragraphs);
            block.clear();
        } else {
            block.push(line);
        }
    }
    paragraphs.join("\n\n")
}

fn join_block(block: &[&str], paragraphs: &mut Vec<String>) {
    let longest = block.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let mut current = String::new();
    for (i, line) in block.iter().enumerate() {
        let is_last = i + 1 == block.len();
        let (previous_char, next_char) = {
            let mut before = current.chars().rev();
            (before.next().zip(before.next()), line.chars().next())
        };
        match (previous_char, next_char) {
            (Some(('-', letter)), Some(next)) if letter.is_lowercase() && next.is_lowercase() => {
                current.pop();
            }
            // A compound split after its hyphen ("Baltic-" + "Lines") keeps the hyphen.
            (Some(('-', letter)), Some(_)) if letter.is_alphabetic() => {}
            _ if current.is_empty() => {}
            _ => current.push(' '),
        }
        current.push_str(line);
        let short = line.chars().count() * 3 < longest * 2;
        let ends_sentence = line.ends_with(['.', '!', '?', '"', '\u{201d}', ':']);
        if !is_last && short && ends_sentence {
            paragraphs.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_reflow_and_hyphens_join() {
        let page = "Harbour plan\n\nThe new ferry line will change transpor-\ntation in the \
                    bay, said Anna\nLind of Baltic-\nLines on Monday.\nShort last line.\n\
                    Next paragraph starts here and runs on for a while to be long enough\n\
                    and ends.";
        assert_eq!(
            reflow(page),
            "Harbour plan\n\nThe new ferry line will change transportation in the bay, said \
             Anna Lind of Baltic-Lines on Monday.\n\nShort last line.\n\nNext paragraph \
             starts here and runs on for a while to be long enough and ends."
        );
    }

    #[test]
    fn running_headers_footers_and_page_numbers_go() {
        let bodies = [
            (
                "Ferries left Tarvik at dawn.",
                "Crowds gathered.",
                "Tarvik edition, page 1",
            ),
            (
                "Tickets cost more this year.",
                "Nobody complained.",
                "Tarvik edition, page 2",
            ),
            (
                "Work on the bridge ended.",
                "Traffic moved again.",
                "Tarvik edition, page 3",
            ),
            (
                "A party followed at night.",
                "Then the town slept.",
                "- 4 -",
            ),
        ];
        // "The mayor said so." repeats on every page, but inside the text: it stays.
        let mut pages: Vec<String> = bodies
            .iter()
            .map(|(first, last, footer)| {
                format!(
                    "Harbour News, 3 March 2031\n\n{first}\nThe mayor said so.\n{last}\n\n{footer}\n"
                )
            })
            .collect();
        strip_running_lines(&mut pages);
        for (page, (first, last, _)) in pages.iter().zip(bodies) {
            assert_eq!(page.trim(), format!("{first}\nThe mayor said so.\n{last}"));
            assert!(page.starts_with("\n\n"), "{page:?}");
        }
    }

    #[test]
    fn running_lines_recur_on_enough_pages() {
        let mut two = vec![
            "Tarvik Times\nFirst page text.\nPage 1/2".to_string(),
            "Tarvik Times\nSecond page text.\nPage 2/2".to_string(),
        ];
        strip_running_lines(&mut two);
        assert_eq!(two, ["\nFirst page text.\n", "\nSecond page text.\n"]);
        let mut three = vec![
            "Tarvik Times\nOne.".to_string(),
            "Tarvik Times\nTwo.".to_string(),
            "Three.".to_string(),
        ];
        strip_running_lines(&mut three);
        assert_eq!(
            three,
            ["Tarvik Times\nOne.", "Tarvik Times\nTwo.", "Three."]
        );
        let mut one = vec!["Tarvik Times\nOnly page.\n- 1 -".to_string()];
        strip_running_lines(&mut one);
        assert_eq!(one, ["Tarvik Times\nOnly page.\n"]);
    }

    #[test]
    fn page_numbers_are_told_from_text() {
        for line in [
            "3",
            " - 3 - ",
            "\u{2013} 12 \u{2013}",
            "Page 3",
            "page 3 of 12",
            "3/12",
        ] {
            assert!(is_page_number(line), "{line:?}");
        }
        for line in ["", "3 bridges", "Page", "12345", "Chapter 3", "3 of", "- -"] {
            assert!(!is_page_number(line), "{line:?}");
        }
    }

    /// A PDF with these objects (numbered from 1) and a correct cross-reference table.
    fn pdf_of(objects: &[&str]) -> Vec<u8> {
        let mut out = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
        }
        let xref = out.len();
        out.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
        );
        for offset in offsets {
            out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .as_bytes(),
        );
        out
    }

    #[test]
    fn loops_that_would_overflow_the_stack_are_damage() {
        // Found by fuzzing: a page that is its own parent and has no MediaBox.
        let looping_page = pdf_of(&[
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 3 0 R /Contents 4 0 R >>",
            "<< /Length 0 >>\nstream\n\nendstream",
        ]);
        assert_eq!(
            pdf_to_text(&looping_page),
            Err(PdfError::Damaged("the page tree loops".to_string()))
        );
        let looping_form = pdf_of(&[
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] \
             /Resources << /XObject << /X 5 0 R >> >> /Contents 4 0 R >>",
            "<< /Length 5 >>\nstream\n/X Do\nendstream",
            "<< /Type /XObject /Subtype /Form /Length 5 >>\nstream\n/X Do\nendstream",
        ]);
        assert_eq!(
            pdf_to_text(&looping_form),
            Err(PdfError::Damaged("forms draw themselves".to_string()))
        );
    }

    #[test]
    fn garbage_is_damaged_not_a_panic() {
        assert!(matches!(pdf_to_text(b"hello"), Err(PdfError::Damaged(_))));
        assert!(matches!(
            pdf_to_text(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntrailer"),
            Err(PdfError::Damaged(_))
        ));
    }
}
