//! The live state of a hydrated staff board (moderator, projector, clustering): signals that the
//! workshop's data events keep current. Participant pages do not hydrate; `live.js` keeps them.

use leptos::prelude::*;

use crate::{
    error::AppError,
    workshops::types::{Board, BoardProposal, ClusterView, LiveEvent, ProposalStatus, WorkshopId, WorkshopState},
};

/// Who the board is for: what it shows and how it reacts to events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoardMode {
    Participant,
    Moderator,
    Projector,
}

/// The reactive state of one open board.
#[derive(Clone, Copy)]
pub struct Live {
    pub proposals: RwSignal<Vec<BoardProposal>>,
    pub clusters: RwSignal<Vec<ClusterView>>,
    pub participants: RwSignal<u64>,
    pub state: RwSignal<WorkshopState>,
    pub connected: RwSignal<bool>,
    /// Counts the changes of vote rounds (views of the votes reload when it moves).
    pub votes: RwSignal<u64>,
    /// The latest turnout: (round, cast, eligible).
    pub turnout: RwSignal<Option<(uuid::Uuid, u64, u64)>>,
    pub mode: BoardMode,
    pub workshop: WorkshopId,
}

impl Live {
    #[must_use]
    pub fn new(board: &Board, mode: BoardMode) -> Self {
        Self {
            proposals: RwSignal::new(board.proposals.clone()),
            clusters: RwSignal::new(board.clusters.clone()),
            participants: RwSignal::new(board.participants),
            state: RwSignal::new(board.info.state),
            connected: RwSignal::new(false),
            votes: RwSignal::new(0),
            turnout: RwSignal::new(None),
            mode,
            workshop: board.info.id,
        }
    }

    /// Replaces everything with a fresh snapshot.
    pub fn reset(&self, board: Board) {
        self.proposals.set(board.proposals);
        self.clusters.set(board.clusters);
        self.participants.set(board.participants);
        self.state.set(board.info.state);
        self.votes.update(|v| *v += 1);
    }

    /// Adds or replaces a proposal, keeping the newest first; an own proposal stays marked.
    pub fn upsert(&self, proposal: BoardProposal) {
        self.proposals.update(|list| {
            if let Some(existing) = list.iter_mut().find(|p| p.id == proposal.id) {
                let mine = existing.mine || proposal.mine;
                *existing = BoardProposal { mine, ..proposal };
            } else {
                let at = list.iter().position(|p| p.created_at < proposal.created_at).unwrap_or(list.len());
                list.insert(at, proposal);
            }
        });
    }

    /// Applies an event; `true` when the board has to reload its snapshot to show it right
    /// (a hidden proposal that its author or a moderator still sees).
    pub fn apply(&self, event: LiveEvent) -> bool {
        match event {
            LiveEvent::Upsert { proposal } => {
                self.upsert(*proposal);
                false
            }
            LiveEvent::Remove { id, .. } => {
                let mine = self.proposals.with_untracked(|l| l.iter().any(|p| p.id == id && p.mine));
                if self.mode == BoardMode::Moderator || mine {
                    return true;
                }
                self.proposals.update(|l| l.retain(|p| p.id != id));
                false
            }
            LiveEvent::Participants { count } => {
                self.participants.set(count);
                false
            }
            LiveEvent::State { state } => {
                self.state.set(state);
                false
            }
            LiveEvent::Clusters { clusters } => {
                self.clusters.set(clusters);
                false
            }
            LiveEvent::Vote { .. } => {
                self.votes.update(|v| *v += 1);
                false
            }
            LiveEvent::Turnout { round, cast, eligible } => {
                // Frames of one round only ever count up (two could arrive out of order).
                let behind = self.turnout.with_untracked(|t| t.is_some_and(|(r, c, _)| r == round && c > cast));
                if !behind {
                    self.turnout.set(Some((round, cast, eligible)));
                }
                false
            }
        }
    }
}

/// How a board loads its snapshot again: a server function of the page that opened it.
pub type Reload =
    std::rc::Rc<dyn Fn() -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Board, AppError>>>>>;

/// Opens the live channel of the workshop for this board (in the browser; nothing on the server).
/// On each (re)connect the snapshot is loaded again; events arriving meanwhile are applied after it.
#[cfg_attr(not(feature = "hydrate"), expect(unused_variables, reason = "the channel opens in the browser only"))]
pub fn connect(live: Live, code: String, reload: Reload) {
    #[cfg(feature = "hydrate")]
    {
        use std::{cell::RefCell, rc::Rc};

        use send_wrapper::SendWrapper;
        use wasm_bindgen::{JsCast, closure::Closure};

        let Ok(events) = web_sys::EventSource::new(&format!("/w/{code}/live")) else {
            return;
        };
        let pending: Rc<RefCell<Option<Vec<LiveEvent>>>> = Rc::new(RefCell::new(None));
        let resync: Rc<dyn Fn()> = {
            let pending = pending.clone();
            Rc::new(move || {
                if pending.borrow().is_some() {
                    return;
                }
                *pending.borrow_mut() = Some(Vec::new());
                let (pending, reload) = (pending.clone(), reload.clone());
                leptos::task::spawn_local(async move {
                    let result = reload().await;
                    let buffered = pending.borrow_mut().take().unwrap_or_default();
                    if let Ok(board) = result {
                        live.reset(board);
                    }
                    for event in buffered {
                        live.apply(event);
                    }
                });
            })
        };
        let on_open = {
            let resync = resync.clone();
            Closure::<dyn FnMut()>::new(move || {
                live.connected.set(true);
                resync();
            })
        };
        let on_error = Closure::<dyn FnMut()>::new(move || live.connected.set(false));
        let on_message = {
            let (resync, pending) = (resync.clone(), pending.clone());
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |message: web_sys::MessageEvent| {
                let Some(data) = message.data().as_string() else { return };
                let Ok(event) = serde_json::from_str::<LiveEvent>(&data) else { return };
                if let Some(buffer) = pending.borrow_mut().as_mut() {
                    buffer.push(event);
                    return;
                }
                if live.apply(event) {
                    resync();
                }
            })
        };
        let on_resync = Closure::<dyn FnMut()>::new(move || resync());
        events.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        events.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        events.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let _ = events.add_event_listener_with_callback("resync", on_resync.as_ref().unchecked_ref());
        let handle = SendWrapper::new((events, on_open, on_error, on_message, on_resync));
        on_cleanup(move || {
            let (events, ..) = &*handle;
            events.close();
        });
    }
}

/// Whether a proposal belongs on this board (hidden ones: moderators; own ones: the author).
pub fn shown(p: &BoardProposal, mode: BoardMode) -> bool {
    match mode {
        BoardMode::Moderator => true,
        BoardMode::Participant | BoardMode::Projector => p.status == ProposalStatus::Visible,
    }
}
