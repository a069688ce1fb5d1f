//! Exports of the whole library: entities by document and quotes as CSV, quotes and the
//! stored analyses as JSON Lines.

use super::dates::iso;
use super::{Library, LibraryError, count, label_from};
use serde::Serialize;
use std::io::Write;

/// What [`Library::export`] writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LibraryExport {
    /// One row per (entity, document): entity, kind, document (its path), headline, date,
    /// mentions.
    EntitiesByDocumentsCsv,
    /// One row per quote: speaker, kind (direct or reported), quote, document, date,
    /// start, end.
    QuotesCsv,
    /// The same fields, one JSON object a line.
    QuotesJsonl,
    /// One line per document: exactly `newslens extract --format jsonl` of its analysis
    /// as it was stored.
    AnalysisJsonl,
}

impl LibraryExport {
    pub const ALL: [LibraryExport; 4] = [
        LibraryExport::EntitiesByDocumentsCsv,
        LibraryExport::QuotesCsv,
        LibraryExport::QuotesJsonl,
        LibraryExport::AnalysisJsonl,
    ];

    /// The file extension of the export.
    pub fn extension(self) -> &'static str {
        match self {
            LibraryExport::EntitiesByDocumentsCsv | LibraryExport::QuotesCsv => "csv",
            LibraryExport::QuotesJsonl | LibraryExport::AnalysisJsonl => "jsonl",
        }
    }
}

#[derive(Serialize)]
struct QuoteLine<'a> {
    speaker: &'a str,
    kind: &'static str,
    quote: &'a str,
    document: String,
    date: Option<String>,
    start: usize,
    end: usize,
}

impl Library {
    /// Writes an export of the whole library to `out`.
    pub fn export(&self, what: LibraryExport, out: &mut dyn Write) -> Result<(), LibraryError> {
        let failed = |error: std::io::Error| LibraryError::Io {
            path: self.path.clone(),
            error,
        };
        match what {
            LibraryExport::EntitiesByDocumentsCsv => self.entities_csv(out),
            LibraryExport::QuotesCsv => {
                let mut writer = csv::Writer::from_writer(out);
                writer
                    .write_record([
                        "speaker", "kind", "quote", "document", "date", "start", "end",
                    ])
                    .map_err(|e| failed(e.into()))?;
                for quote in self.quotes(None)? {
                    let line = quote_line(&quote);
                    writer
                        .write_record([
                            line.speaker,
                            line.kind,
                            line.quote,
                            &line.document,
                            line.date.as_deref().unwrap_or_default(),
                            &line.start.to_string(),
                            &line.end.to_string(),
                        ])
                        .map_err(|e| failed(e.into()))?;
                }
                writer.flush().map_err(failed)
            }
            LibraryExport::QuotesJsonl => {
                for quote in self.quotes(None)? {
                    let json =
                        serde_json::to_string(&quote_line(&quote)).map_err(|e| failed(e.into()))?;
                    writeln!(out, "{json}").map_err(failed)?;
                }
                out.flush().map_err(failed)
            }
            LibraryExport::AnalysisJsonl => {
                let ids: Vec<i64> = self.run(|c| {
                    let mut statement = c.prepare("SELECT id FROM documents ORDER BY id")?;
                    let ids = statement.query_map([], |row| row.get(0))?;
                    ids.collect()
                })?;
                for id in ids {
                    if let Some(line) = self.analysis_line(id)? {
                        out.write_all(line.as_bytes()).map_err(failed)?;
                    }
                }
                out.flush().map_err(failed)
            }
        }
    }

    fn entities_csv(&self, out: &mut dyn Write) -> Result<(), LibraryError> {
        let failed = |error: csv::Error| LibraryError::Io {
            path: self.path.clone(),
            error: error.into(),
        };
        let mut writer = csv::Writer::from_writer(out);
        writer
            .write_record(["entity", "kind", "document", "headline", "date", "mentions"])
            .map_err(failed)?;
        let mut write_error = None;
        self.run(|c| {
            let mut statement = c.prepare(
                "SELECT e.name, e.label, d.path, d.headline, d.day, d.precision, SUM(g.mentions)
                 FROM entities e JOIN forms f ON f.entity = e.id JOIN groups g ON g.form = f.id
                 JOIN documents d ON d.id = g.document
                 GROUP BY e.id, d.id
                 ORDER BY e.documents DESC, e.mentions DESC, e.name, e.id,
                     d.day IS NULL, d.day, d.id",
            )?;
            let mut rows = statement.query([])?;
            while let Some(row) = rows.next()? {
                let name: String = row.get(0)?;
                let label = label_from(row.get(1)?)?;
                let (path, headline): (String, String) = (row.get(2)?, row.get(3)?);
                let day: Option<i64> = row.get(4)?;
                let precision: Option<i64> = row.get(5)?;
                let date = day
                    .map(|d| iso(d, super::Precision::from_code(precision.unwrap_or(0))))
                    .unwrap_or_default();
                let mentions = count(row.get(6)?).to_string();
                let record = [&name, label.as_str(), &path, &headline, &date, &mentions];
                if let Err(error) = writer.write_record(record) {
                    write_error = Some(error);
                    break;
                }
            }
            Ok(())
        })?;
        if let Some(error) = write_error {
            return Err(failed(error));
        }
        writer.flush().map_err(|error| LibraryError::Io {
            path: self.path.clone(),
            error,
        })
    }
}

fn quote_line(quote: &super::QuoteRow) -> QuoteLine<'_> {
    QuoteLine {
        speaker: &quote.speaker_name,
        kind: if quote.direct { "direct" } else { "reported" },
        quote: &quote.text,
        document: quote.path.display().to_string(),
        date: quote.date.map(|(day, precision)| iso(day, precision)),
        start: quote.range.start,
        end: quote.range.end,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{CHANCAY, LIMA, MAERSK, library_of_articles};
    use super::*;
    use crate::export::{Format, render};
    use crate::{analyse, load};

    fn export(library: &Library, what: LibraryExport) -> String {
        let mut out = Vec::new();
        library.export(what, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn entities_by_documents_have_a_row_per_entity_and_document() {
        let dir = tempfile::tempdir().unwrap();
        let library = library_of_articles(dir.path());
        let csv = export(&library, LibraryExport::EntitiesByDocumentsCsv);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        assert_eq!(
            reader.headers().unwrap(),
            vec!["entity", "kind", "document", "headline", "date", "mentions"]
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let xi: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[0] == "Xi Jinping").collect();
        assert_eq!(xi.len(), 2);
        assert!(xi.iter().all(|r| &r[1] == "PERSON"));
        assert!(
            xi.iter()
                .any(|r| r[2].ends_with("chancay.md") && &r[4] == "2024-11-14")
        );
        assert!(
            xi.iter()
                .any(|r| &r[3] == "Xi Jinping meets Dina Boluarte in Lima")
        );
        let total: usize = xi.iter().map(|r| r[5].parse::<usize>().unwrap()).sum();
        let id = super::super::testing::entity_named(&library, "Xi Jinping");
        assert_eq!(total, library.mention_count(id).unwrap());
    }

    #[test]
    fn quotes_export_as_csv_and_jsonl_with_their_offsets() {
        let dir = tempfile::tempdir().unwrap();
        let library = library_of_articles(dir.path());
        let quotes = library.quotes(None).unwrap();
        let csv = export(&library, LibraryExport::QuotesCsv);
        let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(csv.as_bytes())
            .records()
            .map(Result::unwrap)
            .collect();
        assert_eq!(rows.len(), quotes.len());
        let jsonl = export(&library, LibraryExport::QuotesJsonl);
        let lines: Vec<serde_json::Value> = jsonl
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), quotes.len());
        for line in &lines {
            let path = line["document"].as_str().unwrap();
            let (start, end) = (
                line["start"].as_u64().unwrap() as usize,
                line["end"].as_u64().unwrap() as usize,
            );
            let text = load::load_path(std::path::Path::new(path)).unwrap().text;
            assert_eq!(&text[start..end], line["quote"].as_str().unwrap());
            assert!(["direct", "reported"].contains(&line["kind"].as_str().unwrap()));
        }
        assert!(
            lines
                .iter()
                .any(|l| l["speaker"] == "Xi Jinping" && l["date"] == "2024-06-28")
        );
    }

    #[test]
    fn the_analysis_export_is_each_document_s_jsonl_line_as_stored() {
        let dir = tempfile::tempdir().unwrap();
        let library = library_of_articles(dir.path());
        let jsonl = export(&library, LibraryExport::AnalysisJsonl);
        let mut expected = String::new();
        for (name, text) in [
            ("lima.txt", LIMA),
            ("news/chancay.md", CHANCAY),
            ("news/maersk.txt", MAERSK),
        ] {
            let path = std::fs::canonicalize(dir.path().join("articles").join(name)).unwrap();
            let document = load::load_path(&path).unwrap();
            assert!(document.text.contains(text.lines().nth(2).unwrap()));
            expected.push_str(&render(&analyse(document), Format::Jsonl));
        }
        assert_eq!(jsonl, expected);
    }
}
