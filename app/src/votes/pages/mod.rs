//! Pages of votes: the participant's ballot region (no wasm), the moderator's rounds and the
//! projector's view of the current round.

mod ballot;
mod screen;
mod staff;

pub use ballot::VoteRegion;
pub use screen::VoteScreen;
pub use staff::VotesPageView;
