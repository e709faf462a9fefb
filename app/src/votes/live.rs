//! What the boards hear of the votes. A round that was set up, opened, changed or closed:
//! staff views load their vote views again, participant pages their snapshot (the ballot
//! region's key changes with the round's state, so a half-filled ballot stays otherwise).
//! Turnout goes to staff views only, coalesced: a few frames a second however many ballots
//! arrive, never one frame per ballot to every phone.

use uuid::Uuid;

use crate::{server::LiveHub, workshops::types::LiveEvent};

/// A round changed: every view of the workshop's votes loads again.
pub fn round_changed(live: &LiveHub, workshop: Uuid, round: Uuid) {
    live.send(workshop, &LiveEvent::Vote { round }, |_| r#"[["reload"]]"#.to_owned());
}

/// The ballots so far in a round, for the moderator and the projector.
pub fn turnout(live: &LiveHub, workshop: Uuid, round: Uuid, (cast, eligible): (u64, u64)) {
    live.send_latest(workshop, round, cast, &LiveEvent::Turnout { round, cast, eligible });
}
