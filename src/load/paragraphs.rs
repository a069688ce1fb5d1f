//! Building extracted text one paragraph at a time. The reader shows each non-empty line
//! as a paragraph, so paragraphs are joined by a blank line and carry no markup.

/// Collects text runs into paragraphs: whitespace inside a paragraph collapses to single
/// spaces (as a browser shows it), explicit line breaks survive, empty paragraphs vanish.
#[derive(Default)]
pub(crate) struct Paragraphs {
    done: String,
    current: String,
    pending_space: bool,
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
            self.done.push_str(&paragraph);
        }
    }

    pub fn finish(mut self) -> String {
        self.end_paragraph();
        self.done
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
        assert_eq!(p.finish(), "The mayor said yes.\n\nNext\nline\tx");
    }
}
