//! What a participant typed into the proposal form when it came back with errors, kept for the
//! page that the plain form post returns to: without JavaScript the browser only follows the
//! redirect, which carries the errors but not the text. Bounded: at most [`MAX`] drafts, each
//! for [`TTL`], gone once the participant's next proposal is in. (Read without removing: a page
//! render may run its components more than once.) One process's memory: behind several
//! instances a draft may be missed, and the form is then empty as before.

use std::{
    collections::HashMap,
    sync::{Mutex, PoisonError},
    time::{Duration, Instant},
};

use uuid::Uuid;

use crate::workshops::types::ProposalForm;

/// Drafts kept at once (about 3 KB each at the field limits: ~30 MB at most).
pub const MAX: usize = 10_000;
/// How long a draft waits for its page.
pub const TTL: Duration = Duration::from_secs(600);

/// The drafts of this process, by participant (proposal forms; the same store keeps ballots).
pub struct Drafts<T = ProposalForm> {
    inner: Mutex<HashMap<Uuid, (Instant, T)>>,
}

impl<T> Default for Drafts<T> {
    fn default() -> Self {
        Self { inner: Mutex::default() }
    }
}

impl<T: Clone> Drafts<T> {
    /// Keeps a participant's draft (replacing theirs), dropping expired ones, then the oldest,
    /// when full.
    pub fn keep(&self, participant: Uuid, form: T) {
        let mut drafts = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        if drafts.len() >= MAX {
            drafts.retain(|_, (at, _)| at.elapsed() < TTL);
        }
        if drafts.len() >= MAX
            && let Some(oldest) = drafts.iter().min_by_key(|(_, (at, _))| *at).map(|(id, _)| *id)
        {
            drafts.remove(&oldest);
        }
        drafts.insert(participant, (Instant::now(), form));
    }

    /// The participant's draft, while it is fresh.
    pub fn get(&self, participant: Uuid) -> Option<T> {
        let drafts = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        drafts.get(&participant).filter(|(at, _)| at.elapsed() < TTL).map(|(_, form)| form.clone())
    }

    /// Forgets the participant's draft (their proposal is in).
    pub fn clear(&self, participant: Uuid) {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner).remove(&participant);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_is_the_participants_own_until_cleared_and_the_store_stays_bounded() {
        let drafts: Drafts = Drafts::default();
        let (ayse, jonas) = (Uuid::new_v4(), Uuid::new_v4());
        drafts.keep(ayse, ProposalForm { title: "Sprachcafé".into(), ..ProposalForm::default() });
        assert_eq!(drafts.get(jonas), None);
        assert_eq!(drafts.get(ayse).map(|f| f.title), Some("Sprachcafé".into()));
        drafts.clear(ayse);
        assert_eq!(drafts.get(ayse), None, "gone once the proposal is in");
        for _ in 0..MAX + 5 {
            drafts.keep(Uuid::new_v4(), ProposalForm::default());
        }
        assert_eq!(drafts.inner.lock().unwrap().len(), MAX);
    }
}
