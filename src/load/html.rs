//! The readable text of a web page: the article, without menus, scripts, banners and
//! comment threads around it.

use super::paragraphs::{Extracted, Paragraphs};
use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use rustc_hash::FxHashMap;
use scraper::node::Element;
use scraper::{Html, Node};

/// How much of a page to keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    /// A saved web page: find the article and drop the rest.
    Article,
    /// An EPUB chapter: everything in the body is the book.
    Whole,
}

/// Extracts paragraphs of text from HTML, `<h1>`..`<h6>` as headings. Entities are
/// decoded by the parser.
pub(crate) fn html_to_text(html: &str, scope: Scope) -> Extracted {
    // Deep nesting and huge tags cost the parser time that grows faster than the page.
    let html = super::html_limits::limit_markup(html);
    let document = Html::parse_document(&html);
    let root = document.tree.root();
    let body = descendant_elements(root)
        .find(|(_, e)| e.name() == "body")
        .map(|(node, _)| node)
        .unwrap_or(root);
    if scope == Scope::Whole {
        let mut out = Paragraphs::new();
        walk(body, true, &mut out);
        return out.finish();
    }
    let found = survey(root);
    let marked = found
        .marked
        .iter()
        .flatten()
        .next()
        .and_then(|(id, _)| document.tree.get(*id));
    let (container, is_article) = match marked {
        Some(article) => (article, true),
        None => {
            let densest = found
                .scores
                .iter()
                .max_by_key(|(id, score)| (**score, std::cmp::Reverse(**id)))
                .and_then(|(id, _)| document.tree.get(*id));
            (densest.unwrap_or(body), false)
        }
    };
    let mut out = Paragraphs::new();
    if !has_heading(container)
        && let Some(headline) = headline(&document, found.first_h1)
    {
        out.start_heading(1);
        out.push_text(&headline);
        out.end_heading();
    }
    walk(container, is_article, &mut out);
    out.finish()
}

/// The charset a page declares in `<meta charset>` or `http-equiv`, looked for in its
/// first kilobytes as browsers do.
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = bytes.get(..4096).unwrap_or(bytes);
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let rest = head.get(at..)?;
    let label: String = rest
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    encoding_rs::Encoding::for_label(label.as_bytes())
}

fn descendant_elements<'a>(
    node: NodeRef<'a, Node>,
) -> impl Iterator<Item = (NodeRef<'a, Node>, &'a Element)> {
    node.descendants()
        .filter_map(|n| n.value().as_element().map(|e| (n, e)))
}

/// What one pass over the page finds: the candidates for the article and the headline.
/// One pass, because pages nest deeply and per-element searches would be quadratic.
#[derive(Default)]
struct Survey {
    /// The longest `<article>`, `<main>`, `itemprop=articleBody` and `role=main`, in
    /// that order of preference, as (node, text length).
    marked: [Option<(NodeId, usize)>; 4],
    /// Paragraph text per element: each `<p>` counts fully for its parent and half for
    /// its grandparent, a simplified readability score.
    scores: FxHashMap<NodeId, usize>,
    first_h1: Option<NodeId>,
}

fn survey(root: NodeRef<'_, Node>) -> Survey {
    let mut found = Survey::default();
    let mut skipping = None;
    // Text lengths of the open elements, innermost last.
    let mut open: Vec<usize> = Vec::new();
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if skipping.is_none() => match node.value() {
                Node::Text(text) => {
                    if let Some(length) = open.last_mut() {
                        *length += text.trim().len();
                    }
                }
                Node::Element(element) => {
                    if is_boilerplate(element, false) && element.name() != "header" {
                        skipping = Some(node.id());
                    } else {
                        open.push(0);
                        if element.name() == "h1" && found.first_h1.is_none() {
                            found.first_h1 = Some(node.id());
                        }
                    }
                }
                _ => {}
            },
            Edge::Open(_) => {}
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                    continue;
                }
                let Some(element) = node.value().as_element() else {
                    continue;
                };
                if skipping.is_some() {
                    continue;
                }
                let length = open.pop().unwrap_or(0);
                if let Some(parent_length) = open.last_mut() {
                    *parent_length += length;
                }
                let kind = match (
                    element.name(),
                    element.attr("itemprop"),
                    element.attr("role"),
                ) {
                    ("article", _, _) => Some(0),
                    ("main", _, _) => Some(1),
                    (_, Some("articleBody"), _) => Some(2),
                    (_, _, Some("main")) => Some(3),
                    _ => None,
                };
                if let Some(slot) = kind.and_then(|kind| found.marked.get_mut(kind))
                    && slot.is_none_or(|(_, best)| length > best)
                {
                    *slot = Some((node.id(), length));
                }
                if element.name() == "p"
                    && let Some(parent) = node.parent()
                {
                    *found.scores.entry(parent.id()).or_default() += length;
                    if let Some(grandparent) = parent.parent() {
                        *found.scores.entry(grandparent.id()).or_default() += length / 2;
                    }
                }
            }
        }
    }
    found
}

fn has_heading(node: NodeRef<'_, Node>) -> bool {
    descendant_elements(node).any(|(_, e)| e.name() == "h1")
}

/// The page's headline when the article lacks one: the first `<h1>` outside the
/// boilerplate, else the `<title>`.
fn headline(document: &Html, first_h1: Option<NodeId>) -> Option<String> {
    let text_of = |node: NodeRef<'_, Node>| {
        let mut out = Paragraphs::new();
        for text in node.descendants().filter_map(|n| n.value().as_text()) {
            out.push_text(text);
        }
        Some(out.finish().text).filter(|t| !t.is_empty())
    };
    first_h1
        .and_then(|id| document.tree.get(id))
        .and_then(text_of)
        .or_else(|| {
            descendant_elements(document.tree.root())
                .filter(|(_, e)| e.name() == "title")
                .find_map(|(node, _)| text_of(node))
        })
}

/// Tags whose content is never article text.
const SKIPPED_TAGS: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "iframe",
    "svg", "canvas", "button", "select", "textarea", "input", "dialog", "object", "embed", "video",
    "audio", "map",
];

/// ARIA roles of page furniture.
const SKIPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
];

/// Words in a class or id that mark page furniture. Whole words only: "shareholder"
/// or "adress" must not match.
const SKIPPED_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "comment",
    "comments",
    "newsletter",
    "subscribe",
    "subscription",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sidebar",
    "footer",
    "popup",
    "modal",
    "paywall",
    "skip",
    "sponsored",
];

/// Is this element page furniture? `<header>` is furniture around an article but an
/// article's own header holds its headline, so it is kept inside one.
fn is_boilerplate(element: &Element, inside_article: bool) -> bool {
    let name = element.name();
    if SKIPPED_TAGS.contains(&name) || (name == "header" && !inside_article) {
        return true;
    }
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    if element
        .attr("role")
        .is_some_and(|role| SKIPPED_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    let marked = |value: Option<&str>| {
        value.is_some_and(|value| {
            value
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|word| SKIPPED_WORDS.contains(&word.to_ascii_lowercase().as_str()))
        })
    };
    marked(element.attr("class")) || marked(element.attr("id"))
}

/// Elements that start and end a paragraph of their own.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "figcaption"
            | "figure"
            | "table"
            | "tr"
            | "hr"
            | "address"
            | "body"
            | "caption"
    )
}

/// 1 for `h1` .. 6 for `h6`.
fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', digit @ b'1'..=b'6'] => Some(digit - b'0'),
        _ => None,
    }
}

/// Walks the container without recursion (pages can nest thousands deep), skipping
/// furniture subtrees.
fn walk(container: NodeRef<'_, Node>, inside_article: bool, out: &mut Paragraphs) {
    let mut skipping = None;
    for edge in container.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(text) => out.push_text(text),
                    Node::Element(element) => {
                        if node.id() != container.id() && is_boilerplate(element, inside_article) {
                            skipping = Some(node.id());
                        } else if element.name() == "br" {
                            out.line_break();
                        } else if matches!(element.name(), "td" | "th") {
                            out.space();
                        } else if let Some(level) = heading_level(element.name()) {
                            out.end_paragraph();
                            out.start_heading(level);
                        } else if is_block(element.name()) {
                            out.end_paragraph();
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                } else if skipping.is_none()
                    && let Some(element) = node.value().as_element()
                {
                    if matches!(element.name(), "td" | "th") {
                        out.space();
                    } else if heading_level(element.name()).is_some() {
                        out.end_heading();
                    } else if is_block(element.name()) {
                        out.end_paragraph();
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_is_kept_and_the_furniture_dropped() {
        let html = r#"<!doctype html><html><head><title>Site | Bridge opens</title>
            <script>var tracking = "Ignored Person";</script><style>p{}</style></head>
            <body><header class="site-header"><a href="/">Daily Lens</a></header>
            <nav><ul><li>Home</li><li>World</li></ul></nav>
            <div id="cookie-banner">We use cookies. <button>Accept</button></div>
            <article><header><h1>Bridge opens in Tarvik</h1></header>
            <p>Mayor <b>Elena   Varga</b> opened the bridge&nbsp;on Monday.</p>
            <p>It cost &euro;4 million.<br>Traffic starts today.</p>
            <div class="share-links">Share on Facebook</div>
            <aside>Related: other bridges</aside></article>
            <section class="comments"><p>First!</p></section>
            <footer>Copyright Daily Lens</footer></body></html>"#;
        assert_eq!(
            html_to_text(html, Scope::Article).text,
            "Bridge opens in Tarvik\n\nMayor Elena Varga opened the bridge on Monday.\n\n\
             It cost €4 million.\nTraffic starts today."
        );
    }

    #[test]
    fn without_markers_the_densest_block_wins_and_the_title_heads_it() {
        let html = "<html><head><title>Port deal signed</title></head><body>\
            <div class=\"menu\"><p>Home</p><p>About</p></div>\
            <div><div id=\"story\"><p>The port authority of Halden signed a deal with \
            Norska Freight on Tuesday.</p><p>Work starts in March.</p></div></div>\
            <div><p>Short teaser.</p></div></body></html>";
        assert_eq!(
            html_to_text(html, Scope::Article).text,
            "Port deal signed\n\nThe port authority of Halden signed a deal with Norska \
             Freight on Tuesday.\n\nWork starts in March."
        );
    }

    #[test]
    fn whole_scope_keeps_everything_in_the_body() {
        let html = "<html><body><h2>Chapter 1</h2><p>One.</p><nav>toc</nav></body></html>";
        assert_eq!(html_to_text(html, Scope::Whole).text, "Chapter 1\n\nOne.");
    }

    #[test]
    fn headings_keep_their_levels_and_a_borrowed_title_is_one() {
        let html = "<html><body><article><h1>Bridge <i>opens</i></h1>\
            <p>Mayor Elena Varga spoke.</p><h2>Cost<br>and time</h2><p>It cost 4 million.</p>\
            <h3> </h3><h2 class=\"share\">Share this</h2></article></body></html>";
        let extracted = html_to_text(html, Scope::Article);
        assert_eq!(
            extracted.text,
            "Bridge opens\n\nMayor Elena Varga spoke.\n\nCost\nand time\n\nIt cost 4 million."
        );
        assert_eq!(
            extracted.heading_texts(),
            [("Bridge opens", 1), ("Cost\nand time", 2)]
        );
        let titled = "<html><head><title>Port deal signed</title></head>\
            <body><p>Work starts in March.</p></body></html>";
        assert_eq!(
            html_to_text(titled, Scope::Article).heading_texts(),
            [("Port deal signed", 1)]
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let html = "<div>".repeat(5_000) + "deep text";
        assert!(
            html_to_text(&html, Scope::Article)
                .text
                .contains("deep text")
        );
    }

    #[test]
    fn meta_charset_is_found() {
        let bytes = b"<html><head><meta charset=\"windows-1251\"></head>";
        assert_eq!(declared_charset(bytes).unwrap().name(), "windows-1251");
        let bytes = b"<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-2'>";
        assert_eq!(declared_charset(bytes).unwrap().name(), "ISO-8859-2");
        assert!(declared_charset(b"<p>nothing</p>").is_none());
    }
}
