//! The text layer of a PDF, page by page, reflowed into paragraphs.

use super::quiet_panic::catch_quietly;
use lopdf::Object;
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

/// Extracts each page's text with `pdf-extract` and reflows it (see [`reflow`]). The
/// parsers panic on some malformed files; a panic counts as damage.
pub(crate) fn pdf_to_text(bytes: &[u8]) -> Result<String, PdfError> {
    let pages = catch_quietly(|| page_texts(bytes))
        .map_err(|panic| PdfError::Damaged(format!("the parser gave up: {panic}")))??;
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
