//! The words of numbers, shared by finding figures (`extract::figures`) and reading their
//! values (`facts::amounts`).

/// "zero" to "nineteen", by value.
pub const SMALL: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// The tens, by value / 10 ("twenty" is at 2).
pub const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The value of one small number word or ten ("seven", "forty").
pub fn word_value(word: &str) -> Option<u32> {
    SMALL
        .iter()
        .position(|w| *w == word)
        .or_else(|| {
            TENS.iter()
                .position(|w| !w.is_empty() && *w == word)
                .map(|t| t * 10)
        })
        .map(|v| v as u32)
}

/// A word that counts on its own: "five", "twenty", "hundred", "dozen" (not "zero").
pub fn is_number_word(word: &str) -> bool {
    word_value(word).is_some_and(|v| v > 0) || matches!(word, "hundred" | "thousand" | "dozen")
}

/// What a scale word multiplies by: "million" -> 1e6, "bn" -> 1e9.
pub fn scale(word: &str) -> Option<f64> {
    match word.to_lowercase().as_str() {
        "hundred" => Some(1e2),
        "thousand" | "k" => Some(1e3),
        "million" | "m" | "mn" => Some(1e6),
        "billion" | "bn" | "b" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words_have_their_values() {
        assert_eq!(word_value("seven"), Some(7));
        assert_eq!(word_value("forty"), Some(40));
        assert_eq!(word_value("fourty"), None);
        assert!(is_number_word("dozen") && !is_number_word("zero") && !is_number_word("half"));
        assert_eq!(scale("Billion"), Some(1e9));
    }
}
