//! BILOU tags over the three name kinds the model learns (PERSON, PLACE, ORG), and the
//! decoding of a tag sequence into spans.

use crate::entity::Label;

/// The kinds the statistical model tags; the others come from rules.
pub const KINDS: [Label; 3] = [Label::Person, Label::Place, Label::Org];
/// O, then B, I, L, U for each kind.
pub const TAG_COUNT: usize = 1 + 4 * KINDS.len();

/// A tag index: 0 is O; 1 + 4*kind + position, position 0..4 = B, I, L, U.
pub type Tag = usize;
pub const OUTSIDE: Tag = 0;

/// A tag as stored for a whole document, in one byte.
pub fn compact(tag: Tag) -> u8 {
    u8::try_from(tag).unwrap_or(OUTSIDE as u8)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    Begin,
    Inside,
    Last,
    Unit,
}

pub fn tag(kind: usize, position: Position) -> Tag {
    1 + 4 * kind + position as usize
}

/// The kind index and position of a tag, or None for O.
pub fn parts(tag: Tag) -> Option<(usize, Position)> {
    if tag == OUTSIDE || tag >= TAG_COUNT {
        return None;
    }
    let position = match (tag - 1) % 4 {
        0 => Position::Begin,
        1 => Position::Inside,
        2 => Position::Last,
        _ => Position::Unit,
    };
    Some(((tag - 1) / 4, position))
}

pub fn kind_index(label: Label) -> Option<usize> {
    KINDS.iter().position(|&k| k == label)
}

/// Can `next` follow `previous` in a well-formed BILOU sequence?
pub fn allowed(previous: Tag, next: Tag) -> bool {
    let open = matches!(
        parts(previous),
        Some((_, Position::Begin | Position::Inside))
    );
    match (parts(previous), parts(next)) {
        (Some((a, _)), Some((b, Position::Inside | Position::Last))) if open => a == b,
        (_, Some((_, Position::Inside | Position::Last))) => false,
        _ => !open,
    }
}

/// `allowed` for every pair, `[previous * TAG_COUNT + next]`, computed once.
pub fn allowed_table() -> &'static [bool; TAG_COUNT * TAG_COUNT] {
    static TABLE: std::sync::LazyLock<[bool; TAG_COUNT * TAG_COUNT]> =
        std::sync::LazyLock::new(|| std::array::from_fn(|i| allowed(i / TAG_COUNT, i % TAG_COUNT)));
    &TABLE
}

/// For each tag, the tags that may come before it: Viterbi looks at these alone (about
/// five of the thirteen).
pub fn predecessors() -> &'static [Vec<Tag>; TAG_COUNT] {
    static TABLE: std::sync::LazyLock<[Vec<Tag>; TAG_COUNT]> = std::sync::LazyLock::new(|| {
        std::array::from_fn(|next| {
            (0..TAG_COUNT)
                .filter(|&previous| allowed(previous, next))
                .collect()
        })
    });
    &TABLE
}

/// Can a sentence start / end with this tag?
pub fn can_start(tag: Tag) -> bool {
    !matches!(parts(tag), Some((_, Position::Inside | Position::Last)))
}

pub fn can_end(tag: Tag) -> bool {
    !matches!(parts(tag), Some((_, Position::Begin | Position::Inside)))
}

/// Tags for the tokens of spans given as (first token, last token inclusive, kind).
pub fn encode(token_count: usize, spans: &[(usize, usize, usize)]) -> Vec<Tag> {
    let mut tags = vec![OUTSIDE; token_count];
    for &(first, last, kind) in spans {
        if first == last {
            tags[first] = tag(kind, Position::Unit);
        } else {
            tags[first] = tag(kind, Position::Begin);
            for t in &mut tags[first + 1..last] {
                *t = tag(kind, Position::Inside);
            }
            tags[last] = tag(kind, Position::Last);
        }
    }
    tags
}

/// Spans (first token, last token inclusive, kind) from a tag sequence. Malformed runs are
/// repaired the forgiving way: a B or I without its L still ends a span at its last token.
pub fn decode(tags: &[Tag]) -> Vec<(usize, usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        match parts(t) {
            None => {
                if let Some((start, kind)) = open.take() {
                    spans.push((start, i - 1, kind));
                }
            }
            Some((kind, position)) => {
                let continues = matches!(open, Some((_, k)) if k == kind)
                    && matches!(position, Position::Inside | Position::Last);
                if !continues {
                    if let Some((start, k)) = open.take() {
                        spans.push((start, i - 1, k));
                    }
                    if matches!(position, Position::Unit | Position::Last) {
                        spans.push((i, i, kind));
                        continue;
                    }
                    open = Some((i, kind));
                    continue;
                }
                if position == Position::Last {
                    let (start, k) = open.take().expect("continues implies open");
                    spans.push((start, i, k));
                }
            }
        }
    }
    if let Some((start, kind)) = open {
        spans.push((start, tags.len() - 1, kind));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn encode_and_decode_round_trip() {
        let spans = vec![(0, 1, 0), (3, 3, 1), (5, 7, 2)];
        let tags = encode(9, &spans);
        assert_eq!(decode(&tags), spans);
        for pair in tags.windows(2) {
            assert!(allowed(pair[0], pair[1]));
        }
    }

    #[test]
    fn transitions_follow_bilou() {
        let b_per = tag(0, Position::Begin);
        let l_per = tag(0, Position::Last);
        let l_org = tag(2, Position::Last);
        assert!(allowed(b_per, l_per));
        assert!(!allowed(b_per, l_org));
        assert!(!allowed(OUTSIDE, l_per));
        assert!(!allowed(b_per, OUTSIDE));
        assert!(can_start(b_per) && !can_end(b_per));
    }

    proptest! {
        /// Whatever tags a model emits, decoding gives ordered, disjoint, in-bounds spans.
        #[test]
        fn decoding_any_sequence_gives_valid_spans(tags in proptest::collection::vec(0..TAG_COUNT, 0..40)) {
            let spans = decode(&tags);
            let mut next_free = 0;
            for &(first, last, kind) in &spans {
                prop_assert!(first >= next_free && first <= last && last < tags.len());
                prop_assert!(kind < KINDS.len());
                next_free = last + 1;
            }
        }
    }
}
