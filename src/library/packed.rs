//! Lists of numbers packed into blobs: each number as a LEB128 varint, ranges and ids as
//! differences from the one before. A mention costs three or four bytes this way instead
//! of a row of twenty, which is what keeps the library under three times its text.
//! Unpacking never panics: a damaged blob gives what could be read of it.

use std::ops::Range;

/// Appends `value` as a varint: 7 bits a byte, the high bit saying that more follow.
fn push(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// The varints of a blob, up to the first one cut short or too long.
fn numbers(bytes: &[u8]) -> impl Iterator<Item = u64> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *bytes.get(at)?;
            at += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    })
}

fn usize_of(value: u64) -> Option<usize> {
    usize::try_from(value).ok()
}

/// Sorted, non-overlapping ranges, each with a small tag (a mention's source).
pub fn pack_spans(spans: impl IntoIterator<Item = (Range<usize>, u8)>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut previous_end = 0;
    for (range, tag) in spans {
        push(&mut out, range.start.saturating_sub(previous_end) as u64);
        push(&mut out, range.len() as u64);
        push(&mut out, u64::from(tag));
        previous_end = range.end.max(previous_end);
    }
    out
}

pub fn unpack_spans(bytes: &[u8]) -> Vec<(Range<usize>, u8)> {
    let mut values = numbers(bytes);
    let mut out = Vec::new();
    let mut previous_end = 0usize;
    while let (Some(gap), Some(length), Some(tag)) = (values.next(), values.next(), values.next()) {
        let Some(start) = usize_of(gap).and_then(|g| previous_end.checked_add(g)) else {
            break;
        };
        let Some(end) = usize_of(length).and_then(|l| start.checked_add(l)) else {
            break;
        };
        out.push((start..end, u8::try_from(tag).unwrap_or(u8::MAX)));
        previous_end = end;
    }
    out
}

/// Sorted, non-overlapping ranges (sentences).
pub fn pack_ranges(ranges: impl IntoIterator<Item = Range<usize>>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut previous_end = 0;
    for range in ranges {
        push(&mut out, range.start.saturating_sub(previous_end) as u64);
        push(&mut out, range.len() as u64);
        previous_end = range.end.max(previous_end);
    }
    out
}

pub fn unpack_ranges(bytes: &[u8]) -> Vec<Range<usize>> {
    let mut values = numbers(bytes);
    let mut out = Vec::new();
    let mut previous_end = 0usize;
    while let (Some(gap), Some(length)) = (values.next(), values.next()) {
        let Some(start) = usize_of(gap).and_then(|g| previous_end.checked_add(g)) else {
            break;
        };
        let Some(end) = usize_of(length).and_then(|l| start.checked_add(l)) else {
            break;
        };
        out.push(start..end);
        previous_end = end;
    }
    out
}

/// (id, count) pairs, sorted by id here (ids are positive database ids or indices).
pub fn pack_counts(mut pairs: Vec<(i64, usize)>) -> Vec<u8> {
    pairs.sort_unstable();
    let mut out = Vec::new();
    let mut previous = 0i64;
    for (id, count) in pairs {
        push(&mut out, id.saturating_sub(previous).max(0) as u64);
        push(&mut out, count as u64);
        previous = id.max(previous);
    }
    out
}

pub fn unpack_counts(bytes: &[u8]) -> Vec<(i64, usize)> {
    let mut values = numbers(bytes);
    let mut out = Vec::new();
    let mut previous = 0i64;
    while let (Some(gap), Some(count)) = (values.next(), values.next()) {
        let Some(id) = i64::try_from(gap)
            .ok()
            .and_then(|g| previous.checked_add(g))
        else {
            break;
        };
        out.push((id, usize_of(count).unwrap_or(usize::MAX)));
        previous = id;
    }
    out
}

/// Distinct numbers, sorted here (fact indices).
pub fn pack_indices(mut indices: Vec<usize>) -> Vec<u8> {
    indices.sort_unstable();
    indices.dedup();
    let mut out = Vec::new();
    let mut previous = 0;
    for index in indices {
        push(&mut out, (index - previous) as u64);
        previous = index;
    }
    out
}

pub fn unpack_indices(bytes: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut previous = 0usize;
    for gap in numbers(bytes) {
        let Some(index) = usize_of(gap).and_then(|g| previous.checked_add(g)) else {
            break;
        };
        out.push(index);
        previous = index;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_round_trip_in_a_few_bytes_each() {
        let spans = vec![(0..10, 3), (17..30, 1), (300..302, 0), (70_000..70_500, 5)];
        let packed = pack_spans(spans.clone());
        assert!(
            packed.len() <= 3 * spans.len() + 4,
            "{} bytes",
            packed.len()
        );
        assert_eq!(unpack_spans(&packed), spans);

        let ranges = vec![0..40, 42..100, 102..5000];
        assert_eq!(unpack_ranges(&pack_ranges(ranges.clone())), ranges);

        let counts = vec![(900_000, 2), (5, 1), (77, 300)];
        let mut sorted = counts.clone();
        sorted.sort_unstable();
        assert_eq!(unpack_counts(&pack_counts(counts)), sorted);

        assert_eq!(
            unpack_indices(&pack_indices(vec![9, 2, 2, 400])),
            [2, 9, 400]
        );
        assert!(unpack_spans(&[]).is_empty());
    }

    #[test]
    fn a_damaged_blob_gives_what_can_be_read_and_never_panics() {
        let packed = pack_spans(vec![(5..9, 1), (20..25, 2)]);
        assert_eq!(unpack_spans(&packed[..packed.len() - 1]), [(5..9, 1)]);
        let endless = [0xffu8; 40];
        assert!(unpack_spans(&endless).is_empty());
        assert!(unpack_ranges(&endless).is_empty());
        assert!(unpack_counts(&endless).is_empty());
        assert!(unpack_indices(&endless).is_empty());
        // Numbers that would overflow an offset stop the list.
        let mut huge = Vec::new();
        push(&mut huge, u64::MAX);
        push(&mut huge, u64::MAX);
        push(&mut huge, 1);
        assert!(unpack_spans(&huge).is_empty());
        assert!(unpack_counts(&huge).is_empty());
    }
}
