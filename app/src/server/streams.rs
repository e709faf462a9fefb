//! Who holds open live streams, and how many: at most [`PER_HOLDER`] per participant token or
//! staff session (a phone with two tabs and a projector are fine; a script opening thousands is
//! not), and at most [`TOTAL`] in this process. A holder's streams end when the participant is
//! deleted, the staff session ends, or the account is deactivated or taken off a workshop:
//! each of their streams watches a signal that [`StreamSlots::end`] raises. The browser then
//! reconnects, and the stream route checks again who may listen.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex, PoisonError},
};

use tokio::sync::watch;
use uuid::Uuid;

/// Streams one participant token or staff session may hold at once.
pub const PER_HOLDER: usize = 4;
/// Streams this process holds at once (a room of 5,000 with their projectors fits).
pub const TOTAL: usize = 20_000;

/// Who holds a stream.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Holder {
    Participant(Uuid),
    /// A staff session (by the hash of its token), with its account.
    Session {
        token_hash: String,
        user: Uuid,
    },
}

/// Whom to end the streams of.
#[derive(Debug, Clone, Copy)]
pub enum Ending<'a> {
    Participant(Uuid),
    /// One staff session (logout).
    Session(&'a str),
    /// Every session of an account (deactivated, or its workshops changed).
    User(Uuid),
}

/// Why a stream was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// This holder has [`PER_HOLDER`] streams open.
    Holder,
    /// The process holds [`TOTAL`] streams.
    Full,
}

struct Slot {
    open: usize,
    ended: watch::Sender<bool>,
}

#[derive(Default)]
struct Slots {
    holders: HashMap<Holder, Slot>,
    total: usize,
}

/// The open streams of this process, by holder.
#[derive(Clone)]
pub struct StreamSlots {
    inner: Arc<Mutex<Slots>>,
    per_holder: usize,
    total: usize,
    /// The other processes on the same PostgreSQL database: they end their streams too.
    outbox: super::cluster::Outbox,
}

impl Default for StreamSlots {
    fn default() -> Self {
        Self::new(PER_HOLDER, TOTAL)
    }
}

/// One admitted stream: dropping it frees the slot; `ended` turns `true` when the holder's
/// streams must end.
pub struct Permit {
    slots: StreamSlots,
    holder: Holder,
    pub ended: watch::Receiver<bool>,
}

impl Drop for Permit {
    fn drop(&mut self) {
        let mut slots = self.slots.lock();
        slots.total = slots.total.saturating_sub(1);
        if let Some(slot) = slots.holders.get_mut(&self.holder) {
            slot.open = slot.open.saturating_sub(1);
            if slot.open == 0 {
                slots.holders.remove(&self.holder);
            }
        }
    }
}

impl StreamSlots {
    #[must_use]
    pub fn new(per_holder: usize, total: usize) -> Self {
        Self { inner: Arc::default(), per_holder, total, outbox: super::cluster::Outbox::default() }
    }

    /// These slots, telling the processes of `outbox` (the live hub's) which streams end.
    #[must_use]
    pub fn with_outbox(self, outbox: super::cluster::Outbox) -> Self {
        Self { outbox, ..self }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Slots> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Admits one more stream of `holder`.
    ///
    /// # Errors
    /// [`Refusal`] when the holder or the process has no slot left.
    pub fn admit(&self, holder: Holder) -> Result<Permit, Refusal> {
        let mut slots = self.lock();
        if slots.total >= self.total {
            return Err(Refusal::Full);
        }
        let slot =
            slots.holders.entry(holder.clone()).or_insert_with(|| Slot { open: 0, ended: watch::Sender::new(false) });
        if slot.open >= self.per_holder {
            return Err(Refusal::Holder);
        }
        slot.open += 1;
        let ended = slot.ended.subscribe();
        slots.total += 1;
        Ok(Permit { slots: self.clone(), holder, ended })
    }

    /// Ends the open streams of a participant, a session or an account, in this process and the
    /// others on the same database; returns how many holders of this process were told.
    pub fn end(&self, ending: Ending<'_>) -> usize {
        if self.outbox.is_on() {
            let ended = match ending {
                Ending::Participant(id) => super::cluster::Ended::Participant(id),
                Ending::Session(hash) => super::cluster::Ended::Session(hash.to_owned()),
                Ending::User(id) => super::cluster::Ended::User(id),
            };
            self.outbox.post(super::cluster::Message::End { ending: ended });
        }
        self.end_here(ending)
    }

    /// [`Self::end`] in this process only.
    pub fn end_here(&self, ending: Ending<'_>) -> usize {
        let mut slots = self.lock();
        let mut told = 0;
        for (holder, slot) in &mut slots.holders {
            let hit = match (ending, holder) {
                (Ending::Participant(id), Holder::Participant(p)) => *p == id,
                (Ending::Session(hash), Holder::Session { token_hash, .. }) => token_hash == hash,
                (Ending::User(id), Holder::Session { user, .. }) => *user == id,
                _ => false,
            };
            if hit {
                // Streams admitted from now on (after the check again) get a fresh signal.
                let old = std::mem::replace(&mut slot.ended, watch::Sender::new(false));
                old.send_replace(true);
                told += 1;
            }
        }
        told
    }

    /// Streams open now.
    #[must_use]
    pub fn open(&self) -> usize {
        self.lock().total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_holder_gets_four_streams_and_a_freed_slot_comes_back() {
        let slots = StreamSlots::default();
        let phone = Holder::Participant(Uuid::new_v4());
        let mut open: Vec<Permit> = (0..PER_HOLDER).map(|_| slots.admit(phone.clone()).unwrap()).collect();
        assert_eq!(slots.admit(phone.clone()).err(), Some(Refusal::Holder));
        // Someone else is not affected.
        let other = slots.admit(Holder::Participant(Uuid::new_v4())).unwrap();
        open.pop();
        assert!(slots.admit(phone).is_ok());
        drop(other);
        drop(open);
        assert_eq!(slots.open(), 0);
    }

    #[test]
    fn the_process_refuses_streams_beyond_its_total() {
        let slots = StreamSlots::new(PER_HOLDER, 3);
        let held: Vec<Permit> = (0..3).map(|_| slots.admit(Holder::Participant(Uuid::new_v4())).unwrap()).collect();
        assert_eq!(slots.admit(Holder::Participant(Uuid::new_v4())).err(), Some(Refusal::Full));
        drop(held);
        assert!(slots.admit(Holder::Participant(Uuid::new_v4())).is_ok());
    }

    #[test]
    fn ending_a_participant_session_or_account_signals_only_their_streams() {
        let slots = StreamSlots::default();
        let (p, user) = (Uuid::new_v4(), Uuid::new_v4());
        let participant = slots.admit(Holder::Participant(p)).unwrap();
        let bystander = slots.admit(Holder::Participant(Uuid::new_v4())).unwrap();
        let session = |hash: &str| Holder::Session { token_hash: hash.into(), user };
        let laptop = slots.admit(session("a")).unwrap();
        let projector = slots.admit(session("b")).unwrap();

        assert_eq!(slots.end(Ending::Participant(p)), 1);
        assert!(*participant.ended.borrow());
        assert!(!*bystander.ended.borrow());

        assert_eq!(slots.end(Ending::Session("a")), 1);
        assert!(*laptop.ended.borrow());
        assert!(!*projector.ended.borrow(), "another session of the same account goes on");

        slots.end(Ending::User(user));
        assert!(*projector.ended.borrow());
        assert!(!*bystander.ended.borrow());
        // A stream the same holder opens afterwards (allowed again) is not ended at once.
        let again = slots.admit(Holder::Participant(p)).unwrap();
        assert!(!*again.ended.borrow());
    }
}
