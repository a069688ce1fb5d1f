//! The HTML export: the article with the reader's highlights and a legend, in one
//! standalone page (inline CSS, nothing fetched).

use crate::analysis::Analysis;
use crate::entity::Label;
use crate::palette;
use std::fmt::Write;

pub fn render(analysis: &Analysis) -> String {
    let text = analysis.text();
    let mut out = String::with_capacity(text.len() * 2 + 4096);
    let title = escape(&analysis.document.name);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title} — newslens</title>\n<style>\n{}</style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n",
        style()
    );
    out.push_str("<p class=\"legend\">");
    for (label, count) in analysis.counts_by_label() {
        let _ = write!(
            out,
            "<span class=\"e {}\">{} {}</span> ",
            label.as_str().to_lowercase(),
            label.as_str(),
            count
        );
    }
    out.push_str("</p>\n<article>\n<p>");
    let mut cursor = 0;
    for (i, mention) in analysis.mentions.iter().enumerate() {
        push_paragraphs(&mut out, &text[cursor..mention.start]);
        let (name, count) = analysis
            .group_of_mention(i)
            .map_or((mention.text(text), 1), |g| {
                (g.name.as_str(), g.mention_count())
            });
        let _ = write!(
            out,
            "<mark class=\"e {}\" title=\"{} · {} · {} mention{}\">{}</mark>",
            mention.label.as_str().to_lowercase(),
            mention.label.as_str(),
            escape(name),
            count,
            if count == 1 { "" } else { "s" },
            escape(mention.text(text))
        );
        cursor = mention.end;
    }
    push_paragraphs(&mut out, &text[cursor..]);
    out.push_str("</p>");
    out.push_str("\n</article>\n");
    if !analysis.facts.is_empty() {
        out.push_str("<section class=\"facts\">\n<h2>Facts</h2>\n<ul>\n");
        for fact in &analysis.facts {
            let _ = writeln!(
                out,
                "<li><span class=\"kind\">{}</span> {}</li>",
                fact.kind.as_str(),
                escape(&fact.summary)
            );
        }
        out.push_str("</ul>\n</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// Escaped plain text; each line break (with any blank lines after it) starts a paragraph.
fn push_paragraphs(out: &mut String, plain: &str) {
    let mut rest = plain;
    while let Some(newline) = rest.find('\n') {
        out.push_str(&escape(&rest[..newline]));
        out.push_str("</p>\n<p>");
        rest = rest[newline..].trim_start();
    }
    out.push_str(&escape(rest));
}

fn style() -> String {
    let mut css = String::from(
        "body{margin:0;background:#fbfaf7;color:#1d1d1f;font:18px/1.6 Georgia,'Times New Roman',serif}\n\
         main{max-width:42em;margin:2em auto;padding:0 1em}\n\
         h1{font:600 1.2em system-ui,sans-serif}\n\
         .legend{font:14px system-ui,sans-serif}\n\
         .facts{font:15px/1.5 system-ui,sans-serif}.facts .kind{font-weight:600;text-transform:uppercase;font-size:12px;margin-right:.4em}\n\
         .legend .e{padding:.1em .4em;margin-right:.3em}\n\
         mark.e,.legend .e{color:inherit;border-radius:2px}\n\
         @media (prefers-color-scheme:dark){body{background:#1b1b1d;color:#e8e6e3}}\n",
    );
    for label in Label::ALL {
        let [r, g, b] = palette::colour(label);
        // The reader's tint strength, at which the palette's tests keep kinds apart.
        let alpha = f32::from(palette::tint_alpha(false, false)) / 255.0;
        let _ = writeln!(
            css,
            ".e.{}{{background:rgba({r},{g},{b},{alpha:.2});border-bottom:2px solid {}}}",
            label.as_str().to_lowercase(),
            palette::hex(label)
        );
    }
    css
}

/// Escapes text for HTML content and attribute values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{Document, analyse};

    #[test]
    fn the_page_is_standalone_and_escapes_the_text() {
        let analysis = analyse(Document::from_text(
            "a<b>.txt",
            "Xi Jinping met <script> in Beijing.\n\nSecond paragraph.",
        ));
        let html = super::render(&analysis);
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("<mark class=\"e place\""));
        assert!(!html.contains("http"), "nothing external");
        assert_eq!(html.matches("<p").count(), html.matches("</p>").count());
    }
}
