//! The plan table as CSV, one format for export and import: UTF-8 with BOM, `;`, CRLF, the
//! German header municipalities use, several goals or partners per cell on separate lines.
//! Cells that a spreadsheet would run as a formula get a leading `'`, which the import removes.
//! Pure: the service resolves names against the process.

use uuid::Uuid;

use super::types::{
    LEAD_MAX, MEASURE_DESCRIPTION_MAX, MEASURE_TEXT_MAX, MEASURE_TITLE_MAX, MeasureId, MeasureStatus, Origin,
    PARTNER_NAME_MAX, PartnerKind, PlanDoc, Progress, TIME_TEXT_MAX, Timeframe, lines,
};
use crate::{
    error::Msg,
    i18n::{Lang, t},
    processes::types::{GOAL_MAX, NAME_MAX, THEME_MAX},
};

/// The columns every plan CSV has, in this order, then [`EXTRA`].
pub const HEADER: [&str; 9] = [
    "Handlungsfeld",
    "Phase",
    "Zeitraum",
    "Maßnahme",
    "Beschreibung",
    "Ziel",
    "Kooperationspartner",
    "Federführung",
    "Status",
];

/// Further columns Plenum writes (and reads when present).
pub const EXTRA: [&str; 9] = [
    "Art der Partner",
    "Zielgruppen",
    "Indikatoren",
    "Ressourcen",
    "Themen",
    "Fortschritt",
    "Herkunft",
    "Vorschläge",
    "ID",
];

/// At most this many bytes and rows are read.
pub const FILE_BYTES_MAX: usize = 2 << 20;
pub const ROWS_MAX: usize = 500;
/// A refused file lists at most this many problems.
pub const ERRORS_SHOWN: usize = 20;

fn status_label(s: MeasureStatus) -> String {
    t(Lang::default(), s.label_key())
}

fn kind_label(k: PartnerKind) -> String {
    t(Lang::default(), k.label_key())
}

/// A cell as written: a leading `'` before formula starts, quoted when it holds `;`, quotes or
/// line breaks. Line breaks inside are LF (Excel's Alt+Enter).
#[must_use]
pub fn cell(value: &str) -> String {
    let guard = needs_guard(value);
    let value = value.replace("\r\n", "\n").replace('\r', "\n");
    let guarded = if guard { format!("'{value}") } else { value };
    if guarded.contains([';', '"', '\n', ',']) || guarded.starts_with(' ') || guarded.ends_with(' ') {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The plan document as CSV bytes (the download and `plenum plan export --format csv`).
#[must_use]
pub fn write(doc: &PlanDoc) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = HEADER.iter().chain(EXTRA.iter()).map(|h| cell(h)).collect();
    out.push_str(&header.join(";"));
    out.push_str("\r\n");
    for m in &doc.measures {
        let partners: Vec<&str> = m.partners.iter().map(|p| p.name.as_str()).collect();
        let kinds: Vec<String> = m.partners.iter().map(|p| kind_label(p.kind)).collect();
        let proposals: usize = m.sources.iter().map(|s| s.proposals.len()).sum();
        let row = [
            m.action_field.clone(),
            m.phase.clone().unwrap_or_default(),
            m.timeframe.display(),
            m.title.clone(),
            m.description.clone(),
            m.goals.join("\n"),
            partners.join("\n"),
            m.lead.clone(),
            status_label(m.status),
            kinds.join("\n"),
            m.target_groups.clone(),
            m.indicators.clone(),
            m.resources.clone(),
            m.themes.join("\n"),
            m.progress.to_string(),
            t(Lang::default(), m.origin.label_key()),
            proposals.to_string(),
            m.id.to_string(),
        ];
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// One row of an imported plan table, checked against every rule that needs no database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// The file's line where the row starts (the header is line 1).
    pub line: usize,
    pub action_field: String,
    pub phase: String,
    pub timeframe: Timeframe,
    pub title: String,
    pub description: String,
    pub goals: Vec<String>,
    pub partners: Vec<(String, Option<PartnerKind>)>,
    pub lead: String,
    pub status: MeasureStatus,
    pub progress: i32,
    pub target_groups: String,
    pub indicators: String,
    pub resources: String,
    pub themes: Vec<String>,
    pub origin: Option<Origin>,
    pub id: Option<MeasureId>,
}

/// Why a file was refused: the line, the column and the rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub line: usize,
    pub column: String,
    pub message: Msg,
}

impl ImportError {
    fn new(line: usize, column: &str, message: Msg) -> Self {
        Self { line, column: column.to_owned(), message }
    }
}

/// Windows-1252 for a file Excel saved as "CSV (Trennzeichen-getrennt)" instead of UTF-8.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_owned();
    }
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    bytes.iter().map(|&b| if (0x80..0xa0).contains(&b) { HIGH[usize::from(b - 0x80)] } else { char::from(b) }).collect()
}

/// Splits CSV text into records of cells, each with the line it starts on. Quoted cells may
/// hold separators, doubled quotes and line breaks.
fn records(text: &str, sep: char) -> (Vec<(usize, Vec<String>)>, Option<usize>) {
    let mut out = Vec::new();
    let (mut row, mut cell, mut quoted, mut line, mut start) = (Vec::new(), String::new(), false, 1usize, 1usize);
    let mut chars = text.chars().peekable();
    let mut at_cell_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                '\r' if chars.peek() == Some(&'\n') => {}
                '\n' | '\r' => {
                    line += 1;
                    cell.push('\n');
                }
                c => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if at_cell_start => {
                quoted = true;
                at_cell_start = false;
            }
            c if c == sep => {
                row.push(std::mem::take(&mut cell));
                at_cell_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut cell));
                out.push((start, std::mem::take(&mut row)));
                line += 1;
                start = line;
                at_cell_start = true;
            }
            c => {
                cell.push(c);
                at_cell_start = false;
            }
        }
    }
    let unclosed = quoted.then_some(start);
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        out.push((start, row));
    }
    (out, unclosed)
}

/// Whether a spreadsheet could run the cell as a formula once its leading apostrophes are gone:
/// such a cell is written with one more `'`, which reading takes away again.
fn needs_guard(value: &str) -> bool {
    value.trim_start_matches('\'').starts_with(['=', '+', '-', '@', '\t', '\r', '\n'])
}

/// A cell as read: the formula guard `'` removed again, trimmed.
#[must_use]
pub fn unguard(value: &str) -> String {
    let value = value.trim_matches([' ', '\u{a0}']);
    match value.strip_prefix('\'') {
        Some(rest) if needs_guard(value) => rest.to_owned(),
        _ => value.to_owned(),
    }
}

fn parse_status(value: &str) -> Option<MeasureStatus> {
    let v = value.trim().to_lowercase();
    if v.is_empty() {
        return Some(MeasureStatus::Planned);
    }
    MeasureStatus::ALL
        .into_iter()
        .find(|s| s.as_str() == v || Lang::staff_languages().any(|l| t(l, s.label_key()).to_lowercase() == v))
}

fn parse_kind(value: &str) -> Option<PartnerKind> {
    let v = value.trim().to_lowercase();
    PartnerKind::ALL
        .into_iter()
        .find(|k| k.as_str() == v || Lang::staff_languages().any(|l| t(l, k.label_key()).to_lowercase() == v))
}

fn parse_origin(value: &str) -> Option<Origin> {
    let v = value.trim().to_lowercase();
    [Origin::Workshop, Origin::Direct, Origin::Import]
        .into_iter()
        .find(|o| o.as_str() == v || Lang::staff_languages().any(|l| t(l, o.label_key()).to_lowercase() == v))
}

/// Reads a plan table. Every row is checked before anything is returned: the first
/// [`ERRORS_SHOWN`] problems refuse the whole file.
///
/// # Errors
/// The problems with their line numbers and rules.
pub fn read(bytes: &[u8]) -> Result<Vec<ImportRow>, Vec<ImportError>> {
    if bytes.len() > FILE_BYTES_MAX {
        return Err(vec![ImportError::new(0, "", Msg::new("plan-import-too-big").arg("max", FILE_BYTES_MAX >> 20))]);
    }
    let text = decode(bytes);
    let first = text.lines().next().unwrap_or_default();
    let sep = [';', '\t', ','].into_iter().max_by_key(|s| first.matches(*s).count()).unwrap_or(';');
    let (recs, unclosed) = records(&text, sep);
    if let Some(line) = unclosed {
        return Err(vec![ImportError::new(line, "", Msg::new("plan-import-quote"))]);
    }
    let mut recs = recs.into_iter();
    let Some((_, header)) = recs.next() else {
        return Err(vec![ImportError::new(1, "", Msg::new("plan-import-empty"))]);
    };
    let header: Vec<String> = header.iter().map(|h| unguard(h).to_lowercase()).collect();
    let col = |name: &str| header.iter().position(|h| *h == name.to_lowercase());
    let missing: Vec<&str> = HEADER.iter().filter(|h| col(h).is_none()).copied().collect();
    if !missing.is_empty() {
        return Err(vec![ImportError::new(1, "", Msg::new("plan-import-header").arg("missing", missing.join(", ")))]);
    }
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (line, cells) in recs {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if rows.len() >= ROWS_MAX {
            errors.push(ImportError::new(line, "", Msg::new("plan-import-rows").arg("max", ROWS_MAX)));
            break;
        }
        let get = |name: &str| col(name).and_then(|i| cells.get(i)).map(|c| unguard(c)).unwrap_or_default();
        let mut err = |column: &str, message: Msg| errors.push(ImportError::new(line, column, message));
        let mut text = |column: &str, min: usize, max: usize| {
            let value = get(column);
            let len = value.chars().count();
            if len < min || len > max {
                let key = if min == 0 { "field-too-long" } else { "field-length" };
                err(column, Msg::new(key).arg("min", min).arg("max", max).arg("actual", len));
            }
            value
        };
        let action_field = text("Handlungsfeld", 1, NAME_MAX);
        let phase = text("Phase", 0, NAME_MAX);
        let title = text("Maßnahme", 1, MEASURE_TITLE_MAX);
        let description = text("Beschreibung", 0, MEASURE_DESCRIPTION_MAX);
        let lead = text("Federführung", 0, LEAD_MAX);
        let target_groups = text("Zielgruppen", 0, MEASURE_TEXT_MAX);
        let indicators = text("Indikatoren", 0, MEASURE_TEXT_MAX);
        let resources = text("Ressourcen", 0, MEASURE_TEXT_MAX);
        let time = text("Zeitraum", 0, TIME_TEXT_MAX);
        let goals = lines(&get("Ziel"));
        let themes = lines(&get("Themen"));
        let partner_names = lines(&get("Kooperationspartner"));
        let kinds: Vec<String> = lines(&get("Art der Partner"));
        let status_cell = get("Status");
        let progress_cell = get("Fortschritt");
        let origin = parse_origin(&get("Herkunft"));
        let id = get("ID");
        let mut err = |column: &str, message: Msg| errors.push(ImportError::new(line, column, message));
        if let Some(g) = goals.iter().find(|g| g.chars().count() > GOAL_MAX) {
            err("Ziel", Msg::new("field-too-long").arg("min", 0).arg("max", GOAL_MAX).arg("actual", g.chars().count()));
        }
        if goals.len() > super::types::GOALS_PER_MEASURE {
            err("Ziel", Msg::new("field-count-limit").arg("max", super::types::GOALS_PER_MEASURE));
        }
        if let Some(th) = themes.iter().find(|th| th.chars().count() > THEME_MAX) {
            err(
                "Themen",
                Msg::new("field-too-long").arg("min", 0).arg("max", THEME_MAX).arg("actual", th.chars().count()),
            );
        }
        if let Some(p) = partner_names.iter().find(|p| p.chars().count() > PARTNER_NAME_MAX) {
            err("Kooperationspartner", Msg::new("partner-name-too-long").arg("max", PARTNER_NAME_MAX).arg("name", p));
        }
        if partner_names.len() > super::types::PARTNERS_PER_MEASURE {
            err("Kooperationspartner", Msg::new("field-count-limit").arg("max", super::types::PARTNERS_PER_MEASURE));
        }
        let status = parse_status(&status_cell).unwrap_or_else(|| {
            err(
                "Status",
                Msg::new("plan-import-status").arg("value", status_cell.chars().take(40).collect::<String>()),
            );
            MeasureStatus::Planned
        });
        let progress = match Progress::parse(status.as_str(), &progress_cell) {
            Ok(p) => p.percent,
            Err(e) => {
                let message = e.field("progress").unwrap_or_else(|| Msg::new("measure-status-unknown"));
                err("Fortschritt", message);
                0
            }
        };
        let timeframe = Timeframe::from_display(&time);
        if let (Some(a), Some(b)) = (&timeframe.from, &timeframe.to)
            && b < a
        {
            err("Zeitraum", Msg::new("measure-end-before-start"));
        }
        let id = if id.trim().is_empty() {
            None
        } else {
            match Uuid::parse_str(id.trim()) {
                Ok(u) => Some(MeasureId(u)),
                Err(_) => {
                    err("ID", Msg::new("plan-import-id"));
                    None
                }
            }
        };
        let partners = partner_names
            .into_iter()
            .enumerate()
            .map(|(i, name)| (name, kinds.get(i).and_then(|k| parse_kind(k))))
            .collect();
        rows.push(ImportRow {
            line,
            action_field,
            phase,
            timeframe,
            title,
            description,
            goals,
            partners,
            lead,
            status,
            progress,
            target_groups,
            indicators,
            resources,
            themes,
            origin,
            id,
        });
        if errors.len() >= ERRORS_SHOWN {
            break;
        }
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        errors.truncate(ERRORS_SHOWN);
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formula_starts_guarded() {
        assert_eq!(cell("Sprachcafé"), "Sprachcafé");
        assert_eq!(cell("a;b"), "\"a;b\"");
        assert_eq!(cell("Er sagte \"ja\""), "\"Er sagte \"\"ja\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+49 521"), "'+49 521");
        assert_eq!(cell("-Liste"), "'-Liste");
        assert_eq!(cell("@SUM"), "'@SUM");
        assert_eq!(cell("\tTab"), "'\tTab");
        assert_eq!(cell("Zeile 1\r\nZeile 2"), "\"Zeile 1\nZeile 2\"");
        assert_eq!(cell("'=schon"), "''=schon");
        assert_eq!(cell("'Apostroph"), "'Apostroph");
        for v in ["=1+1", "+1", "-1", "@x", "'=schon", "'Apostroph", "''-zwei"] {
            let (read, _) = records(&cell(v), ';');
            assert_eq!(unguard(&read[0].1[0]), v.trim(), "{v}");
        }
    }

    #[test]
    fn records_keep_line_breaks_and_separators_inside_quotes() {
        let text = "A;B\r\n\"x;y\";\"1\n2\"\r\nz;\"\"\"q\"\"\"\r\n";
        let (recs, unclosed) = records(text, ';');
        assert_eq!(unclosed, None);
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[1], (2, vec!["x;y".to_owned(), "1\n2".to_owned()]));
        assert_eq!(recs[2], (4, vec!["z".to_owned(), "\"q\"".to_owned()]));
    }

    #[test]
    fn an_unclosed_quote_refuses_the_file_at_its_line() {
        let head = HEADER.join(";");
        let err = read(
            format!("{head}\r\nBildung;;;Gut;;;;;\r\nBildung;;;\"offen;;;;;\r\nBildung;;;Weg;;;;;\r\n").as_bytes(),
        )
        .expect_err("unclosed");
        assert_eq!((err[0].line, err[0].message.key.as_str()), (3, "plan-import-quote"));
    }

    #[test]
    fn a_file_without_the_header_is_refused_naming_the_missing_columns() {
        let err = read("Maßnahme;Status\r\nx;geplant\r\n".as_bytes()).expect_err("header incomplete");
        assert_eq!(err[0].line, 1);
        assert_eq!(err[0].message.key, "plan-import-header");
    }

    #[test]
    fn rows_are_read_with_bullets_status_labels_and_windows_1252() {
        let head = HEADER.join(";");
        let file = format!(
            "\u{feff}{head}\r\nBildung;1 Analyse;März bis Juli 2017;Fachstelle;;\"• Arbeitsfähige Fachstelle• Bekanntmachung\";\"Integrationsrat\nAK Asyl\";KI;In Umsetzung\r\n"
        );
        let rows = read(file.as_bytes()).expect("valid");
        assert_eq!(rows[0].goals, vec!["Arbeitsfähige Fachstelle", "Bekanntmachung"]);
        assert_eq!(rows[0].partners.len(), 2);
        assert_eq!(rows[0].status, MeasureStatus::InProgress);
        assert_eq!(rows[0].timeframe.text, "März bis Juli 2017");
        let latin: Vec<u8> = format!("{head}\r\nBildung;;;Gr\u{fc}\u{df}e;;;;;\r\n").chars().map(|c| c as u8).collect();
        assert_eq!(read(&latin).expect("cp1252")[0].title, "Grüße");
    }

    #[test]
    fn every_bad_row_is_named_with_its_line_and_rule() {
        let head = HEADER.join(";");
        let long = "x".repeat(MEASURE_TITLE_MAX + 1);
        let file =
            format!("{head}\r\nBildung;;;Gut;;;;;\r\n\"Bil\ndung\";;;{long};;;;;erledigt\r\n;;;Ohne Feld;;;;;\r\n");
        let err = read(file.as_bytes()).expect_err("bad rows");
        let at: Vec<(usize, &str, &str)> =
            err.iter().map(|e| (e.line, e.column.as_str(), e.message.key.as_str())).collect();
        assert!(at.contains(&(3, "Maßnahme", "field-length")), "{at:?}");
        assert!(at.contains(&(3, "Status", "plan-import-status")), "{at:?}");
        assert!(at.contains(&(5, "Handlungsfeld", "field-length")), "{at:?}");
    }

    #[test]
    fn timeframes_round_trip_through_their_display() {
        for tf in [
            Timeframe { from: Some("2027-03".into()), to: Some("2027-07".into()), text: String::new() },
            Timeframe { from: Some("2027-03".into()), to: None, text: String::new() },
            Timeframe { from: None, to: Some("2027-07".into()), text: String::new() },
            Timeframe { from: Some("2027-03".into()), to: Some("2027-03".into()), text: String::new() },
            Timeframe { from: None, to: None, text: "Juli bis Projektende".into() },
            Timeframe::default(),
        ] {
            assert_eq!(Timeframe::from_display(&tf.display()), tf);
        }
    }
}
