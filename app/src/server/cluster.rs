//! Live updates across several `plenum serve` processes on one PostgreSQL database, through
//! PostgreSQL itself (`LISTEN`/`NOTIFY`): no broker besides the database.
//!
//! Every change a process publishes to its own boards also goes out as a notification on the
//! channel [`CHANNEL`], rendered in every language (the others' listeners are unknown here);
//! every process listens and hands what the others sent to its own boards, with its own version
//! numbers. Streams one process ends (a deleted participant, a logout, a deactivated account)
//! end on the others too. A notification holds less than 8,000 bytes: a longer message goes in
//! numbered parts, which arrive in order (one sending task per process, each part committed
//! before the next). Should the listening connection break, notifications may have been lost
//! meanwhile: once it is back, every board of this process reloads its snapshot (`resync`).
//!
//! Order: one process's changes reach the others in the order it published them. Two processes
//! changing the same card within milliseconds of each other may be seen in either order by a
//! third; the snapshot a board loads on its next reconnect is always the database's.
//!
//! SQLite is one process: it has no relay.

use std::{
    collections::HashMap,
    sync::{Arc, OnceLock},
    time::Duration,
};

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement, sqlx::postgres::PgListener};
use tokio::sync::mpsc;
use uuid::Uuid;

use super::{LiveHub, live::Change, streams::StreamSlots};
use crate::i18n::Lang;

/// The notification channel of Plenum's live updates.
pub const CHANNEL: &str = "plenum_live";
/// Bytes of a message per notification (PostgreSQL's limit is 8,000 with the header).
const PART_BYTES: usize = 7_000;
/// Messages waiting to be sent to the other processes; beyond, one is dropped with a warning.
const OUTBOX: usize = 8_192;
/// Messages being put together from their parts at once (a sender that died mid-message leaves
/// one behind).
const ASSEMBLING: usize = 256;

/// What one process tells the others.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "k", rename_all = "snake_case")]
pub enum Message {
    /// A change of a topic: its data frame and its page fragments per language code.
    Change { topic: Uuid, data: String, pages: Vec<(String, String)> },
    /// A coalesced data frame (turnout).
    Latest { topic: Uuid, key: Uuid, rank: u64, data: String },
    /// Streams to end.
    End { ending: Ended },
}

/// Whose streams end (as [`super::streams::Ending`], owned).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ended {
    Participant(Uuid),
    /// A staff session, by the hash of its token.
    Session(String),
    User(Uuid),
}

/// Where this process's messages to the others go: nowhere until [`start`] ran (SQLite, tests).
/// The live hub and the stream slots share one.
#[derive(Debug, Clone, Default)]
pub struct Outbox(Arc<OnceLock<mpsc::Sender<Message>>>);

impl Outbox {
    /// Whether other processes listen (the relay runs).
    #[must_use]
    pub fn is_on(&self) -> bool {
        self.0.get().is_some()
    }

    /// Hands a message to the sending task.
    pub fn post(&self, message: Message) {
        if let Some(sender) = self.0.get()
            && sender.try_send(message).is_err()
        {
            tracing::warn!("the relay to the other instances is {OUTBOX} messages behind: one is dropped");
        }
    }
}

/// Starts relaying: listens on [`CHANNEL`] with its own connection to `url` and sends this
/// process's messages through `db`. Returns the id of this process among the others.
///
/// # Errors
/// When the listening connection cannot be opened.
pub async fn start(
    url: &str,
    db: DatabaseConnection,
    live: Arc<LiveHub>,
    streams: StreamSlots,
) -> Result<String, sea_orm::sqlx::Error> {
    let mut listener = PgListener::connect(url).await?;
    listener.listen(CHANNEL).await?;
    let instance = Uuid::new_v4().simple().to_string();
    let (sender, outbox) = mpsc::channel(OUTBOX);
    if live.outbox.0.set(sender).is_err() {
        tracing::warn!("the relay was started twice; the first one keeps running");
        return Ok(instance);
    }
    tokio::spawn(send_all(db, instance.clone(), outbox));
    tokio::spawn(receive(listener, instance.clone(), live, streams));
    tracing::info!(instance, "live updates are shared with the other instances through PostgreSQL");
    Ok(instance)
}

/// The notifications of one message: `{instance}:{number}:{part}:{parts}:{text}`.
fn parts(instance: &str, number: u64, json: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut rest = json;
    while !rest.is_empty() || pieces.is_empty() {
        let mut end = rest.len().min(PART_BYTES);
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        let (piece, tail) = rest.split_at(end);
        pieces.push(piece);
        rest = tail;
    }
    let total = pieces.len();
    pieces.into_iter().enumerate().map(|(i, piece)| format!("{instance}:{number}:{i}:{total}:{piece}")).collect()
}

/// Sends this process's messages, one notification after the other.
async fn send_all(db: DatabaseConnection, instance: String, mut outbox: mpsc::Receiver<Message>) {
    let mut number = 0_u64;
    while let Some(message) = outbox.recv().await {
        let Ok(json) = serde_json::to_string(&message) else { continue };
        number += 1;
        for payload in parts(&instance, number, &json) {
            let notify = Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT pg_notify($1, $2)",
                [CHANNEL.into(), payload.into()],
            );
            if let Err(e) = db.execute_raw(notify).await {
                tracing::warn!(error = %e, "a live update did not reach the other instances");
                break;
            }
        }
    }
}

/// Messages of the other processes, put together from their parts.
#[derive(Default)]
pub struct Assembler {
    waiting: HashMap<(String, u64), Vec<String>>,
}

impl Assembler {
    /// The message a notification completes, unless it is this process's own (`me`) or a part.
    pub fn take(&mut self, me: &str, payload: &str) -> Option<Message> {
        let mut fields = payload.splitn(5, ':');
        let (Some(instance), Some(number), Some(part), Some(total), Some(text)) =
            (fields.next(), fields.next(), fields.next(), fields.next(), fields.next())
        else {
            return None;
        };
        if instance == me {
            return None;
        }
        let (Ok(number), Ok(part), Ok(total)) = (number.parse::<u64>(), part.parse::<usize>(), total.parse::<usize>())
        else {
            return None;
        };
        let json = if total <= 1 {
            text.to_owned()
        } else {
            if self.waiting.len() >= ASSEMBLING {
                self.waiting.clear();
            }
            let key = (instance.to_owned(), number);
            let pieces = self.waiting.entry(key.clone()).or_default();
            if pieces.len() != part {
                // A part went missing (the connection broke): the message is lost.
                self.waiting.remove(&key);
                return None;
            }
            pieces.push(text.to_owned());
            if pieces.len() < total {
                return None;
            }
            self.waiting.remove(&key)?.concat()
        };
        match serde_json::from_str(&json) {
            Ok(message) => Some(message),
            Err(e) => {
                tracing::warn!(error = %e, "a live update from another instance could not be read");
                None
            }
        }
    }
}

/// Hands the other processes' messages to this process's boards and streams.
async fn receive(mut listener: PgListener, me: String, live: Arc<LiveHub>, streams: StreamSlots) {
    let mut assembler = Assembler::default();
    let mut lost = false;
    loop {
        match listener.try_recv().await {
            Ok(Some(notification)) => {
                if lost {
                    lost = false;
                    live.resync_all();
                }
                if let Some(message) = assembler.take(&me, notification.payload()) {
                    apply(&live, &streams, message);
                }
            }
            // The connection broke and is back: what was sent meanwhile is gone.
            Ok(None) => {
                tracing::warn!("the connection for live updates from other instances was lost; boards reload");
                live.resync_all();
            }
            Err(e) => {
                if !lost {
                    tracing::warn!(error = %e, "no connection for live updates from other instances; retrying");
                }
                lost = true;
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
    }
}

/// One message of another process, applied here.
pub fn apply(live: &LiveHub, streams: &StreamSlots, message: Message) {
    match message {
        Message::Change { topic, data, pages } => {
            let pages = pages.into_iter().filter_map(|(code, ops)| Lang::parse(&code).map(|l| (l, ops))).collect();
            live.publish(topic, &Change { data: &data, pages });
        }
        Message::Latest { topic, key, rank, data } => live.latest_json(topic, key, rank, data),
        Message::End { ending } => {
            streams.end_here(match &ending {
                Ended::Participant(id) => super::streams::Ending::Participant(*id),
                Ended::Session(hash) => super::streams::Ending::Session(hash),
                Ended::User(id) => super::streams::Ending::User(*id),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_messages_go_in_parts_and_come_together_again() {
        let text = "Ä".repeat(9_000); // 18,000 bytes: three parts, never split inside a letter
        let message = Message::Change { topic: Uuid::new_v4(), data: text.clone(), pages: Vec::new() };
        let json = serde_json::to_string(&message).unwrap_or_default();
        let notes = parts("a", 7, &json);
        assert_eq!(notes.len(), 3);
        assert!(notes.iter().all(|n| n.len() < 8_000));
        let mut other = Assembler::default();
        let got: Vec<_> = notes.iter().filter_map(|n| other.take("b", n)).collect();
        assert_eq!(got, vec![message.clone()]);
        // The sender ignores its own; a missing part loses the message, not the next one.
        let mut own = Assembler::default();
        assert!(notes.iter().all(|n| own.take("a", n).is_none()));
        let mut gap = Assembler::default();
        assert!(gap.take("b", &notes[0]).is_none());
        assert!(gap.take("b", &notes[2]).is_none());
        let short = parts("a", 8, r#"{"k":"end","ending":{"user":"5f8c7f0e-5b1a-4b8e-9a52-0a1a6f2b9c11"}}"#);
        assert_eq!(short.len(), 1);
        assert!(matches!(gap.take("b", &short[0]), Some(Message::End { ending: Ended::User(_) })));
        assert!(gap.take("b", "garbage").is_none());
    }
}
