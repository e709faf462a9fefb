//! Fan-out of live changes to every open view of a topic (a workshop), inside this process.
//!
//! Two audiences listen: hydrated staff views get one data frame per change (JSON, the same for
//! all of them); participant pages get HTML fragments in their language, rendered once per
//! language that has listeners, never once per viewer. Every frame is serialised once and shared
//! by reference. Each change of a topic gets the next number of the topic's *version*
//! (`{epoch}-{seq}`, the epoch new with every start of the process): a page knows which version
//! it shows and reloads its snapshot when it sees a gap. A viewer that falls behind gets a
//! `resync`. On shutdown every stream ends, so browsers reconnect to the next process.
//!
//! The hub knows nothing of workshops or proposals: features hand it finished frames.

use std::{
    any::{Any, TypeId},
    collections::HashMap,
    sync::{Arc, Mutex, PoisonError},
    time::{Duration, Instant},
};

use axum::body::Bytes;
use tokio::sync::{broadcast, watch};
use uuid::Uuid;

use crate::i18n::Lang;

/// Frames a slow viewer may lag behind before it is told to reload.
const BUFFER: usize = 4_096;

/// Who listens on a stream: what kind of frames it gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    /// A hydrated staff view: data frames.
    Data,
    /// A participant page in this language: HTML fragments.
    Page(Lang),
}

#[derive(Default)]
struct Topic {
    seq: u64,
    channels: HashMap<Audience, broadcast::Sender<Bytes>>,
    /// A window is open: the change that opened it went out at once, those after it wait here
    /// (per audience, as one write) until the window ends.
    window: bool,
    waiting: HashMap<Audience, Vec<u8>>,
}

type Topics = Arc<Mutex<HashMap<Uuid, Topic>>>;

/// How long changes of a topic are gathered into one frame per audience once one went out: a
/// quiet room gets each change at once, a busy one costs every board one write per window
/// instead of one per change (and its buffer holds windows, not changes).
pub const WINDOW: std::time::Duration = std::time::Duration::from_millis(100);

/// One change, as the audiences receive it.
pub struct Change<'a> {
    /// The data frame's JSON (staff views).
    pub data: &'a str,
    /// The page fragments' JSON per language (a language missing here that has listeners is
    /// told to reload its snapshot).
    pub pages: Vec<(Lang, String)>,
}

/// How long a snapshot read for a version is handed to the next readers of the same version.
/// Every change a board shows counts in the version, so the time only bounds what a change
/// made outside the hub (a workshop's title edited, say) takes to show.
pub const SNAPSHOT_TTL: Duration = Duration::from_secs(1);

/// Snapshots kept at most (one per topic and kind; more topics read within a second are read
/// without one).
const SNAPSHOTS: usize = 10_000;

type Memo = Arc<tokio::sync::OnceCell<Arc<dyn Any + Send + Sync>>>;

/// A kept snapshot: the version it was read at, when, and the read (done or under way).
type Kept = (String, Instant, Memo);

/// The live channels of this process.
pub struct LiveHub {
    epoch: u64,
    topics: Topics,
    closing: watch::Sender<bool>,
    /// Per topic, the order of its writers (one entry per workshop that was ever written).
    orders: Mutex<HashMap<Uuid, Arc<tokio::sync::Mutex<()>>>>,
    /// Data frames waiting to be sent by the next flush, the latest per (topic, key).
    latest: Arc<Mutex<Latest>>,
    /// The other processes on the same PostgreSQL database (see [`super::cluster`]).
    pub outbox: super::cluster::Outbox,
    /// Per topic and kind: the last snapshot read, the version it was read at and when.
    snapshots: Mutex<HashMap<(Uuid, TypeId), Kept>>,
}

#[derive(Default)]
struct Latest {
    /// Per (topic, key): the rank and frame waiting, and where it goes.
    frames: HashMap<(Uuid, Uuid), (u64, Bytes, broadcast::Sender<Bytes>)>,
    /// Per (topic, key): the highest rank sent (a key per vote round: a few per workshop).
    sent: HashMap<(Uuid, Uuid), u64>,
    flushing: bool,
}

/// How often a coalesced frame goes out at most (turnout: a few updates a second, however many
/// ballots arrive).
pub const COALESCE: std::time::Duration = std::time::Duration::from_millis(250);

impl Default for LiveHub {
    fn default() -> Self {
        Self {
            epoch: rand::random::<u64>() >> 16,
            topics: Topics::default(),
            closing: watch::Sender::new(false),
            orders: Mutex::default(),
            latest: Arc::default(),
            outbox: super::cluster::Outbox::default(),
            snapshots: Mutex::default(),
        }
    }
}

/// A subscription: the stream of frames and the version the viewer starts from.
pub struct Subscription {
    pub frames: broadcast::Receiver<Bytes>,
    pub version: String,
    pub closing: watch::Receiver<bool>,
}

impl LiveHub {
    fn version_of(&self, seq: u64) -> String {
        format!("{:x}-{seq}", self.epoch)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Uuid, Topic>> {
        lock(&self.topics)
    }

    /// The version a snapshot read now shows (read it before reading the snapshot).
    #[must_use]
    pub fn version(&self, topic: Uuid) -> String {
        let seq = self.lock().get(&topic).map_or(0, |t| t.seq);
        self.version_of(seq)
    }

    /// The snapshot of a topic at `version` (read by the caller before): the one read for the
    /// same version within [`SNAPSHOT_TTL`], or `read` now. Readers arriving while it is read
    /// wait for that one read and share its outcome (a failed read too: a database that is down
    /// is not asked once per waiting board), so a room reloading at once costs the database one
    /// read per version, not one per board. Everything `read` depends on must be read inside it
    /// (not before the version was read).
    ///
    /// # Errors
    /// What `read` returned (the next reader after it reads again).
    pub async fn snapshot<T, E, F, Fut>(&self, topic: Uuid, version: &str, read: F) -> Result<Arc<T>, E>
    where
        T: Any + Send + Sync,
        E: Any + Send + Sync + Clone,
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        type Outcome<T, E> = Result<Arc<T>, E>;
        let key = (topic, TypeId::of::<Outcome<T, E>>());
        let memo = {
            let mut memos = self.snapshots.lock().unwrap_or_else(PoisonError::into_inner);
            let now = Instant::now();
            let fresh = |(v, at, _): &Kept| v == version && now.duration_since(*at) < SNAPSHOT_TTL;
            match memos.get(&key) {
                Some(entry) if fresh(entry) => Some(entry.2.clone()),
                _ => {
                    // A miss is rare (once per version): the expired ones go.
                    memos.retain(|_, (_, at, _)| now.duration_since(*at) < SNAPSHOT_TTL);
                    (memos.len() < SNAPSHOTS).then(|| {
                        let memo = Memo::default();
                        memos.insert(key, (version.to_owned(), now, memo.clone()));
                        memo
                    })
                }
            }
        };
        let Some(memo) = memo else { return read().await.map(Arc::new) };
        let outcome = memo
            .get_or_init(|| async { Arc::new(read().await.map(Arc::new)) as Arc<dyn Any + Send + Sync> })
            .await
            .clone();
        // The key holds the type: the cast always succeeds.
        let Ok(outcome) = outcome.downcast::<Outcome<T, E>>() else { return read().await.map(Arc::new) };
        if outcome.is_err() {
            // Shared with the readers that waited for it, not with the next ones.
            let mut memos = self.snapshots.lock().unwrap_or_else(PoisonError::into_inner);
            if memos.get(&key).is_some_and(|(_, _, m)| Arc::ptr_eq(m, &memo)) {
                memos.remove(&key);
            }
        }
        (*outcome).clone()
    }

    /// Starts receiving a topic's frames for one audience.
    pub fn subscribe(&self, topic: Uuid, audience: Audience) -> Subscription {
        let mut topics = self.lock();
        let entry = topics.entry(topic).or_default();
        let frames = entry.channels.entry(audience).or_insert_with(|| broadcast::channel(BUFFER).0).subscribe();
        Subscription { frames, version: self.version_of(entry.seq), closing: self.closing.subscribe() }
    }

    /// Whether a participant page may be watching the topic: here, or (with PostgreSQL's relay)
    /// in another process, whose pages are unknown here. Only then are fragments worth reading.
    #[must_use]
    pub fn pages_watched(&self, topic: Uuid) -> bool {
        self.outbox.is_on() || !self.page_languages(topic).is_empty()
    }

    /// The languages of the participant pages open on a topic (what a change must be rendered in).
    #[must_use]
    pub fn page_languages(&self, topic: Uuid) -> Vec<Lang> {
        let topics = self.lock();
        let Some(entry) = topics.get(&topic) else { return Vec::new() };
        entry
            .channels
            .iter()
            .filter_map(|(a, s)| match a {
                Audience::Page(lang) if s.receiver_count() > 0 => Some(*lang),
                _ => None,
            })
            .collect()
    }

    /// Sends a change to every open view of the topic and counts it in the topic's version: at
    /// once, or with the others of the open [`WINDOW`] when it ends.
    pub fn publish(&self, topic: Uuid, change: &Change<'_>) {
        let runtime = tokio::runtime::Handle::try_current().ok();
        let mut topics = self.lock();
        let entry = topics.entry(topic).or_default();
        entry.seq += 1;
        let version = format!("{:x}-{}", self.epoch, entry.seq);
        entry.channels.retain(|_, sender| sender.receiver_count() > 0);
        let now = !entry.window || runtime.is_none();
        for (audience, sender) in &entry.channels {
            let frame = match audience {
                Audience::Data => format!("data: {}\n\n", change.data),
                Audience::Page(lang) => {
                    let ops = change.pages.iter().find(|(l, _)| l == lang).map_or(r#"[["reload"]]"#, |(_, ops)| ops);
                    format!("event: page\ndata: {{\"v\":\"{version}\",\"ops\":{ops}}}\n\n")
                }
            };
            if now {
                let _ = sender.send(Bytes::from(frame));
            } else {
                entry.waiting.entry(*audience).or_default().extend_from_slice(frame.as_bytes());
            }
        }
        if now && let Some(runtime) = runtime {
            entry.window = true;
            runtime.spawn(end_windows(self.topics.clone(), topic));
        }
    }

    /// Publishes a change: `event` as the data frame of the staff views, and for every language
    /// with participant pages open, the fragment operations `pages` renders in it.
    pub fn send(&self, topic: Uuid, event: &impl serde::Serialize, pages: impl Fn(Lang) -> String) {
        let data = match serde_json::to_string(event) {
            Ok(json) => json,
            Err(e) => {
                tracing::error!(error = %e, "live event not serialisable");
                return;
            }
        };
        // The other processes' pages are unknown here: with a relay, every language is rendered.
        let relay = self.outbox.is_on();
        let languages = if relay { Lang::all().collect() } else { self.page_languages(topic) };
        let pages: Vec<(Lang, String)> = languages.into_iter().map(|lang| (lang, pages(lang))).collect();
        self.publish(topic, &Change { data: &data, pages: pages.clone() });
        if relay {
            let pages = pages.into_iter().map(|(lang, ops)| (lang.code().to_owned(), ops)).collect();
            self.outbox.post(super::cluster::Message::Change { topic, data, pages });
        }
    }

    /// Tells every open view of this process to reload its snapshot (changes may have been
    /// missed: the connection to the other processes broke).
    pub fn resync_all(&self) {
        // The snapshots read meanwhile may lack what was missed: the reloads read anew.
        self.snapshots.lock().unwrap_or_else(PoisonError::into_inner).clear();
        let topics = self.lock();
        for topic in topics.values() {
            for sender in topic.channels.values() {
                let _ = sender.send(Bytes::from_static(b"event: resync\ndata: {}\n\n"));
            }
        }
    }

    /// Waits for the topic's turn: a writer holds it from before its change is written until the
    /// change is published, so the numbers the hub gives changes follow the order of the commits
    /// (a stale edit can never overtake the hide that followed it, a count never goes back).
    pub async fn order(&self, topic: Uuid) -> tokio::sync::OwnedMutexGuard<()> {
        self.order_of(topic).lock_owned().await
    }

    /// The topic's order itself, for a writer that takes it later (the group-commit writer).
    #[must_use]
    pub fn order_of(&self, topic: Uuid) -> Arc<tokio::sync::Mutex<()>> {
        self.orders.lock().unwrap_or_else(PoisonError::into_inner).entry(topic).or_default().clone()
    }

    /// Sends `event` to the staff views of a topic as a data frame, coalesced: within
    /// [`COALESCE`] only the highest-`rank` event of the same `key` goes out, and never one
    /// ranked below what was sent already (turnout of a round while hundreds of ballots a second
    /// arrive, counted by callers that finish in any order). Participant pages do not get it,
    /// and it does not count in the version (their snapshots do not show it).
    pub fn send_latest(&self, topic: Uuid, key: Uuid, rank: u64, event: &impl serde::Serialize) {
        let Ok(json) = serde_json::to_string(event) else { return };
        if self.outbox.is_on() {
            self.outbox.post(super::cluster::Message::Latest { topic, key, rank, data: json.clone() });
        }
        self.latest_json(topic, key, rank, json);
    }

    /// [`Self::send_latest`] of an event already serialised, in this process only.
    pub fn latest_json(&self, topic: Uuid, key: Uuid, rank: u64, json: String) {
        let Some(sender) = self.lock().get(&topic).and_then(|t| t.channels.get(&Audience::Data).cloned()) else {
            return; // no staff view open
        };
        let frame = Bytes::from(format!("data: {json}\n\n"));
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            let _ = sender.send(frame);
            return;
        };
        let mut latest = self.latest.lock().unwrap_or_else(PoisonError::into_inner);
        let behind = latest.sent.get(&(topic, key)).is_some_and(|sent| *sent > rank)
            || latest.frames.get(&(topic, key)).is_some_and(|(waiting, ..)| *waiting > rank);
        if behind {
            return;
        }
        latest.frames.insert((topic, key), (rank, frame, sender));
        if !latest.flushing {
            latest.flushing = true;
            runtime.spawn(flush(self.latest.clone()));
        }
    }

    /// Ends every live stream (the process is shutting down); browsers reconnect elsewhere.
    pub fn close(&self) {
        self.closing.send_replace(true);
    }
}

fn lock(topics: &Topics) -> std::sync::MutexGuard<'_, HashMap<Uuid, Topic>> {
    topics.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Ends a topic's window after [`WINDOW`]: what waited goes out as one frame per audience and
/// the next window starts; a window without changes closes (the next change goes out at once).
async fn end_windows(topics: Topics, topic: Uuid) {
    loop {
        tokio::time::sleep(WINDOW).await;
        let mut topics = lock(&topics);
        let Some(entry) = topics.get_mut(&topic) else { return };
        if entry.waiting.is_empty() {
            entry.window = false;
            return;
        }
        for (audience, frames) in std::mem::take(&mut entry.waiting) {
            if let Some(sender) = entry.channels.get(&audience) {
                let _ = sender.send(Bytes::from(frames));
            }
        }
    }
}

/// Sends the waiting coalesced frames every [`COALESCE`] until none are left.
async fn flush(latest: Arc<Mutex<Latest>>) {
    loop {
        tokio::time::sleep(COALESCE).await;
        let frames = {
            let mut latest = latest.lock().unwrap_or_else(PoisonError::into_inner);
            if latest.frames.is_empty() {
                latest.flushing = false;
                return;
            }
            let frames = std::mem::take(&mut latest.frames);
            for (key, (rank, ..)) in &frames {
                latest.sent.insert(*key, *rank);
            }
            frames
        };
        for (_, frame, sender) in frames.into_values() {
            let _ = sender.send(frame);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_audience_gets_its_own_frame_and_the_version_counts_changes() {
        let hub = LiveHub::default();
        let topic = Uuid::new_v4();
        let before = hub.version(topic);
        let mut data = hub.subscribe(topic, Audience::Data);
        let de = Lang::parse("de").unwrap_or_default();
        let mut page = hub.subscribe(topic, Audience::Page(de));
        assert_eq!(page.version, before);
        assert_eq!(hub.page_languages(topic), vec![de]);
        hub.publish(topic, &Change { data: "{\"x\":1}", pages: vec![(de, "[[\"text\",\"a\",\"b\"]]".into())] });
        assert_eq!(data.frames.try_recv().ok(), Some(Bytes::from_static(b"data: {\"x\":1}\n\n")));
        let frame =
            String::from_utf8(page.frames.try_recv().map(|b| b.to_vec()).unwrap_or_default()).unwrap_or_default();
        let after = hub.version(topic);
        assert_ne!(before, after);
        assert_eq!(frame, format!("event: page\ndata: {{\"v\":\"{after}\",\"ops\":[[\"text\",\"a\",\"b\"]]}}\n\n"));
        // A language nobody rendered for is told to reload.
        hub.publish(topic, &Change { data: "{}", pages: Vec::new() });
        let frame =
            String::from_utf8(page.frames.try_recv().map(|b| b.to_vec()).unwrap_or_default()).unwrap_or_default();
        assert!(frame.contains(r#""ops":[["reload"]]"#), "{frame}");
        assert!(!*page.closing.borrow());
        hub.close();
        assert!(*page.closing.borrow());
    }

    #[tokio::test]
    async fn a_change_goes_out_at_once_and_those_right_after_it_in_one_frame() {
        let hub = LiveHub::default();
        let topic = Uuid::new_v4();
        let de = Lang::default();
        let mut data = hub.subscribe(topic, Audience::Data);
        let mut page = hub.subscribe(topic, Audience::Page(de));
        let change = |n: u32| format!("{{\"n\":{n}}}");
        hub.publish(topic, &Change { data: &change(0), pages: vec![(de, "[]".into())] });
        assert_eq!(data.frames.try_recv().ok(), Some(Bytes::from_static(b"data: {\"n\":0}\n\n")), "at once");
        assert!(page.frames.try_recv().is_ok());
        for n in 1..=50 {
            hub.publish(topic, &Change { data: &change(n), pages: vec![(de, "[]".into())] });
        }
        assert!(data.frames.try_recv().is_err(), "the rest waits for the window's end");
        tokio::time::sleep(WINDOW * 3).await;
        let frame =
            String::from_utf8(data.frames.try_recv().map(|b| b.to_vec()).unwrap_or_default()).unwrap_or_default();
        let expected: String = (1..=50).map(|n| format!("data: {}\n\n", change(n))).collect();
        assert_eq!(frame, expected, "one write, every change in order");
        assert!(data.frames.try_recv().is_err());
        let frame =
            String::from_utf8(page.frames.try_recv().map(|b| b.to_vec()).unwrap_or_default()).unwrap_or_default();
        assert_eq!(frame.matches("event: page").count(), 50);
        assert!(frame.ends_with(&format!("{{\"v\":\"{}\",\"ops\":[]}}\n\n", hub.version(topic))));
        // The window closed: the next change goes out at once again.
        tokio::time::sleep(WINDOW * 2).await;
        hub.publish(topic, &Change { data: &change(51), pages: Vec::new() });
        assert_eq!(data.frames.try_recv().ok(), Some(Bytes::from_static(b"data: {\"n\":51}\n\n")));
    }

    #[tokio::test]
    async fn coalesced_frames_send_only_the_latest_per_key_a_few_times_a_second() {
        let hub = LiveHub::default();
        let (topic, key) = (Uuid::new_v4(), Uuid::new_v4());
        let mut data = hub.subscribe(topic, Audience::Data);
        let mut page = hub.subscribe(topic, Audience::Page(Lang::default()));
        let before = hub.version(topic);
        for n in 1..=500 {
            hub.send_latest(topic, key, n, &serde_json::json!({ "cast": n }));
        }
        // A count that finished late, below the newest, is dropped.
        hub.send_latest(topic, key, 499, &serde_json::json!({ "cast": 499 }));
        tokio::time::sleep(COALESCE * 3).await;
        let mut got = Vec::new();
        while let Ok(frame) = data.frames.try_recv() {
            got.push(frame);
        }
        assert_eq!(got, vec![Bytes::from_static(b"data: {\"cast\":500}\n\n")], "one frame, the latest");
        assert!(page.frames.try_recv().is_err(), "participant pages get no turnout");
        assert_eq!(hub.version(topic), before, "not a change of the snapshot");
        hub.send_latest(topic, key, 480, &serde_json::json!({ "cast": 480 }));
        tokio::time::sleep(COALESCE * 2).await;
        assert!(data.frames.try_recv().is_err(), "nothing below what was sent");
    }

    #[tokio::test]
    async fn a_snapshot_is_read_once_per_version_by_readers_arriving_together() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let hub = LiveHub::default();
        let topic = Uuid::new_v4();
        let reads = AtomicUsize::new(0);
        let read = || async {
            let n = reads.fetch_add(1, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(20)).await;
            Ok::<_, ()>(format!("read {n}"))
        };
        let version = hub.version(topic);
        let together = futures::future::join_all((0..50).map(|_| hub.snapshot(topic, &version, read))).await;
        assert!(together.iter().all(|s| s.as_deref().map(String::as_str) == Ok("read 0")), "{together:?}");
        assert_eq!(reads.load(Ordering::SeqCst), 1, "one read for fifty readers");
        // Another kind of snapshot of the same topic is its own.
        let other = hub.snapshot(topic, &version, || async { Ok::<_, ()>(7_u32) }).await;
        assert_eq!(other.map(|n| *n), Ok(7));
        // A change: the next reader reads again.
        hub.publish(topic, &Change { data: "{}", pages: Vec::new() });
        let version = hub.version(topic);
        assert_eq!(hub.snapshot(topic, &version, read).await.as_deref().map(String::as_str), Ok("read 1"));
        // A failed read is shared by the readers that waited for it, but not kept.
        let (down, failures) = (Uuid::new_v4(), AtomicUsize::new(0));
        let fail = || async {
            failures.fetch_add(1, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(20)).await;
            Err::<String, _>("down")
        };
        let together = futures::future::join_all((0..10).map(|_| hub.snapshot(down, &version, fail))).await;
        assert!(together.iter().all(|r| *r == Err("down")));
        assert_eq!(failures.load(Ordering::SeqCst), 1, "one read for the waiting readers");
        assert_eq!(hub.snapshot(down, &version, fail).await, Err("down"));
        assert_eq!(failures.load(Ordering::SeqCst), 2, "the next reader reads again");
        // After a lost relay connection every snapshot is read anew.
        hub.resync_all();
        assert_eq!(hub.snapshot(topic, &version, read).await.as_deref().map(String::as_str), Ok("read 2"));
        // Past its time, the same version is read again (changes made outside the hub show).
        tokio::time::sleep(SNAPSHOT_TTL + Duration::from_millis(50)).await;
        assert_eq!(hub.snapshot(topic, &version, read).await.as_deref().map(String::as_str), Ok("read 3"));
    }
}
