//! The survey's domain: the questionnaire (sections of questions of nine kinds, each with its
//! rules and an optional condition), its settings and reach, the JSON format it is shared in
//! (`plenum-survey/1`), and the rules for changing a questionnaire that already has answers.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    error::{AppError, Msg},
    ids::id_type,
    processes::types::ProcessId,
    validate::Form,
    workshops::types::{ORGANISATION_MAX, OrgType, WorkshopId},
};

id_type!(SurveyId);

pub const FORMAT: &str = "plenum-survey/1";
pub const TITLE_MAX: usize = 200;
pub const INTRO_MAX: usize = 5_000;
pub const QUESTION_MAX: usize = 500;
pub const HELP_MAX: usize = 1_000;
pub const OPTION_MAX: usize = 200;
pub const OPTIONS_MAX: usize = 30;
pub const SECTIONS_MAX: usize = 30;
pub const QUESTIONS_MAX: usize = 150;
pub const SURVEYS_MAX: usize = 200;
pub const SHORT_TEXT_LIMIT: u32 = 500;
pub const LONG_TEXT_LIMIT: u32 = 5_000;
pub const SHORT_TEXT_DEFAULT: u32 = 200;
pub const LONG_TEXT_DEFAULT: u32 = 2_000;
pub const OTHER_MAX: usize = 200;
/// At most this many bytes of a survey's JSON file are read.
pub const FILE_BYTES_MAX: usize = 1 << 20;
/// The id of the "Sonstiges" choice of a single-choice question.
pub const OTHER_ID: &str = "_other";

/// The kinds of questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Single,
    Multiple,
    Likert,
    Rating,
    Number,
    Date,
    Text,
    LongText,
    Ranking,
}

impl Kind {
    pub const ALL: [Self; 9] = [
        Self::Single,
        Self::Multiple,
        Self::Likert,
        Self::Rating,
        Self::Number,
        Self::Date,
        Self::Text,
        Self::LongText,
        Self::Ranking,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Single => "single",
            Self::Multiple => "multiple",
            Self::Likert => "likert",
            Self::Rating => "rating",
            Self::Number => "number",
            Self::Date => "date",
            Self::Text => "text",
            Self::LongText => "long_text",
            Self::Ranking => "ranking",
        }
    }

    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == value.trim())
    }

    #[must_use]
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Single => "survey-kind-single",
            Self::Multiple => "survey-kind-multiple",
            Self::Likert => "survey-kind-likert",
            Self::Rating => "survey-kind-rating",
            Self::Number => "survey-kind-number",
            Self::Date => "survey-kind-date",
            Self::Text => "survey-kind-text",
            Self::LongText => "survey-kind-long-text",
            Self::Ranking => "survey-kind-ranking",
        }
    }

    /// Whether the question lists options (for a Likert matrix: its statements).
    #[must_use]
    pub fn has_options(self) -> bool {
        matches!(self, Self::Single | Self::Multiple | Self::Likert | Self::Ranking)
    }

    /// Whether a condition may compare an answer of this kind with values.
    #[must_use]
    pub fn comparable(self) -> bool {
        matches!(self, Self::Single | Self::Multiple | Self::Rating | Self::Number | Self::Text | Self::Date)
    }
}

/// An option of a choice or ranking question, or a statement of a Likert matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub id: String,
    pub label: String,
}

/// How a condition compares the earlier answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CondOp {
    /// The answer is (or, for multiple choice, includes) the one value.
    Equals,
    /// The answer is (or includes) one of the values.
    OneOf,
    /// The earlier question was answered at all.
    Answered,
}

impl CondOp {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Equals => "equals",
            Self::OneOf => "one_of",
            Self::Answered => "answered",
        }
    }

    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        [Self::Equals, Self::OneOf, Self::Answered].into_iter().find(|o| o.as_str() == value.trim())
    }
}

/// Show a question only if an earlier answer matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    pub question: String,
    pub op: CondOp,
    /// Option ids for choice questions, else the literal values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
}

/// One question. Which fields count depends on the kind (see the README's JSON format).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    pub text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub help: String,
    #[serde(default)]
    pub required: bool,
    /// Options (single, multiple, ranking) or the statements of a Likert matrix.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    /// Likert: the labels of the 5 or 7 steps; rating: the labels of 0 and 10 (optional).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scale: Vec<String>,
    /// Single choice: offer "Sonstiges: ___".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub other: bool,
    /// Multiple choice: fewest choices; number: lowest value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Multiple choice: most choices; number: highest value; text: most characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Number: the unit shown beside the field ("Personen", "€").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
}

impl Question {
    /// The most characters a text answer may have.
    #[must_use]
    pub fn text_limit(&self) -> u32 {
        let (default, limit) = match self.kind {
            Kind::LongText => (LONG_TEXT_DEFAULT, LONG_TEXT_LIMIT),
            _ => (SHORT_TEXT_DEFAULT, SHORT_TEXT_LIMIT),
        };
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        self.max.map_or(default, |m| (m.max(1.0) as u32).min(limit))
    }

    /// The Likert steps (5 or 7).
    #[must_use]
    pub fn steps(&self) -> u8 {
        if self.scale.len() == 7 { 7 } else { 5 }
    }

    #[must_use]
    pub fn option_label(&self, id: &str) -> Option<&str> {
        self.options.iter().find(|o| o.id == id).map(|o| o.label.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub questions: Vec<Question>,
}

/// The questionnaire: what participants see, page by page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Definition {
    #[serde(default)]
    pub sections: Vec<Section>,
}

impl Definition {
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    #[must_use]
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|q| q.id == id)
    }

    /// Where a question is: (section index, index in the section).
    #[must_use]
    pub fn position(&self, id: &str) -> Option<(usize, usize)> {
        self.sections
            .iter()
            .enumerate()
            .find_map(|(s, sec)| sec.questions.iter().position(|q| q.id == id).map(|i| (s, i)))
    }

    /// A fresh id with this prefix (`q7`, `s3`, `o12`) not used in the survey.
    #[must_use]
    pub fn fresh_id(&self, prefix: &str) -> String {
        let used = |id: &str| {
            self.sections.iter().any(|s| s.id == id)
                || self.questions().any(|q| q.id == id || q.options.iter().any(|o| o.id == id))
        };
        (1..).map(|n| format!("{prefix}{n}")).find(|id| !used(id)).unwrap_or_else(|| prefix.to_owned())
    }

    /// Checks a whole questionnaire (an import, a copy): ids unique, texts within their limits,
    /// options where the kind needs them, conditions on earlier questions only.
    ///
    /// # Errors
    /// `Invalid` naming the first broken question.
    pub fn check(&self) -> Result<(), AppError> {
        let bad = |key: &str, at: &str| Err(AppError::invalid("file", Msg::new(key).arg("question", at)));
        if self.sections.len() > SECTIONS_MAX {
            return Err(AppError::invalid("file", Msg::new("field-count-limit").arg("max", SECTIONS_MAX)));
        }
        if self.questions().count() > QUESTIONS_MAX {
            return Err(AppError::invalid("file", Msg::new("field-count-limit").arg("max", QUESTIONS_MAX)));
        }
        let mut seen: Vec<&str> = Vec::new();
        for section in &self.sections {
            if !valid_id(&section.id) || seen.contains(&section.id.as_str()) {
                return bad("survey-file-id", &section.id);
            }
            seen.push(&section.id);
            if section.title.chars().count() > TITLE_MAX {
                return bad("survey-file-text", &section.id);
            }
        }
        let mut earlier: Vec<&Question> = Vec::new();
        for q in self.questions() {
            if !valid_id(&q.id) || seen.contains(&q.id.as_str()) || q.id == OTHER_ID {
                return bad("survey-file-id", &q.id);
            }
            seen.push(&q.id);
            let text_len = q.text.trim().chars().count();
            if text_len == 0
                || text_len > QUESTION_MAX
                || q.help.chars().count() > HELP_MAX
                || q.unit.chars().count() > 40
                || q.options.iter().any(|o| o.label.trim().is_empty() || o.label.chars().count() > OPTION_MAX)
                || q.scale.iter().any(|l| l.chars().count() > OPTION_MAX)
            {
                return bad("survey-file-text", &q.id);
            }
            let mut option_ids: Vec<&str> = Vec::new();
            for o in &q.options {
                if !valid_id(&o.id) || option_ids.contains(&o.id.as_str()) || RESERVED.contains(&o.id.as_str()) {
                    return bad("survey-file-id", &q.id);
                }
                option_ids.push(&o.id);
            }
            let options_ok = match q.kind {
                Kind::Single | Kind::Multiple | Kind::Ranking => (2..=OPTIONS_MAX).contains(&q.options.len()),
                Kind::Likert => (1..=OPTIONS_MAX).contains(&q.options.len()) && matches!(q.scale.len(), 5 | 7),
                Kind::Rating => q.options.is_empty() && matches!(q.scale.len(), 0 | 2),
                _ => q.options.is_empty(),
            };
            if !options_ok {
                return bad("survey-file-options", &q.id);
            }
            if let (Some(min), Some(max)) = (q.min, q.max)
                && min > max
            {
                return bad("survey-file-range", &q.id);
            }
            if let Some(c) = &q.condition {
                let Some(target) = earlier.iter().find(|e| e.id == c.question) else {
                    return bad("survey-file-condition", &q.id);
                };
                if c.op != CondOp::Answered && (!target.kind.comparable() || c.values.is_empty()) {
                    return bad("survey-file-condition", &q.id);
                }
                if matches!(target.kind, Kind::Single | Kind::Multiple)
                    && c.values.iter().any(|v| v != OTHER_ID && target.option_label(v).is_none())
                {
                    return bad("survey-file-condition", &q.id);
                }
            }
            earlier.push(q);
        }
        Ok(())
    }
}

/// Ids an option may not have: the page uses them beside the options' own.
const RESERVED: [&str; 5] = [OTHER_ID, "other", "input", "help", "error"];

fn valid_id(id: &str) -> bool {
    (1..=40).contains(&id.len()) && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Where a survey is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Reach {
    /// Anyone with the link (or the QR code).
    #[default]
    Public,
    /// The participants of one workshop (their board and the projector show it).
    Workshop,
    /// The evaluation of plan measures: each response is about one of them.
    Evaluation,
}

impl Reach {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Public => "public",
            Self::Workshop => "workshop",
            Self::Evaluation => "evaluation",
        }
    }

    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        [Self::Public, Self::Workshop, Self::Evaluation].into_iter().find(|r| r.as_str() == value.trim())
    }

    #[must_use]
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Public => "survey-reach-public",
            Self::Workshop => "survey-reach-workshop",
            Self::Evaluation => "survey-reach-evaluation",
        }
    }
}

/// Whether a survey takes answers: set by the organizer; the dates narrow it further.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SurveyState {
    #[default]
    Draft,
    Open,
    Closed,
}

impl SurveyState {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Open => "open",
            Self::Closed => "closed",
        }
    }

    #[must_use]
    pub fn parse(value: &str) -> Self {
        match value {
            "open" => Self::Open,
            "closed" => Self::Closed,
            _ => Self::Draft,
        }
    }

    #[must_use]
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Draft => "survey-state-draft",
            Self::Open => "survey-state-open",
            Self::Closed => "survey-state-closed",
        }
    }
}

/// The settings of a survey, as its form and its JSON file carry them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Settings {
    pub title: String,
    #[serde(default)]
    pub intro: String,
    #[serde(default)]
    pub reach: Reach,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workshop: Option<WorkshopId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opens_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes_on: Option<NaiveDate>,
    /// One response per workshop participant (their cookie), for workshop surveys.
    #[serde(default)]
    pub one_per_participant: bool,
    /// Ask for the organisation and its type (a *Datenabfrage* among organisations).
    #[serde(default)]
    pub ask_organisation: bool,
    /// Everyone may see the results at `/s/{id}/results`.
    #[serde(default)]
    pub results_public: bool,
    /// The languages its pages come in (every language unless chosen).
    #[serde(default, skip_serializing_if = "crate::i18n::Offer::is_all")]
    pub languages: crate::i18n::Offer,
}

impl Settings {
    /// Parses the settings form.
    ///
    /// # Errors
    /// `Invalid` with one message per field.
    #[allow(clippy::too_many_arguments, clippy::fn_params_excessive_bools)]
    pub fn parse(
        title: &str,
        intro: &str,
        reach: &str,
        workshop: &str,
        opens_on: &str,
        closes_on: &str,
        one_per_participant: bool,
        ask_organisation: bool,
        results_public: bool,
    ) -> Result<Self, AppError> {
        let mut form = Form::new();
        let title = form.text("title", title, 1, TITLE_MAX);
        let intro = form.text("intro", intro, 0, INTRO_MAX);
        let reach = Reach::parse(reach).unwrap_or_default();
        let workshop = match (reach, workshop.trim()) {
            (Reach::Workshop, "") => {
                form.error("workshop", Msg::new("survey-workshop-required"));
                None
            }
            (Reach::Workshop, w) => {
                WorkshopId::parse(w).map_err(|_| form.error("workshop", Msg::new("survey-workshop-required"))).ok()
            }
            _ => None,
        };
        let opens_on = form.optional_date("opens_on", opens_on);
        let closes_on = form.optional_date("closes_on", closes_on);
        if let (Some(o), Some(c)) = (opens_on, closes_on)
            && c < o
        {
            form.error("closes_on", Msg::new("survey-dates-order"));
        }
        if one_per_participant && reach != Reach::Workshop {
            form.error("one_per_participant", Msg::new("survey-one-per-participant-workshop"));
        }
        form.finish()?;
        Ok(Self {
            title,
            intro,
            reach,
            workshop,
            opens_on,
            closes_on,
            one_per_participant,
            ask_organisation,
            results_public,
            languages: crate::i18n::Offer::default(),
        })
    }
}

/// The survey as shared between municipalities: `plenum survey export|import` and the
/// download/upload on the survey's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveyFile {
    pub format: String,
    pub title: String,
    #[serde(default)]
    pub intro: String,
    #[serde(default)]
    pub one_per_participant: bool,
    #[serde(default)]
    pub ask_organisation: bool,
    pub sections: Vec<Section>,
}

impl SurveyFile {
    /// Reads and checks a survey file.
    ///
    /// # Errors
    /// `Invalid` on `file` when it is not JSON of this format or breaks a rule.
    pub fn read(bytes: &[u8]) -> Result<Self, AppError> {
        if bytes.len() > FILE_BYTES_MAX {
            return Err(AppError::invalid("file", Msg::new("survey-file-too-big").arg("max", "1 MB")));
        }
        let text = std::str::from_utf8(bytes).map(|t| t.trim_start_matches('\u{feff}'));
        let file: Self = text
            .ok()
            .and_then(|t| serde_json::from_str(t).ok())
            .ok_or_else(|| AppError::invalid("file", Msg::new("survey-file-unreadable")))?;
        if file.format != FORMAT {
            return Err(AppError::invalid("file", Msg::new("survey-file-format").arg("format", FORMAT)));
        }
        let title_len = file.title.trim().chars().count();
        if title_len == 0 || title_len > TITLE_MAX || file.intro.chars().count() > INTRO_MAX {
            return Err(AppError::invalid("file", Msg::new("survey-file-text").arg("question", "title")));
        }
        Definition { sections: file.sections.clone() }.check()?;
        Ok(file)
    }
}

/// The question form of the builder (new or changed question), as posted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct QuestionForm {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub help: String,
    #[serde(default)]
    pub required: Option<String>,
    /// One option (or Likert statement) per line.
    #[serde(default)]
    pub options: String,
    /// Likert: one step label per line (5 or 7); rating: the labels of 0 and 10.
    #[serde(default)]
    pub scale: String,
    #[serde(default)]
    pub other: Option<String>,
    #[serde(default)]
    pub min: String,
    #[serde(default)]
    pub max: String,
    #[serde(default)]
    pub unit: String,
    /// The earlier question the condition looks at ("" for none).
    #[serde(default)]
    pub cond_question: String,
    #[serde(default)]
    pub cond_op: String,
    /// Option labels (choice questions) or values, one per line.
    #[serde(default)]
    pub cond_values: String,
    /// Set when the organizer confirmed changing a question that has answers.
    #[serde(default)]
    pub confirm: Option<String>,
}

/// The default labels of a 5-step and a 7-step agreement scale.
#[must_use]
pub fn default_scale(steps: usize, lang: crate::i18n::Lang) -> Vec<String> {
    (1..=steps).map(|n| crate::i18n::t(lang, &format!("survey-likert{steps}-{n}"))).collect()
}

fn lines(value: &str) -> Vec<String> {
    value
        .lines()
        .map(|l| l.trim().trim_start_matches(['•', '-', '*']).trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

/// The largest number an answer may be (beyond it sums and means would lose their digits).
pub const NUMBER_LIMIT: f64 = 1e12;

/// Parses a number as Germans write it (`1.234,5`, `1.500`) or as a browser sends it (`1234.5`).
/// No exponents, nothing beyond ±10¹².
#[must_use]
pub fn parse_number(value: &str) -> Option<f64> {
    let v = value.trim().replace([' ', '\u{a0}'], "");
    if v.is_empty() || !v.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+')) {
        return None;
    }
    let digits = v.trim_start_matches(['-', '+']);
    let thousands = !v.contains(',')
        && digits.split('.').count() > 1
        && digits
            .split('.')
            .enumerate()
            .all(|(i, part)| if i == 0 { (1..=3).contains(&part.len()) } else { part.len() == 3 });
    let normalised = if v.contains(',') || thousands { v.replace('.', "").replace(',', ".") } else { v };
    normalised.parse::<f64>().ok().filter(|n| n.is_finite() && n.abs() <= NUMBER_LIMIT)
}

impl QuestionForm {
    /// The question this form describes, keeping the ids of `old` (its options are matched by
    /// label, else by position: a renamed option keeps its answers).
    ///
    /// # Errors
    /// `Invalid` with one message per field of the form.
    pub fn parse(&self, def: &Definition, old: Option<&Question>) -> Result<Question, AppError> {
        let mut form = Form::new();
        let kind = match old {
            Some(q) => q.kind,
            None => Kind::parse(&self.kind).unwrap_or(Kind::Single),
        };
        let text = form.text("text", &self.text, 1, QUESTION_MAX);
        let help = form.text("help", &self.help, 0, HELP_MAX);
        let labels = lines(&self.options);
        if labels.iter().any(|l| l.chars().count() > OPTION_MAX) {
            form.error("options", Msg::new("survey-option-too-long").arg("max", OPTION_MAX));
        }
        let options = if kind.has_options() {
            let (min, what) =
                if kind == Kind::Likert { (1, "survey-statements-count") } else { (2, "survey-options-count") };
            if labels.len() < min || labels.len() > OPTIONS_MAX {
                form.error("options", Msg::new(what).arg("min", min).arg("max", OPTIONS_MAX));
            }
            match_options(def, old.map(|q| q.options.as_slice()).unwrap_or_default(), &labels)
        } else {
            Vec::new()
        };
        let scale_lines = lines(&self.scale);
        let scale = match kind {
            Kind::Likert if matches!(scale_lines.len(), 5 | 7) => scale_lines,
            Kind::Likert if scale_lines.is_empty() => default_scale(5, crate::i18n::Lang::default()),
            Kind::Likert => {
                form.error("scale", Msg::new("survey-scale-steps"));
                Vec::new()
            }
            Kind::Rating if matches!(scale_lines.len(), 0 | 2) => scale_lines,
            Kind::Rating => {
                form.error("scale", Msg::new("survey-rating-labels"));
                Vec::new()
            }
            _ => Vec::new(),
        };
        let number = |form: &mut Form, field: &str, value: &str| -> Option<f64> {
            let v = value.trim();
            if v.is_empty() {
                return None;
            }
            let n = parse_number(v);
            if n.is_none() {
                form.error(field, Msg::new("survey-number-invalid"));
            }
            n
        };
        let (min, max) = match kind {
            Kind::Multiple | Kind::Number => (number(&mut form, "min", &self.min), number(&mut form, "max", &self.max)),
            Kind::Text | Kind::LongText => (None, number(&mut form, "max", &self.max)),
            _ => (None, None),
        };
        if let (Some(a), Some(b)) = (min, max)
            && a > b
        {
            form.error("max", Msg::new("survey-min-max"));
        }
        if kind == Kind::Multiple
            && (min.is_some_and(|m| m < 0.0 || m.fract() != 0.0) || max.is_some_and(|m| m < 1.0 || m.fract() != 0.0))
        {
            form.error("max", Msg::new("survey-choices-whole"));
        }
        if matches!(kind, Kind::Text | Kind::LongText) {
            let limit = if kind == Kind::Text { SHORT_TEXT_LIMIT } else { LONG_TEXT_LIMIT };
            if max.is_some_and(|m| m < 1.0 || m > f64::from(limit)) {
                form.error("max", Msg::new("survey-text-limit").arg("max", limit));
            }
        }
        let unit = form.text("unit", &self.unit, 0, 40);
        let condition = self.condition(&mut form, def, old.map(|q| q.id.as_str()));
        form.finish()?;
        Ok(Question {
            id: old.map_or_else(|| def.fresh_id("q"), |q| q.id.clone()),
            kind,
            text,
            help,
            required: self.required.is_some(),
            options,
            scale,
            other: kind == Kind::Single && self.other.is_some(),
            min,
            max,
            unit: if kind == Kind::Number { unit } else { String::new() },
            condition,
        })
    }

    fn condition(&self, form: &mut Form, def: &Definition, this: Option<&str>) -> Option<Condition> {
        let target_id = self.cond_question.trim();
        if target_id.is_empty() {
            return None;
        }
        // Only questions before this one (for a new question: any, it goes last).
        let earlier: Vec<&Question> = def.questions().take_while(|q| Some(q.id.as_str()) != this).collect();
        let Some(target) = earlier.iter().find(|q| q.id == target_id) else {
            form.error("cond_question", Msg::new("survey-condition-earlier"));
            return None;
        };
        let op = CondOp::parse(&self.cond_op).unwrap_or(CondOp::Answered);
        if op == CondOp::Answered {
            return Some(Condition { question: target.id.clone(), op, values: Vec::new() });
        }
        if !target.kind.comparable() {
            form.error("cond_op", Msg::new("survey-condition-kind"));
            return None;
        }
        // Values are kept as the page compares them: option ids, ISO dates, plain numbers.
        let wanted: Vec<String> =
            self.cond_values.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
        if wanted.is_empty() {
            form.error("cond_values", Msg::new("survey-condition-values-missing"));
            return None;
        }
        let values = if matches!(target.kind, Kind::Rating | Kind::Number) {
            let mut out = Vec::new();
            for w in &wanted {
                match parse_number(w) {
                    Some(n) => out.push(crate::surveys::answers::plain_number(n)),
                    None => {
                        form.error("cond_values", Msg::new("survey-number-invalid"));
                        return None;
                    }
                }
            }
            out
        } else if target.kind == Kind::Date {
            let mut out = Vec::new();
            for w in &wanted {
                match NaiveDate::parse_from_str(w, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(w, "%d.%m.%Y")) {
                    Ok(d) => out.push(d.format("%Y-%m-%d").to_string()),
                    Err(_) => {
                        form.error("cond_values", Msg::new("field-date"));
                        return None;
                    }
                }
            }
            out
        } else if matches!(target.kind, Kind::Single | Kind::Multiple) {
            let mut ids = Vec::new();
            for w in &wanted {
                match target.options.iter().find(|o| o.label.eq_ignore_ascii_case(w) || o.id == *w) {
                    Some(o) => ids.push(o.id.clone()),
                    None => {
                        form.error("cond_values", Msg::new("survey-condition-unknown").arg("value", w));
                        return None;
                    }
                }
            }
            ids
        } else {
            wanted
        };
        let values = if op == CondOp::Equals { values.into_iter().take(1).collect() } else { values };
        Some(Condition { question: target.id.clone(), op, values })
    }
}

/// Gives each new label an option id: the old option of the same label, else the old option at
/// the same place (a rename), else a fresh one.
fn match_options(def: &Definition, old: &[Choice], labels: &[String]) -> Vec<Choice> {
    let mut taken = vec![false; old.len()];
    let mut ids: Vec<Option<String>> = labels
        .iter()
        .map(|l| {
            let i = old.iter().enumerate().position(|(i, o)| !taken[i] && o.label == *l)?;
            taken[i] = true;
            Some(old[i].id.clone())
        })
        .collect();
    for (pos, id) in ids.iter_mut().enumerate() {
        if id.is_none() && pos < old.len() && !taken[pos] {
            taken[pos] = true;
            *id = Some(old[pos].id.clone());
        }
    }
    let mut scratch = def.clone();
    labels
        .iter()
        .zip(ids)
        .map(|(label, id)| {
            let id = id.unwrap_or_else(|| {
                let fresh = scratch.fresh_id("o");
                scratch.sections.push(Section { id: fresh.clone(), title: String::new(), questions: Vec::new() });
                fresh
            });
            Choice { id, label: label.clone() }
        })
        .collect()
}

/// What an answered question may not lose: the options (or statements) it had that are gone
/// from the changed question, and whether its wording changed.
#[must_use]
pub fn change_of(old: &Question, new: &Question) -> (Vec<String>, bool) {
    let removed =
        old.options.iter().filter(|o| !new.options.iter().any(|n| n.id == o.id)).map(|o| o.label.clone()).collect();
    let reworded = old.text != new.text
        || old.options.iter().any(|o| new.options.iter().any(|n| n.id == o.id && n.label != o.label))
        || old.scale != new.scale;
    (removed, reworded)
}

/// A survey in the organizer's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveySummary {
    pub id: SurveyId,
    pub title: String,
    pub state: SurveyState,
    pub reach: Reach,
    pub wave: i32,
    pub responses: u64,
    pub partial: u64,
}

/// The organizer's list of a process's surveys, with what a new one can be about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyList {
    pub process: ProcessId,
    pub process_name: String,
    pub surveys: Vec<SurveySummary>,
    pub workshops: Vec<(WorkshopId, String)>,
    pub measures: Vec<MeasureRef>,
}

/// A measure an evaluation is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureRef {
    pub id: uuid::Uuid,
    pub title: String,
}

/// The organizer's view of one survey: settings, questionnaire, counts, waves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveyAdmin {
    pub id: SurveyId,
    pub process: ProcessId,
    pub process_name: String,
    pub settings: Settings,
    pub state: SurveyState,
    /// Whether it takes answers right now (state and dates).
    pub answerable: bool,
    pub revision: i32,
    pub definition: Definition,
    pub responses: u64,
    pub partial: u64,
    /// Ids of questions that have answers (their text changes ask for confirmation).
    pub answered: Vec<String>,
    pub link: String,
    pub qr_svg: String,
    pub wave: i32,
    /// The other waves of the series: (id, title, wave number).
    pub waves: Vec<(SurveyId, String, i32)>,
    pub workshops: Vec<(WorkshopId, String)>,
    pub measures: Vec<MeasureRef>,
    /// Every measure of the process (an evaluation may be about any of them).
    pub all_measures: Vec<MeasureRef>,
}

/// What a participant sees of a survey before starting it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyIntro {
    pub id: SurveyId,
    pub title: String,
    pub intro: String,
    pub answerable: bool,
    pub closed_reason: Option<Msg>,
    pub sections: usize,
    pub questions: usize,
    /// An unfinished response of this device (its resume link).
    pub resume: Option<String>,
    /// A response of this device (or participant) was already sent.
    pub submitted: bool,
    pub ask_organisation: bool,
    pub measures: Vec<MeasureRef>,
    pub measure: Option<uuid::Uuid>,
    pub results_public: bool,
}

/// Organisation fields of a response (asked once, on the first page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Respondent {
    pub organisation: Option<String>,
    pub org_type: Option<OrgType>,
}

impl Respondent {
    /// # Errors
    /// `Invalid` for an organisation over its limit or an unknown type.
    pub fn parse(organisation: &str, org_type: &str) -> Result<Self, AppError> {
        let mut form = Form::new();
        let organisation = form.text("organisation", organisation, 0, ORGANISATION_MAX);
        let org_type = match org_type.trim() {
            "" => None,
            t => {
                let parsed = OrgType::ALL.into_iter().find(|o| o.as_str() == t);
                if parsed.is_none() {
                    form.error("org_type", Msg::new("field-choice"));
                }
                parsed
            }
        };
        form.finish()?;
        Ok(Self { organisation: (!organisation.is_empty()).then_some(organisation), org_type })
    }
}

/// A section on the review page: its title, its page number, and per shown question (id,
/// wording, answer as text).
pub type ReviewSection = (String, usize, Vec<(String, String, String)>);

/// One page of answering: a section with the answers entered so far, or the review page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerPage {
    pub survey: SurveyId,
    pub title: String,
    pub key: String,
    /// 1-based section number; `sections + 1` is the review page.
    pub page: usize,
    pub sections: usize,
    pub section: Option<Section>,
    /// Questions whose condition looks at an earlier page and is not met: not shown.
    pub hidden: Vec<String>,
    /// What was entered (form field → value), also where it broke a rule.
    pub raw: std::collections::BTreeMap<String, String>,
    pub submitted: bool,
    pub answerable: bool,
    pub closed_reason: Option<Msg>,
    /// The review: per section (title, page) every shown question as (id, wording, answer).
    pub review: Vec<ReviewSection>,
    /// For conditions on the same page: question id → (the earlier question, op, values).
    pub same_page_conditions: Vec<(String, Condition)>,
    pub ask_organisation: bool,
    pub respondent: Respondent,
    pub measure: Option<MeasureRef>,
    pub results_public: bool,
    /// The whole address of this response, to copy (set from the public address).
    #[serde(default)]
    pub resume_link: String,
}

/// Where the participant goes from a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Back,
    Next,
    /// To a given page (the review's "change" links post the page first).
    Goto(usize),
    Submit,
}

impl Step {
    #[must_use]
    pub fn parse(value: &str) -> Self {
        match value.trim() {
            "back" => Self::Back,
            "submit" => Self::Submit,
            v => v.strip_prefix("page-").and_then(|n| n.parse().ok()).map_or(Self::Next, Self::Goto),
        }
    }
}

/// Berlin's date at a UTC instant (CET, CEST from the last Sunday of March to the last Sunday of
/// October, 01:00 UTC), for open and close dates as the municipality means them.
#[must_use]
pub fn berlin_date(now: chrono::DateTime<chrono::Utc>) -> NaiveDate {
    use chrono::{Datelike, Duration, TimeZone, Utc, Weekday};
    let last_sunday = |month: u32| {
        let first_next = if month == 12 {
            NaiveDate::from_ymd_opt(now.year() + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(now.year(), month + 1, 1)
        };
        first_next.map(|d| {
            let mut day = d - Duration::days(1);
            while day.weekday() != Weekday::Sun {
                day -= Duration::days(1);
            }
            day
        })
    };
    let summer = match (last_sunday(3), last_sunday(10)) {
        (Some(start), Some(end)) => {
            let at = |d: NaiveDate| d.and_hms_opt(1, 0, 0).map(|t| Utc.from_utc_datetime(&t));
            matches!((at(start), at(end)), (Some(s), Some(e)) if now >= s && now < e)
        }
        _ => false,
    };
    (now + Duration::hours(if summer { 2 } else { 1 })).date_naive()
}

#[cfg(test)]
mod tests;
