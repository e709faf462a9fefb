use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{
    error::{AppError, Msg},
    validate::Form,
};

use crate::ids::id_type;

id_type!(ProcessId, PhaseId, GoalId, ActionFieldId, ThemeId);

pub const NAME_MAX: usize = 120;
pub const DESCRIPTION_MAX: usize = 5_000;
pub const ACTION_FIELD_DESCRIPTION_MAX: usize = 2_000;
pub const GOAL_MAX: usize = 300;
pub const THEME_MAX: usize = 60;
pub const PHASES_MAX: usize = 12;
pub const ACTION_FIELDS_MAX: usize = 20;
pub const GOALS_MAX: usize = 30;
pub const THEMES_MAX: usize = 40;

/// The five phases of an NRWeltoffen process, as i18n keys; a new process starts with them.
pub const DEFAULT_PHASE_KEYS: [&str; 5] = [
    "phase-default-analysis",
    "phase-default-inventory",
    "phase-default-measures",
    "phase-default-implementation",
    "phase-default-evaluation",
];

/// A process in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcessSummary {
    pub id: ProcessId,
    pub name: String,
    pub municipality: String,
    pub published: bool,
    pub current_phase: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phase {
    pub id: PhaseId,
    pub name: String,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub is_current: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub id: GoalId,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionField {
    pub id: ActionFieldId,
    pub name: String,
    pub description: String,
    pub goals: Vec<Goal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    pub id: ThemeId,
    pub name: String,
}

/// A whole process, as its page and its editor show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcessDetail {
    pub id: ProcessId,
    pub name: String,
    pub municipality: String,
    pub description: String,
    pub published: bool,
    pub phases: Vec<Phase>,
    pub goals: Vec<Goal>,
    pub action_fields: Vec<ActionField>,
    pub themes: Vec<Theme>,
    /// Whether the caller may edit it (a hint for the page; the server checks every change).
    pub can_edit: bool,
}

/// Name, municipality and description of a process, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessInput {
    pub name: String,
    pub municipality: String,
    pub description: String,
}

impl ProcessInput {
    /// # Errors
    /// `Invalid` naming each field outside its limits.
    pub fn parse(name: &str, municipality: &str, description: &str) -> Result<Self, AppError> {
        let mut form = Form::new();
        let input = Self {
            name: form.text("name", name, 1, NAME_MAX),
            municipality: form.text("municipality", municipality, 1, NAME_MAX),
            description: form.text("description", description, 0, DESCRIPTION_MAX),
        };
        form.finish().map(|()| input)
    }
}

/// A phase's name and dates, validated: the end is not before the start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseInput {
    pub name: String,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
}

impl PhaseInput {
    /// # Errors
    /// `Invalid` for a name outside 1–120 characters, an unreadable date or an end before the start.
    pub fn parse(name: &str, starts_on: &str, ends_on: &str) -> Result<Self, AppError> {
        let mut form = Form::new();
        let name = form.text("name", name, 1, NAME_MAX);
        let starts_on = form.optional_date("starts_on", starts_on);
        let ends_on = form.optional_date("ends_on", ends_on);
        if let (Some(start), Some(end)) = (starts_on, ends_on)
            && end < start
        {
            form.error("ends_on", Msg::new("phase-end-before-start"));
        }
        form.finish().map(|()| Self { name, starts_on, ends_on })
    }
}

/// An action field's name and description, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionFieldInput {
    pub name: String,
    pub description: String,
}

impl ActionFieldInput {
    /// # Errors
    /// `Invalid` naming each field outside its limits.
    pub fn parse(name: &str, description: &str) -> Result<Self, AppError> {
        let mut form = Form::new();
        let input = Self {
            name: form.text("name", name, 1, NAME_MAX),
            description: form.text("description", description, 0, ACTION_FIELD_DESCRIPTION_MAX),
        };
        form.finish().map(|()| input)
    }
}

/// Which way to move an entry in an ordered list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Up,
    Down,
}

/// The two entries whose positions swap when `id` moves one step, as `(id, new position)`.
/// `None` at either end of the list. `ordered` is sorted by position.
#[must_use]
pub fn swap_positions(ordered: &[(Uuid, i32)], id: Uuid, direction: Direction) -> Option<[(Uuid, i32); 2]> {
    let index = ordered.iter().position(|(i, _)| *i == id)?;
    let other = match direction {
        Direction::Up => index.checked_sub(1)?,
        Direction::Down => Some(index + 1).filter(|i| *i < ordered.len())?,
    };
    let (a, b) = (ordered[index], ordered[other]);
    // Positions may be equal after old edits; the index keeps the move visible anyway.
    let (pa, pb) = if a.1 == b.1 { (i32::try_from(other).ok()?, i32::try_from(index).ok()?) } else { (b.1, a.1) };
    Some([(a.0, pa), (b.0, pb)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_process_needs_a_name_and_a_municipality_within_limits() {
        assert!(ProcessInput::parse("Handlungskonzept Krefeld 2021", "Krefeld", "").is_ok());
        let err = ProcessInput::parse(" ", &"x".repeat(121), &"y".repeat(5001)).expect_err("all three invalid");
        assert!(err.field("name").is_some());
        assert!(err.field("municipality").is_some());
        assert!(err.field("description").is_some());
    }

    #[test]
    fn a_phase_cannot_end_before_it_starts() {
        let err = PhaseInput::parse("Evaluation", "2026-05-01", "2026-04-30").expect_err("end before start");
        assert_eq!(err.field("ends_on"), Some(Msg::new("phase-end-before-start")));
        assert!(PhaseInput::parse("Evaluation", "2026-05-01", "2026-05-01").is_ok());
        assert!(PhaseInput::parse("Evaluation", "", "").is_ok());
    }

    #[test]
    fn moving_swaps_with_the_neighbour_and_stops_at_the_ends() {
        let ids: Vec<Uuid> = (0..3).map(|_| Uuid::new_v4()).collect();
        let list = [(ids[0], 0), (ids[1], 1), (ids[2], 2)];
        assert_eq!(swap_positions(&list, ids[1], Direction::Up), Some([(ids[1], 0), (ids[0], 1)]));
        assert_eq!(swap_positions(&list, ids[1], Direction::Down), Some([(ids[1], 2), (ids[2], 1)]));
        assert_eq!(swap_positions(&list, ids[0], Direction::Up), None);
        assert_eq!(swap_positions(&list, ids[2], Direction::Down), None);
    }

    #[test]
    fn count_limits_name_their_maximum() {
        assert!(crate::validate::check_count("name", 19, 20).is_ok());
        let err = crate::validate::check_count("name", 20, 20).expect_err("full");
        assert_eq!(err.field("name"), Some(Msg::new("field-count-limit").arg("max", 20)));
    }
}
