//! Building extracted text one paragraph at a time. The reader shows each non-empty line
//! as a paragraph, so paragraphs are joined by a blank line and carry no markup.

use crate::document::Heading;

/// The text a loader extracted and the headings in it.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Extracted {
    pub text: String,
    /// Byte ranges into `text`, in order, each a whole paragraph.
    pub headings: Vec<Heading>,
}

impl Extracted {
    /// Text without headings (plain text, PDF).
    pub fn plain(text: String) -> Self {
        Extracted {
            text,
            headings: Vec::new(),
        }
    }

    /// Each heading's text and level, for tests.
    #[cfg(test)]
    pub fn heading_texts(&self) -> Vec<(&str, u8)> {
        self.headings
            .iter()
            .map(|h| (&self.text[h.range.clone()], h.level))
            .collect()
    }
}

/// Collects text runs into paragraphs: whitespace inside a paragraph collapses to single
/// spaces (as a browser shows it), explicit line breaks survive, empty paragraphs vanish.
#[derive(Default)]
pub(crate) struct Paragraphs {
    done: String,
    current: String,
    pending_space: bool,
    /// The level the paragraphs being built have while inside a heading.
    heading: Option<u8>,
    headings: Vec<Heading>,
}

impl Paragraphs {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds text whose whitespace is only layout (HTML, Markdown source, XML).
    pub fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = !self.current.is_empty() && !self.current.ends_with('\n');
            } else {
                if self.pending_space {
                    self.current.push(' ');
                    self.pending_space = false;
                }
                self.current.push(c);
            }
        }
    }

    /// Adds a character that matters as written, e.g. a tab in a Word document.
    pub fn push_verbatim(&mut self, c: char) {
        self.pending_space = false;
        self.current.push(c);
    }

    /// A space between runs that must not touch (table cells), without doubling one.
    pub fn space(&mut self) {
        self.pending_space = !self.current.is_empty() && !self.current.ends_with('\n');
    }

    /// A line break inside the paragraph (`<br>`, a hard break).
    pub fn line_break(&mut self) {
        self.pending_space = false;
        if !self.current.is_empty() && !self.current.ends_with('\n') {
            self.current.push('\n');
        }
    }

    /// Makes the paragraph being built, and those after it up to [`Self::end_heading`],
    /// headings of this level (1 to 6). It does not end the paragraph: a Word paragraph
    /// names its style inside it, so HTML and Markdown end the one before themselves. An
    /// empty heading vanishes like an empty paragraph.
    pub fn start_heading(&mut self, level: u8) {
        self.heading = Some(level.clamp(1, 6));
    }

    /// Ends the heading being built, if any, and its paragraph; what follows is body text.
    pub fn end_heading(&mut self) {
        self.end_paragraph();
        self.heading = None;
    }

    /// Ends the paragraph being built, if it has any text.
    pub fn end_paragraph(&mut self) {
        self.pending_space = false;
        let mut paragraph = String::new();
        for line in self.current.split('\n').map(str::trim) {
            if !line.is_empty() {
                if !paragraph.is_empty() {
                    paragraph.push('\n');
                }
                paragraph.push_str(line);
            }
        }
        self.current.clear();
        if !paragraph.is_empty() {
            if !self.done.is_empty() {
                self.done.push_str("\n\n");
            }
            let start = self.done.len();
            self.done.push_str(&paragraph);
            if let Some(level) = self.heading {
                self.headings.push(Heading {
                    range: start..self.done.len(),
                    level,
                });
            }
        }
    }

    pub fn finish(mut self) -> Extracted {
        self.end_paragraph();
        Extracted {
            text: self.done,
            headings: self.headings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_collapses_and_paragraphs_get_a_blank_line() {
        let mut p = Paragraphs::new();
        p.push_text("  The   mayor\n said ");
        p.push_text("yes. ");
        p.end_paragraph();
        p.end_paragraph();
        p.push_text("Next");
        p.line_break();
        p.push_text(" line\t");
        p.push_verbatim('\t');
        p.push_text("x");
        assert_eq!(p.finish().text, "The mayor said yes.\n\nNext\nline\tx");
    }

    #[test]
    fn headings_are_whole_paragraphs_and_empty_ones_vanish() {
        let mut p = Paragraphs::new();
        p.push_text("Lead in");
        p.end_paragraph();
        p.push_text("  Bridge ");
        p.start_heading(2);
        p.push_text("  opens ");
        p.end_heading();
        p.push_text("Body.");
        p.end_paragraph();
        p.start_heading(1);
        p.push_text("  ");
        p.end_heading();
        p.start_heading(9);
        p.push_text("Last");
        let done = p.finish();
        assert_eq!(done.text, "Lead in\n\nBridge opens\n\nBody.\n\nLast");
        assert_eq!(done.heading_texts(), [("Bridge opens", 2), ("Last", 6)]);
    }
}
