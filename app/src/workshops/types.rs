//! Workshops, participants and proposals as the pages and the live board see them, with the
//! rules that need no database: states, join codes, limits, input parsing.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{
    error::{AppError, Msg},
    ids::id_type,
    processes::types::{ActionFieldId, ProcessId},
    validate::Form,
};

id_type!(WorkshopId, ProposalId, ParticipantId, ReportId, ClusterId);

pub const TITLE_MAX: usize = 120;
pub const PLACE_MAX: usize = 300;
/// How many people may join a workshop unless the organizer sets another number.
pub const PARTICIPANTS_DEFAULT: i32 = 1_000;
/// The most an organizer may allow (a town hall, a live stream with a big audience).
pub const PARTICIPANTS_MAX: i32 = 20_000;
pub const LINK_MAX: usize = 500;
pub const DISPLAY_NAME_MAX: usize = 60;
pub const ORGANISATION_MAX: usize = 120;
pub const PROPOSAL_TITLE_MAX: usize = 120;
pub const PROPOSAL_DESCRIPTION_MAX: usize = 2_000;
pub const PROPOSAL_SHORT_MAX: usize = 300;
pub const TIMEFRAME_MAX: usize = 120;
pub const REASON_MAX: usize = 300;
/// Proposals one participant may have in one workshop (withdrawn ones free their place).
pub const PROPOSALS_PER_PARTICIPANT: i32 = 20;
/// Proposals a workshop takes from its participants: this bounds every board's snapshot (a room
/// of 250 at 20 each).
pub const PROPOSALS_PER_WORKSHOP: u64 = 5_000;
/// Proposals one participant may submit per minute.
pub const PROPOSALS_PER_MINUTE: usize = 10;
pub const WORKSHOPS_MAX: usize = 100;

/// The six characters of a join code come from these: no 0/O, 1/I/L look-alikes.
pub const JOIN_CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
pub const JOIN_CODE_LEN: usize = 6;

/// A join code as typed: upper-cased, spaces and dashes dropped. `None` if it cannot be one.
#[must_use]
pub fn normalize_join_code(input: &str) -> Option<String> {
    let code: String =
        input.chars().filter(|c| !c.is_whitespace() && *c != '-').map(|c| c.to_ascii_uppercase()).collect();
    (code.len() == JOIN_CODE_LEN && code.bytes().all(|b| JOIN_CODE_ALPHABET.contains(&b))).then_some(code)
}

/// Where a workshop is in its course. The moderator moves it one step forward or back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WorkshopState {
    Draft,
    Collecting,
    Clustering,
    Voting,
    Closed,
}

impl WorkshopState {
    pub const ALL: [Self; 5] = [Self::Draft, Self::Collecting, Self::Clustering, Self::Voting, Self::Closed];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Collecting => "collecting",
            Self::Clustering => "clustering",
            Self::Voting => "voting",
            Self::Closed => "closed",
        }
    }

    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == value)
    }

    #[must_use]
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Draft => "ws-state-draft",
            Self::Collecting => "ws-state-collecting",
            Self::Clustering => "ws-state-clustering",
            Self::Voting => "ws-state-voting",
            Self::Closed => "ws-state-closed",
        }
    }

    fn index(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    #[must_use]
    pub fn next(self) -> Option<Self> {
        Self::ALL.get(self.index() + 1).copied()
    }

    #[must_use]
    pub fn previous(self) -> Option<Self> {
        self.index().checked_sub(1).and_then(|i| Self::ALL.get(i).copied())
    }

    /// Participants may join (and look at the board) from collecting until voting ends.
    #[must_use]
    pub fn open_for_participants(self) -> bool {
        matches!(self, Self::Collecting | Self::Clustering | Self::Voting)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkshopMode {
    InPerson,
    Online,
    Hybrid,
}

impl WorkshopMode {
    pub const ALL: [Self; 3] = [Self::InPerson, Self::Online, Self::Hybrid];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InPerson => "in_person",
            Self::Online => "online",
            Self::Hybrid => "hybrid",
        }
    }

    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == value)
    }

    #[must_use]
    pub fn label_key(self) -> &'static str {
        match self {
            Self::InPerson => "ws-mode-in-person",
            Self::Online => "ws-mode-online",
            Self::Hybrid => "ws-mode-hybrid",
        }
    }
}

/// What kind of organisation a participant speaks for, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgType {
    Migrant,
    Association,
    Administration,
    Politics,
    Education,
    Individual,
    Other,
}

impl OrgType {
    pub const ALL: [Self; 7] = [
        Self::Migrant,
        Self::Association,
        Self::Administration,
        Self::Politics,
        Self::Education,
        Self::Individual,
        Self::Other,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Migrant => "migrant",
            Self::Association => "association",
            Self::Administration => "administration",
            Self::Politics => "politics",
            Self::Education => "education",
            Self::Individual => "individual",
            Self::Other => "other",
        }
    }

    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == value)
    }

    #[must_use]
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Migrant => "org-type-migrant",
            Self::Association => "org-type-association",
            Self::Administration => "org-type-administration",
            Self::Politics => "org-type-politics",
            Self::Education => "org-type-education",
            Self::Individual => "org-type-individual",
            Self::Other => "org-type-other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProposalStatus {
    Visible,
    Hidden,
    Withdrawn,
}

impl ProposalStatus {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Visible => "visible",
            Self::Hidden => "hidden",
            Self::Withdrawn => "withdrawn",
        }
    }

    #[must_use]
    pub fn parse(value: &str) -> Self {
        match value {
            "hidden" => Self::Hidden,
            "withdrawn" => Self::Withdrawn,
            _ => Self::Visible,
        }
    }
}

/// Who a proposal is from, as the board shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "name", rename_all = "snake_case")]
pub enum Author {
    Named(String),
    Anonymous,
    Room,
    Deleted,
}

/// An action field a workshop works on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldRef {
    pub id: ActionFieldId,
    pub name: String,
}

/// A workshop in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopSummary {
    pub id: WorkshopId,
    pub process_id: ProcessId,
    pub process_name: String,
    pub title: String,
    pub starts_at: Option<NaiveDateTime>,
    pub state: WorkshopState,
    pub join_code: String,
}

/// What anyone with the link learns about a workshop before joining.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopInfo {
    pub id: WorkshopId,
    pub process_id: ProcessId,
    pub process_name: String,
    pub municipality: String,
    pub title: String,
    pub starts_at: Option<NaiveDateTime>,
    pub mode: WorkshopMode,
    pub place: String,
    pub meeting_link: String,
    pub state: WorkshopState,
    pub join_code: String,
    pub fields: Vec<FieldRef>,
    /// The languages its pages come in.
    pub languages: crate::i18n::Offer,
    /// How many people may join.
    #[serde(default)]
    pub max_participants: i32,
}

/// The workshop as its moderators and organizers manage it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopAdmin {
    pub info: WorkshopInfo,
    /// Every action field of the process, for choosing the ones in scope.
    pub process_fields: Vec<FieldRef>,
    /// Staff accounts that may be assigned, with whether they are.
    pub staff: Vec<StaffChoice>,
    pub short_link: String,
    /// The QR code of the short link, as an SVG document.
    pub qr_svg: String,
    pub can_configure: bool,
    pub participants: Vec<ParticipantSummary>,
    pub reports: Vec<ReportView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffChoice {
    pub id: crate::auth::types::UserId,
    pub email: String,
    pub assigned: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantSummary {
    pub id: ParticipantId,
    pub display_name: Option<String>,
    pub organisation: Option<String>,
    pub org_type: Option<OrgType>,
    pub proposals: i32,
    pub deleted: bool,
    pub joined_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportView {
    pub id: ReportId,
    pub proposal_id: ProposalId,
    pub proposal_title: String,
    pub reason: String,
    pub created_at: DateTime<Utc>,
}

/// A proposal on the board. Hidden ones reach only their author and the moderators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardProposal {
    pub id: ProposalId,
    pub action_field_id: ActionFieldId,
    pub title: String,
    pub description: String,
    pub goal: String,
    pub target_group: String,
    pub partners: String,
    pub timeframe: String,
    pub author: Author,
    pub organisation: Option<String>,
    pub status: ProposalStatus,
    pub hidden_reason: Option<String>,
    pub edited: bool,
    /// The caller's own proposal (set for the participant who asks).
    pub mine: bool,
    /// Reports by participants (counted for moderators only).
    pub reports: u32,
    pub created_at: DateTime<Utc>,
    /// The language of the page it was written on (`tr`); empty where not known.
    #[serde(default)]
    pub lang: String,
}

/// Who looks at a board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Viewer {
    Participant,
    Moderator,
}

/// Everything a board shows: it is loaded once, then kept current by live events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Board {
    pub info: WorkshopInfo,
    pub viewer: Viewer,
    pub participants: u64,
    /// Newest first.
    pub proposals: Vec<BoardProposal>,
    /// The clusters formed so far (from the clustering step on).
    pub clusters: Vec<ClusterView>,
    /// The live version this snapshot shows (participant pages compare it with the stream's).
    #[serde(default)]
    pub version: String,
}

/// The participant's own record, for the page that greets them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    pub id: ParticipantId,
    pub display_name: Option<String>,
    pub proposals: i32,
}

/// What the participant page shows for a join code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Entry {
    /// The workshop is not open (draft or closed): say so, and show a participant who took
    /// part what became of their proposals.
    NotOpen(WorkshopInfo, Vec<OwnFate>),
    /// Open, and the caller has not joined yet.
    Join(WorkshopInfo),
    Joined {
        board: Board,
        me: Me,
    },
}

/// One version of a proposal; number 1 is what was submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    pub number: i32,
    pub action_field: String,
    pub title: String,
    pub description: String,
    pub goal: String,
    pub target_group: String,
    pub partners: String,
    pub timeframe: String,
    /// The staff member who edited it; `None` for the author.
    pub edited_by: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A proposal with its history, for the moderator's edit page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalDetail {
    pub workshop: WorkshopInfo,
    pub proposal: BoardProposal,
    /// What became of it in the plan.
    #[serde(default)]
    pub fate: Option<Fate>,
    pub revisions: Vec<Revision>,
    /// The current revision number (the moderator's edit form sends it back).
    pub revision: i32,
}

/// A participant's own proposal with its workshop, for the edit page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnProposalView {
    pub workshop: WorkshopInfo,
    pub proposal: BoardProposal,
    /// What became of it in the plan.
    #[serde(default)]
    pub fate: Option<Fate>,
}

/// A measure of the plan a proposal went into.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureRef {
    pub id: uuid::Uuid,
    pub title: String,
}

/// What became of a proposal in the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Fate {
    /// Taken up in these measures (directly or through its cluster).
    Taken(Vec<MeasureRef>),
    /// Its workshop is closed and no measure came from it.
    NotTaken,
}

/// One of the participant's proposals after the workshop, with what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnFate {
    pub id: ProposalId,
    pub title: String,
    pub fate: Option<Fate>,
}

/// A change on a board, sent to every open board of the workshop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LiveEvent {
    /// A proposal is new or was edited (visible to all).
    Upsert {
        proposal: Box<BoardProposal>,
    },
    /// A proposal was hidden or withdrawn: boards drop it (its author and moderators reload).
    Remove {
        id: ProposalId,
        field: ActionFieldId,
    },
    Participants {
        count: u64,
    },
    State {
        state: WorkshopState,
    },
    /// The clustering changed (a step, an undo or a redo): the clusters as they are now.
    Clusters {
        clusters: Vec<ClusterView>,
    },
    /// A vote round was set up, changed, opened or closed: views of the votes load again.
    Vote {
        round: uuid::Uuid,
    },
    /// Ballots cast so far in an open round (coalesced: a few frames a second at most).
    Turnout {
        round: uuid::Uuid,
        cast: u64,
        eligible: u64,
    },
}

/// A cluster as the boards show it: proposals that mean the same measure, under one title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClusterView {
    pub id: ClusterId,
    pub action_field_id: ActionFieldId,
    pub title: String,
    pub summary: String,
    pub members: Vec<ProposalId>,
}

/// Validated settings of a workshop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkshopInput {
    pub title: String,
    pub starts_at: Option<NaiveDateTime>,
    pub mode: WorkshopMode,
    pub place: String,
    pub meeting_link: String,
    /// The languages its pages come in (every language unless chosen).
    pub languages: crate::i18n::Offer,
    /// How many people may join ([`PARTICIPANTS_DEFAULT`] unless set).
    pub max_participants: i32,
}

impl WorkshopInput {
    /// The same settings with a cap on participants (empty: [`PARTICIPANTS_DEFAULT`]).
    ///
    /// # Errors
    /// `Invalid` on `max_participants` for anything but a whole number from 1 to
    /// [`PARTICIPANTS_MAX`].
    pub fn with_max_participants(mut self, value: &str) -> Result<Self, AppError> {
        self.max_participants = match value.trim() {
            "" => PARTICIPANTS_DEFAULT,
            v => match v.replace(['.', ' '], "").parse::<i32>() {
                Ok(n) if (1..=PARTICIPANTS_MAX).contains(&n) => n,
                _ => {
                    let msg = Msg::new("field-number").arg("min", 1).arg("max", PARTICIPANTS_MAX);
                    return Err(AppError::invalid("max_participants", msg));
                }
            },
        };
        Ok(self)
    }

    /// The same settings offering only these languages (German always).
    ///
    /// # Errors
    /// `Invalid` on `languages` for an unknown language.
    pub fn with_languages(mut self, codes: &[String]) -> Result<Self, AppError> {
        self.languages = crate::i18n::Offer::parse(codes)?;
        Ok(self)
    }

    /// # Errors
    /// `Invalid` naming each field outside its limits.
    pub fn parse(title: &str, starts_at: &str, mode: &str, place: &str, meeting_link: &str) -> Result<Self, AppError> {
        let mut form = Form::new();
        let title = form.text("title", title, 1, TITLE_MAX);
        let starts_at = form.optional_datetime("starts_at", starts_at);
        let mode = WorkshopMode::parse(mode.trim());
        if mode.is_none() {
            form.error("mode", Msg::new("field-choice"));
        }
        let place = form.text("place", place, 0, PLACE_MAX);
        let meeting_link = form.text("meeting_link", meeting_link, 0, LINK_MAX);
        let is_link = meeting_link.starts_with("https://") || meeting_link.starts_with("http://");
        if !meeting_link.is_empty() && !is_link {
            form.error("meeting_link", Msg::new("field-url"));
        }
        form.finish()?;
        Ok(Self {
            title,
            starts_at,
            mode: mode.unwrap_or(WorkshopMode::InPerson),
            place,
            meeting_link,
            languages: crate::i18n::Offer::default(),
            max_participants: PARTICIPANTS_DEFAULT,
        })
    }
}

/// Validated answers of the join form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoinInput {
    pub display_name: Option<String>,
    pub organisation: Option<String>,
    pub org_type: Option<OrgType>,
}

impl JoinInput {
    /// # Errors
    /// `Invalid` for too long names, an unknown organisation type, or consent not given.
    pub fn parse(display_name: &str, organisation: &str, org_type: &str, consent: bool) -> Result<Self, AppError> {
        let mut form = Form::new();
        let display_name = form.text("display_name", display_name, 0, DISPLAY_NAME_MAX);
        let organisation = form.text("organisation", organisation, 0, ORGANISATION_MAX);
        let org_type = match org_type.trim() {
            "" => None,
            other => {
                let parsed = OrgType::parse(other);
                if parsed.is_none() {
                    form.error("org_type", Msg::new("field-choice"));
                }
                parsed
            }
        };
        if !consent {
            form.error("consent", Msg::new("join-consent-required"));
        }
        form.finish()?;
        let some = |s: String| (!s.is_empty()).then_some(s);
        Ok(Self { display_name: some(display_name), organisation: some(organisation), org_type })
    }
}

/// The content of a proposal, validated. The action field is checked against the workshop later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalInput {
    pub action_field: Option<ActionFieldId>,
    pub title: String,
    pub description: String,
    pub goal: String,
    pub target_group: String,
    pub partners: String,
    pub timeframe: String,
}

/// The raw fields of the proposal form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalForm {
    #[serde(default)]
    pub action_field: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub goal: String,
    #[serde(default)]
    pub target_group: String,
    #[serde(default)]
    pub partners: String,
    #[serde(default)]
    pub timeframe: String,
}

impl ProposalForm {
    /// # Errors
    /// `Invalid` naming each field outside its limits.
    pub fn parse(&self) -> Result<ProposalInput, AppError> {
        let mut form = Form::new();
        let action_field = match self.action_field.trim() {
            "" => None,
            id => {
                let parsed = ActionFieldId::parse(id).ok();
                if parsed.is_none() {
                    form.error("action_field", Msg::new("field-choice"));
                }
                parsed
            }
        };
        let input = ProposalInput {
            action_field,
            title: form.text("title", &self.title, 1, PROPOSAL_TITLE_MAX),
            description: form.text("description", &self.description, 0, PROPOSAL_DESCRIPTION_MAX),
            goal: form.text("goal", &self.goal, 0, PROPOSAL_SHORT_MAX),
            target_group: form.text("target_group", &self.target_group, 0, PROPOSAL_SHORT_MAX),
            partners: form.text("partners", &self.partners, 0, PROPOSAL_SHORT_MAX),
            timeframe: form.text("timeframe", &self.timeframe, 0, TIMEFRAME_MAX),
        };
        form.finish().map(|()| input)
    }
}

/// A reason of `min..=300` characters (hiding needs one, a report may leave it empty).
///
/// # Errors
/// `Invalid` on the field `reason`.
pub fn parse_reason(value: &str, min: usize) -> Result<String, AppError> {
    let mut form = Form::new();
    let reason = form.text("reason", value, min, REASON_MAX);
    form.finish().map(|()| reason)
}

/// The ids by which live fragments find their place on a participant's page.
pub mod live_ids {
    use super::ProposalId;
    use crate::processes::types::ActionFieldId;

    pub const PROPOSAL_COUNT: &str = "board-proposal-count";
    pub const PARTICIPANT_COUNT: &str = "board-participant-count";
    pub const CLUSTERS: &str = "board-clusters";

    #[must_use]
    pub fn item(id: ProposalId) -> String {
        format!("p-{id}")
    }
    #[must_use]
    pub fn list(field: ActionFieldId) -> String {
        format!("list-{field}")
    }
    #[must_use]
    pub fn count(field: ActionFieldId) -> String {
        format!("count-{field}")
    }
    #[must_use]
    pub fn empty(field: ActionFieldId) -> String {
        format!("empty-{field}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_codes_avoid_look_alikes() {
        for c in [b'0', b'O', b'1', b'I', b'L'] {
            assert!(!JOIN_CODE_ALPHABET.contains(&c), "{}", c as char);
        }
        assert_eq!(normalize_join_code(" k7p-x3m "), Some("K7PX3M".into()));
        assert_eq!(normalize_join_code("K7PX3"), None);
        assert_eq!(normalize_join_code("K0PX3M"), None);
    }

    #[test]
    fn states_step_forward_and_back() {
        assert_eq!(WorkshopState::Draft.next(), Some(WorkshopState::Collecting));
        assert_eq!(WorkshopState::Closed.next(), None);
        assert_eq!(WorkshopState::Draft.previous(), None);
        assert_eq!(WorkshopState::Voting.previous(), Some(WorkshopState::Clustering));
        assert!(!WorkshopState::Draft.open_for_participants());
        assert!(!WorkshopState::Closed.open_for_participants());
        assert!(WorkshopState::Collecting.open_for_participants());
        for s in WorkshopState::ALL {
            assert_eq!(WorkshopState::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn proposal_limits_are_named() {
        let form = ProposalForm {
            title: "x".repeat(121),
            description: "ä".repeat(2_001),
            timeframe: "2027".into(),
            ..ProposalForm::default()
        };
        let err = form.parse().expect_err("too long");
        assert!(err.field("title").expect("title").args.contains(&("max".into(), "120".into())));
        assert!(err.field("description").expect("description").args.contains(&("max".into(), "2000".into())));
        assert!(err.field("timeframe").is_none());
        let ok = ProposalForm { title: "  Fortbildung für Lehrkräfte ".into(), ..ProposalForm::default() };
        assert_eq!(ok.parse().expect("valid").title, "Fortbildung für Lehrkräfte");
    }

    #[test]
    fn joining_needs_consent_and_known_types() {
        let err = JoinInput::parse("Ayşe", "", "unknown", false).expect_err("no consent");
        assert!(err.field("consent").is_some());
        assert!(err.field("org_type").is_some());
        let ok = JoinInput::parse(" ", "", "migrant", true).expect("valid");
        assert_eq!(ok.display_name, None);
        assert_eq!(ok.org_type, Some(OrgType::Migrant));
    }

    #[test]
    fn workshop_input_checks_link_and_date() {
        let err = WorkshopInput::parse("", "gestern", "boat", "", "ftp://x").expect_err("invalid");
        for field in ["title", "starts_at", "mode", "meeting_link"] {
            assert!(err.field(field).is_some(), "{field}");
        }
        let ok = WorkshopInput::parse("Bildung", "2026-03-05T18:00", "hybrid", "VHS", "https://meet.example/x")
            .expect("valid");
        assert_eq!(ok.starts_at.map(|d| d.to_string()), Some("2026-03-05 18:00:00".into()));
    }
}
