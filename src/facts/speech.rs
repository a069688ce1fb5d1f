//! The words of attribution: verbs of speaking, the nouns that stand for an unnamed source,
//! the nouns that point back to an organisation ("the company") or to a titled person
//! ("the minister"), and the words that make speech hypothetical ("will say").

/// Verbs that report speech. "announced" is not one: an announcement is an event.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "noted",
    "notes",
    "warned",
    "warns",
    "wrote",
    "writes",
    "explained",
    "explains",
    "stated",
    "argued",
    "argues",
    "insisted",
    "insists",
    "claimed",
    "claims",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "reported",
    "reports",
    "confirmed",
    "confirms",
    "cautioned",
    "contended",
    "observed",
    "recalled",
    "replied",
    "conceded",
    "remarked",
    "commented",
    "predicted",
    "suggested",
    "posted",
    "tweeted",
];

/// Speech verbs that also take a plain object ("reported new data", "confirmed the
/// sentencing"): they report speech only before "that", a colon or a quotation, or after
/// what was said.
pub(super) fn needs_clause(verb: &str) -> bool {
    matches!(
        verb,
        "reported"
            | "reports"
            | "confirmed"
            | "confirms"
            | "posted"
            | "tweeted"
            | "predicted"
            | "suggested"
            | "recalled"
            | "observed"
            | "acknowledged"
            | "acknowledges"
            | "admitted"
            | "admits"
            | "noted"
            | "notes"
            | "stressed"
            | "stresses"
            | "emphasized"
            | "emphasised"
            | "emphasizes"
            | "emphasises"
            | "claimed"
            | "claims"
            | "stated"
            | "explained"
            | "explains"
            | "replied"
            | "commented"
            | "remarked"
            | "conceded"
    )
}

/// Whether a lower-case word is a verb of speaking.
pub(super) fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(&word)
}

/// Verbs whose addressee follows them: "told reporters that ...".
pub(super) fn takes_addressee(verb: &str) -> bool {
    matches!(verb, "told" | "tells" | "tell")
}

/// Words just before a speech verb that make the speech not (yet) said: "will say",
/// "declined to say", "is said to", "did not say".
pub(super) fn is_unreal_marker(word: &str) -> bool {
    matches!(
        word,
        "will"
            | "would"
            | "could"
            | "may"
            | "might"
            | "should"
            | "must"
            | "shall"
            | "to"
            | "not"
            | "never"
            | "cannot"
            | "can't"
            | "won't"
            | "didn't"
            | "doesn't"
            | "don't"
            | "wouldn't"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "if"
    )
}

/// Words that may sit between a subject and its speech verb ("Smith also said").
pub(super) fn is_verb_modifier(word: &str) -> bool {
    matches!(
        word,
        "also"
            | "later"
            | "earlier"
            | "previously"
            | "again"
            | "then"
            | "recently"
            | "publicly"
            | "separately"
            | "further"
            | "once"
            | "has"
            | "have"
            | "had"
            | "repeatedly"
            | "reportedly"
            | "subsequently"
            | "privately"
            | "bluntly"
            | "simply"
            | "initially"
            | "first"
            | "finally"
            | "often"
            | "always"
            | "frequently"
    )
}

/// Heads of noun phrases that name a source without naming it: "officials said",
/// "a spokeswoman said", "the report says".
pub(super) fn is_unnamed_source(word: &str) -> bool {
    matches!(
        word,
        "official"
            | "officials"
            | "expert"
            | "experts"
            | "analyst"
            | "analysts"
            | "source"
            | "sources"
            | "economist"
            | "economists"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "spokespeople"
            | "representative"
            | "representatives"
            | "resident"
            | "residents"
            | "witness"
            | "witnesses"
            | "police"
            | "investigators"
            | "authorities"
            | "scientists"
            | "researchers"
            | "lawyers"
            | "lawyer"
            | "attorney"
            | "attorneys"
            | "critics"
            | "observers"
            | "diplomats"
            | "diplomat"
            | "aides"
            | "aide"
            | "people"
            | "report"
            | "reports"
            | "statement"
            | "study"
            | "survey"
            | "data"
            | "figures"
            | "documents"
            | "document"
            | "filing"
            | "filings"
            | "organizers"
            | "organisers"
            | "executives"
            | "executive"
            | "insiders"
            | "traders"
            | "dealers"
            | "strategists"
            | "activists"
            | "campaigners"
            | "doctors"
            | "medics"
            | "staff"
            | "employees"
            | "workers"
            | "members"
            | "leaders"
            | "lawmakers"
            | "legislators"
            | "protesters"
            | "others"
            | "mediators"
            | "negotiators"
            | "participants"
            | "parents"
            | "families"
            | "owners"
            | "students"
            | "teachers"
            | "users"
            | "customers"
            | "farmers"
            | "ministers"
            | "officers"
            | "soldiers"
            | "rescuers"
            | "firefighters"
            | "paramedics"
            | "survivors"
            | "victims"
            | "locals"
            | "villagers"
            | "bankers"
            | "investors"
            | "advocates"
            | "opponents"
            | "supporters"
            | "republicans"
            | "democrats"
            | "conservatives"
            | "polls"
            | "forecasts"
            | "estimates"
            | "records"
            | "statistics"
            | "letter"
            | "memo"
            | "post"
            | "many"
            | "some"
            | "someone"
            | "person"
            | "man"
            | "woman"
            | "prosecutors"
            | "prosecutor"
            | "commentators"
            | "scholars"
            | "academics"
            | "historians"
            | "forecasters"
    )
}

/// Nouns that point back to the organisation named last: "the company said".
pub(super) fn is_organisation_noun(word: &str) -> bool {
    matches!(
        word,
        "company"
            | "firm"
            | "group"
            | "bank"
            | "lender"
            | "insurer"
            | "airline"
            | "carrier"
            | "automaker"
            | "carmaker"
            | "retailer"
            | "manufacturer"
            | "maker"
            | "giant"
            | "startup"
            | "start-up"
            | "conglomerate"
            | "corporation"
            | "agency"
            | "ministry"
            | "department"
            | "institute"
            | "university"
            | "commission"
            | "council"
            | "board"
            | "committee"
            | "organization"
            | "organisation"
            | "union"
            | "party"
            | "network"
            | "broadcaster"
            | "regulator"
            | "watchdog"
            | "office"
            | "bureau"
            | "service"
            | "foundation"
            | "charity"
            | "campaign"
            | "club"
            | "team"
            | "platform"
            | "developer"
            | "operator"
            | "publisher"
            | "court"
            | "government"
            | "administration"
            | "fund"
            | "exchange"
            | "association"
    )
}

/// Nouns of office that point back to the person last introduced with them: "the minister
/// said" after "Foreign Minister Ana Lopez".
pub(super) fn is_title(word: &str) -> bool {
    matches!(
        word,
        "president"
            | "minister"
            | "premier"
            | "chancellor"
            | "senator"
            | "governor"
            | "mayor"
            | "secretary"
            | "ambassador"
            | "general"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "judge"
            | "justice"
            | "commissioner"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "director"
            | "ceo"
            | "executive"
            | "founder"
            | "leader"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "professor"
            | "economist"
            | "analyst"
            | "chief"
            | "head"
            | "manager"
            | "officer"
            | "coach"
            | "captain"
            | "lawmaker"
            | "congressman"
            | "congresswoman"
            | "representative"
            | "rep"
            | "sen"
            | "gov"
            | "gen"
            | "prof"
            | "pres"
            | "pope"
            | "cardinal"
            | "bishop"
            | "author"
            | "researcher"
            | "scientist"
            | "administrator"
            | "commander"
            | "colonel"
            | "sheriff"
            | "attorney"
            | "lawyer"
    )
}

/// Pronouns that stand for a person ("he said") or an organisation ("it said").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pronoun {
    Person,
    Organisation,
    /// "they", "we": usually a group the article has not named.
    Group,
}

pub(super) fn pronoun(word: &str) -> Option<Pronoun> {
    match word {
        "he" | "she" => Some(Pronoun::Person),
        "it" => Some(Pronoun::Organisation),
        "they" | "we" => Some(Pronoun::Group),
        _ => None,
    }
}

/// Words that may sit between a speech verb and its "that": "said on Monday that", "told
/// reporters in a statement that".
pub(super) fn is_adverbial(word: &str) -> bool {
    is_preposition(word)
        || matches!(
            word,
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "statement"
                | "interview"
                | "interviews"
                | "conference"
                | "briefing"
                | "news"
                | "press"
                | "release"
                | "post"
                | "email"
                | "emailed"
                | "reporters"
                | "journalists"
                | "him"
                | "them"
                | "us"
                | "me"
                | "parliament"
                | "speech"
                | "video"
                | "letter"
                | "also"
                | "later"
                | "earlier"
                | "last"
                | "this"
                | "week"
                | "weekend"
                | "month"
                | "year"
                | "recently"
                | "previously"
                | "separately"
                | "televised"
                | "written"
                | "social"
                | "media"
                | "call"
                | "phone"
                | "telephone"
                | "meeting"
                | "event"
                | "hearing"
                | "court"
                | "documents"
                | "filing"
        )
}

/// Prepositions: a noun phrase that starts with one is not a subject ("at a briefing").
pub(super) fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "at" | "in"
            | "on"
            | "for"
            | "with"
            | "by"
            | "from"
            | "to"
            | "of"
            | "during"
            | "after"
            | "before"
            | "about"
            | "into"
            | "over"
            | "under"
            | "than"
            | "as"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn announcements_are_not_speech_and_will_is_not_said() {
        assert!(is_speech_verb("said"));
        assert!(is_speech_verb("wrote"));
        assert!(!is_speech_verb("announced"));
        assert!(is_unreal_marker("will"));
        assert!(is_unnamed_source("officials"));
        assert!(is_organisation_noun("company"));
        assert!(is_title("minister"));
    }
}
