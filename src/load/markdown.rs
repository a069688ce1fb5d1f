//! The text of a Markdown file: what a rendered page shows, without the markup.

use super::paragraphs::{Extracted, Paragraphs};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Headings, paragraphs, list items, quotes and code blocks each become a paragraph;
/// emphasis, links and code spans become their text, images their alt text; a raw HTML
/// block becomes the text it shows (its tags, scripts and styles dropped), inline tags
/// vanish around their text. Quotes stay as typed: no smart punctuation. Headings (ATX
/// `#` and setext `===`, and `<h1>`.. in raw HTML blocks) keep their level.
pub(crate) fn markdown_to_text(markdown: &str) -> Extracted {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let mut out = Paragraphs::new();
    let mut in_code_block = false;
    // The raw HTML of the block being read, turned into text where the block ends.
    let mut html_block: Option<String> = None;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::HtmlBlock) => {
                out.end_paragraph();
                html_block = Some(String::new());
            }
            Event::End(TagEnd::HtmlBlock) => {
                let html = html_block.take().unwrap_or_default();
                let block = super::html::html_to_text(&html, super::html::Scope::Whole);
                // Each heading of the block starts one of its paragraphs.
                let mut headings = block.headings.iter().peekable();
                let mut start = 0;
                for paragraph in block.text.split("\n\n") {
                    if let Some(heading) = headings.next_if(|h| h.range.start == start) {
                        out.start_heading(heading.level);
                    }
                    out.push_text(paragraph);
                    out.end_heading();
                    start += paragraph.len() + "\n\n".len();
                }
            }
            Event::Html(html) => {
                if let Some(block) = &mut html_block {
                    block.push_str(&html);
                }
            }
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => {
                    out.end_paragraph();
                    out.start_heading(level as u8);
                }
                Tag::Paragraph
                | Tag::BlockQuote(_)
                | Tag::Item
                | Tag::List(_)
                | Tag::TableRow
                | Tag::TableHead
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition => out.end_paragraph(),
                Tag::CodeBlock(_) => {
                    out.end_paragraph();
                    in_code_block = true;
                }
                Tag::TableCell => out.space(),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(_) => out.end_heading(),
                TagEnd::Paragraph
                | TagEnd::BlockQuote(_)
                | TagEnd::Item
                | TagEnd::List(_)
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition => out.end_paragraph(),
                TagEnd::CodeBlock => {
                    out.end_paragraph();
                    in_code_block = false;
                }
                TagEnd::TableCell => out.space(),
                _ => {}
            },
            Event::Text(text) if in_code_block => {
                for (i, line) in text.split('\n').enumerate() {
                    if i > 0 {
                        out.line_break();
                    }
                    out.push_text(line);
                }
            }
            Event::Text(text) | Event::Code(text) => out.push_text(&text),
            Event::InlineMath(text) | Event::DisplayMath(text) => out.push_text(&text),
            Event::SoftBreak => out.space(),
            Event::HardBreak => out.line_break(),
            Event::Rule => out.end_paragraph(),
            Event::InlineHtml(_) | Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structure_becomes_paragraphs_and_markup_vanishes() {
        // The raw HTML block is an advertisement: dropped as a web page's would be.
        let markdown = "# Dam plan *approved*\n\n\
            The council of [Brevik](https://example.org) voted\non **Thursday**.\n\n\
            <div class=\"ad\">Buy now</div>\n\n\
            - Cost: `NOK 2 billion`\n- Opens ![the Brevik dam](dam.png) in 2031\n\n\
            > \"It is a good day,\" said Mayor Ingrid Dahl.\n";
        assert_eq!(
            markdown_to_text(markdown).text,
            "Dam plan approved\n\nThe council of Brevik voted on Thursday.\n\n\
             Cost: NOK 2 billion\n\nOpens the Brevik dam in 2031\n\n\
             \"It is a good day,\" said Mayor Ingrid Dahl."
        );
    }

    #[test]
    fn raw_html_blocks_keep_their_text() {
        let markdown = "# Title\n\n<div>\nXi Jinping met <b>Dina Boluarte</b> in Lima.\n\
            <script>var x = 1;</script>\n</div>\n\nAfter <span>that</span>.\n";
        assert_eq!(
            markdown_to_text(markdown).text,
            "Title\n\nXi Jinping met Dina Boluarte in Lima.\n\nAfter that."
        );
    }

    #[test]
    fn hard_breaks_keep_their_line() {
        assert_eq!(markdown_to_text("one  \ntwo").text, "one\ntwo");
    }

    #[test]
    fn atx_and_setext_headings_keep_their_levels() {
        let markdown = "# Dam plan *approved*\n\nThe council voted.\n\nCosts\n===\n\n\
            Next steps\n---\n\n### Who pays\n\nThe city.\n\n#\n\n\
            <h2>Raw <b>heading</b></h2>\n<p>Raw text.</p>\n";
        let extracted = markdown_to_text(markdown);
        assert_eq!(
            extracted.text,
            "Dam plan approved\n\nThe council voted.\n\nCosts\n\nNext steps\n\nWho pays\n\n\
             The city.\n\nRaw heading\n\nRaw text."
        );
        assert_eq!(
            extracted.heading_texts(),
            [
                ("Dam plan approved", 1),
                ("Costs", 1),
                ("Next steps", 2),
                ("Who pays", 3),
                ("Raw heading", 2),
            ]
        );
    }
}
