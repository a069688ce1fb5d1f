//! The CSV export: one row per mention (kind, text, entity, start, end, sentence), then one
//! row per fact (kind `fact:change`, `fact:quote`, ...; text is the fact's normalised line).
//! The sentence column holds a long sentence's part around the mention or fact only
//! (see [`super::context`]); start and end locate everything in the text.

use crate::analysis::Analysis;

pub fn write(analysis: &Analysis, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    let text = analysis.text();
    let write = |writer: &mut ::csv::Writer<&mut dyn std::io::Write>| -> Result<(), ::csv::Error> {
        writer.write_record(["kind", "text", "entity", "start", "end", "sentence"])?;
        for (i, mention) in analysis.mentions.iter().enumerate() {
            let sentence = super::context(
                text,
                analysis.sentence_around(mention.start),
                mention.start..mention.end,
            );
            writer.write_record([
                mention.label.as_str(),
                mention.text(text),
                analysis
                    .group_of_mention(i)
                    .map_or(mention.text(text), |g| g.name.as_str()),
                &mention.start.to_string(),
                &mention.end.to_string(),
                &sentence,
            ])?;
        }
        // Then one row per fact: its kind, its normalised line, the entities it involves.
        for fact in &analysis.facts {
            let entities: Vec<&str> = fact
                .entities
                .iter()
                .map(|&g| analysis.groups[g].name.as_str())
                .collect();
            writer.write_record([
                &format!("fact:{}", fact.kind.as_str()),
                fact.summary.as_str(),
                &entities.join("; "),
                &fact.start.to_string(),
                &fact.end.to_string(),
                &super::fact_context(analysis, fact),
            ])?;
        }
        writer.flush()?;
        Ok(())
    };
    write(&mut writer).map_err(std::io::Error::other)
}

#[cfg(test)]
mod tests {
    use crate::{Document, analyse};

    #[test]
    fn fields_with_commas_and_quotes_are_quoted() {
        let analysis = analyse(Document::from_text(
            "t",
            "\"Hello,\" said Xi Jinping in Beijing.",
        ));
        let csv = crate::export::render(&analysis, crate::export::Format::Csv);
        let mut lines = csv.lines();
        assert_eq!(lines.next(), Some("kind,text,entity,start,end,sentence"));
        let row = lines.next().unwrap();
        assert!(
            row.ends_with("\"\"\"Hello,\"\" said Xi Jinping in Beijing.\""),
            "{row}"
        );
    }
}
