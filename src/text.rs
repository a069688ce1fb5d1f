//! Tokens and sentences: the byte-range skeleton every extraction stage works on.

use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner apostrophes ("O'Brien") or dotted initials ("U.S.").
    Word,
    /// Digits, with inner separators ("1,000", "3.5").
    Number,
    /// Any other single character that is not white space.
    Punct,
}

/// Offsets are u32: a document has millions of tokens, and texts are at most 256 MB (see
/// `load::MAX_TEXT_BYTES`), so half the size of usize offsets keeps the largest structure
/// of an analysis at 12 bytes a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    pub kind: TokenKind,
    /// White space separates this token from the one before it.
    pub space_before: bool,
    /// A line break separates this token from the one before it.
    pub newline_before: bool,
}

impl Token {
    pub fn new(
        range: Range<usize>,
        kind: TokenKind,
        space_before: bool,
        newline_before: bool,
    ) -> Token {
        Token {
            start: offset(range.start),
            end: offset(range.end),
            kind,
            space_before,
            newline_before,
        }
    }

    /// Byte offset of the first byte.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset one past the last byte.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.range()]
    }

    pub fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }
}

/// An offset as stored in a token. Texts past 4 GiB never reach tokenizing (the loader
/// refuses them long before); saturating keeps even that case from wrapping around.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// Splits text into tokens. The possessive "'s" becomes its own tokens so that
/// "Peru's" yields the name "Peru".
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    let mut space_before = true;
    let mut newline_before = true;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            space_before = true;
            newline_before |= c == '\n';
            continue;
        }
        let mut end = start + c.len_utf8();
        let kind = if c.is_alphabetic() {
            while let Some(&(i, next)) = chars.peek() {
                if next.is_alphanumeric() {
                    end = i + next.len_utf8();
                    chars.next();
                } else if is_apostrophe(next) && continues_word(text, i + next.len_utf8()) {
                    // An apostrophe inside a word, but not the possessive 's.
                    let after = &text[i + next.len_utf8()..];
                    let possessive = after.starts_with(['s', 'S'])
                        && !after[1..].starts_with(|c: char| c.is_alphanumeric());
                    if possessive {
                        break;
                    }
                    chars.next();
                } else if next == '.' && is_initialism(text, start, i) {
                    end = i + 1;
                    chars.next();
                } else {
                    break;
                }
            }
            TokenKind::Word
        } else if c.is_ascii_digit() {
            while let Some(&(i, next)) = chars.peek() {
                let separator =
                    matches!(next, ',' | '.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                if next.is_ascii_digit() || separator {
                    end = i + next.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            TokenKind::Number
        } else {
            TokenKind::Punct
        };
        tokens.push(Token::new(start..end, kind, space_before, newline_before));
        space_before = false;
        newline_before = false;
    }
    // The guess above is generous for most text; give back what it did not use.
    tokens.shrink_to_fit();
    tokens
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn continues_word(text: &str, at: usize) -> bool {
    text[at..].starts_with(|c: char| c.is_alphabetic())
}

/// "U.S" followed by "." : single letters separated by dots.
fn is_initialism(text: &str, start: usize, dot: usize) -> bool {
    let word = &text[start..dot];
    let letters_between_dots = word.split('.').all(|part| part.chars().count() == 1);
    let next_is_letter_dot = {
        let rest = &text[dot + 1..];
        let mut it = rest.chars();
        matches!((it.next(), it.next()), (Some(a), Some('.')) if a.is_alphabetic())
    };
    letters_between_dots && (word.contains('.') || next_is_letter_dot)
}

/// A sentence: its byte span and the tokens it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub tokens: Range<usize>,
}

impl Sentence {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sr", "Jr", "Gen", "Col", "Lt", "Capt", "Sgt", "Adm",
    "Gov", "Sen", "Rep", "Rev", "Hon", "No", "Co", "Corp", "Inc", "Ltd", "vs", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mt", "Ft", "approx", "etc",
    "al", "e.g", "i.e",
];

/// The longest stretch of text treated as one sentence. Longer "sentences" (a list of
/// names without a full stop, a table flattened into one line) are cut into pieces, so
/// that every stage that works per sentence costs a bounded amount per piece: linear in
/// the text whatever its punctuation. Real sentences are far shorter.
pub const MAX_SENTENCE_BYTES: usize = 2000;

/// Groups tokens into sentences. A line break always ends a sentence (headlines and
/// captions have no full stop); ".", "!" and "?" end one unless they close an abbreviation.
/// A sentence that would pass [`MAX_SENTENCE_BYTES`] is cut after its last comma,
/// semicolon, colon or dash in its second half, else before the token that would pass.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut first = 0;
    // The latest token after which a too-long sentence may be cut.
    let mut soft_break = None;
    let mut push = |first: usize, last: usize| {
        sentences.push(Sentence {
            start: tokens[first].start(),
            end: tokens[last].end(),
            tokens: first..last + 1,
        })
    };
    for i in 0..tokens.len() {
        if i > first && tokens[i].end() - tokens[first].start() > MAX_SENTENCE_BYTES {
            let half = tokens[first].start() + MAX_SENTENCE_BYTES / 2;
            let cut = soft_break
                .filter(|&b: &usize| b >= first && tokens[b].end() >= half)
                .unwrap_or(i - 1);
            push(first, cut);
            first = cut + 1;
            soft_break = None;
        }
        if matches!(
            tokens[i].text(text),
            "," | ";" | ":" | "-" | "\u{2013}" | "\u{2014}"
        ) {
            soft_break = Some(i);
        }
        let next = tokens.get(i + 1);
        let ends = match next {
            None => true,
            Some(next) if next.newline_before => true,
            Some(next) => ends_sentence(text, tokens, i, next),
        };
        if ends {
            push(first, i);
            first = i + 1;
            soft_break = None;
        }
    }
    sentences
}

fn ends_sentence(text: &str, tokens: &[Token], i: usize, next: &Token) -> bool {
    let token = tokens[i];
    let t = token.text(text);
    // Closing quotes and brackets stay with the sentence they close.
    if matches!(
        next.text(text),
        "\"" | "\u{201d}" | "'" | "\u{2019}" | ")" | "]"
    ) && !next.space_before
    {
        return false;
    }
    let closes_punct = matches!(t, "\"" | "\u{201d}" | "\u{2019}" | ")" | "]")
        && i > 0
        && matches!(tokens[i - 1].text(text), "." | "!" | "?" | "\u{2026}");
    let is_stop = matches!(t, "." | "!" | "?" | "\u{2026}");
    let dotted_word_end = token.kind == TokenKind::Word && t.ends_with('.');
    if !(is_stop || closes_punct || dotted_word_end) || !next.space_before {
        return false;
    }
    if t == "." && i > 0 {
        let before = tokens[i - 1];
        let word = before.text(text);
        let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if before.end == token.start && (single_initial || ABBREVIATIONS.contains(&word)) {
            return false;
        }
    }
    next.text(text).chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || "\"\u{201c}'\u{2018}([".contains(c)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn possessives_and_hyphens_split_but_initialisms_hold() {
        assert_eq!(words("Peru's"), ["Peru", "'", "s"]);
        assert_eq!(words("China-Peru"), ["China", "-", "Peru"]);
        assert_eq!(words("the U.S. said"), ["the", "U.S.", "said"]);
        assert_eq!(words("O'Brien won't"), ["O'Brien", "won't"]);
        assert_eq!(words("US$11 billion"), ["US", "$", "11", "billion"]);
        assert_eq!(words("1,000.5 t"), ["1,000.5", "t"]);
    }

    #[test]
    fn tokens_know_what_separates_them() {
        let tokens = tokenize("a b-c\nd");
        let flags: Vec<_> = tokens
            .iter()
            .map(|t| (t.space_before, t.newline_before))
            .collect();
        assert_eq!(
            flags,
            [
                (true, true),
                (true, false),
                (false, false),
                (false, false),
                (true, true)
            ]
        );
    }

    #[test]
    fn sentences_end_at_stops_and_line_breaks_but_not_abbreviations() {
        let text =
            "Mr. Xi met Gen. Li in Lima. \"It was good,\" he said.\nHeadline here\nLast one!";
        let tokens = tokenize(text);
        let sentences: Vec<_> = split_sentences(text, &tokens)
            .iter()
            .map(|s| &text[s.range()])
            .collect();
        assert_eq!(
            sentences,
            [
                "Mr. Xi met Gen. Li in Lima.",
                "\"It was good,\" he said.",
                "Headline here",
                "Last one!"
            ]
        );
    }

    #[test]
    fn a_sentence_without_end_is_cut_into_bounded_pieces_at_commas() {
        let text = "Ana Lopez, Pedro Alves, ".repeat(2000);
        let tokens = tokenize(&text);
        let sentences = split_sentences(&text, &tokens);
        assert!(sentences.len() > 20, "{}", sentences.len());
        for pair in sentences.windows(2) {
            assert_eq!(pair[0].tokens.end, pair[1].tokens.start, "no token lost");
        }
        assert_eq!(sentences.last().map(|s| s.tokens.end), Some(tokens.len()));
        for sentence in &sentences {
            assert!(sentence.end - sentence.start <= MAX_SENTENCE_BYTES);
            let piece = &text[sentence.range()];
            assert!(
                piece.ends_with(',') || sentence.end == text.trim_end().len(),
                "{piece:?}"
            );
        }
        // One word too long to cut is a piece of its own.
        let word = "a".repeat(5000);
        let text = format!("x {word} y");
        let tokens = tokenize(&text);
        let pieces: Vec<_> = split_sentences(&text, &tokens)
            .iter()
            .map(|s| s.tokens.len())
            .collect();
        assert_eq!(pieces, [1, 1, 1]);
    }
}
