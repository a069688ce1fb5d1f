//! Names (PERSON, PLACE, ORG, PROJECT) from capitalised word sequences and their context.
//!
//! A sentence is scanned for runs of capitalised words, which may hold connectors
//! ("Institute of ...", "Belt and Road ..."). Each run is split into candidate names and
//! each candidate is classified from its own words (organisation words, word lists) and
//! its context (a title before it, a role after it). Candidates the sentence cannot decide
//! are left for the document-level pass in `consistency`.

use crate::entity::{Label, Source};
use crate::lexicon::{Gazetteer, gazetteer};
use crate::text::{Sentence, Token, TokenKind};
use std::ops::Range;

/// A name found in a sentence, decided or not.
#[derive(Clone, Debug, PartialEq)]
pub struct NameCandidate {
    pub start: usize,
    pub end: usize,
    /// Token indices of the name's words.
    pub tokens: Range<usize>,
    pub label: Option<Label>,
    pub source: Source,
    pub score: f32,
    /// The name's first word starts a sentence, so its capital is weak evidence.
    pub sentence_initial: bool,
    /// The name is immediately followed by a lower-case infrastructure word
    /// ("Chancay port"): the name alone probably names a place.
    pub names_a_site: bool,
}

/// Words that join the parts of one name ("Bank of England", "Belt and Road Initiative").
/// The most tokens a name may have ("Ministry of Foreign Affairs and International
/// Cooperation" has 7). A longer run of capitalised words is a title-case line or junk (a
/// megabyte of capitalised words, "A. B. C. ..."), not one name; it is also where the
/// cost of looking at every split of a run would grow.
pub const MAX_NAME_TOKENS: usize = 16;

const CONNECTORS: &[&str] = &["of", "on", "for", "and", "&", "the"];
/// Particles inside personal and place names ("Ursula von der Leyen", "Lula da Silva").
const NAME_PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "da", "do", "dos", "das", "di", "du", "van", "von", "bin",
    "bint", "ibn", "al", "el", "la", "le", "y",
];
/// Words that end the names of geographic features.
const GEO_WORDS: &[&str] = &[
    "Sea",
    "Ocean",
    "River",
    "Lake",
    "Mountains",
    "Mountain",
    "Mount",
    "Hills",
    "Island",
    "Islands",
    "Bay",
    "Gulf",
    "Strait",
    "Straits",
    "Valley",
    "Desert",
    "Peninsula",
    "Coast",
    "Province",
    "County",
    "District",
    "Region",
    "Basin",
    "Highlands",
    "Plateau",
    "Pacific",
    "Atlantic",
    "Delta",
    "Plain",
    "Plains",
    "Forest",
    "Park",
    "Square",
    "Street",
    "Avenue",
    "Road",
    "Heights",
    "Reef",
    "Falls",
    "Archipelago",
    "Canyon",
    "Glacier",
    "Corridor",
];
/// Lower-case nouns after a name that make it a named site or work ("Chancay port").
const INFRASTRUCTURE_WORDS: &[&str] = &[
    "port",
    "railway",
    "railroad",
    "rail",
    "dam",
    "mine",
    "bridge",
    "pipeline",
    "canal",
    "corridor",
    "highway",
    "expressway",
    "motorway",
    "tunnel",
    "airport",
    "terminal",
    "refinery",
    "reactor",
    "project",
    "megaport",
    "metro",
    "subway",
    "stadium",
    "oilfield",
    "field",
    "program",
    "programme",
    "mission",
    "initiative",
    "scheme",
];
/// Lower-case words that make a two-word infrastructure head with the word after them
/// ("Hinkley Point C power plant", "Rosebank oil field").
const INFRASTRUCTURE_MODIFIERS: &[&str] = &[
    "power",
    "nuclear",
    "oil",
    "gas",
    "coal",
    "wind",
    "solar",
    "hydroelectric",
    "hydropower",
    "steel",
    "assembly",
    "chip",
    "battery",
    "car",
    "water",
    "desalination",
    "cement",
    "gold",
    "copper",
    "lithium",
    "iron",
    "rail",
    "container",
];
/// Heads that take such a modifier.
const MODIFIED_INFRASTRUCTURE: &[&str] = &[
    "plant", "station", "field", "farm", "project", "mine", "pipeline", "port", "terminal",
    "factory", "line", "dam", "complex", "park",
];
/// Capitalised words ending the names of laws and charters that may carry their year
/// ("Foreign Investment Risk Review Modernization Act of 2018").
const DATED_DOCUMENT_WORDS: &[&str] = &[
    "Act",
    "Acts",
    "Amendment",
    "Amendments",
    "Treaty",
    "Accord",
    "Convention",
    "Agreement",
    "Protocol",
    "Charter",
];
/// Lower-case roles that mark the name next to them as a person.
const ROLE_WORDS: &[&str] = &[
    "director",
    "commander",
    "president",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
    "head",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "founder",
    "professor",
    "analyst",
    "researcher",
    "secretary",
    "ambassador",
    "official",
    "economist",
    "author",
    "editor",
    "leader",
    "member",
    "executive",
    "manager",
    "deputy",
    "vice",
    "senator",
    "governor",
    "mayor",
    "lawyer",
    "judge",
    "coach",
    "captain",
    "striker",
    "player",
    "chancellor",
    "premier",
    "envoy",
    "adviser",
    "advisor",
    "correspondent",
    "reporter",
    "fellow",
    "scholar",
    "expert",
    "dean",
    "general",
    "colonel",
    "candidate",
    "representative",
    "lawmaker",
    "activist",
    "businessman",
    "businesswoman",
    "owner",
    "partner",
    "president-elect",
    "counsel",
];
/// All-capital words that are abbreviations of common things, not names.
const NOT_NAME_ACRONYMS: &[&str] = &[
    "AI", "AM", "PM", "CEO", "CFO", "CTO", "COO", "GDP", "GNP", "TV", "OK", "IT", "ID", "PR", "HR",
    "VIP", "DNA", "RNA", "HIV", "AIDS", "COVID", "EV", "EVs", "IPO", "FDI", "LNG", "GMT", "UTC",
    "BC", "AD", "II", "III", "IV", "VI", "VII", "VIII", "IX", "MW", "GW", "KM", "USD", "EUR",
    "CNY", "PDF", "URL", "SUV", "SUVs", "NGO", "NGOs", "UFO", "Q1", "Q2", "Q3", "Q4", "A", "I",
    "RPM", "FM", "CD", "DVD", "PC", "GPS", "SMS", "ATM", "VAT", "CPI", "PMI", "ETF",
];

/// Finds the name candidates of one sentence. `blocked` tells whether a token is already
/// part of a date or figure.
pub fn find_names(
    text: &str,
    tokens: &[Token],
    sentence: &Sentence,
    blocked: &dyn Fn(usize) -> bool,
) -> Vec<NameCandidate> {
    let scanner = Scanner {
        text,
        tokens,
        sentence,
        gazetteer: gazetteer(),
        headline: is_headline(text, tokens, sentence),
        blocked,
    };
    scanner.scan()
}

struct Scanner<'a> {
    text: &'a str,
    tokens: &'a [Token],
    sentence: &'a Sentence,
    gazetteer: &'static Gazetteer,
    /// Title Case or ALL CAPS lines: capitals carry little evidence there.
    headline: bool,
    blocked: &'a dyn Fn(usize) -> bool,
}

/// A token of a run, and whether it is a connector rather than a name word.
#[derive(Clone, Copy, Debug)]
struct RunWord {
    index: usize,
    connector: bool,
}

impl<'a> Scanner<'a> {
    fn word(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    fn is_capitalised(&self, i: usize) -> bool {
        let token = &self.tokens[i];
        token.kind == TokenKind::Word
            && !(self.blocked)(i)
            && token
                .text(self.text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && !is_month_or_weekday(token.text(self.text))
    }

    /// The token starts a sentence, a quotation or a clause after a colon.
    fn starts_clause(&self, i: usize) -> bool {
        if i == self.sentence.tokens.start {
            return true;
        }
        let before = self.word(i - 1);
        matches!(
            before,
            "\"" | "\u{201c}" | "'" | "\u{2018}" | ":" | "(" | "[" | "-" | "\u{2014}" | "\u{2013}"
        ) && self.tokens[i - 1].kind == TokenKind::Punct
            && (before != "-" || self.tokens[i].space_before)
    }

    fn scan(&self) -> Vec<NameCandidate> {
        let mut found = Vec::new();
        let mut i = self.sentence.tokens.start;
        let end = self.sentence.tokens.end;
        while i < end {
            if !self.is_capitalised(i) {
                i += 1;
                continue;
            }
            let run = self.collect_run(i, end);
            let next = run.last().map_or(i + 1, |w| w.index + 1);
            for segment in self.split_run(&run) {
                if let Some(candidate) = self.classify(&segment) {
                    found.push(candidate);
                }
            }
            i = next;
        }
        found
    }

    /// The longest run of capitalised words from `i`, with connectors and glued hyphens.
    fn collect_run(&self, i: usize, end: usize) -> Vec<RunWord> {
        let mut run = vec![RunWord {
            index: i,
            connector: false,
        }];
        let mut j = i;
        loop {
            let next = j + 1;
            // Far past any name: the rest starts a run of its own.
            if next >= end || run.len() >= 2 * MAX_NAME_TOKENS {
                break;
            }
            let token = &self.tokens[next];
            if self.is_capitalised(next) && token.space_before {
                run.push(RunWord {
                    index: next,
                    connector: false,
                });
                j = next;
                continue;
            }
            // An initial: "P. Simmons", "George W. Bush".
            if self.word(next) == "."
                && !token.space_before
                && is_initial(self.word(j))
                && next + 1 < end
                && self.tokens[next + 1].space_before
                && self.is_capitalised(next + 1)
            {
                run.push(RunWord {
                    index: next,
                    connector: true,
                });
                run.push(RunWord {
                    index: next + 1,
                    connector: false,
                });
                j = next + 1;
                continue;
            }
            // "Asia-Pacific": a hyphen glued on both sides to capitalised words.
            if self.word(next) == "-"
                && !token.space_before
                && next + 1 < end
                && !self.tokens[next + 1].space_before
                && self.is_capitalised(next + 1)
            {
                run.push(RunWord {
                    index: next,
                    connector: true,
                });
                run.push(RunWord {
                    index: next + 1,
                    connector: false,
                });
                j = next + 1;
                continue;
            }
            // Connectors, possibly two ("of the"), then a capitalised word.
            let mut k = next;
            let mut connectors = Vec::new();
            while k < end && connectors.len() < 3 && self.tokens[k].space_before {
                let w = self.word(k);
                if CONNECTORS.contains(&w) || NAME_PARTICLES.contains(&w) {
                    connectors.push(k);
                    k += 1;
                } else {
                    break;
                }
            }
            if !connectors.is_empty() && k < end && self.is_capitalised(k) {
                for c in connectors {
                    run.push(RunWord {
                        index: c,
                        connector: true,
                    });
                }
                run.push(RunWord {
                    index: k,
                    connector: false,
                });
                j = k;
                continue;
            }
            break;
        }
        run
    }

    /// Splits a run at connectors that do not belong to one name ("China and Peru"),
    /// and at hyphens between known places ("China-Peru").
    fn split_run(&self, run: &[RunWord]) -> Vec<Vec<RunWord>> {
        let whole = self.span_text(run);
        if self.gazetteer.is_place(&whole) {
            return vec![run.to_vec()];
        }
        let last_word = self.word(run.last().map_or(0, |w| w.index));
        let ends_in_org = self.is_org_word(last_word) || self.is_project_word(last_word);
        let mut segments: Vec<Vec<RunWord>> = vec![Vec::new()];
        let mut i = 0;
        while i < run.len() {
            let word = run[i];
            if !word.connector {
                segments.last_mut().expect("never empty").push(word);
                i += 1;
                continue;
            }
            // A group of connectors between two name parts.
            let mut j = i;
            while j < run.len() && run[j].connector {
                j += 1;
            }
            let connectors: Vec<&str> = run[i..j].iter().map(|w| self.word(w.index)).collect();
            let left = segments.last().expect("never empty");
            let left_text = self.span_text(left);
            let left_last = left.last().map_or("", |w| self.word(w.index));
            let right_end = run[j..]
                .iter()
                .position(|w| w.connector)
                .map_or(run.len(), |p| j + p);
            let right_text = self.span_text(&run[j..right_end]);
            let keep = match connectors.as_slice() {
                ["."] => true,
                ["-"] => {
                    !(self.gazetteer.is_place(&left_text) || self.gazetteer.is_place(&right_text))
                }
                ["&"] => true,
                ["and"] => {
                    ends_in_org
                        && !self.gazetteer.is_place(&left_text)
                        && !self.is_org_word(left_last)
                }
                [first, ..] if NAME_PARTICLES.contains(first) => true,
                ["of" | "on" | "for", ..] => {
                    self.is_org_word(left_last)
                        || self.is_project_word(left_last)
                        || GEO_WORDS.contains(&left_last)
                        || matches!(
                            left_last,
                            "Republic"
                                | "Kingdom"
                                | "State"
                                | "States"
                                | "Duke"
                                | "Prince"
                                | "Princess"
                                | "Bank"
                        )
                }
                _ => false,
            };
            if keep {
                segments
                    .last_mut()
                    .expect("never empty")
                    .extend_from_slice(&run[i..j]);
            } else {
                segments.push(Vec::new());
            }
            i = j;
        }
        segments.retain(|s| !s.is_empty());
        segments
    }

    fn span_text(&self, words: &[RunWord]) -> String {
        match (words.first(), words.last()) {
            (Some(first), Some(last)) => self.text
                [self.tokens[first.index].start()..self.tokens[last.index].end()]
                .to_string(),
            _ => String::new(),
        }
    }

    fn is_org_word(&self, word: &str) -> bool {
        self.gazetteer.org_words.contains(word)
    }

    fn is_project_word(&self, word: &str) -> bool {
        word.chars().next().is_some_and(char::is_uppercase)
            && self
                .gazetteer
                .project_words
                .contains(word.to_lowercase().as_str())
    }

    fn is_title(&self, word: &str) -> bool {
        self.gazetteer.titles.contains(word)
    }

    /// Decides what one segment of a run names, trimming titles, demonyms and
    /// sentence-initial common words from its front.
    fn classify(&self, segment: &[RunWord]) -> Option<NameCandidate> {
        let tokens = segment.last()?.index + 1 - segment.first()?.index;
        if tokens > MAX_NAME_TOKENS {
            return None;
        }
        let g = self.gazetteer;
        let mut words: Vec<RunWord> = segment.to_vec();
        let last_of = |words: &[RunWord]| words.last().map_or("", |w| self.word(w.index));
        // "Institute of ...", "Council on ...": an organisation word heads the name.
        let ends_in_org = |words: &[RunWord]| {
            words.len() > 1
                && (self.is_org_word(last_of(words))
                    || words.windows(2).any(|pair| {
                        pair[1].connector
                            && matches!(self.word(pair[1].index), "of" | "on" | "for")
                            && self.is_org_word(self.word(pair[0].index))
                    }))
        };
        let ends_in_geo =
            |words: &[RunWord]| GEO_WORDS.contains(&last_of(words)) && words.len() > 1;

        // Leading words that are not part of the name.
        let mut after_title = false;
        let mut sentence_initial = self.starts_clause(words[0].index);
        while let Some(first) = words.first().copied() {
            let w = self.word(first.index);
            let rest = &words[1..];
            let whole_is_name =
                ends_in_org(&words) || ends_in_geo(&words) || g.is_place(&self.span_text(&words));
            let common_start = (sentence_initial || self.headline)
                && g.is_common_word(w)
                && !g.is_place(w)
                && !g.given_names.contains(w);
            // "Latin American", "South Korean": demonyms of two words.
            let two_word_demonym = words.len() >= 2
                && !words[1].connector
                && g.demonyms.contains(self.span_text(&words[..2]).as_str());
            if two_word_demonym && !whole_is_name {
                words.drain(..2);
                sentence_initial = false;
                if words.is_empty() {
                    return None;
                }
                continue;
            }
            let drop = if first.connector {
                true
            } else if self.is_title(w) && !whole_is_name {
                // "President Xi": the title marks a person; a title alone names no one.
                after_title = !rest.is_empty() || after_title;
                !rest.is_empty() || !g.is_place(w)
            } else if g.demonyms.contains(w) && !whole_is_name {
                true
            } else {
                common_start && (!whole_is_name || rest.is_empty())
            };
            if !drop {
                break;
            }
            words.remove(0);
            sentence_initial = false;
            if words.is_empty() {
                return None;
            }
        }
        // Trailing connectors cannot end a name.
        while words.last().is_some_and(|w| w.connector) {
            words.pop();
        }
        let first = *words.first()?;
        let last = *words.last()?;
        let start = self.tokens[first.index].start();
        let end = self.tokens[last.index].end();
        let name = &self.text[start..end];
        let first_word = self.word(first.index);
        let last_word = self.word(last.index);
        let single = words.len() == 1;
        let title_before = after_title || self.title_before(first.index);
        let role_after = self.role_after(last.index);
        let site_word = self.infrastructure_after(last.index);

        let mut candidate = NameCandidate {
            start,
            end,
            tokens: first.index..last.index + 1,
            label: None,
            source: Source::Rule,
            score: 0.0,
            sentence_initial: self.starts_clause(first.index),
            names_a_site: false,
        };
        let mut decide = |label: Label, source: Source, score: f32| {
            candidate.label = Some(label);
            candidate.source = source;
            candidate.score = score;
        };

        // Headlines and datelines in capitals: "LONDON", "PANAMA CITY", "ROBERTO DURAN".
        let shouting = name.chars().filter(|c| c.is_alphabetic()).count() > 3 && is_all_caps(name);
        let looked_up = if shouting {
            title_case(name)
        } else {
            name.to_string()
        };
        let first_looked_up = looked_up.split(' ').next().unwrap_or_default();
        let has_initial = words
            .iter()
            .any(|w| w.connector && self.word(w.index) == ".");
        if name.chars().count() == 1 || matches!(name, "I'm" | "I'll" | "I've" | "I'd") {
            return None;
        }
        if single && (is_acronym(name) || shouting) {
            if NOT_NAME_ACRONYMS.contains(&name) {
                return None;
            }
            if g.is_place(name) || g.is_place(&looked_up) {
                decide(Label::Place, Source::Gazetteer, 0.9);
            } else if shouting && g.is_common_word(&looked_up) {
                return None;
            } else if name.chars().count() <= 5 {
                decide(Label::Org, Source::Rule, 0.6);
            }
        } else if shouting && g.is_place(&looked_up) {
            decide(Label::Place, Source::Gazetteer, 0.85);
        } else if shouting && g.given_names.contains(first_looked_up) && words.len() <= 3 {
            decide(Label::Person, Source::Gazetteer, 0.75);
        } else if has_initial && !ends_in_org(&words) {
            decide(Label::Person, Source::Rule, 0.85);
        } else if let Some(site_end) = site_word.filter(|_| !g.is_place(name) && !title_before) {
            candidate.end = site_end;
            candidate.names_a_site = true;
            decide(Label::Project, Source::Rule, 0.75);
        } else if ends_in_org(&words) {
            decide(Label::Org, Source::Rule, 0.85);
        } else if !single
            && words
                .iter()
                .any(|w| !w.connector && self.is_project_word(self.word(w.index)))
            && words.len() > 1
            && (self.is_project_word(last_word) || words.iter().any(|w| w.connector))
        {
            decide(Label::Project, Source::Rule, 0.8);
            if let Some((end, after)) = self.year_after(last.index) {
                candidate.end = end;
                candidate.tokens.end = after;
            }
        } else if g.is_place(name) {
            decide(Label::Place, Source::Gazetteer, 0.9);
        } else if ends_in_geo(&words) {
            decide(Label::Place, Source::Rule, 0.8);
        } else if title_before || role_after {
            decide(Label::Person, Source::Rule, 0.85);
        } else if !single && words.len() <= 4 && g.given_names.contains(first_word) {
            decide(Label::Person, Source::Gazetteer, 0.8);
        } else if !single
            && words.len() <= 3
            && (g.surnames.contains(last_word) || g.surnames.contains(first_word))
            && !words.iter().any(|w| g.is_common_word(self.word(w.index)))
        {
            decide(Label::Person, Source::Gazetteer, 0.7);
        } else if !single
            && words.len() <= 3
            && words.iter().any(|w| g.is_place(self.word(w.index)))
        {
            // "Dynamo Moscow", "Lada Togliatti": a name with a place in it is rarely a person.
            decide(Label::Org, Source::Rule, 0.45);
        } else if !single
            && words.len() <= 3
            && !words
                .iter()
                .any(|w| w.connector || g.is_common_word(self.word(w.index)))
        {
            decide(Label::Person, Source::Rule, 0.5);
        } else if single && self.word_before(first.index) == Some("in") && !g.is_common_word(name) {
            decide(Label::Place, Source::Rule, 0.5);
        }
        if candidate.label.is_none() && single && self.headline && g.is_common_word(name) {
            return None;
        }
        Some(candidate)
    }

    fn word_before(&self, i: usize) -> Option<&'a str> {
        (i > self.sentence.tokens.start).then(|| self.word(i - 1))
    }

    /// "President Xi", "Mr. Smith", "director Wang".
    fn title_before(&self, i: usize) -> bool {
        let mut k = i;
        while k > self.sentence.tokens.start {
            k -= 1;
            let w = self.word(k);
            if w == "." && !self.tokens[k].space_before {
                continue;
            }
            return self.is_title(w) || ROLE_WORDS.contains(&w);
        }
        false
    }

    /// "Wang Youming, director of ...", "Laura Richardson, commander of ...".
    fn role_after(&self, last: usize) -> bool {
        let end = self.sentence.tokens.end;
        if last + 2 >= end || self.word(last + 1) != "," {
            return false;
        }
        let mut k = last + 2;
        // "a senior fellow", "the former director"
        while k < end
            && matches!(
                self.word(k),
                "a" | "an"
                    | "the"
                    | "former"
                    | "senior"
                    | "then"
                    | "acting"
                    | "chief"
                    | "deputy"
                    | "vice"
            )
        {
            k += 1;
        }
        k < end && ROLE_WORDS.contains(&self.word(k).to_lowercase().as_str())
    }

    /// The end of a lower-case infrastructure word right after the name.
    fn infrastructure_after(&self, last: usize) -> Option<usize> {
        let next = self.tokens.get(last + 1)?;
        if last + 1 >= self.sentence.tokens.end || !next.space_before {
            return None;
        }
        let word = next.text(self.text);
        if INFRASTRUCTURE_WORDS.contains(&word) {
            return Some(next.end());
        }
        // Two words: "power plant", "oil field".
        let head = self.tokens.get(last + 2)?;
        (INFRASTRUCTURE_MODIFIERS.contains(&word)
            && last + 2 < self.sentence.tokens.end
            && head.space_before
            && MODIFIED_INFRASTRUCTURE.contains(&head.text(self.text)))
        .then_some(head.end())
    }

    /// "of 2018" right after a law's name: the end of the year, and the token after it.
    fn year_after(&self, last: usize) -> Option<(usize, usize)> {
        if !DATED_DOCUMENT_WORDS.contains(&self.word(last)) || last + 2 >= self.sentence.tokens.end
        {
            return None;
        }
        let year = &self.tokens[last + 2];
        let digits = year.text(self.text);
        (self.word(last + 1) == "of"
            && digits.len() == 4
            && digits.bytes().all(|b| b.is_ascii_digit())
            && matches!(&digits[..2], "17" | "18" | "19" | "20"))
        .then_some((year.end(), last + 3))
    }
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

fn is_all_caps(name: &str) -> bool {
    name.chars().all(|c| !c.is_lowercase())
}

/// "PANAMA CITY" -> "Panama City".
fn title_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut word_start = true;
    for c in name.chars() {
        if word_start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        word_start = !c.is_alphanumeric() && c != '\'';
    }
    out
}

pub fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| *c != '.' && *c != '&').collect();
    (2..=7).contains(&letters.len())
        && letters
            .iter()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
        && letters.iter().filter(|c| c.is_uppercase()).count() >= 2
}

pub(crate) fn is_month_or_weekday(word: &str) -> bool {
    matches!(
        word,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
    )
}

/// A line in Title Case or ALL CAPS (a headline): most of its words are capitalised.
fn is_headline(text: &str, tokens: &[Token], sentence: &Sentence) -> bool {
    let words: Vec<&str> = tokens[sentence.tokens.clone()]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
        .filter(|w| w.chars().count() > 3)
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 3 && capitalised * 10 >= words.len() * 8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{split_sentences, tokenize};

    fn names(text: &str) -> Vec<(String, Option<Label>)> {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        sentences
            .iter()
            .flat_map(|s| find_names(text, &tokens, s, &|_| false))
            .map(|c| (text[c.start..c.end].to_string(), c.label))
            .collect()
    }

    fn has(text: &str, name: &str, label: Label) -> bool {
        names(text)
            .iter()
            .any(|(n, l)| n == name && *l == Some(label))
    }

    #[test]
    fn titles_and_demonyms_stay_outside_person_names() {
        assert!(names("the Latin American country").is_empty());
        let text = "Chinese President Xi Jinping met French President Emmanuel Macron.";
        assert!(has(text, "Xi Jinping", Label::Person));
        assert!(has(text, "Emmanuel Macron", Label::Person));
        assert_eq!(names(text).len(), 2, "{:?}", names(text));
    }

    #[test]
    fn organisation_words_join_names_across_of_and_on() {
        let text = "He spoke to the Institute of Developing Countries at the China Institute of International Studies in Beijing.";
        assert!(has(text, "Institute of Developing Countries", Label::Org));
        assert!(has(
            text,
            "China Institute of International Studies",
            Label::Org
        ));
        assert!(has(text, "Beijing", Label::Place));
        assert!(has(
            "a report by the US Council on Foreign Relations said",
            "US Council on Foreign Relations",
            Label::Org
        ));
    }

    #[test]
    fn and_joins_only_names_that_end_in_an_organisation_or_project_word() {
        assert!(has(
            "the Belt and Road Initiative grew",
            "Belt and Road Initiative",
            Label::Project
        ));
        let text = "trade between China and Peru grew";
        assert!(has(text, "China", Label::Place));
        assert!(has(text, "Peru", Label::Place));
    }

    #[test]
    fn hyphenated_places_split_unless_the_whole_is_a_place() {
        let text = "China-Peru relations in the Asia-Pacific region";
        assert!(has(text, "China", Label::Place));
        assert!(has(text, "Peru", Label::Place));
        assert!(has(text, "Asia-Pacific", Label::Place));
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let text = "During the visit, officials met. Both sides agreed.";
        assert!(names(text).is_empty(), "{:?}", names(text));
    }

    #[test]
    fn a_name_before_an_infrastructure_word_is_a_project() {
        assert!(has(
            "the Chancay port opened",
            "Chancay port",
            Label::Project
        ));
    }

    #[test]
    fn capitalised_datelines_and_initials() {
        let text = "LONDON 1996-08-30\nP. Simmons scored while ROBERTO DURAN watched.";
        assert!(has(text, "LONDON", Label::Place), "{:?}", names(text));
        assert!(has(text, "P. Simmons", Label::Person), "{:?}", names(text));
        assert!(
            has(text, "ROBERTO DURAN", Label::Person),
            "{:?}",
            names(text)
        );
        let headline = names("CRICKET - RESULTS");
        assert!(
            headline.iter().all(|(_, label)| label.is_none()),
            "{headline:?}"
        );
    }

    #[test]
    fn roles_after_a_comma_mark_people() {
        assert!(has(
            "said Wang Youming, director of a think tank",
            "Wang Youming",
            Label::Person
        ));
    }
}
