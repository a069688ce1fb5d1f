//! Caps on the markup shapes that make the HTML parser super-linear, applied to the raw
//! text before it is parsed.
//!
//! Hostile pages can make html5ever quadratic. Its tree builder scans the stack of open
//! elements for many tags, so 100,000 nested `<div>`s take minutes; its tokenizer checks
//! each attribute against the earlier ones of its tag, so one element with 300,000
//! attributes takes a minute; and it reopens every unclosed `<b>`, `<font>` and the like
//! after each block that closed it, so 5,000 paragraphs that each leave a different one
//! open make 12 million elements. [`limit_markup`] rewrites such input in one linear pass
//! so that html5ever sees at most about [`MAX_DEPTH`] open elements, [`MAX_ATTRIBUTES`]
//! attributes a tag and [`MAX_FORMATTING`] formatting elements to reopen. Ordinary pages
//! come back as they are, unallocated.
//!
//! The pass reads tags as html5ever's tokenizer does, and models its tree builder where
//! that decides how deep the stack gets: implied end tags and their scopes, tables, SVG and
//! MathML, the list of formatting elements, framesets. It follows html5ever 0.40 as
//! scraper 0.29 drives it. Where the model cannot be exact it keeps elements open rather
//! than closing them, since counting too few is what would let deep nesting through, while
//! counting too many only flattens junk a little early.

use std::borrow::Cow;
use std::hash::{BuildHasher, RandomState};

/// The most elements kept open at once; start tags that would open one deeper are dropped,
/// with their end tags. Real pages stay well under 100.
pub(crate) const MAX_DEPTH: usize = 256;

/// The most attributes kept on one tag; later ones are dropped.
pub(crate) const MAX_ATTRIBUTES: usize = 64;

/// The longest tag kept whole. A longer one keeps its name and the attributes that fit.
pub(crate) const MAX_TAG_BYTES: usize = 16 * 1024;

/// How far down the stack an end tag or an implied close looks for its element. Bounding
/// it keeps the pass linear; an element buried deeper just stays counted as open.
const SCOPE_SEARCH_LIMIT: usize = 64;

/// The most formatting elements (`<b>`, `<font>` ...) open or waiting to be reopened at
/// once, within one table cell or outside any. html5ever reopens each after every block
/// that closed it, so a page that leaves many open costs that many new elements a block;
/// start tags past this are dropped. html5ever itself keeps only three alike.
pub(crate) const MAX_FORMATTING: usize = 16;

/// Room in the model of html5ever's list of formatting elements: its entries and markers
/// each stand for an element counted towards [`MAX_DEPTH`], and at most
/// [`SCOPE_SEARCH_LIMIT`] gone ones wait to be cleared out.
const FORMATTING_SLOTS: usize = MAX_DEPTH + 2 * SCOPE_SEARCH_LIMIT;

/// Room left in [`MAX_TAG_BYTES`] for the ` />` that closes a cut tag.
const CLOSE_RESERVE: usize = 3;

/// Returns `html` with nesting deeper than [`MAX_DEPTH`] flattened, formatting elements
/// past [`MAX_FORMATTING`] dropped and tags cut down to [`MAX_ATTRIBUTES`] attributes and
/// [`MAX_TAG_BYTES`] bytes, so that html5ever parses it in about linear time. Only tags go:
/// text is kept, as are comments, doctypes and the contents of `<script>`, `<style>` and
/// the other raw-text elements. When nothing exceeds a limit, which is the case for real
/// pages, the input is returned borrowed and nothing is allocated. Never panics; linear
/// time.
pub(crate) fn limit_markup(html: &str) -> Cow<'_, str> {
    let mut limiter = Limiter {
        html,
        open: OpenElements::new(),
        out: Output {
            html,
            text: None,
            copied: 0,
        },
        hasher: RandomState::new(),
        body_started: false,
        frameset_ok: true,
        head_seen: false,
        in_frameset: false,
    };
    limiter.run();
    limiter.out.finish()
}

// What html5ever does with an element, by name. A name has several of these.
/// Has no end tag and never nests (`<br>`, `<img>`).
const VOID: u32 = 1 << 0;
/// Holds text up to its end tag (`<script>`, `<title>`).
const RAW_TEXT: u32 = 1 << 1;
/// Turns the rest of the input into text.
const PLAINTEXT: u32 = 1 << 2;
/// html5ever's "special" elements, where the search for an unknown end tag's element stops.
const SPECIAL: u32 = 1 << 3;
/// Bounds the default scope: an end tag or implied close does not reach past it.
const SCOPE: u32 = 1 << 4;
/// Also bounds the scope of `</li>`.
const LIST: u32 = 1 << 5;
/// Also bounds the scope of `</p>` and of the implied close of a `<p>`.
const BUTTON: u32 = 1 << 6;
/// Bounds table scope, for the end tags of tables and their parts.
const TABLE_SCOPE: u32 = 1 << 7;
/// Where a new `<td>` stops closing elements.
const ROW_CONTEXT: u32 = 1 << 8;
/// Where a new `<tr>` stops closing elements.
const BODY_CONTEXT: u32 = 1 << 9;
const HEADING: u32 = 1 << 10;
/// Its start tag closes an open `<p>`.
const CLOSES_P: u32 = 1 << 11;
/// Its end tag closes everything above its element, when in scope.
const BLOCK_END: u32 = 1 << 12;
/// Closed implicitly by the end tags of the elements around it.
const IMPLIED_END: u32 = 1 << 13;
/// A table part, which html5ever ignores outside a table.
const TABLE_PART: u32 = 1 << 14;
/// Its end tag closes back to its element within the table.
const TABLE_END: u32 = 1 << 15;
/// `<table>` or `<template>`, whichever is nearer deciding what table parts do.
const TABLE_CONTEXT: u32 = 1 << 16;
/// Its end tag only closes it when it is the current element.
const TOP_ONLY_END: u32 = 1 << 17;
/// Its end tag closes nothing (`</body>`, `</html>`).
const NEVER_END: u32 = 1 << 18;
/// Its start tag ends SVG or MathML content and is parsed as HTML.
const LEAVES_FOREIGN: u32 = 1 << 19;
/// An SVG element whose contents are parsed as HTML.
const SVG_INTEGRATION: u32 = 1 << 20;
/// A MathML element whose contents are parsed as HTML.
const MATH_INTEGRATION: u32 = 1 << 21;
/// MathML `<annotation-xml>`, in which `<svg>` starts SVG. (It would hold HTML with an
/// HTML `encoding`, but scraper's tree sink does not tell html5ever about that attribute,
/// so html5ever never parses HTML there.)
const ANNOTATION_XML: u32 = 1 << 22;
/// `<svg>` and `<math>`, which start foreign content.
const FOREIGN_ROOT: u32 = 1 << 23;
/// `<b>`, `<a>`, `<font>` and the like, which html5ever lists and reopens.
const FORMATTING: u32 = 1 << 24;
/// Starts a scope of the list of formatting elements: cells, captions, objects.
const MARKER: u32 = 1 << 25;
/// Its start tag does not reopen the formatting elements waiting to be.
const NO_RECONSTRUCT: u32 = 1 << 26;

const BLOCK: u32 = SPECIAL | CLOSES_P | BLOCK_END | NO_RECONSTRUCT;
const TABLE_CONTEXTS: u32 = TABLE_SCOPE | BODY_CONTEXT | ROW_CONTEXT;
const VOID_SPECIAL: u32 = VOID | SPECIAL;

/// What html5ever does with an element named `name` (any case).
fn classify(name: &str) -> u32 {
    let mut buffer = [0u8; 16];
    let Some(lower) = buffer.get_mut(..name.len()) else {
        return 0;
    };
    for (to, from) in lower.iter_mut().zip(name.bytes()) {
        *to = from.to_ascii_lowercase();
    }
    match &*lower {
        b"a" | b"font" => FORMATTING,
        b"b" | b"big" | b"code" | b"em" | b"i" | b"nobr" | b"s" | b"small" | b"strike"
        | b"strong" | b"tt" | b"u" => FORMATTING | LEAVES_FOREIGN,
        b"address" | b"article" | b"aside" | b"details" | b"dir" | b"fieldset" | b"figcaption"
        | b"figure" | b"footer" | b"header" | b"hgroup" | b"main" | b"nav" | b"section"
        | b"summary" => BLOCK,
        b"blockquote" | b"center" | b"div" | b"dl" | b"listing" | b"menu" | b"pre" => {
            BLOCK | LEAVES_FOREIGN
        }
        b"ol" | b"ul" => BLOCK | LIST | LEAVES_FOREIGN,
        b"dialog" | b"search" => CLOSES_P | BLOCK_END | NO_RECONSTRUCT,
        b"dd" | b"dt" => BLOCK | IMPLIED_END | LEAVES_FOREIGN,
        b"li" | b"p" => SPECIAL | CLOSES_P | IMPLIED_END | NO_RECONSTRUCT | LEAVES_FOREIGN,
        b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => {
            SPECIAL | CLOSES_P | HEADING | NO_RECONSTRUCT | LEAVES_FOREIGN
        }
        b"form" => SPECIAL | CLOSES_P | TOP_ONLY_END | NO_RECONSTRUCT,
        b"plaintext" => SPECIAL | PLAINTEXT | CLOSES_P | NO_RECONSTRUCT,
        b"xmp" => SPECIAL | RAW_TEXT | CLOSES_P,
        b"iframe" | b"noembed" | b"noframes" | b"noscript" | b"script" | b"style" | b"textarea" => {
            SPECIAL | RAW_TEXT | NO_RECONSTRUCT
        }
        b"title" => SPECIAL | RAW_TEXT | SCOPE | SVG_INTEGRATION | NO_RECONSTRUCT,
        b"button" => SPECIAL | BUTTON | BLOCK_END,
        b"applet" | b"marquee" | b"object" => SPECIAL | SCOPE | BLOCK_END | MARKER,
        b"select" => SPECIAL | SCOPE | BLOCK_END,
        b"html" => SPECIAL | SCOPE | NEVER_END | TABLE_CONTEXTS | NO_RECONSTRUCT,
        b"body" => SPECIAL | NEVER_END | NO_RECONSTRUCT | LEAVES_FOREIGN,
        b"head" => SPECIAL | TOP_ONLY_END | NO_RECONSTRUCT | LEAVES_FOREIGN,
        b"frameset" => SPECIAL | SCOPE | TOP_ONLY_END | NO_RECONSTRUCT,
        b"table" => {
            SPECIAL
                | CLOSES_P
                | SCOPE
                | TABLE_END
                | TABLE_CONTEXT
                | TABLE_CONTEXTS
                | NO_RECONSTRUCT
                | LEAVES_FOREIGN
        }
        b"template" => SPECIAL | SCOPE | TABLE_CONTEXT | TABLE_CONTEXTS | MARKER | NO_RECONSTRUCT,
        b"tbody" | b"thead" | b"tfoot" => {
            SPECIAL | TABLE_PART | TABLE_END | BODY_CONTEXT | ROW_CONTEXT | NO_RECONSTRUCT
        }
        b"tr" => SPECIAL | TABLE_PART | TABLE_END | ROW_CONTEXT | NO_RECONSTRUCT,
        b"td" | b"th" | b"caption" => {
            SPECIAL | SCOPE | TABLE_PART | TABLE_END | MARKER | NO_RECONSTRUCT
        }
        b"colgroup" => SPECIAL | TABLE_PART | TOP_ONLY_END | NO_RECONSTRUCT,
        b"col" => VOID_SPECIAL | TABLE_PART | NO_RECONSTRUCT,
        b"br" | b"embed" | b"img" => VOID_SPECIAL | LEAVES_FOREIGN,
        b"meta" => VOID_SPECIAL | NO_RECONSTRUCT | LEAVES_FOREIGN,
        b"hr" => VOID_SPECIAL | CLOSES_P | NO_RECONSTRUCT | LEAVES_FOREIGN,
        b"area" | b"input" | b"keygen" | b"wbr" => VOID_SPECIAL,
        b"base" | b"basefont" | b"bgsound" | b"frame" | b"link" | b"param" | b"source"
        | b"track" => VOID_SPECIAL | NO_RECONSTRUCT,
        b"image" => VOID,
        b"isindex" => SPECIAL,
        b"option" | b"optgroup" => IMPLIED_END,
        b"rb" | b"rp" | b"rt" | b"rtc" => IMPLIED_END | NO_RECONSTRUCT,
        b"ruby" | b"span" | b"sub" | b"sup" | b"var" => LEAVES_FOREIGN,
        b"svg" | b"math" => FOREIGN_ROOT,
        b"foreignobject" | b"desc" => SPECIAL | SCOPE | SVG_INTEGRATION,
        b"mi" | b"mo" | b"mn" | b"ms" | b"mtext" => SPECIAL | SCOPE | MATH_INTEGRATION,
        b"annotation-xml" => SPECIAL | SCOPE | ANNOTATION_XML,
        _ => 0,
    }
}

/// An element on the modelled stack of open elements.
#[derive(Clone, Copy)]
struct Open<'a> {
    name: &'a str,
    kind: u32,
    /// SVG and MathML elements are parsed differently: end tags, `<![CDATA[`, `/>`.
    namespace: Namespace,
    /// Its contents are SVG or MathML: false for HTML elements and integration points.
    foreign_inside: bool,
    /// Its entry in the list of formatting elements, or [`NO_ENTRY`].
    entry: u16,
}

const NO_ENTRY: u16 = u16::MAX;

#[derive(Clone, Copy, PartialEq)]
enum Namespace {
    Html,
    Svg,
    MathMl,
}

const NOTHING_OPEN: Open<'static> = Open {
    name: "",
    kind: 0,
    namespace: Namespace::Html,
    foreign_inside: false,
    entry: NO_ENTRY,
};

impl Open<'_> {
    fn is_foreign(&self) -> bool {
        self.namespace != Namespace::Html
    }

    fn is_html_named(&self, name: &str) -> bool {
        !self.is_foreign() && self.name.eq_ignore_ascii_case(name)
    }
}

/// Where an entry of html5ever's list of active formatting elements stands.
#[derive(Clone, Copy, PartialEq)]
enum EntryState {
    /// A table cell, caption, object and the like: the entries before it are out of reach
    /// inside, and go when it closes.
    Marker,
    /// Its element is open, at `open_at` in the kept stack.
    Open,
    /// Its element was closed by another element's end tag. html5ever opens a copy at the
    /// next text, so it still counts as open.
    Reopening,
    /// No longer listed.
    Gone,
}

#[derive(Clone, Copy)]
struct Entry<'a> {
    name: &'a str,
    kind: u32,
    /// A hash of the tag's attributes: html5ever keeps at most three entries alike.
    attributes: u64,
    state: EntryState,
    open_at: u16,
}

const NO_ENTRY_YET: Entry<'static> = Entry {
    name: "",
    kind: 0,
    attributes: 0,
    state: EntryState::Gone,
    open_at: 0,
};

/// The model of html5ever's stack of open elements: the first [`MAX_DEPTH`] in a fixed
/// array, so that ordinary pages allocate nothing, and the elements past the limit, whose
/// tags are being dropped, above them. It also models html5ever's list of active
/// formatting elements (`<b>`, `<a>`, `<font>` ...), which html5ever reopens after every
/// element that closed them, so that those count as open too.
struct OpenElements<'a> {
    kept: [Open<'a>; MAX_DEPTH],
    kept_len: usize,
    dropped: Vec<Open<'a>>,
    formatting: [Entry<'a>; FORMATTING_SLOTS],
    formatting_len: usize,
    /// Entries gone but still taking room, which the searches of the list step over.
    gone: usize,
    /// Entries waiting to be reopened; they count towards [`MAX_DEPTH`].
    reopening: usize,
    /// Open `<p>`s, kept or not: most start tags close one, and need not look without.
    paragraphs: usize,
}

impl<'a> OpenElements<'a> {
    fn new() -> Self {
        OpenElements {
            kept: [NOTHING_OPEN; MAX_DEPTH],
            kept_len: 0,
            dropped: Vec::new(),
            formatting: [NO_ENTRY_YET; FORMATTING_SLOTS],
            formatting_len: 0,
            gone: 0,
            reopening: 0,
            paragraphs: 0,
        }
    }

    fn top(&self) -> Option<&Open<'a>> {
        self.iter_from_top().next()
    }

    /// The open elements from the current one down.
    fn iter_from_top(&self) -> impl Iterator<Item = &Open<'a>> {
        let kept = self.kept.get(..self.kept_len).unwrap_or_default();
        self.dropped.iter().rev().chain(kept.iter().rev())
    }

    /// Whether another element can open within [`MAX_DEPTH`].
    fn has_room(&self) -> bool {
        self.dropped.is_empty() && self.kept_len + self.reopening < MAX_DEPTH
    }

    /// Opens an element. Returns false when it lies past [`MAX_DEPTH`], so its tag must go.
    fn push(&mut self, open: Open<'a>) -> bool {
        let open = Open {
            entry: NO_ENTRY,
            ..open
        };
        if self.has_room()
            && let Some(slot) = self.kept.get_mut(self.kept_len)
        {
            *slot = open;
            self.kept_len += 1;
            self.tally(open, true);
            if open.kind & MARKER != 0 && !open.is_foreign() {
                self.add_entry(open, 0, EntryState::Marker);
            }
            return true;
        }
        // html5ever never sees this element, so its contents are parsed as its parent's.
        let parent = self.top().copied().unwrap_or(NOTHING_OPEN);
        let dropped = Open {
            namespace: parent.namespace,
            foreign_inside: parent.foreign_inside,
            ..open
        };
        self.tally(dropped, true);
        self.dropped.push(dropped);
        false
    }

    /// Opens a formatting element, which html5ever also lists. Returns None when too
    /// many are listed already, so its tag must go without opening anything.
    fn push_formatting(&mut self, open: Open<'a>, attributes: u64) -> Option<bool> {
        if !self.has_room() {
            return Some(self.push(open));
        }
        // Noah's ark: a fourth entry alike replaces the earliest of three.
        let (mut listed, mut alike, mut earliest) = (0, 0, None);
        for (index, entry) in self.listed().iter().enumerate().rev() {
            match entry.state {
                EntryState::Marker => break,
                EntryState::Gone => {}
                EntryState::Open | EntryState::Reopening => {
                    listed += 1;
                    if entry.attributes == attributes && entry.name.eq_ignore_ascii_case(open.name)
                    {
                        alike += 1;
                        earliest = Some(index);
                    }
                }
            }
        }
        let replaced = alike >= 3;
        if listed - usize::from(replaced) >= MAX_FORMATTING {
            return None;
        }
        if let (true, Some(index)) = (replaced, earliest) {
            self.forget(index);
        }
        let kept = self.push(open);
        if kept && !self.add_entry(open, attributes, EntryState::Open) {
            // No room left to list it: take it back and drop its tag.
            self.pop();
            return None;
        }
        Some(kept)
    }

    /// Lists the element just opened, in `state`. False when the list is full.
    fn add_entry(&mut self, open: Open<'a>, attributes: u64, state: EntryState) -> bool {
        if self.formatting_len == FORMATTING_SLOTS {
            self.compact();
        }
        let index = self.formatting_len;
        let Some(open_at) = self.kept_len.checked_sub(1) else {
            return false;
        };
        let (Some(slot), Ok(link)) = (self.formatting.get_mut(index), u16::try_from(index)) else {
            return false;
        };
        *slot = Entry {
            name: open.name,
            kind: open.kind,
            attributes,
            state,
            open_at: u16::try_from(open_at).unwrap_or(u16::MAX),
        };
        self.formatting_len += 1;
        if let Some(open) = self.kept.get_mut(open_at) {
            open.entry = link;
        }
        true
    }

    /// The entries of the list of formatting elements.
    fn listed(&self) -> &[Entry<'a>] {
        self.formatting
            .get(..self.formatting_len)
            .unwrap_or_default()
    }

    /// Removes entry `index` from the list of formatting elements.
    fn forget(&mut self, index: usize) {
        let Some(entry) = self
            .formatting
            .get_mut(..self.formatting_len)
            .and_then(|list| list.get_mut(index))
        else {
            return;
        };
        match entry.state {
            EntryState::Reopening => self.reopening = self.reopening.saturating_sub(1),
            EntryState::Open => {
                // The element stays open, just no longer listed.
                if let Some(open) = self.kept.get_mut(usize::from(entry.open_at)) {
                    open.entry = NO_ENTRY;
                }
            }
            EntryState::Marker | EntryState::Gone => return,
        }
        entry.state = EntryState::Gone;
        self.gone += 1;
        while self.formatting_len > 0
            && self
                .formatting
                .get(self.formatting_len - 1)
                .is_some_and(|entry| entry.state == EntryState::Gone)
        {
            self.formatting_len -= 1;
            self.gone = self.gone.saturating_sub(1);
        }
        // Keeps the searches short.
        if self.gone > SCOPE_SEARCH_LIMIT {
            self.compact();
        }
    }

    /// Drops the entries that are gone, keeping the links from open elements right.
    fn compact(&mut self) {
        let mut write = 0;
        for read in 0..self.formatting_len {
            let Some(entry) = self.formatting.get(read).copied() else {
                break;
            };
            if entry.state == EntryState::Gone {
                continue;
            }
            if matches!(entry.state, EntryState::Open | EntryState::Marker)
                && let Some(open) = self.kept.get_mut(usize::from(entry.open_at))
            {
                open.entry = u16::try_from(write).unwrap_or(NO_ENTRY);
            }
            if let Some(slot) = self.formatting.get_mut(write) {
                *slot = entry;
            }
            write += 1;
        }
        self.formatting_len = write;
        self.gone = 0;
    }

    /// What html5ever does before most start tags and text: opens again the formatting
    /// elements waiting for it, after the last one open.
    fn reconstruct(&mut self) {
        let mut first = self.formatting_len;
        for (index, entry) in self.listed().iter().enumerate().rev() {
            match entry.state {
                EntryState::Reopening => first = index,
                EntryState::Gone => {}
                EntryState::Open | EntryState::Marker => break,
            }
        }
        for index in first..self.formatting_len {
            let at = self.kept_len;
            let (Some(entry), Some(slot), Ok(link), Ok(open_at)) = (
                self.formatting.get_mut(index),
                self.kept.get_mut(at),
                u16::try_from(index),
                u16::try_from(at),
            ) else {
                break;
            };
            if entry.state != EntryState::Reopening {
                continue;
            }
            // Room is certain: the entries waiting count towards the depth already.
            entry.state = EntryState::Open;
            entry.open_at = open_at;
            *slot = Open {
                name: entry.name,
                kind: entry.kind,
                namespace: Namespace::Html,
                foreign_inside: false,
                entry: link,
            };
            self.kept_len += 1;
            self.reopening = self.reopening.saturating_sub(1);
        }
    }

    /// The last listed formatting element called `name` after the last marker.
    fn last_listed(&self, name: &str) -> Option<(usize, EntryState)> {
        for (index, entry) in self.listed().iter().enumerate().rev() {
            match entry.state {
                EntryState::Marker => return None,
                EntryState::Open | EntryState::Reopening
                    if entry.name.eq_ignore_ascii_case(name) =>
                {
                    return Some((index, entry.state));
                }
                _ => {}
            }
        }
        None
    }

    /// Closes the current element. Returns it, and whether its tags were kept.
    fn pop(&mut self) -> Option<(Open<'a>, bool)> {
        if let Some(open) = self.dropped.pop() {
            self.tally(open, false);
            return Some((open, false));
        }
        let index = self.kept_len.checked_sub(1)?;
        self.kept_len = index;
        let open = self.kept.get(index).copied()?;
        self.tally(open, false);
        let index = usize::from(open.entry);
        match self.listed().get(index).map(|entry| entry.state) {
            Some(EntryState::Open) => {
                if let Some(entry) = self.formatting.get_mut(index) {
                    entry.state = EntryState::Reopening;
                    self.reopening += 1;
                }
            }
            Some(EntryState::Marker) => {
                // Closing a cell or the like clears the formatting elements listed in it.
                for entry in self
                    .formatting
                    .get(index..self.formatting_len)
                    .unwrap_or_default()
                {
                    match entry.state {
                        EntryState::Reopening => self.reopening = self.reopening.saturating_sub(1),
                        EntryState::Gone => self.gone = self.gone.saturating_sub(1),
                        EntryState::Open | EntryState::Marker => {}
                    }
                }
                self.formatting_len = index;
            }
            _ => {}
        }
        Some((open, true))
    }

    /// Closes the element `distance` places down and all above it, as its own end tag
    /// does. Returns whether that element's tags were kept.
    fn close_through(&mut self, distance: usize) -> bool {
        let mut target = None;
        for _ in 0..=distance {
            match self.pop() {
                Some(popped) => target = Some(popped),
                None => break,
            }
        }
        let Some((open, kept)) = target else {
            return true;
        };
        // Closed by its own end tag, a formatting element is not reopened.
        self.forget(usize::from(open.entry));
        kept
    }

    fn pop_while(&mut self, close: impl Fn(&Open<'a>) -> bool) {
        while self.top().is_some_and(&close) {
            self.pop();
        }
    }

    /// How far down the nearest element that `is_target` accepts lies, looking no further
    /// than an element that `is_barrier` accepts or [`SCOPE_SEARCH_LIMIT`] places.
    fn find(
        &self,
        is_target: impl Fn(&Open<'a>) -> bool,
        is_barrier: impl Fn(&Open<'a>) -> bool,
    ) -> Option<usize> {
        for (distance, open) in self.iter_from_top().take(SCOPE_SEARCH_LIMIT).enumerate() {
            if is_target(open) {
                return Some(distance);
            }
            if is_barrier(open) {
                return None;
            }
        }
        None
    }

    /// The nearest table or table part, which decides html5ever's table modes.
    fn nearest_table_part(&self) -> Option<&Open<'a>> {
        self.iter_from_top()
            .take(SCOPE_SEARCH_LIMIT)
            .find(|open| !open.is_foreign() && open.kind & (TABLE_PART | TABLE_CONTEXT) != 0)
    }

    /// Whether html5ever takes table parts here: inside a table, but not in a template,
    /// whose contents it parses as a body once anything else comes.
    fn in_table(&self) -> bool {
        self.nearest_table_part()
            .is_some_and(|open| !open.is_html_named("template"))
    }

    /// How far down the nearest HTML element called `name` lies within the scope that
    /// elements of kind `barrier` bound.
    fn find_named(&self, name: &str, barrier: u32) -> Option<usize> {
        self.find(
            |open| open.is_html_named(name),
            |open| open.kind & barrier != 0,
        )
    }

    /// html5ever's adoption agency for the formatting element `name`, as far as it
    /// changes the depth: run for its end tag, and for a new `<a>` or `<nobr>` when one
    /// is listed. Returns false when it closed an element whose start tag was dropped.
    fn adoption_agency(&mut self, name: &str, end_tag: bool) -> bool {
        // Past the limit html5ever sees none of this, so an end tag just closes its element.
        if end_tag {
            let dropped = self.dropped.iter().rev().take(SCOPE_SEARCH_LIMIT);
            for (distance, open) in dropped.enumerate() {
                if open.is_html_named(name) {
                    return self.close_through(distance);
                }
                if open.kind & SPECIAL != 0 {
                    break;
                }
            }
        }
        let listed = self.last_listed(name);
        if (end_tag || listed.is_some())
            && self.top().is_some_and(|top| {
                top.is_html_named(name) && self.listed().get(usize::from(top.entry)).is_none()
            })
        {
            // The current element, no longer listed, just closes.
            return self.close_through(0);
        }
        match listed {
            // Not open in html5ever: it is just unlisted.
            Some((index, EntryState::Reopening)) => self.forget(index),
            Some((index, _)) => {
                let link = u16::try_from(index).unwrap_or(NO_ENTRY);
                let (mut past_special, mut past_scope, mut found) = (false, false, None);
                for (distance, open) in self.iter_from_top().take(SCOPE_SEARCH_LIMIT).enumerate() {
                    if open.entry == link {
                        found = Some(distance);
                        break;
                    }
                    past_special |= open.kind & SPECIAL != 0;
                    past_scope |= open.kind & SCOPE != 0;
                }
                match found {
                    Some(distance) if !past_special => return self.close_through(distance),
                    // With a special element above it html5ever moves it under that one,
                    // which leaves the depth as it is. Out of scope, a new `<a>` takes it
                    // off the stack, wherever it is.
                    Some(_) if past_scope && !end_tag && name.eq_ignore_ascii_case("a") => {
                        self.unlist_in_place(index);
                    }
                    _ => {}
                }
            }
            // Not listed: an end tag then closes like any other.
            None if end_tag => {
                if let Some(distance) = self.find_named(name, SPECIAL) {
                    return self.close_through(distance);
                }
            }
            None => {}
        }
        true
    }

    /// Unlists entry `index`, whose element html5ever removes from the middle of the stack.
    /// The model keeps counting it, but as nothing that an end tag could close.
    fn unlist_in_place(&mut self, index: usize) {
        let open_at = self
            .listed()
            .get(index)
            .map(|entry| usize::from(entry.open_at));
        self.forget(index);
        if let Some(open) = open_at.and_then(|at| self.kept.get_mut(at)) {
            *open = NOTHING_OPEN;
        }
    }

    /// Keeps the count of open paragraphs up to date as `open` opens or closes.
    fn tally(&mut self, open: Open<'a>, opened: bool) {
        if open.is_html_named("p") {
            self.paragraphs = if opened {
                self.paragraphs.saturating_add(1)
            } else {
                self.paragraphs.saturating_sub(1)
            };
        }
    }
}

/// The rewritten text, built only once something has to change.
struct Output<'a> {
    html: &'a str,
    text: Option<String>,
    /// Input before this offset is already in `text`, or replaced.
    copied: usize,
}

impl<'a> Output<'a> {
    /// Writes `with` in place of the input from `start` to `end`.
    fn replace(&mut self, start: usize, end: usize, with: &[&str]) {
        let html = self.html;
        let text = self
            .text
            .get_or_insert_with(|| String::with_capacity(html.len()));
        text.push_str(html.get(self.copied..start).unwrap_or_default());
        for piece in with {
            text.push_str(piece);
        }
        self.copied = end;
    }

    /// The last byte of the output so far, with the input copied up to `upto`.
    fn last_byte_before(&self, upto: usize) -> Option<u8> {
        if self.copied < upto {
            self.html.as_bytes().get(upto - 1).copied()
        } else {
            self.text.as_ref()?.as_bytes().last().copied()
        }
    }

    fn finish(self) -> Cow<'a, str> {
        match self.text {
            None => Cow::Borrowed(self.html),
            Some(mut text) => {
                text.push_str(self.html.get(self.copied..).unwrap_or_default());
                Cow::Owned(text)
            }
        }
    }
}

/// A tag as html5ever's tokenizer reads it, from its `<`.
struct ScannedTag {
    name_end: usize,
    /// Just past the closing `>`; None when the input ends inside the tag.
    end: Option<usize>,
    self_closing: bool,
    /// Where the attributes within the limits end.
    keep_end: usize,
    /// Has more than [`MAX_ATTRIBUTES`] attributes or more than [`MAX_TAG_BYTES`] bytes.
    over_limit: bool,
    /// Has `color`, `face` or `size`, with which `<font>` leaves SVG and MathML.
    font_leaves_foreign: bool,
    /// Has `type="hidden"`, with which `<input>` leaves room for a frameset.
    hidden_input: bool,
}

/// What a tag's attributes tell the tree builder. html5ever keeps the first of
/// attributes with the same name.
#[derive(Clone, Copy, Default)]
struct AttributeHints {
    font_leaves_foreign: bool,
    hidden_input: bool,
    type_seen: bool,
}

impl AttributeHints {
    fn note(&mut self, name: &[u8], value: &[u8]) {
        let is = |expected: &str| name.eq_ignore_ascii_case(expected.as_bytes());
        if is("color") || is("face") || is("size") {
            self.font_leaves_foreign = true;
        } else if is("type") && !self.type_seen {
            self.type_seen = true;
            self.hidden_input = value.eq_ignore_ascii_case(b"hidden");
        }
    }
}

fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

/// The first offset from `from` whose byte `skip` rejects, or the end of `bytes`.
fn skip_while(bytes: &[u8], from: usize, skip: impl Fn(u8) -> bool) -> usize {
    match bytes.get(from..) {
        Some(rest) => {
            from + rest
                .iter()
                .position(|&byte| !skip(byte))
                .unwrap_or(rest.len())
        }
        None => from,
    }
}

fn find_byte(bytes: &[u8], from: usize, wanted: u8) -> Option<usize> {
    let offset = bytes.get(from..)?.iter().position(|&byte| byte == wanted)?;
    Some(from + offset)
}

fn find_bytes(bytes: &[u8], from: usize, wanted: &[u8]) -> Option<usize> {
    let offset = bytes
        .get(from..)?
        .windows(wanted.len())
        .position(|window| window == wanted)?;
    Some(from + offset)
}

/// Just past the next `>` from `from`, or the end of the input: where a bogus comment,
/// doctype or processing instruction ends.
fn after_gt(bytes: &[u8], from: usize) -> usize {
    find_byte(bytes, from, b'>').map_or(bytes.len(), |gt| gt + 1)
}

/// Reads the tag whose `<` is at `lt` and whose name starts at `name_start`, following the
/// tokenizer's states for attribute names and quoted and unquoted values.
fn scan_tag(html: &str, lt: usize, name_start: usize) -> ScannedTag {
    let bytes = html.as_bytes();
    let at = |offset: usize| bytes.get(offset).copied();
    let name_end = skip_while(bytes, name_start, |byte| {
        !is_space(byte) && byte != b'/' && byte != b'>'
    });
    let mut tag = ScannedTag {
        name_end,
        end: None,
        self_closing: false,
        keep_end: name_end,
        over_limit: false,
        font_leaves_foreign: false,
        hidden_input: false,
    };
    let mut hints_all = AttributeHints::default();
    let mut hints_kept = AttributeHints::default();
    let mut attributes = 0usize;
    let mut keeping = true;
    let mut i = name_end;
    loop {
        i = skip_while(bytes, i, is_space);
        match at(i) {
            None => break,
            Some(b'>') => {
                tag.end = Some(i + 1);
                break;
            }
            Some(b'/') => {
                if at(i + 1) == Some(b'>') {
                    tag.self_closing = true;
                    tag.end = Some(i + 2);
                    break;
                }
                i += 1;
                continue;
            }
            Some(_) => {}
        }
        // An attribute name runs to a space, `/`, `>` or `=`; a leading `=` belongs to it.
        let attribute_name = i;
        i = skip_while(bytes, i + 1, |byte| {
            !is_space(byte) && !matches!(byte, b'/' | b'>' | b'=')
        });
        let attribute_name = attribute_name..i;
        let mut attribute_end = i;
        let mut value = i..i;
        let after_name = skip_while(bytes, i, is_space);
        if at(after_name) == Some(b'=') {
            let value_start = skip_while(bytes, after_name + 1, is_space);
            i = value_start;
            match at(value_start) {
                // `name=` at the end of the input, or before `>`: no value.
                None | Some(b'>') => attribute_end = value_start,
                Some(quote @ (b'"' | b'\'')) => {
                    let close = find_byte(bytes, value_start + 1, quote);
                    value = value_start + 1..close.unwrap_or(bytes.len());
                    i = close.map_or(bytes.len(), |close| close + 1);
                    attribute_end = i;
                }
                Some(_) => {
                    i = skip_while(bytes, value_start, |byte| !is_space(byte) && byte != b'>');
                    value = value_start..i;
                    attribute_end = i;
                }
            }
        } else {
            i = after_name;
        }
        attributes += 1;
        let name = bytes.get(attribute_name).unwrap_or_default();
        let value = bytes.get(value).unwrap_or_default();
        hints_all.note(name, value);
        if keeping
            && attributes <= MAX_ATTRIBUTES
            && attribute_end - lt + CLOSE_RESERVE <= MAX_TAG_BYTES
        {
            tag.keep_end = attribute_end;
            hints_kept.note(name, value);
        } else {
            keeping = false;
        }
    }
    let length = tag.end.unwrap_or(bytes.len()) - lt;
    tag.over_limit = attributes > MAX_ATTRIBUTES || length > MAX_TAG_BYTES;
    // html5ever sees only the attributes that stay.
    let hints = if tag.over_limit {
        hints_kept
    } else {
        hints_all
    };
    tag.font_leaves_foreign = hints.font_leaves_foreign;
    tag.hidden_input = hints.hidden_input;
    tag
}

/// Where a comment whose text starts at `start` (after `<!--`) ends, as the tokenizer
/// reads it: at `-->` or `--!>`, or at once for `<!-->` and `<!--->`.
fn comment_end(bytes: &[u8], start: usize) -> usize {
    let rest = bytes.get(start..).unwrap_or_default();
    if rest.starts_with(b">") {
        return start + 1;
    }
    if rest.starts_with(b"->") {
        return start + 2;
    }
    let mut from = start;
    while let Some(dashes) = find_bytes(bytes, from, b"--") {
        match bytes.get(dashes + 2) {
            Some(b'>') => return dashes + 3,
            Some(b'!') if bytes.get(dashes + 3) == Some(&b'>') => return dashes + 4,
            _ => from = dashes + 1,
        }
    }
    bytes.len()
}

/// Whether `</name` followed by a space, `/`, `>` or the end of input starts at `lt`: the
/// only end tag that closes a raw-text element.
fn is_end_tag_at(bytes: &[u8], lt: usize, name: &[u8]) -> bool {
    let name_start = lt + 2;
    let name_end = name_start + name.len();
    bytes.get(lt..name_start) == Some(b"</")
        && bytes
            .get(name_start..name_end)
            .is_some_and(|found| found.eq_ignore_ascii_case(name))
        && bytes
            .get(name_end)
            .is_none_or(|&byte| is_space(byte) || byte == b'/' || byte == b'>')
}

/// Where the raw text of a `name` element that starts at `from` ends: at the `<` of its end
/// tag, or at the end of the input.
fn raw_text_end(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut from = from;
    while let Some(lt) = find_bytes(bytes, from, b"</") {
        if is_end_tag_at(bytes, lt, name) {
            return lt;
        }
        from = lt + 2;
    }
    bytes.len()
}

/// Where the text of a `<script>` that starts at `from` ends. Script text has escapes of
/// its own: after `<!--`, a `<script>` hides the next `</script>` until `-->`, and the end
/// must be found where html5ever finds it.
fn script_end(bytes: &[u8], from: usize) -> usize {
    #[derive(PartialEq)]
    enum State {
        Plain,
        Escaped,
        DoubleEscaped,
    }
    let script = b"script".as_slice();
    // A `<script` or `</script` that html5ever reads as a whole word, ending where it does.
    let word_end = |name_start: usize| -> Option<usize> {
        let name_end = name_start + script.len();
        let word = bytes.get(name_start..name_end)?;
        let next = bytes.get(name_end).copied()?;
        (word.eq_ignore_ascii_case(script) && (is_space(next) || next == b'/' || next == b'>'))
            .then_some(name_end + 1)
    };
    let mut state = State::Plain;
    let mut dashes = 0usize;
    let mut i = from;
    while let Some(&byte) = bytes.get(i) {
        match byte {
            b'<' => {
                dashes = 0;
                if state != State::DoubleEscaped && is_end_tag_at(bytes, i, script) {
                    return i;
                }
                match state {
                    State::Plain if bytes.get(i + 1..i + 4) == Some(b"!--") => {
                        state = State::Escaped;
                        dashes = 2;
                        i += 4;
                        continue;
                    }
                    State::Escaped => {
                        if let Some(end) = word_end(i + 1) {
                            state = State::DoubleEscaped;
                            i = end;
                            continue;
                        }
                    }
                    State::DoubleEscaped if bytes.get(i + 1) == Some(&b'/') => {
                        if let Some(end) = word_end(i + 2) {
                            state = State::Escaped;
                            i = end;
                            continue;
                        }
                    }
                    _ => {}
                }
            }
            b'-' => dashes += 1,
            b'>' => {
                if dashes >= 2 && state != State::Plain {
                    state = State::Plain;
                }
                dashes = 0;
            }
            _ => dashes = 0,
        }
        i += 1;
    }
    bytes.len()
}

struct Limiter<'a> {
    html: &'a str,
    open: OpenElements<'a>,
    out: Output<'a>,
    /// Hashes attributes for Noah's ark; seeded at random so that no page can aim for
    /// collisions.
    hasher: RandomState,
    /// Whether html5ever has started the body, after which a `<frameset>` only replaces
    /// it while `frameset_ok`.
    body_started: bool,
    /// html5ever's flag of that name: no text or tags yet that a frameset cannot replace.
    frameset_ok: bool,
    /// A `<head>` was opened, or can no longer be.
    head_seen: bool,
    /// A frameset replaced the body. html5ever then ignores everything but framesets.
    in_frameset: bool,
}

impl<'a> Limiter<'a> {
    fn run(&mut self) {
        let html = self.html;
        let bytes = html.as_bytes();
        let mut pos = 0;
        while let Some(lt) = find_byte(bytes, pos, b'<') {
            self.text(bytes.get(pos..lt).unwrap_or_default());
            let next = match bytes.get(lt + 1) {
                Some(b'!') => Some(self.markup_declaration(lt)),
                Some(b'?') => Some(after_gt(bytes, lt + 2)),
                Some(b'/') => match bytes.get(lt + 2) {
                    Some(byte) if byte.is_ascii_alphabetic() => self.end_tag(lt),
                    // `</>` is dropped and `</` before anything else starts a bogus comment.
                    Some(_) => Some(after_gt(bytes, lt + 2)),
                    None => None,
                },
                Some(byte) if byte.is_ascii_alphabetic() => self.start_tag(lt),
                // Anything else after `<` is text.
                _ => {
                    self.text(b"<");
                    Some(lt + 1)
                }
            };
            let Some(next) = next else { return };
            pos = next;
        }
    }

    /// Follows what the text between two tags does in html5ever.
    fn text(&mut self, text: &[u8]) {
        if text.is_empty() {
            return;
        }
        // Text reopens the formatting elements waiting for it, except in SVG and MathML,
        // and in a frameset, which ignores it.
        if !self.in_frameset && !self.open.top().is_some_and(|top| top.foreign_inside) {
            self.open.reconstruct();
        }
        if (self.frameset_ok || !self.body_started) && text.iter().any(|&byte| !is_space(byte)) {
            self.start_body();
            self.frameset_ok = false;
        }
    }

    /// Skips a comment, doctype or CDATA section, which are copied as they are.
    fn markup_declaration(&self, lt: usize) -> usize {
        let bytes = self.html.as_bytes();
        let rest = bytes.get(lt + 2..).unwrap_or_default();
        if rest.starts_with(b"--") {
            comment_end(bytes, lt + 4)
        } else if rest.starts_with(b"[CDATA[") && self.open.top().is_some_and(Open::is_foreign) {
            // Only SVG and MathML have CDATA sections; in HTML this is a bogus comment.
            find_bytes(bytes, lt + 9, b"]]>").map_or(bytes.len(), |end| end + 3)
        } else {
            after_gt(bytes, lt + 2)
        }
    }

    /// Handles the start tag at `lt`. Returns where scanning goes on, or None at the end.
    fn start_tag(&mut self, lt: usize) -> Option<usize> {
        let html = self.html;
        let tag = scan_tag(html, lt, lt + 1);
        let Some(end) = tag.end else {
            self.unterminated(lt, &tag);
            return None;
        };
        let name = html.get(lt + 1..tag.name_end).unwrap_or_default();
        let kind = classify(name);
        if let Some(next) = self.frameset_start_tag(lt, end, &tag, name) {
            return Some(next);
        }
        let parent = self.open.top().copied().unwrap_or(NOTHING_OPEN);
        let in_foreign = parent.foreign_inside;
        let leaves_foreign = in_foreign
            && (kind & LEAVES_FOREIGN != 0
                || (tag.font_leaves_foreign && name.eq_ignore_ascii_case("font")));
        if leaves_foreign {
            // html5ever closes the SVG or MathML around it and reads the tag as HTML.
            self.open.pop_while(|open| open.foreign_inside);
        }
        let element = Open {
            name,
            kind,
            namespace: Namespace::Html,
            foreign_inside: false,
            entry: NO_ENTRY,
        };
        let mut next = end;
        let mut kept = true;
        if !leaves_foreign && (in_foreign || kind & FOREIGN_ROOT != 0) {
            self.start_body();
            let svg = name.eq_ignore_ascii_case("svg");
            let namespace = if in_foreign && !(svg && parent.kind & ANNOTATION_XML != 0) {
                parent.namespace
            } else if svg {
                Namespace::Svg
            } else {
                Namespace::MathMl
            };
            if !in_foreign {
                self.open.reconstruct();
            }
            // Unlike in HTML, a self-closed SVG or MathML element is closed at once.
            if !tag.self_closing {
                let holds_html = match namespace {
                    Namespace::Svg => kind & SVG_INTEGRATION != 0,
                    _ => kind & MATH_INTEGRATION != 0,
                };
                kept = self.open.push(Open {
                    namespace,
                    foreign_inside: !holds_html,
                    ..element
                });
            }
        } else if !self.note_body_content(name, &tag) {
            // html5ever ignores it, or only adds its attributes to the element there is.
        } else if kind & TABLE_PART != 0 && !self.open.in_table() {
            // Outside a table html5ever ignores table parts.
        } else if self.close_implied_by(name, kind) {
            if kind & NO_RECONSTRUCT == 0 {
                self.open.reconstruct();
            }
            // HTML ignores the self-closing slash: `<div/>` opens a div like `<div>`.
            let bytes = html.as_bytes();
            if kind & VOID != 0 {
                // Nothing opens.
            } else if kind & PLAINTEXT != 0 {
                next = bytes.len();
            } else if kind & RAW_TEXT != 0 {
                // Kept even past the depth limit: its text would otherwise be read as markup.
                next = if name.eq_ignore_ascii_case("script") {
                    script_end(bytes, end)
                } else {
                    raw_text_end(bytes, end, name.as_bytes())
                };
            } else if kind & FORMATTING != 0 {
                let attributes = html.get(tag.name_end..tag.keep_end).unwrap_or_default();
                let attributes = self.hasher.hash_one(attributes.trim_ascii());
                // Not even listed: too many are already.
                kept = self
                    .open
                    .push_formatting(element, attributes)
                    .unwrap_or(false);
            } else {
                kept = self.open.push(element);
            }
        }
        self.emit(lt, end, &tag, kept);
        Some(next)
    }

    /// Handles the start tag `name` once a frameset has replaced the body, after which
    /// html5ever ignores everything but framesets. Returns where scanning goes on then.
    fn frameset_start_tag(
        &mut self,
        lt: usize,
        end: usize,
        tag: &ScannedTag,
        name: &'a str,
    ) -> Option<usize> {
        if !self.in_frameset {
            return None;
        }
        let mut next = end;
        let mut kept = true;
        if name.eq_ignore_ascii_case("frameset")
            && self
                .open
                .top()
                .is_some_and(|top| top.is_html_named("frameset"))
        {
            kept = self.open.push(Open {
                name,
                kind: classify(name),
                ..NOTHING_OPEN
            });
        } else if name.eq_ignore_ascii_case("noframes") {
            next = raw_text_end(self.html.as_bytes(), end, name.as_bytes());
        }
        self.emit(lt, end, tag, kept);
        Some(next)
    }

    /// Follows what the HTML start tag `name` does to html5ever's `<html>`, `<head>` and
    /// `<body>`, and its choice of a body or a frameset. Returns false for the tags that
    /// html5ever ignores here: another `<html>`, `<head>` or `<body>` (it only adds their
    /// attributes), or a `<frameset>` after content.
    fn note_body_content(&mut self, name: &str, tag: &ScannedTag) -> bool {
        // What html5ever puts in the head, even once the body has started.
        const HEAD: &[&str] = &[
            "base", "basefont", "bgsound", "link", "meta", "noframes", "noscript", "script",
            "style", "template", "title",
        ];
        // The tags after which html5ever no longer lets a frameset replace the body.
        const CONTENT: &[&str] = &[
            "template", "body", "pre", "listing", "li", "dd", "dt", "button", "applet", "marquee",
            "object", "table", "area", "br", "embed", "img", "image", "keygen", "wbr", "hr",
            "textarea", "xmp", "iframe", "select",
        ];
        let is = |other: &str| name.eq_ignore_ascii_case(other);
        if self.body_started && !self.frameset_ok {
            // Settled: only repeated `<html>`, `<head>`, `<body>` and late framesets go.
            return !(is("html") || is("head") || is("body") || is("frameset"));
        }
        if is("html") {
            return false;
        }
        if is("head") {
            let opens = !self.head_seen && !self.body_started;
            self.head_seen = true;
            return opens;
        }
        if is("frameset") {
            if self.body_started && !self.frameset_ok {
                return false;
            }
            self.in_frameset = true;
            return true;
        }
        if CONTENT.iter().any(|content| is(content)) || (is("input") && !tag.hidden_input) {
            self.frameset_ok = false;
        }
        let started = self.body_started;
        if !HEAD.iter().any(|head| is(head)) {
            self.start_body();
        }
        !(started && is("body"))
    }

    /// html5ever starts the body, closing the head if it is still open.
    fn start_body(&mut self) {
        if self.body_started {
            return;
        }
        self.body_started = true;
        self.head_seen = true;
        if self.open.top().is_some_and(|top| top.is_html_named("head")) {
            self.open.pop();
        }
    }

    /// Handles the end tag at `lt`. Returns where scanning goes on, or None at the end.
    fn end_tag(&mut self, lt: usize) -> Option<usize> {
        let html = self.html;
        let tag = scan_tag(html, lt, lt + 2);
        let Some(end) = tag.end else {
            self.unterminated(lt, &tag);
            return None;
        };
        let name = html.get(lt + 2..tag.name_end).unwrap_or_default();
        if ["body", "html", "br"]
            .iter()
            .any(|other| name.eq_ignore_ascii_case(other))
        {
            // These start the body if nothing has yet; `</br>` is read as `<br>`.
            self.start_body();
            self.frameset_ok &= !name.eq_ignore_ascii_case("br");
        }
        let kept = if self.in_frameset {
            // Only `</frameset>` counts there, closing the current frameset.
            let closes = name.eq_ignore_ascii_case("frameset")
                && self.open.top().is_some_and(|top| top.is_html_named(name));
            !closes || self.open.close_through(0)
        } else {
            self.close_element(name, classify(name))
        };
        self.emit(lt, end, &tag, kept);
        Some(end)
    }

    /// Closes what html5ever closes before opening an HTML element `name`, where that is
    /// clear. Returns false when html5ever then does not open it at all.
    fn close_implied_by(&mut self, name: &str, kind: u32) -> bool {
        let open = &mut self.open;
        let is = |other: &str| name.eq_ignore_ascii_case(other);
        if is("li") || is("dd") || is("dt") {
            // A new item closes the open one, unless a block other than `<div>` or `<p>`
            // intervenes.
            let closes = |open: &Open<'_>| {
                if is("li") {
                    open.is_html_named("li")
                } else {
                    open.is_html_named("dd") || open.is_html_named("dt")
                }
            };
            let stops = |open: &Open<'_>| {
                open.kind & SPECIAL != 0
                    && !["address", "div", "p"]
                        .iter()
                        .any(|name| open.name.eq_ignore_ascii_case(name))
            };
            if let Some(distance) = open.find(closes, stops) {
                open.close_through(distance);
            }
        }
        if kind & CLOSES_P != 0
            && open.paragraphs > 0
            && let Some(distance) = open.find_named("p", SCOPE | BUTTON)
        {
            open.close_through(distance);
        }
        if kind & HEADING != 0
            && open
                .top()
                .is_some_and(|top| !top.is_foreign() && top.kind & HEADING != 0)
        {
            open.pop();
        }
        if is("a") || is("nobr") {
            // A listed one is closed first, as if by its end tag.
            open.adoption_agency(name, false);
        } else if is("button") {
            if let Some(distance) = open.find_named("button", SCOPE) {
                open.close_through(distance);
            }
        } else if is("table") {
            // In a table but outside its cells and caption, a new table closes the open one.
            let in_cell = |open: &Open<'_>| {
                ["td", "th", "caption", "template"]
                    .iter()
                    .any(|name| open.is_html_named(name))
            };
            if open
                .nearest_table_part()
                .is_some_and(|nearest| !in_cell(nearest))
                && let Some(distance) = open.find_named("table", TABLE_SCOPE)
            {
                open.close_through(distance);
            }
        } else if is("select") {
            // A `<select>` inside one closes it instead of opening another, unless that
            // one's tag was dropped and html5ever never saw it.
            if let Some(distance) = open.find_named("select", SCOPE)
                && open.close_through(distance)
            {
                return false;
            }
        } else if is("option") || is("optgroup") {
            let keeps_optgroup = is("option");
            if open.find_named("select", SCOPE).is_some() {
                open.pop_while(|top| {
                    !top.is_foreign()
                        && top.kind & IMPLIED_END != 0
                        && !(keeps_optgroup && top.name.eq_ignore_ascii_case("optgroup"))
                });
            } else if open.top().is_some_and(|top| top.is_html_named("option")) {
                open.pop();
            }
        } else if is("input") {
            // An `<input>` closes an open `<select>`.
            if let Some(distance) = open.find_named("select", SCOPE) {
                open.close_through(distance);
            }
        } else if is("hr") || is("rb") || is("rtc") || is("rp") || is("rt") {
            // These close options in a `<select>`, and ruby annotations in a `<ruby>`.
            let scope = if is("hr") { "select" } else { "ruby" };
            let keeps_rtc = is("rp") || is("rt");
            if open.find_named(scope, SCOPE).is_some() {
                open.pop_while(|top| {
                    !top.is_foreign()
                        && top.kind & IMPLIED_END != 0
                        && !(keeps_rtc && top.name.eq_ignore_ascii_case("rtc"))
                });
            }
        } else if kind & TABLE_PART != 0 {
            // A table part first closes back to the row, section or table it goes in.
            let context = if is("td") || is("th") {
                ROW_CONTEXT
            } else if is("tr") {
                BODY_CONTEXT
            } else {
                TABLE_SCOPE
            };
            open.pop_while(|top| top.kind & context == 0);
        }
        true
    }

    /// Closes the element that the end tag `</name>` closes, if any. Returns false when the
    /// end tag belongs to an element whose start tag was dropped, so it goes too.
    fn close_element(&mut self, name: &str, kind: u32) -> bool {
        if self.open.top().is_some_and(Open::is_foreign) {
            if name.eq_ignore_ascii_case("p") || name.eq_ignore_ascii_case("br") {
                // These leave SVG and MathML, then close as in HTML.
                self.open.pop_while(|open| open.foreign_inside);
            } else {
                // In SVG and MathML an end tag closes its element across any other of
                // theirs, and is read as HTML once the search reaches an HTML element.
                let found = self
                    .open
                    .iter_from_top()
                    .take(SCOPE_SEARCH_LIMIT)
                    .enumerate()
                    .find_map(|(distance, open)| {
                        if distance > 0 && !open.is_foreign() {
                            Some(None)
                        } else {
                            open.name
                                .eq_ignore_ascii_case(name)
                                .then_some(Some(distance))
                        }
                    });
                match found {
                    Some(Some(distance)) => return self.open.close_through(distance),
                    Some(None) => {}
                    // Nothing to close: html5ever ignores it.
                    None => return true,
                }
            }
        }
        self.close_html_element(name, kind)
    }

    /// The in-body rules for an end tag, each bounded by the scope html5ever checks.
    fn close_html_element(&mut self, name: &str, kind: u32) -> bool {
        let open = &mut self.open;
        let is = |other: &str| name.eq_ignore_ascii_case(other);
        let found = if kind & NEVER_END != 0 {
            None
        } else if kind & FORMATTING != 0 {
            return open.adoption_agency(name, true);
        } else if is("br") {
            // `</br>` is read as `<br>`, which reopens formatting elements.
            open.reconstruct();
            None
        } else if kind & TOP_ONLY_END != 0 {
            open.top().filter(|top| top.is_html_named(name)).map(|_| 0)
        } else if is("p") {
            open.find_named(name, SCOPE | BUTTON)
        } else if is("li") {
            open.find_named(name, SCOPE | LIST)
        } else if kind & HEADING != 0 {
            // Any heading closes whichever heading is open.
            open.find(
                |open| !open.is_foreign() && open.kind & HEADING != 0,
                |open| open.kind & SCOPE != 0,
            )
        } else if kind & TABLE_END != 0 {
            open.find_named(name, TABLE_SCOPE)
        } else if is("template") {
            open.find_named(name, 0)
        } else if kind & BLOCK_END != 0 {
            open.find_named(name, SCOPE)
        } else {
            // Any other end tag stops at a special element.
            open.find_named(name, SPECIAL)
        };
        match found {
            Some(distance) => open.close_through(distance),
            // Unmatched: html5ever ignores it, or closes what the model keeps counting.
            None => true,
        }
    }

    /// Writes the tag from `lt` to `end`: dropped, cut to the limits, or as it is.
    fn emit(&mut self, lt: usize, end: usize, tag: &ScannedTag, kept: bool) {
        if !kept {
            // Removing the tag must not join a `<` before it to the text after it into a
            // new tag, so a space stands in then.
            let filler = if self.out.last_byte_before(lt) == Some(b'<') {
                " "
            } else {
                ""
            };
            self.out.replace(lt, end, &[filler]);
        } else if tag.over_limit {
            let start = self.html.get(lt..tag.keep_end).unwrap_or_default();
            let close = if tag.self_closing { " />" } else { ">" };
            self.out.replace(lt, end, &[start, close]);
        }
    }

    /// Handles a tag that the input ends inside. html5ever drops such a tag, so it is
    /// copied as it is unless it is over the limits, which the parser would still pay for
    /// as it reads it; then only the part within them is kept.
    fn unterminated(&mut self, lt: usize, tag: &ScannedTag) {
        if tag.over_limit {
            let start = self.html.get(lt..tag.keep_end).unwrap_or_default();
            self.out.replace(lt, self.html.len(), &[start]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    /// How many elements called `name` are open at most at once, counting the tags in
    /// `html` naively (raw text, comments and quotes aside, which these tests avoid).
    fn max_open(html: &str, name: &str) -> usize {
        let start = format!("<{name}");
        let end = format!("</{name}");
        let bounded = |rest: &str| rest.starts_with(['>', ' ', '/']);
        let (mut depth, mut max) = (0usize, 0usize);
        for (at, _) in html.match_indices('<') {
            let rest = &html[at..];
            if rest.starts_with(&end) && bounded(&rest[end.len()..]) {
                depth = depth.saturating_sub(1);
            } else if rest.starts_with(&start) && bounded(&rest[start.len()..]) {
                depth += 1;
                max = max.max(depth);
            }
        }
        max
    }

    fn assert_borrowed_unchanged(html: &str) {
        match limit_markup(html) {
            Cow::Borrowed(out) => assert_eq!(out, html),
            Cow::Owned(out) => {
                let at = html
                    .bytes()
                    .zip(out.bytes())
                    .position(|(a, b)| a != b)
                    .unwrap_or(out.len());
                let start = html.floor_char_boundary(at.saturating_sub(80));
                let end = html.ceil_char_boundary((at + 80).min(html.len()));
                panic!("rewrote at byte {at}: {:?}", &html[start..end]);
            }
        }
    }

    /// A long page in the styles real ones come in: a CMS's tidy markup, sloppy hand-made
    /// markup that leaves `<p>`, `<li>` and `<td>` open, XHTML anchors written `<a id/>`,
    /// inline SVG icons and markup inside scripts and comments.
    fn ordinary_page() -> String {
        let mut page = String::from(
            "<!DOCTYPE html>\n<html lang=\"es\"><head><meta charset=\"utf-8\">\
             <title>Perú: <b>noticias</b></title>\
             <link rel=stylesheet href=\"/s.css\"><style>div > p { margin: 0 }</style>\
             <script>var tpl = \"<div><div><p>\"; if (a < b && c > d) { x(); }\
             document.write('<!--<script>x</script>-->');</script>\
             <!--[if lt IE 9]><script src=\"html5.js\"></script><![endif]-->\
             <noscript><img src=\"pixel.gif\"></noscript></head>\n<body class=\"article\">\
             <header><nav><ul>",
        );
        for i in 0..50 {
            page.push_str(&format!(
                "<li><a href=\"/s/{i}?a=1&amp;b=2\">Sección {i}</a>"
            ));
        }
        page.push_str("</ul></nav></header><main><article><h1>東京 and Lima</h1>");
        for i in 0..400 {
            page.push_str(&format!(
                "<p>Paragraph {i} with <b>bold</b>, <i>italics</i><br/> and a \
                 <a href='/x' title=\"a > b\">link</a>.<a id=\"p{i}\"/> \
                 <span class=\"page\" id=\"pg{i}\"/>More text é.\n"
            ));
        }
        page.push_str("<div class=\"box\"><p>Unclosed in a box</div>");
        for i in 0..300 {
            // No text between these: html5ever would reopen each `<b>` there, nesting deeper.
            page.push_str(&format!("<div class=c{i}><p>Box {i} <b>bold</div>"));
        }
        page.push_str("<dl>");
        for i in 0..300 {
            page.push_str(&format!("<dt>Term {i}<dd>Definition {i}"));
        }
        page.push_str("</dl><table class=\"data\">");
        for i in 0..300 {
            page.push_str(&format!(
                "<tr><td><font face=arial>{i}<td align=right>{i}.5<th>x"
            ));
        }
        page.push_str("</table><form action=\"/f\"><select name=s>");
        for i in 0..300 {
            page.push_str(&format!("<option value={i}>Option {i}"));
        }
        page.push_str("</select><textarea><div><div></textarea><input type=submit></form>");
        for i in 0..200 {
            page.push_str(&format!(
                "<svg viewBox=\"0 0 24 24\" class=\"icon\"><title>Icon {i}</title>\
                 <g fill=\"none\"><path d=\"M0 0h24v24H0z\"/><circle cx=\"12\" cy=\"12\" \
                 r=\"3\"/></g><![CDATA[ <div> ]]></svg>"
            ));
        }
        page.push_str("<math><mi>x</mi><mo>=</mo><mn>2</mn></math>");
        for i in 0..300 {
            page.push_str(&format!(
                "<!-- <div><div> unbalanced {i} --><?php echo 1 ?>"
            ));
        }
        page.push_str(
            "<template><tr><td>row</td></tr></template><pre>  code\n</pre>\
             <ul><li>a<ul><li>b</ul><li>c</ul><h2>Sub<h3>heading</h3>\
             </article></main><footer><p>© 2024</footer></body></html>\n",
        );
        page
    }

    #[test]
    fn ordinary_page_is_borrowed_unchanged() {
        assert_borrowed_unchanged(&ordinary_page());
        assert_borrowed_unchanged("");
        assert_borrowed_unchanged("plain text, no markup at all: 1 < 2 > 0");
    }

    #[test]
    fn deep_nesting_is_flattened_keeping_the_text() {
        let depth = 100_000;
        let mut html = String::new();
        for i in 0..depth {
            html.push_str(&format!("<div>t{i} "));
        }
        html.push_str(&"</div>".repeat(depth));
        let started = Instant::now();
        let out = limit_markup(&html);
        let took = started.elapsed();
        eprintln!("100,000 nested divs ({} bytes): {took:?}", html.len());
        assert!(took < Duration::from_secs(1), "took {took:?}");
        assert_eq!(max_open(&out, "div"), MAX_DEPTH);
        assert_eq!(out.matches("<div>").count(), out.matches("</div>").count());
        let text = out.replace("<div>", "").replace("</div>", "");
        let expected: String = (0..depth).map(|i| format!("t{i} ")).collect();
        assert_eq!(text, expected);
        // The result is within the limits.
        assert!(matches!(limit_markup(&out), Cow::Borrowed(_)));
    }

    #[test]
    fn nesting_up_to_the_limit_is_kept() {
        let at_limit = format!(
            "{}x{}",
            "<div>".repeat(MAX_DEPTH),
            "</div>".repeat(MAX_DEPTH)
        );
        assert_borrowed_unchanged(&at_limit);
        let over = format!("<span>{at_limit}");
        let kept = MAX_DEPTH - 1;
        let expected = format!("<span>{}x{}", "<div>".repeat(kept), "</div>".repeat(kept));
        assert_eq!(limit_markup(&over), expected);
    }

    #[test]
    fn self_closed_html_elements_still_nest() {
        // html5ever ignores the slash on HTML elements, so these nest as deeply as `<div>`s.
        let html = "<div/>x".repeat(100_000);
        let out = limit_markup(&html);
        assert_eq!(out.matches("<div/>").count(), MAX_DEPTH);
        assert_eq!(out.matches('x').count(), 100_000);
    }

    #[test]
    fn self_closed_svg_elements_do_not_nest() {
        let html = format!(
            "<div><svg>{}</svg>{}</div>",
            "<path d=\"M0 0\"/>".repeat(100_000),
            "<p>after</p>".repeat(1000)
        );
        assert_borrowed_unchanged(&html);
    }

    #[test]
    fn end_tags_that_html5ever_ignores_do_not_reset_the_depth() {
        // `</body>` closes nothing, and `</span>` does not close across a `<div>`.
        for html in [
            format!("{}</body>", "<div>".repeat(200)).repeat(50),
            "<span><div></span>".repeat(50_000),
            "<form><div></form>".repeat(50_000),
            "<h2><div><h3></h2>".repeat(50_000),
        ] {
            let out = limit_markup(&html);
            assert!(out.matches("<div>").count() <= MAX_DEPTH, "{}", &html[..40]);
        }
    }

    #[test]
    fn formatting_elements_left_open_are_capped() {
        // html5ever reopens every one of these in each later paragraph.
        let html: String = (0..5000).map(|i| format!("<p><b id={i}>x</p>")).collect();
        let out = limit_markup(&html);
        assert_eq!(out.matches("<b ").count(), MAX_FORMATTING);
        assert_eq!(out.matches('x').count(), 5000);
        // Alike ones are kept: html5ever reopens three at most.
        assert_borrowed_unchanged(&"<p><b>x</p>".repeat(5000));
    }

    #[test]
    fn reopened_formatting_elements_count_as_open() {
        // Each of these leaves html5ever one element deeper, through elements it reopens.
        for html in [
            "<b><a>".repeat(50_000),
            "<span><b></span>x".repeat(50_000),
            "<div><p>Box <b>bold</div>\n".repeat(50_000),
        ] {
            let out = limit_markup(&html);
            assert!(out.matches("<b>").count() <= MAX_DEPTH, "{}", &html[..30]);
        }
    }

    #[test]
    fn tables_and_framesets_nest_as_html5ever_nests_them() {
        // A table right inside a table closes it; one in a cell or caption nests.
        assert_borrowed_unchanged(&"<table><table></table>".repeat(1000));
        for html in [
            "<table><td>".repeat(1000),
            "<table><caption>".repeat(1000),
            "<frameset>".repeat(1000),
            // `<h1>` still lets a frameset replace the body.
            format!("<h1>{}", "<frameset>".repeat(1000)),
            // After text it does not, and the divs nest.
            format!("x<frameset>{}", "<div>".repeat(1000)),
        ] {
            let out = limit_markup(&html);
            let opened = out.matches('<').count() - out.matches("</").count();
            assert!(opened <= MAX_DEPTH + 2, "{}: {opened}", &html[..20]);
        }
    }

    #[test]
    fn svg_and_mathml_are_parsed_as_foreign_content() {
        // Their `<style>` holds markup, not raw text, whose `<div>`s nest in HTML; and
        // `<annotation-xml>` holds no HTML, as scraper never tells html5ever it could.
        for html in [
            format!("<svg><style>{}", "<div>".repeat(1000)),
            format!(
                "<math><annotation-xml encoding=text/html><style>{}",
                "<div>".repeat(1000)
            ),
        ] {
            let out = limit_markup(&html);
            assert_eq!(out.matches("<div>").count(), MAX_DEPTH, "{}", &html[..30]);
        }
        // Self-closed SVG elements do not nest, but HTML ones do, in an SVG `<desc>` too.
        assert_borrowed_unchanged(&format!("<svg>{}", "<g/>".repeat(1000)));
        let html = format!("<svg><desc>{}", "<g/>".repeat(1000));
        assert_eq!(limit_markup(&html).matches("<g/>").count(), MAX_DEPTH - 2);
    }

    #[test]
    fn a_dropped_tag_does_not_join_text_into_a_tag() {
        let html = "<<div>div>".repeat(1000);
        let out = limit_markup(&html);
        assert!(out.matches("<div>").count() <= MAX_DEPTH + 1);
        assert_eq!(out.matches("div>").count(), 2 * 1000 - (1000 - MAX_DEPTH));
    }

    #[test]
    fn many_attributes_are_cut_to_the_limit() {
        let mut html = String::from("<p>before</p><div id=\"x\"");
        for i in 0..300_000 {
            html.push_str(&format!(" a{i}"));
        }
        html.push_str(">inside é</div><p>after</p>");
        let started = Instant::now();
        let out = limit_markup(&html);
        let took = started.elapsed();
        eprintln!("300,000 attributes ({} bytes): {took:?}", html.len());
        assert!(took < Duration::from_secs(1), "took {took:?}");
        let kept: String = (0..MAX_ATTRIBUTES - 1).map(|i| format!(" a{i}")).collect();
        assert_eq!(
            out,
            format!("<p>before</p><div id=\"x\"{kept}>inside é</div><p>after</p>")
        );
    }

    #[test]
    fn a_long_tag_is_cut_between_attributes() {
        let long = "é".repeat(MAX_TAG_BYTES);
        let html = format!("<img alt=\"x\" src=\"{long}\" class=\"y\"/>after");
        assert_eq!(limit_markup(&html), "<img alt=\"x\" />after");
        let html = format!("<a href=\"/\" title='{long}'>link</a>");
        assert_eq!(limit_markup(&html), "<a href=\"/\">link</a>");
        // A tag of exactly the limit stays whole.
        let fill = "v".repeat(MAX_TAG_BYTES - "<a t=\"\">".len());
        assert_borrowed_unchanged(&format!("<a t=\"{fill}\">x</a>"));
    }

    #[test]
    fn raw_text_is_not_scanned_for_tags() {
        let deep = "<div>".repeat(MAX_DEPTH + 10);
        let script = "<script>var s = \"<div><div>\"; // <!-- <script></script> -->\n\
                      if (a<b) {}</script>";
        let html = format!("{deep}{script}<style>a<b>{{}}</style><title><i></title>");
        let out = limit_markup(&html);
        assert!(out.ends_with(&format!(
            "{script}<style>a<b>{{}}</style><title><i></title>"
        )));
        let before_script = out.split("<script>").next().unwrap_or_default();
        assert_eq!(max_open(before_script, "div"), MAX_DEPTH);
        // A script's `<!--<script>` hides its first `</script>` from html5ever, and here.
        let hidden = format!("<script><!--<script></script>{deep}</script>");
        assert_borrowed_unchanged(&hidden);
    }

    #[test]
    fn comments_and_declarations_are_copied_through() {
        let junk = "<div>".repeat(1000);
        for html in [
            format!("<!DOCTYPE html><?xml version=\"1.0\"?><!--{junk}-->"),
            format!("<svg><![CDATA[{junk}]]></svg>"),
            format!("<!---->{junk}").replace("<div>", "<!-- <div> -->"),
        ] {
            assert_borrowed_unchanged(&html);
        }
        // `<!-->` ends at once, so markup after it counts.
        let html = format!("<!-->{junk}-->");
        let out = limit_markup(&html);
        assert_eq!(max_open(&out, "div"), MAX_DEPTH);
    }

    #[test]
    fn quoted_greater_than_does_not_end_a_tag() {
        assert_borrowed_unchanged("<div title=\"a > b\" data-x='<p>'>text</div>");
        let deep = "<div>".repeat(MAX_DEPTH);
        let html = format!("{deep}<b title=\"x>y\" class='<i>'>bold</b>");
        let out = limit_markup(&html);
        assert!(out.ends_with(&format!("{deep}bold")));
    }

    #[test]
    fn multibyte_text_survives_rewriting() {
        let html = format!(
            "{}Perú 東京{}é<b x=é>ü</b>{}",
            "<span>Perú 東京".repeat(MAX_DEPTH + 5),
            "<i>é".repeat(5),
            "</span>".repeat(MAX_DEPTH + 5)
        );
        let out = limit_markup(&html);
        assert_eq!(max_open(&out, "span"), MAX_DEPTH);
        let strip = |s: &str| {
            let mut text = String::new();
            let mut in_tag = false;
            for c in s.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text
        };
        assert_eq!(strip(&out), strip(&html));
    }

    #[test]
    fn unterminated_input_is_copied_through() {
        for html in [
            "<div class=\"abc",
            "<p>text<div a='x",
            "<div",
            "</div",
            "text<",
            "text</",
            "<!-- open",
            "<script>if (a <",
            "<div a=b",
            "<div a=",
            "<svg><![CDATA[ x",
        ] {
            assert_borrowed_unchanged(html);
        }
        // Past the limits, html5ever would still read the tag, so it is trimmed.
        let attributes: String = (0..100).map(|i| format!(" a{i}")).collect();
        let html = format!("x<div{attributes}");
        let out = limit_markup(&html);
        let kept: String = (0..MAX_ATTRIBUTES).map(|i| format!(" a{i}")).collect();
        assert_eq!(out, format!("x<div{kept}"));
    }

    #[test]
    fn random_markup_never_panics_or_grows() {
        const ALPHABET: &[&str] = &[
            "<", ">", "/", "\"", "'", "=", "!", "-", "?", "[", "]", "a", "b", "d", "i", "p", "s",
            "v", " ", "é",
        ];
        const PIECES: &[&str] = &[
            "<div>",
            "</div>",
            "<p>",
            "</p>",
            "<b>",
            "</b>",
            "<a id=x/>",
            "<svg>",
            "</svg>",
            "<path/>",
            "<li>",
            "<table>",
            "<td>",
            "<tr>",
            "</table>",
            "<script>",
            "</script>",
            "<!--",
            "-->",
            "<![CDATA[",
            "]]>",
            "<font color=red>",
            "<desc>",
            "</body>",
            "<math>",
            "<mi>",
            "<select>",
            "<option>",
            "<frameset>",
            "<style>",
            "é",
            "x",
            "<",
        ];
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut random = |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % below as u64) as usize
        };
        for round in 0..4000 {
            let mut html = String::new();
            if round % 2 == 0 {
                // Too short to reach any limit: must come back untouched.
                while html.len() < 120 {
                    html.push_str(ALPHABET[random(ALPHABET.len())]);
                }
                assert_borrowed_unchanged(&html);
            } else {
                let pieces = random(2000);
                for _ in 0..pieces {
                    let set = if random(4) == 0 { ALPHABET } else { PIECES };
                    html.push_str(set[random(set.len())]);
                }
                let out = limit_markup(&html);
                assert!(out.len() <= html.len(), "grew: {html:?}");
            }
        }
    }
}
