//! What the words around a name say about its kind, for the document-level pass: a name
//! that takes "shares of", "'s chief executive", ", which makes" or ", the Danish shipping
//! group" is an organisation, one that takes "Mr", ", 52," or "she said" is a person.
//! Each occurrence is read on its own; `consistency` adds them up per name.

use regex::Regex;
use std::sync::LazyLock;

/// Nouns that say "an organisation" in an apposition or before a name.
const ORGANISATION_NOUNS: &str = "company|companies|group|firm|maker|manufacturer|airline|carrier|\
bank|lender|retailer|start-?up|insurer|developer|giant|operator|producer|supplier|platform|\
network|chain|brand|conglomerate|automaker|carmaker|chipmaker|miner|utility|broker|\
exchange|fund|agency|studio|publisher|broadcaster|newspaper|outlet|app|service|business|\
marketplace|subsidiary|unit|provider|distributor|shipper|railway|railroad|club|team|university|party";

/// Right after the name.
static ORGANISATION_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:'s|’s) (?:chief|ceo|cfo|shares|stock|board|chairman|chairwoman|founder|co-founder|executives?|revenues?|profits?|sales|products?|factory|factories|plants?|headquarters|share|market value|valuation|customers|employees|workers|staff|subsidiary|parent|investors)\b|^ (?:inc|ltd|corp|plc|llc|ag|gmbh|s\.a)\b|^ said in a statement\b|^ said its\b|^,? which (?:makes|sells|owns|operates|produces|builds|runs|employs|provides|offers)\b|^, (?:the|a|an) [\w\s-]{{0,40}}?\b(?:{ORGANISATION_NOUNS})\b|^ (?:shares|stock) (?:rose|fell|jumped|dropped|climbed|slid|gained|lost|surged|tumbled|plunged|soared)\b|^ (?:raised|raises) (?:\$|€|£|us\$)|^ (?:acquired|employs|posted (?:a )?(?:net )?(?:profit|loss)|reported (?:higher |lower |record |a )?(?:quarterly |annual )?(?:profits?|revenues?|sales|earnings|losses?))\b"
    ))
    .expect("the organisation-cue pattern is valid")
});

/// Right before the name.
static ORGANISATION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:\b(?:shares|stock|stake|stakes) (?:of|in)|\b(?:the|rival|its|their) (?:{ORGANISATION_NOUNS})|\b(?:rivals?|competitors?|customers of|investors in|subsidiary of|owner of|acquisition of|merger with|spokes(?:man|woman|person) for|chief executive of|ceo of|founder of|co-founder of|employees of|staff at|workers at)) $"
    ))
    .expect("the organisation-cue pattern is valid")
});

/// A person: an age in apposition, or a personal pronoun in the same clause after "said".
static PERSON_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^, \d{2},|^ said (?:he|she)\b|^ (?:told|said)[^.;]{0,40}\b(?:he|she|his|her)\b")
        .expect("the person-cue pattern is valid")
});

static PERSON_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:mr|mrs|ms|dr|sir|dame|lord|lady)\.? $")
        .expect("the person-cue pattern is valid")
});

/// What one occurrence's surroundings say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cues {
    pub organisation: u32,
    pub person: u32,
}

/// Reads the words around the name at `start..end`: a bounded window on each side, within
/// its paragraph.
pub fn around(text: &str, start: usize, end: usize) -> Cues {
    let after = window(text, end, end.saturating_add(80));
    let after = after
        .split("\n\n")
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let before = window(text, start.saturating_sub(40), start);
    let before = before
        .rsplit("\n\n")
        .next()
        .unwrap_or_default()
        .to_lowercase();
    Cues {
        organisation: u32::from(ORGANISATION_AFTER.is_match(&after))
            + u32::from(ORGANISATION_BEFORE.is_match(&before)),
        person: u32::from(PERSON_AFTER.is_match(&after))
            + u32::from(PERSON_BEFORE.is_match(&before)),
    }
}

/// `text[from..to]`, narrowed to character boundaries.
fn window(text: &str, from: usize, to: usize) -> &str {
    let mut to = to.min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let mut from = from.min(to);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..to]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(text: &str, name: &str) -> Cues {
        let start = text.find(name).unwrap();
        around(text, start, start + name.len())
    }

    #[test]
    fn business_contexts_say_organisation() {
        for (text, name) in [
            ("Shares of Vantrix fell.", "Vantrix"),
            ("Korvalo, the Danish shipping group, grew.", "Korvalo"),
            ("Brenthor's chief executive resigned.", "Brenthor"),
            ("Zelvik, which makes batteries, grew.", "Zelvik"),
            ("the airline Quindle will fly", "Quindle"),
            ("Maersk said in a statement that", "Maersk"),
            ("Stripe raised $6.5 billion", "Stripe"),
        ] {
            let found = cues(text, name);
            assert!(
                found.organisation > 0 && found.person == 0,
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn personal_contexts_say_person() {
        for (text, name) in [
            ("Okonjo, 52, joined the bank.", "Okonjo"),
            ("said Mr Okonjo yesterday", "Okonjo"),
            ("Okonjo told reporters she would stay.", "Okonjo"),
        ] {
            let found = cues(text, name);
            assert!(
                found.person > 0 && found.organisation == 0,
                "{text}: {found:?}"
            );
        }
        assert_eq!(cues("Okonjo arrived.", "Okonjo"), Cues::default());
    }
}
