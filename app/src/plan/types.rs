//! The plan's domain: measures with timeframe, goals, partners and status; the document a plan
//! version is frozen as (and the JSON export); the rules of the forms, with their limits.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{
    error::{AppError, Msg},
    ids::id_type,
    processes::types::{ActionFieldId, PhaseId, ProcessId},
    validate::Form,
};

id_type!(MeasureId, PartnerId);

pub const MEASURE_TITLE_MAX: usize = 200;
pub const MEASURE_DESCRIPTION_MAX: usize = 5_000;
pub const MEASURE_TEXT_MAX: usize = 2_000;
pub const LEAD_MAX: usize = 200;
pub const TIME_TEXT_MAX: usize = 120;
pub const PARTNER_NAME_MAX: usize = 120;
pub const MEASURES_MAX: usize = 500;
pub const PARTNERS_MAX: usize = 500;
pub const PARTNERS_PER_MEASURE: usize = 40;
pub const GOALS_PER_MEASURE: usize = 30;
pub const NOTE_MAX: usize = 2_000;
pub const NOTES_MAX: usize = 300;
pub const ADOPTION_NOTE_MAX: usize = 500;
pub const VERSIONS_MAX: usize = 200;
pub const SEARCH_MAX: usize = 100;

/// How far a measure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum MeasureStatus {
    #[default]
    Planned,
    InProgress,
    Done,
    Paused,
    Dropped,
}

impl MeasureStatus {
    pub const ALL: [Self; 5] = [Self::Planned, Self::InProgress, Self::Done, Self::Paused, Self::Dropped];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::InProgress => "in_progress",
            Self::Done => "done",
            Self::Paused => "paused",
            Self::Dropped => "dropped",
        }
    }

    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == value.trim())
    }

    #[must_use]
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Planned => "measure-status-planned",
            Self::InProgress => "measure-status-in_progress",
            Self::Done => "measure-status-done",
            Self::Paused => "measure-status-paused",
            Self::Dropped => "measure-status-dropped",
        }
    }
}

/// Where a measure came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Promoted from a workshop's cluster or proposal.
    Workshop,
    /// Written directly by an organizer (e.g. in the analysis phase).
    #[default]
    Direct,
    /// Read from a plan table (CSV).
    Import,
}

impl Origin {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Workshop => "workshop",
            Self::Direct => "direct",
            Self::Import => "import",
        }
    }

    #[must_use]
    pub fn parse(value: &str) -> Self {
        match value {
            "workshop" => Self::Workshop,
            "import" => Self::Import,
            _ => Self::Direct,
        }
    }

    #[must_use]
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Workshop => "measure-origin-workshop",
            Self::Direct => "measure-origin-direct",
            Self::Import => "measure-origin-import",
        }
    }
}

/// The kind of a cooperation partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PartnerKind {
    Administration,
    Migrant,
    Association,
    School,
    Politics,
    Science,
    #[default]
    Other,
}

impl PartnerKind {
    pub const ALL: [Self; 7] = [
        Self::Administration,
        Self::Migrant,
        Self::Association,
        Self::School,
        Self::Politics,
        Self::Science,
        Self::Other,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Administration => "administration",
            Self::Migrant => "migrant",
            Self::Association => "association",
            Self::School => "school",
            Self::Politics => "politics",
            Self::Science => "science",
            Self::Other => "other",
        }
    }

    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == value.trim())
    }

    #[must_use]
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Administration => "partner-kind-administration",
            Self::Migrant => "partner-kind-migrant",
            Self::Association => "partner-kind-association",
            Self::School => "partner-kind-school",
            Self::Politics => "partner-kind-politics",
            Self::Science => "partner-kind-science",
            Self::Other => "partner-kind-other",
        }
    }
}

/// When a measure runs: from/to month (`YYYY-MM`), or, without months, a free text such as
/// "Juli bis Projektende".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeframe {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

impl Timeframe {
    /// The timeframe as the plan table shows it (and the CSV writes it): the text, or
    /// `03/2027 – 07/2027`, `ab 03/2027`, `bis 07/2027`.
    #[must_use]
    pub fn display(&self) -> String {
        if !self.text.is_empty() {
            return self.text.clone();
        }
        let month = |m: &String| m.split_once('-').map(|(y, m)| format!("{m}/{y}")).unwrap_or_default();
        match (&self.from, &self.to) {
            (Some(a), Some(b)) if a == b => month(a),
            (Some(a), Some(b)) => format!("{} – {}", month(a), month(b)),
            (Some(a), None) => format!("ab {}", month(a)),
            (None, Some(b)) => format!("bis {}", month(b)),
            (None, None) => String::new(),
        }
    }

    /// Reads what [`Self::display`] writes; anything else is the free text.
    #[must_use]
    pub fn from_display(value: &str) -> Self {
        let value = value.trim();
        let month = |s: &str| -> Option<String> {
            let (m, y) = s.trim().split_once('/')?;
            let (m, y) = (m.parse::<u32>().ok()?, y.parse::<i32>().ok()?);
            ((1..=12).contains(&m) && (1900..=2200).contains(&y) && s.trim().len() == 7)
                .then(|| format!("{y:04}-{m:02}"))
        };
        let parsed = if let Some(rest) = value.strip_prefix("ab ") {
            month(rest).map(|a| (Some(a), None))
        } else if let Some(rest) = value.strip_prefix("bis ") {
            month(rest).map(|b| (None, Some(b)))
        } else if let Some((a, b)) = value.split_once(" – ") {
            month(a).zip(month(b)).map(|(a, b)| (Some(a), Some(b)))
        } else {
            month(value).map(|a| (Some(a.clone()), Some(a)))
        };
        match parsed {
            Some((from, to)) => Self { from, to, text: String::new() },
            None => Self { from: None, to: None, text: value.to_owned() },
        }
    }
}

/// A measure's form as posted. Checkbox lists post `goal[g<id>]=on` (keys must not start with
/// a digit: serde_qs would read them as indices).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub action_field: String,
    #[serde(default)]
    pub phase: String,
    #[serde(default)]
    pub time_from: String,
    #[serde(default)]
    pub time_to: String,
    #[serde(default)]
    pub time_text: String,
    #[serde(default)]
    pub target_groups: String,
    #[serde(default)]
    pub lead: String,
    #[serde(default)]
    pub indicators: String,
    #[serde(default)]
    pub resources: String,
    #[serde(default)]
    pub goal: BTreeMap<String, String>,
    #[serde(default)]
    pub theme: BTreeMap<String, String>,
    #[serde(default)]
    pub partner: BTreeMap<String, String>,
    /// New partners, one per line; they become partner records of the process.
    #[serde(default)]
    pub new_partners: String,
    #[serde(default)]
    pub new_partner_kind: String,
}

/// The key a checkbox of id `id` posts under (`g<id>`).
#[must_use]
pub fn check_key(id: impl std::fmt::Display) -> String {
    format!("g{id}")
}

/// The ids ticked in a checkbox map (keys without the prefix or not ids are dropped).
#[must_use]
pub fn ticked(map: &BTreeMap<String, String>) -> Vec<Uuid> {
    let mut ids: Vec<Uuid> = map
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .filter_map(|(k, _)| k.strip_prefix('g').and_then(|id| Uuid::parse_str(id).ok()))
        .collect();
    ids.dedup();
    ids
}

/// Lines of a cell or textarea: split at line breaks and `•` bullets, trimmed, without empties;
/// a list mark (`- `, `* `, `· `) before a line is dropped.
#[must_use]
pub fn lines(value: &str) -> Vec<String> {
    value
        .split(['\n', '\r', '•'])
        .map(|l| {
            let l = l.trim();
            ["- ", "* ", "· "].iter().find_map(|mark| l.strip_prefix(mark)).unwrap_or(l).trim().to_owned()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// A measure's content, validated (ids are checked against the process by the service).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeasureInput {
    pub title: String,
    pub description: String,
    pub action_field: Option<ActionFieldId>,
    pub phase: Option<PhaseId>,
    pub timeframe: Timeframe,
    pub target_groups: String,
    pub lead: String,
    pub indicators: String,
    pub resources: String,
    pub goals: Vec<Uuid>,
    pub themes: Vec<Uuid>,
    pub partners: Vec<Uuid>,
    pub new_partners: Vec<(String, PartnerKind)>,
}

/// A month as `<input type=month>` sends it (`2027-03`), or `03/2027`.
fn month(form: &mut Form, field: &str, value: &str) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let parsed = chrono::NaiveDate::parse_from_str(&format!("{value}-01"), "%Y-%m-%d")
        .ok()
        .or_else(|| chrono::NaiveDate::parse_from_str(&format!("01/{value}"), "%d/%m/%Y").ok())
        .filter(|d| (1900..=2200).contains(&chrono::Datelike::year(d)));
    match parsed {
        Some(d) => Some(d.format("%Y-%m").to_string()),
        None => {
            form.error(field, Msg::new("field-month"));
            None
        }
    }
}

impl MeasureInput {
    /// # Errors
    /// `Invalid` naming each field outside its limits, a month that is no month, an end before
    /// the start, too many goals or partners.
    pub fn parse(f: &MeasureForm) -> Result<Self, AppError> {
        let mut form = Form::new();
        let title = form.text("title", &f.title, 1, MEASURE_TITLE_MAX);
        let description = form.text("description", &f.description, 0, MEASURE_DESCRIPTION_MAX);
        let action_field = match Uuid::parse_str(f.action_field.trim()) {
            Ok(id) => Some(ActionFieldId(id)),
            Err(_) => {
                form.error("action_field", Msg::new("measure-action-field-required"));
                None
            }
        };
        let phase = Uuid::parse_str(f.phase.trim()).ok().map(PhaseId);
        let time_text = form.text("time_text", &f.time_text, 0, TIME_TEXT_MAX);
        let (from, to) = (month(&mut form, "time_from", &f.time_from), month(&mut form, "time_to", &f.time_to));
        if let (Some(a), Some(b)) = (&from, &to)
            && b < a
        {
            form.error("time_to", Msg::new("measure-end-before-start"));
        }
        // Months, when given, are the timeframe; the text is for what months cannot say.
        // A text that reads as months ("03/2027 – 07/2027") is those months, as the CSV reads it.
        let timeframe = if from.is_some() || to.is_some() || time_text.is_empty() {
            Timeframe { from, to, text: String::new() }
        } else {
            Timeframe::from_display(&time_text)
        };
        if let (Some(a), Some(b)) = (&timeframe.from, &timeframe.to)
            && b < a
            && time_text == timeframe.display()
        {
            form.error("time_text", Msg::new("measure-end-before-start"));
        }
        let target_groups = form.text("target_groups", &f.target_groups, 0, MEASURE_TEXT_MAX);
        let lead = form.text("lead", &f.lead, 0, LEAD_MAX);
        let indicators = form.text("indicators", &f.indicators, 0, MEASURE_TEXT_MAX);
        let resources = form.text("resources", &f.resources, 0, MEASURE_TEXT_MAX);
        let goals = ticked(&f.goal);
        if goals.len() > GOALS_PER_MEASURE {
            form.error("goal", Msg::new("field-count-limit").arg("max", GOALS_PER_MEASURE));
        }
        let themes = ticked(&f.theme);
        let partners = ticked(&f.partner);
        let kind = PartnerKind::parse(&f.new_partner_kind).unwrap_or_default();
        let mut new_partners = Vec::new();
        for name in lines(&f.new_partners) {
            if name.chars().count() > PARTNER_NAME_MAX {
                form.error(
                    "new_partners",
                    Msg::new("partner-name-too-long").arg("max", PARTNER_NAME_MAX).arg("name", &name),
                );
            } else if !new_partners.iter().any(|(n, _): &(String, PartnerKind)| n.to_lowercase() == name.to_lowercase())
            {
                new_partners.push((name, kind));
            }
        }
        if partners.len() + new_partners.len() > PARTNERS_PER_MEASURE {
            form.error("new_partners", Msg::new("field-count-limit").arg("max", PARTNERS_PER_MEASURE));
        }
        let input = Self {
            title,
            description,
            action_field,
            phase,
            timeframe,
            target_groups,
            lead,
            indicators,
            resources,
            goals,
            themes,
            partners,
            new_partners,
        };
        form.finish().map(|()| input)
    }
}

/// Status and progress of a measure, validated: progress 0–100; a planned measure has 0 %, a
/// completed one 100 % (set when the status says so).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub status: MeasureStatus,
    pub percent: i32,
}

impl Progress {
    /// # Errors
    /// `Invalid` for an unknown status, progress outside 0–100, or planned with progress.
    pub fn parse(status: &str, percent: &str) -> Result<Self, AppError> {
        let mut form = Form::new();
        let status = MeasureStatus::parse(status).unwrap_or_else(|| {
            form.error("status", Msg::new("measure-status-unknown"));
            MeasureStatus::Planned
        });
        let percent = match percent.trim() {
            "" => 0,
            p => match p.trim_end_matches('%').trim().parse::<i32>() {
                Ok(v) if (0..=100).contains(&v) => v,
                _ => {
                    form.error("progress", Msg::new("field-number").arg("min", 0).arg("max", 100));
                    0
                }
            },
        };
        if status == MeasureStatus::Planned && percent > 0 {
            form.error("progress", Msg::new("measure-planned-progress"));
        }
        let percent = if status == MeasureStatus::Done { 100 } else { percent };
        form.finish().map(|()| Self { status, percent })
    }
}

/// A dated entry of a measure's timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    Note,
    Milestone,
}

impl NoteKind {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Note => "note",
            Self::Milestone => "milestone",
        }
    }

    #[must_use]
    pub fn parse(value: &str) -> Self {
        if value == "milestone" { Self::Milestone } else { Self::Note }
    }
}

/// A progress note or milestone, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteInput {
    pub kind: NoteKind,
    pub on: NaiveDate,
    pub text: String,
    pub done: bool,
}

impl NoteInput {
    /// # Errors
    /// `Invalid` for a missing or unreadable date, an empty or too long text.
    pub fn parse(kind: &str, on: &str, text: &str, done: bool) -> Result<Self, AppError> {
        let mut form = Form::new();
        let date = form.optional_date("on", on);
        if date.is_none() && on.trim().is_empty() {
            form.error("on", Msg::new("field-date"));
        }
        let text = form.text("text", text, 1, NOTE_MAX);
        let kind = NoteKind::parse(kind);
        form.finish().map(|()| Self {
            kind,
            on: date.unwrap_or_default(),
            text,
            done: done && kind == NoteKind::Milestone,
        })
    }
}

/// The steering committee's adoption: its date and an optional note or minute reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdoptionInput {
    pub on: NaiveDate,
    pub note: String,
}

impl AdoptionInput {
    /// # Errors
    /// `Invalid` for a missing date or a note over 500 characters.
    pub fn parse(on: &str, note: &str) -> Result<Self, AppError> {
        let mut form = Form::new();
        let date = form.optional_date("adopted_on", on);
        if date.is_none() && on.trim().is_empty() {
            form.error("adopted_on", Msg::new("field-date"));
        }
        let note = form.text("note", note, 0, ADOPTION_NOTE_MAX);
        form.finish().map(|()| Self { on: date.unwrap_or_default(), note })
    }
}

// ---- The plan document: what a version freezes and what the JSON export writes ----

/// The format name written into every plan document.
pub const PLAN_FORMAT: &str = "plenum-plan/1";

/// A plan as one document: the draft or a frozen version, with every measure's provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanDoc {
    pub format: String,
    pub process: ProcessRef,
    /// `None` for the draft.
    pub version: Option<VersionInfo>,
    pub action_fields: Vec<NamedRef>,
    pub phases: Vec<NamedRef>,
    pub measures: Vec<MeasureDoc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcessRef {
    pub id: ProcessId,
    pub name: String,
    pub municipality: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedRef {
    pub id: Uuid,
    pub name: String,
}

/// An adopted version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionInfo {
    pub number: i32,
    pub adopted_on: NaiveDate,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerDoc {
    pub name: String,
    pub kind: PartnerKind,
}

/// One measure in a plan document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasureDoc {
    pub id: MeasureId,
    pub action_field: String,
    pub phase: Option<String>,
    pub timeframe: Timeframe,
    pub title: String,
    pub description: String,
    pub goals: Vec<String>,
    pub partners: Vec<PartnerDoc>,
    pub lead: String,
    pub status: MeasureStatus,
    pub progress: i32,
    pub target_groups: String,
    pub indicators: String,
    pub resources: String,
    pub themes: Vec<String>,
    pub origin: Origin,
    pub sources: Vec<SourceDoc>,
    /// Measures merged into this one.
    #[serde(default)]
    pub merged: Vec<NamedRef>,
}

/// Where a measure came from: a workshop's cluster or single proposal, its visible proposals,
/// and how it fared in the vote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceDoc {
    pub workshop: WorkshopRef,
    pub cluster: Option<NamedRef>,
    pub proposals: Vec<NamedRef>,
    pub votes: Vec<VoteDoc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopRef {
    pub id: Uuid,
    pub title: String,
    pub date: Option<NaiveDate>,
}

/// The source's place in one frozen vote round: "Platz 2 von 14, 23 Punkte, davon 6 auf Papier".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoteDoc {
    pub round: String,
    pub method: crate::votes::tally::Method,
    /// 1-based; tied options share it.
    pub place: u32,
    pub tied: bool,
    pub options: u32,
    /// Dots or approvals (online plus paper).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper: Option<u32>,
    /// Score: the mean.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean: Option<f64>,
    pub ballots: u32,
}

// ---- What the pages show ----

/// A measure in the plan table, with its live status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanRow {
    pub doc: MeasureDoc,
    /// Whether the living measure still exists (its page can be opened).
    pub live: bool,
    /// What its evaluation surveys say (responses, mean satisfaction), if it has any.
    #[serde(default)]
    pub evaluation: Option<crate::surveys::results::EvaluationFigures>,
}

/// The plan page: the chosen version (or the draft), its measures filtered, and what can be
/// chosen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanPage {
    pub process: ProcessRef,
    /// The version shown; `None`: the draft.
    pub version: Option<VersionInfo>,
    pub versions: Vec<VersionInfo>,
    pub draft_visible: bool,
    pub draft_public: bool,
    pub rows: Vec<PlanRow>,
    pub total: usize,
    pub action_fields: Vec<NamedRef>,
    pub phases: Vec<NamedRef>,
    pub themes: Vec<NamedRef>,
    pub partners: Vec<NamedRef>,
    pub can_edit: bool,
}

/// The filters of the plan page (a GET form).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanFilter {
    /// `draft`, a version number, or empty (the newest adopted version, else the draft).
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub field: String,
    #[serde(default)]
    pub theme: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub partner: String,
    #[serde(default)]
    pub q: String,
}

impl PlanFilter {
    /// Whether a measure passes the filters (names compared as shown; search in title,
    /// description, goals, partners and lead, case-insensitive).
    #[must_use]
    pub fn keeps(&self, m: &MeasureDoc) -> bool {
        let q = self.q.trim().to_lowercase();
        (self.field.is_empty() || m.action_field == self.field)
            && (self.theme.is_empty() || m.themes.contains(&self.theme))
            && (self.status.is_empty() || m.status.as_str() == self.status)
            && (self.partner.is_empty() || m.partners.iter().any(|p| p.name == self.partner))
            && (q.is_empty()
                || [&m.title, &m.description, &m.lead, &m.target_groups].iter().any(|s| s.to_lowercase().contains(&q))
                || m.goals.iter().chain(m.partners.iter().map(|p| &p.name)).any(|s| s.to_lowercase().contains(&q)))
    }
}

/// A note or milestone as the timeline shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteView {
    pub id: Uuid,
    pub kind: NoteKind,
    pub on: NaiveDate,
    pub text: String,
    pub done: bool,
}

/// A choice in a form: id and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub id: Uuid,
    pub name: String,
    /// A goal's action field (`None`: a goal of the whole process); a partner's kind.
    #[serde(default)]
    pub group: Option<String>,
}

/// What the measure form offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MeasureChoices {
    pub action_fields: Vec<Choice>,
    pub phases: Vec<Choice>,
    pub goals: Vec<Choice>,
    pub themes: Vec<Choice>,
    pub partners: Vec<Choice>,
    pub staff: Vec<Choice>,
}

/// One measure's page: the document (content and provenance), the timeline, and for staff the
/// form's values and choices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasureDetail {
    pub process: ProcessRef,
    pub doc: MeasureDoc,
    pub notes: Vec<NoteView>,
    /// The measure was merged into this one (its page points there).
    pub merged_into: Option<NamedRef>,
    pub form: MeasureForm,
    pub status: MeasureStatus,
    pub progress: i32,
    pub staff: Vec<Uuid>,
    pub choices: MeasureChoices,
    /// Other measures of the plan (to merge into).
    pub others: Vec<NamedRef>,
    pub can_edit: bool,
    pub can_note: bool,
}

/// A cluster or loose proposal of a closed workshop that can become a measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub workshop: WorkshopRef,
    pub cluster: bool,
    pub id: Uuid,
    pub title: String,
    pub action_field: String,
    pub proposals: usize,
    pub votes: Vec<VoteDoc>,
    /// The measures already made from it.
    pub measures: Vec<NamedRef>,
}

/// The organizer's plan page: the draft's measures, candidates, versions, partners.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanAdmin {
    pub process: ProcessRef,
    pub draft: Vec<PlanRow>,
    pub candidates: Vec<Candidate>,
    pub versions: Vec<VersionInfo>,
    pub draft_public: bool,
    pub published: bool,
    pub partners: Vec<Choice>,
}

/// What the promote form starts with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PromoteDraft {
    pub process: ProcessRef,
    pub source: Option<Candidate>,
    pub form: MeasureForm,
    /// What the source's proposals suggested, to pick from.
    pub suggested_goals: Vec<String>,
    pub choices: MeasureChoices,
}

/// A measure's source, as the promote form posts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    pub workshop: Uuid,
    pub cluster: Option<Uuid>,
    pub proposal: Option<Uuid>,
}

pub use crate::workshops::types::{Fate, MeasureRef};

// ---- Workshop documentation ----

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocProposal {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    pub goal: String,
    pub target_group: String,
    pub partners: String,
    pub timeframe: String,
    pub from_room: bool,
    pub cluster: Option<String>,
    pub fate: Option<Fate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocField {
    pub name: String,
    pub proposals: Vec<DocProposal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocCluster {
    pub title: String,
    pub summary: String,
    pub action_field: String,
    pub proposals: Vec<String>,
    /// The measures made from it; empty: not taken up (yet).
    pub measures: Vec<NamedRef>,
}

/// The documentation of one workshop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkshopDoc {
    pub id: crate::workshops::types::WorkshopId,
    pub process_name: String,
    pub municipality: String,
    pub title: String,
    pub starts_at: Option<chrono::NaiveDateTime>,
    pub place: String,
    pub mode: crate::workshops::types::WorkshopMode,
    pub state: crate::workshops::types::WorkshopState,
    pub moderators: Vec<String>,
    pub participants: u32,
    /// Count per organisation type key (`None`: not stated).
    pub by_org_type: Vec<(Option<crate::workshops::types::OrgType>, u32)>,
    pub fields: Vec<DocField>,
    pub clusters: Vec<DocCluster>,
    pub rounds: Vec<(String, crate::votes::types::FrozenResult)>,
}

/// What became of a proposal, in words.
#[must_use]
pub fn fate_text(lang: crate::i18n::Lang, fate: Option<&Fate>) -> String {
    match fate {
        Some(Fate::Taken(list)) => {
            let names: Vec<String> = list.iter().map(|m| m.title.clone()).collect();
            crate::i18n::t_args(lang, "fate-taken", &[("measures", names.join(", "))])
        }
        Some(Fate::NotTaken) => crate::i18n::t(lang, "fate-not-taken"),
        None => String::new(),
    }
}

// ---- Comparing two versions ----

/// A field of a measure that changed between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    /// The i18n key of the field's name.
    pub field: String,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureChange {
    pub id: MeasureId,
    pub title: String,
    pub changes: Vec<FieldChange>,
}

/// Two versions compared: measures added, removed and changed, field by field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PlanDiff {
    pub added: Vec<NamedRef>,
    pub removed: Vec<NamedRef>,
    pub changed: Vec<MeasureChange>,
}

/// The fields compared, with their i18n keys and how they are written.
fn compared(m: &MeasureDoc) -> Vec<(&'static str, String)> {
    let partners: Vec<String> = m.partners.iter().map(|p| p.name.clone()).collect();
    vec![
        ("measure-title", m.title.clone()),
        ("measure-description", m.description.clone()),
        ("measure-action-field", m.action_field.clone()),
        ("measure-phase", m.phase.clone().unwrap_or_default()),
        ("measure-timeframe", m.timeframe.display()),
        ("measure-goals", m.goals.join("\n")),
        ("measure-partners", partners.join("\n")),
        ("measure-lead", m.lead.clone()),
        ("measure-status", m.status.as_str().to_owned()),
        ("measure-progress", format!("{} %", m.progress)),
        ("measure-target-groups", m.target_groups.clone()),
        ("measure-indicators", m.indicators.clone()),
        ("measure-resources", m.resources.clone()),
        ("measure-themes", m.themes.join("\n")),
    ]
}

/// Compares two plan documents by measure id.
#[must_use]
pub fn diff(a: &PlanDoc, b: &PlanDoc) -> PlanDiff {
    let named = |m: &MeasureDoc| NamedRef { id: m.id.0, name: m.title.clone() };
    let mut out = PlanDiff::default();
    for old in &a.measures {
        match b.measures.iter().find(|m| m.id == old.id) {
            None => out.removed.push(named(old)),
            Some(new) => {
                let changes: Vec<FieldChange> = compared(old)
                    .into_iter()
                    .zip(compared(new))
                    .filter(|((_, x), (_, y))| x != y)
                    .map(|((field, before), (_, after))| FieldChange { field: field.to_owned(), before, after })
                    .collect();
                if !changes.is_empty() {
                    out.changed.push(MeasureChange { id: new.id, title: new.title.clone(), changes });
                }
            }
        }
    }
    out.added = b.measures.iter().filter(|m| !a.measures.iter().any(|o| o.id == m.id)).map(named).collect();
    out
}

#[cfg(test)]
mod tests;
