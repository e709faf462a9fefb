//! Fan-out of board changes to every open board of a workshop, inside this server process.
//! Each event is serialised once, as the finished server-sent-events frame, and shared by
//! reference between all boards; a board that falls behind gets a `resync`.

use std::{
    collections::HashMap,
    sync::{Mutex, PoisonError},
};

use axum::body::Bytes;
use tokio::sync::broadcast;
use uuid::Uuid;

use crate::workshops::types::{LiveEvent, WorkshopId};

/// Events a slow board may lag behind before it is told to reload.
const BUFFER: usize = 4_096;

/// One channel per workshop with open boards.
#[derive(Default)]
pub struct LiveHub {
    channels: Mutex<HashMap<Uuid, broadcast::Sender<Bytes>>>,
}

impl LiveHub {
    /// Starts receiving the events of one workshop.
    pub fn subscribe(&self, workshop: WorkshopId) -> broadcast::Receiver<Bytes> {
        let mut channels = self.channels.lock().unwrap_or_else(PoisonError::into_inner);
        channels.entry(workshop.0).or_insert_with(|| broadcast::channel(BUFFER).0).subscribe()
    }

    /// Sends an event to every open board of the workshop (none open: nothing to do).
    pub fn publish(&self, workshop: WorkshopId, event: &LiveEvent) {
        let frame = match serde_json::to_string(event) {
            Ok(json) => Bytes::from(format!("data: {json}\n\n")),
            Err(e) => {
                tracing::error!(error = %e, "live event not serialisable");
                return;
            }
        };
        let mut channels = self.channels.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(sender) = channels.get(&workshop.0)
            && sender.send(frame).is_err()
        {
            // Nobody listens any more.
            channels.remove(&workshop.0);
        }
    }

    /// Open boards of a workshop (for tests and the status line).
    #[must_use]
    pub fn listeners(&self, workshop: WorkshopId) -> usize {
        let channels = self.channels.lock().unwrap_or_else(PoisonError::into_inner);
        channels.get(&workshop.0).map_or(0, broadcast::Sender::receiver_count)
    }
}
