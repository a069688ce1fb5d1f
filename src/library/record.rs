//! One analysed document as the library stores it: the rows of every table, made from
//! its analysis on a worker thread ([`Record::of`]), then written in one transaction on
//! the writing thread ([`write`]). Entities are named by their forms, which the writer
//! turns into form ids. [`stored_analysis`] reads the mentions and entities back as an
//! [`Analysis`], so that its JSONL export is the one `newslens extract` makes.

use super::dates::{self, Precision};
use super::packed;
use super::schema::delete_rows;
use super::{int, label_code, label_from};
use crate::analysis::Analysis;
use crate::concordance::collapse_spaces;
use crate::corrections::content_hash;
use crate::entity::{Label, Mention, Source};
use crate::facts::{Detail, FactKind};
use crate::groups::Group;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;

/// A name as a document wrote it: the kind and the text with its spaces collapsed.
pub(super) type Form = (Label, String);

/// At most this many named entities of one sentence count for co-occurrence: a sentence
/// listing hundreds of names would otherwise add pairs with the square of its length.
const MAX_NAMES_PER_SENTENCE: usize = 24;

/// The longest headline kept (in characters); a text without line breaks would otherwise
/// be its own headline.
const MAX_HEADLINE_CHARS: usize = 200;

/// The file a record came from.
#[derive(Clone, Debug)]
pub(super) struct FileStamp {
    pub path: PathBuf,
    pub size: u64,
    /// Nanoseconds since 1970.
    pub mtime: i64,
}

#[derive(Clone)]
pub(super) struct GroupRecord {
    pub grp: usize,
    pub label: Label,
    /// Index into [`Record::forms`].
    pub name: usize,
    /// Its mentions, with the code of each one's source.
    pub spans: Vec<(Range<usize>, u8)>,
    /// The forms it was written as, with how many mentions each.
    pub written: Vec<(usize, usize)>,
    /// The name forms of the named entities in its sentences, with how many sentences.
    pub partners: Vec<(usize, usize)>,
    /// Indices of the change and quantity facts involving it.
    pub facts: Vec<usize>,
}

#[derive(Clone)]
pub(super) struct QuoteRecord {
    pub range: Range<usize>,
    pub speaker: Option<usize>,
    pub speaker_text: String,
    pub direct: bool,
}

#[derive(Clone)]
pub(super) struct FigureRecord {
    pub fact: usize,
    pub kind: FactKind,
    pub range: Range<usize>,
    pub summary: String,
}

#[derive(Clone)]
pub(super) struct TimelineRecord {
    pub fact: usize,
    pub kind: FactKind,
    pub day: i64,
    pub precision: Precision,
    pub offset: usize,
    pub label: String,
}

/// Everything the library keeps of one document.
#[derive(Clone)]
pub(super) struct Record {
    pub hash: String,
    pub name: String,
    pub headline: String,
    pub day: Option<i64>,
    pub text: String,
    /// Bit i set when the document names an entity of kind `Label::ALL[i]`.
    pub kinds: i64,
    pub mention_count: usize,
    pub sentences: Vec<Range<usize>>,
    /// The distinct forms the rows below refer to by index.
    pub forms: Vec<Form>,
    pub groups: Vec<GroupRecord>,
    pub quotes: Vec<QuoteRecord>,
    pub figures: Vec<FigureRecord>,
    pub timeline: Vec<TimelineRecord>,
}

/// The sources of mentions, by their stored codes.
const SOURCES: [Source; 6] = [
    Source::Gazetteer,
    Source::Rule,
    Source::Document,
    Source::Model,
    Source::User,
    Source::Dictionary,
];

fn source_code(source: Source) -> u8 {
    SOURCES
        .iter()
        .position(|&s| s == source)
        .map_or(0, |i| i as u8)
}

/// Collects distinct forms, giving each an index.
#[derive(Default)]
struct Forms {
    list: Vec<Form>,
    index: HashMap<Form, usize>,
}

impl Forms {
    fn of(&mut self, label: Label, text: &str) -> usize {
        let form = (label, text.split_whitespace().collect::<Vec<_>>().join(" "));
        if let Some(&i) = self.index.get(&form) {
            return i;
        }
        self.list.push(form.clone());
        self.index.insert(form, self.list.len() - 1);
        self.list.len() - 1
    }
}

impl Record {
    /// The rows of an analysed document.
    pub fn of(analysis: &Analysis) -> Record {
        let text = analysis.text();
        let mut forms = Forms::default();
        let names: Vec<usize> = analysis
            .groups
            .iter()
            .map(|g| forms.of(g.label, &g.name))
            .collect();
        let mut partners = partners(analysis, &names);
        let mut facts = figure_facts(analysis);
        let mut kinds = 0;
        let groups: Vec<GroupRecord> = analysis
            .groups
            .iter()
            .map(|g| {
                kinds |= 1 << label_code(g.label);
                let mut counts: HashMap<usize, usize> = HashMap::new();
                for &m in &g.mentions {
                    *counts
                        .entry(forms.of(g.label, analysis.mention_text(m)))
                        .or_default() += 1;
                }
                let mut written: Vec<(usize, usize)> = counts.into_iter().collect();
                written.sort_unstable();
                GroupRecord {
                    grp: g.id,
                    label: g.label,
                    name: names[g.id],
                    spans: g
                        .mentions
                        .iter()
                        .filter_map(|&m| analysis.mentions.get(m))
                        .map(|m| (m.range(), source_code(m.source)))
                        .collect(),
                    written,
                    partners: partners.remove(&g.id).unwrap_or_default(),
                    facts: facts.remove(&g.id).unwrap_or_default(),
                }
            })
            .collect();
        Record {
            hash: content_hash(text),
            name: analysis.document.name.clone(),
            headline: headline(analysis),
            day: dates::document_date(analysis),
            text: text.to_string(),
            kinds,
            mention_count: analysis.mentions.len(),
            sentences: analysis.sentences.iter().map(|s| s.range()).collect(),
            quotes: quotes(analysis, &names),
            figures: figures(analysis),
            timeline: timeline(analysis),
            forms: forms.list,
            groups,
        }
    }
}

/// The first heading, else the first line that is not blank, else the file's name.
fn headline(analysis: &Analysis) -> String {
    let text = analysis.text();
    let first = analysis
        .document
        .headings
        .first()
        .and_then(|h| text.get(h.range.clone()))
        .or_else(|| text.lines().map(str::trim).find(|line| !line.is_empty()))
        .unwrap_or(&analysis.document.name);
    shorten(collapse_spaces(first).trim(), MAX_HEADLINE_CHARS)
}

/// At most `max` characters, cut at a space and marked with "…".
pub(super) fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((cut, _)) => {
            let to = text[..cut].rfind(' ').filter(|&i| i > 0).unwrap_or(cut);
            format!("{}…", text[..to].trim_end())
        }
    }
}

/// For each named entity, the name forms of the other named entities in its sentences,
/// with how many sentences each shares with it.
fn partners(analysis: &Analysis, names: &[usize]) -> HashMap<usize, Vec<(usize, usize)>> {
    let mut counts: HashMap<(usize, usize), usize> = HashMap::new();
    let mut count_sentence = |present: &mut Vec<usize>| {
        present.sort_unstable();
        present.dedup();
        present.truncate(MAX_NAMES_PER_SENTENCE);
        for &group in present.iter() {
            let mut others: Vec<usize> = present
                .iter()
                .map(|&g| names[g])
                .filter(|&form| form != names[group])
                .collect();
            others.dedup();
            for form in others {
                *counts.entry((group, form)).or_default() += 1;
            }
        }
        present.clear();
    };
    let mut present: Vec<usize> = Vec::new();
    let mut sentence = None;
    for (mention, &group) in analysis.mentions.iter().zip(&analysis.group_of) {
        if !analysis
            .groups
            .get(group)
            .is_some_and(|g| g.label.is_name())
        {
            continue;
        }
        let here = analysis.sentence_around(mention.start).start;
        if sentence != Some(here) {
            count_sentence(&mut present);
            sentence = Some(here);
        }
        present.push(group);
    }
    count_sentence(&mut present);
    let mut partners: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
    for ((group, form), n) in counts {
        partners.entry(group).or_default().push((form, n));
    }
    partners
}

/// For each entity, the change and quantity facts involving it: those naming it, the
/// quantities about it, and for a figure the facts it is a figure of.
fn figure_facts(analysis: &Analysis) -> HashMap<usize, Vec<usize>> {
    let mut facts: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, fact) in analysis.facts.iter().enumerate() {
        if !matches!(fact.kind, FactKind::Change | FactKind::Quantity) {
            continue;
        }
        let about = match fact.detail {
            Detail::Quantity { about, .. } => about,
            _ => None,
        };
        let figure_groups = fact
            .figures
            .iter()
            .filter_map(|&m| analysis.group_of.get(m).copied());
        for group in fact
            .entities
            .iter()
            .copied()
            .chain(about)
            .chain(figure_groups)
        {
            facts.entry(group).or_default().push(i);
        }
    }
    facts
}

fn quotes(analysis: &Analysis, names: &[usize]) -> Vec<QuoteRecord> {
    let mut quotes: Vec<QuoteRecord> = analysis
        .facts
        .iter()
        .filter_map(|fact| match &fact.detail {
            Detail::Quote {
                quote_start,
                quote_end,
                speaker,
                speaker_text,
                direct,
                ..
            } => Some(QuoteRecord {
                range: *quote_start..*quote_end,
                speaker: speaker.and_then(|g| names.get(g).copied()),
                speaker_text: speaker_text.clone(),
                direct: *direct,
            }),
            _ => None,
        })
        .collect();
    quotes.sort_by_key(|q| q.range.start);
    quotes.dedup_by_key(|q| q.range.start);
    quotes
}

/// Change and quantity facts.
fn figures(analysis: &Analysis) -> Vec<FigureRecord> {
    analysis
        .facts
        .iter()
        .enumerate()
        .filter(|(_, f)| matches!(f.kind, FactKind::Change | FactKind::Quantity))
        .map(|(i, fact)| FigureRecord {
            fact: i,
            kind: fact.kind,
            range: fact.range(),
            summary: fact.summary.clone(),
        })
        .collect()
}

/// Event and date facts with an absolute date (their first), for the timeline.
fn timeline(analysis: &Analysis) -> Vec<TimelineRecord> {
    let text = analysis.text();
    analysis
        .facts
        .iter()
        .enumerate()
        .filter(|(_, f)| matches!(f.kind, FactKind::Event | FactKind::Date))
        .filter_map(|(i, fact)| {
            let (day, precision) = fact
                .dates
                .iter()
                .filter_map(|&m| analysis.mentions.get(m))
                .find_map(|m| dates::parse_date(m.text(text)))?;
            let label = match fact.kind {
                FactKind::Event => fact.summary.clone(),
                // A date fact's summary is only its dates: its sentence says what happened.
                _ => shorten(
                    collapse_spaces(text.get(fact.range()).unwrap_or_default()).trim(),
                    160,
                ),
            };
            Some(TimelineRecord {
                fact: i,
                kind: fact.kind,
                day,
                precision,
                offset: fact.start,
                label,
            })
        })
        .collect()
}

/// The parent folder and the file name, as the library lists them.
pub(super) fn folder_of(path: &std::path::Path) -> String {
    path.parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default()
}

/// Writes a record: a new document, or the replacement of document `id`'s rows. Returns
/// the document's id.
pub(super) fn write(
    transaction: &Transaction<'_>,
    id: Option<i64>,
    file: &FileStamp,
    record: &Record,
) -> rusqlite::Result<i64> {
    let (day, precision) = match record.day {
        Some(day) => (Some(day), Some(Precision::Day.code())),
        None => (None, None),
    };
    if let Some(id) = id {
        delete_rows(transaction, id)?;
    }
    // A new document gets a new id; a replaced one keeps its own.
    transaction
        .prepare_cached(
            "INSERT INTO documents (id, path, name, folder, size, mtime, hash, headline, day,
                 precision, kinds, mentions, entities)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
             ON CONFLICT (id) DO UPDATE SET path = excluded.path, name = excluded.name,
                 folder = excluded.folder, size = excluded.size, mtime = excluded.mtime,
                 hash = excluded.hash, headline = excluded.headline, day = excluded.day,
                 precision = excluded.precision, kinds = excluded.kinds,
                 mentions = excluded.mentions, entities = excluded.entities",
        )?
        .execute(params![
            id,
            file.path.to_string_lossy(),
            record.name,
            folder_of(&file.path),
            i64::try_from(file.size).unwrap_or(i64::MAX),
            file.mtime,
            record.hash,
            record.headline,
            day,
            precision,
            record.kinds,
            int(record.mention_count),
            int(record.groups.len()),
        ])?;
    let id = id.unwrap_or_else(|| transaction.last_insert_rowid());
    transaction
        .prepare_cached("INSERT INTO texts (rowid, text) VALUES (?1, ?2)")?
        .execute(params![id, record.text])?;
    transaction
        .prepare_cached("INSERT INTO sentences (document, ranges) VALUES (?1, ?2)")?
        .execute(params![
            id,
            packed::pack_ranges(record.sentences.iter().cloned())
        ])?;

    let form_ids = form_ids(transaction, &record.forms)?;
    let with_ids = |list: &[(usize, usize)]| -> Vec<(i64, usize)> {
        list.iter().map(|&(form, n)| (form_ids[form], n)).collect()
    };
    let mut statement = transaction.prepare_cached(
        "INSERT INTO groups (document, grp, label, form, mentions, spans, written, partners,
             facts) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for g in &record.groups {
        statement.execute(params![
            id,
            int(g.grp),
            label_code(g.label),
            form_ids[g.name],
            int(g.spans.len()),
            packed::pack_spans(g.spans.iter().cloned()),
            packed::pack_counts(with_ids(&g.written)),
            packed::pack_counts(with_ids(&g.partners)),
            packed::pack_indices(g.facts.clone()),
        ])?;
    }
    let mut statement = transaction.prepare_cached(
        "INSERT INTO quotes (document, start, end, speaker_form, speaker_text, direct)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for q in &record.quotes {
        statement.execute(params![
            id,
            int(q.range.start),
            int(q.range.end),
            q.speaker.map(|f| form_ids[f]),
            q.speaker_text,
            q.direct,
        ])?;
    }
    let mut statement = transaction.prepare_cached(
        "INSERT INTO figures (document, fact, kind, start, end, summary)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for f in &record.figures {
        statement.execute(params![
            id,
            int(f.fact),
            fact_code(f.kind),
            int(f.range.start),
            int(f.range.end),
            f.summary
        ])?;
    }
    let mut statement = transaction.prepare_cached(
        "INSERT INTO timeline (document, fact, kind, day, precision, offset, label)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for t in &record.timeline {
        statement.execute(params![
            id,
            int(t.fact),
            fact_code(t.kind),
            t.day,
            t.precision.code(),
            int(t.offset),
            t.label
        ])?;
    }
    mark_entities_stale(transaction)?;
    Ok(id)
}

/// The document's mentions and entities as they were stored, as an analysis without
/// sentences or facts: what its JSONL export needs, exactly as `newslens extract` wrote
/// it when the document was added.
pub(super) fn stored_analysis(c: &Connection, document: i64) -> rusqlite::Result<Option<Analysis>> {
    let found: Option<(String, String, String)> = c
        .prepare_cached(
            "SELECT d.name, d.path, t.text FROM documents d JOIN texts t ON t.rowid = d.id
             WHERE d.id = ?1",
        )?
        .query_row([document], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?))
        })
        .optional()?;
    let Some((name, path, text)) = found else {
        return Ok(None);
    };
    let mut statement = c.prepare_cached(
        "SELECT g.grp, g.label, f.form, g.spans FROM groups g JOIN forms f ON f.id = g.form
         WHERE g.document = ?1 ORDER BY g.grp",
    )?;
    let mut rows = statement.query([document])?;
    let mut groups: Vec<Group> = Vec::new();
    let mut spans: Vec<(Range<usize>, u8, Label, usize)> = Vec::new();
    while let Some(row) = rows.next()? {
        let label = label_from(row.get(1)?)?;
        let id = groups.len();
        for (range, source) in packed::unpack_spans(&row.get::<_, Vec<u8>>(3)?) {
            spans.push((range, source, label, id));
        }
        groups.push(Group {
            id,
            label,
            name: row.get(2)?,
            mentions: Vec::new(),
        });
    }
    spans.sort_by_key(|(range, ..)| range.start);
    let mut document = crate::Document::from_text(name, text);
    document.path = Some(PathBuf::from(path));
    let mut analysis = Analysis::provisional(document);
    for (i, (range, source, label, group)) in spans.into_iter().enumerate() {
        let source = SOURCES
            .get(usize::from(source))
            .copied()
            .unwrap_or(Source::Model);
        analysis
            .mentions
            .push(Mention::new(range, label, source, 1.0));
        analysis.group_of.push(group);
        groups[group].mentions.push(i);
    }
    analysis.groups = groups;
    analysis.provisional = false;
    Ok(Some(analysis))
}

/// Says that entities must be merged again: kept in the same transaction as the change, so
/// that a crash before the merge is caught up on the next open.
pub(super) fn mark_entities_stale(transaction: &Transaction<'_>) -> rusqlite::Result<()> {
    transaction
        .prepare_cached("INSERT OR REPLACE INTO meta (key, value) VALUES ('entities_stale', 1)")?
        .execute([])?;
    Ok(())
}

/// The id of each form, adding the forms the library does not know yet.
fn form_ids(transaction: &Transaction<'_>, forms: &[Form]) -> rusqlite::Result<Vec<i64>> {
    let mut find =
        transaction.prepare_cached("SELECT id FROM forms WHERE label = ?1 AND form = ?2")?;
    let mut add = transaction.prepare_cached("INSERT INTO forms (label, form) VALUES (?1, ?2)")?;
    forms
        .iter()
        .map(|(label, form)| {
            let code = label_code(*label);
            match find
                .query_row(params![code, form], |row| row.get(0))
                .optional()?
            {
                Some(id) => Ok(id),
                None => {
                    add.execute(params![code, form])?;
                    Ok(transaction.last_insert_rowid())
                }
            }
        })
        .collect()
}

/// How a fact's kind is stored.
pub(super) fn fact_code(kind: FactKind) -> i64 {
    FactKind::ALL.iter().position(|&k| k == kind).map_or(0, int)
}

/// The kind a stored code names.
pub(super) fn fact_from(code: i64) -> FactKind {
    usize::try_from(code)
        .ok()
        .and_then(|i| FactKind::ALL.get(i).copied())
        .unwrap_or(FactKind::Date)
}
