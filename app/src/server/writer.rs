//! Group commit: one writer task that runs the writes arriving while a commit is under way
//! together in the next transaction, and answers each caller only after that transaction is
//! durable. On SQLite a durable commit costs one fsync; one write per commit tops out near 160
//! writes a second on the disks measured, one group per commit grows with the load.
//!
//! Each write runs in its own savepoint inside the group, so a write that fails (a broken rule,
//! a constraint) is rolled back alone and its caller gets the error; the others commit. If the
//! commit itself fails, every caller of the group gets the error: nothing acknowledged is lost,
//! nothing is acknowledged that was not written.
//!
//! A write that boards show ([`Writer::run_ordered`]) names its workshop's publishing order: the
//! writer holds it (and SQLite's write turn) from before the group is written until each such
//! caller has published its change, one after another in commit order, so boards get changes
//! in the order they were committed, as with [`super::workshop_turn`].

use std::{future::Future, pin::Pin, sync::Arc};

use std::panic::AssertUnwindSafe;

use futures::FutureExt;
use sea_orm::{
    DatabaseConnection, DatabaseTransaction, DbBackend, IsolationLevel, SqliteTransactionMode, TransactionOptions,
    TransactionTrait,
};
use tokio::sync::{Mutex, OwnedMutexGuard, mpsc, oneshot};

use crate::error::AppError;

/// The most writes one group takes (a bound on the time a group holds the database).
pub const GROUP_MAX: usize = 256;
/// Writes waiting for the writer at most; a caller beyond waits for a place (back-pressure).
const QUEUE: usize = 4_096;

/// Answers the caller once the group is committed; for an ordered write, returns what the
/// writer waits on until the caller has published.
type Done = Box<dyn FnOnce(Result<(), AppError>) -> Option<oneshot::Receiver<()>> + Send>;
type Run = Box<dyn for<'c> FnOnce(&'c DatabaseTransaction) -> Pin<Box<dyn Future<Output = Done> + Send + 'c>> + Send>;

struct Job {
    order: Option<Arc<Mutex<()>>>,
    run: Run,
}

/// The handle of the writer task (cheap to clone). The task ends when every handle is gone.
#[derive(Clone)]
pub struct Writer {
    jobs: mpsc::Sender<Job>,
    db: DatabaseConnection,
}

/// A future that borrows the group's transaction.
pub type Work<'c, T> = Pin<Box<dyn Future<Output = Result<T, AppError>> + Send + 'c>>;

/// Held by the caller of an ordered write while it publishes its change; the writer goes on
/// when it is dropped.
pub struct Published(#[expect(dead_code, reason = "held for its drop")] oneshot::Sender<()>);

impl Writer {
    /// Starts the writer task of a database (inside the tokio runtime).
    #[must_use]
    pub fn start(db: DatabaseConnection) -> Self {
        let (jobs, receiver) = mpsc::channel(QUEUE);
        tokio::spawn(run(db.clone(), receiver));
        Self { jobs, db }
    }

    /// The database the writer writes to (for the reads around a write).
    #[must_use]
    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    /// Runs `work` in the next group and returns its result once the group is committed.
    ///
    /// # Errors
    /// The error of `work` (its savepoint was rolled back), or `Internal` when the group could
    /// not be committed or the writer is gone.
    pub async fn run<T, F>(&self, work: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(&'c DatabaseTransaction) -> Work<'c, T> + Send + 'static,
    {
        self.submit(None, work).await.map(|(value, _)| value)
    }

    /// Like [`Writer::run`], for a change that boards show: `order` is the workshop's publishing
    /// order ([`super::LiveHub::order_of`]). The caller publishes, then drops [`Published`].
    ///
    /// # Errors
    /// As [`Writer::run`].
    pub async fn run_ordered<T, F>(&self, order: Arc<Mutex<()>>, work: F) -> Result<(T, Published), AppError>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(&'c DatabaseTransaction) -> Work<'c, T> + Send + 'static,
    {
        let (value, published) = self.submit(Some(order), work).await?;
        Ok((value, Published(published.ok_or_else(gone)?)))
    }

    async fn submit<T, F>(
        &self,
        order: Option<Arc<Mutex<()>>>,
        work: F,
    ) -> Result<(T, Option<oneshot::Sender<()>>), AppError>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(&'c DatabaseTransaction) -> Work<'c, T> + Send + 'static,
    {
        type Answer<T> = Result<(T, Option<oneshot::Sender<()>>), AppError>;
        let ordered = order.is_some();
        let (answer, answered) = oneshot::channel::<Answer<T>>();
        let run: Run = Box::new(move |txn| {
            Box::pin(async move {
                let outcome = in_savepoint(txn, work).await;
                Box::new(move |committed: Result<(), AppError>| {
                    let (published, wait) = if ordered {
                        let (tx, rx) = oneshot::channel();
                        (Some(tx), Some(rx))
                    } else {
                        (None, None)
                    };
                    let _ = answer.send(committed.and(outcome).map(|v| (v, published)));
                    wait
                }) as Done
            })
        });
        self.jobs.send(Job { order, run }).await.map_err(|_| gone())?;
        answered.await.map_err(|_| gone())?
    }
}

fn gone() -> AppError {
    tracing::error!("a write was dropped: the database writer has stopped");
    AppError::Internal
}

async fn in_savepoint<T, F>(txn: &DatabaseTransaction, work: F) -> Result<T, AppError>
where
    F: for<'c> FnOnce(&'c DatabaseTransaction) -> Work<'c, T>,
{
    let savepoint = txn.begin().await?;
    match work(&savepoint).await {
        Ok(value) => {
            savepoint.commit().await?;
            Ok(value)
        }
        Err(e) => {
            let _ = savepoint.rollback().await;
            Err(e)
        }
    }
}

/// The publishing orders a group needs, each once, always taken in the same order (by address)
/// so two holders of several can never wait for each other.
async fn lock_orders(mut orders: Vec<Arc<Mutex<()>>>) -> Vec<OwnedMutexGuard<()>> {
    orders.sort_by_key(|o| Arc::as_ptr(o) as usize);
    orders.dedup_by(|a, b| Arc::ptr_eq(a, b));
    let mut held = Vec::with_capacity(orders.len());
    for order in orders {
        held.push(order.lock_owned().await);
    }
    held
}

/// A group's transaction: on SQLite a write transaction from the start (`BEGIN IMMEDIATE`: a
/// deferred one could meet a commit of another writer between its first read and its first
/// write and fail the whole group); on PostgreSQL read committed, which the close of a vote
/// round relies on to see the ballots committed while it waited.
async fn begin(db: &DatabaseConnection) -> Result<DatabaseTransaction, sea_orm::DbErr> {
    let options = match db.get_database_backend() {
        DbBackend::Sqlite => {
            TransactionOptions { sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate), ..Default::default() }
        }
        _ => TransactionOptions { isolation_level: Some(IsolationLevel::ReadCommitted), ..Default::default() },
    };
    db.begin_with_options(options).await
}

async fn run(db: DatabaseConnection, mut jobs: mpsc::Receiver<Job>) {
    let mut group = Vec::with_capacity(GROUP_MAX);
    while jobs.recv_many(&mut group, GROUP_MAX).await > 0 {
        let orders = lock_orders(group.iter().filter_map(|j| j.order.clone()).collect()).await;
        // The process's SQLite writers take turns (see `write_turn`); PostgreSQL needs none.
        let turn = super::write_turn(&db).await;
        let mut done = Vec::with_capacity(group.len());
        let committed = match begin(&db).await {
            Ok(txn) => {
                for job in group.drain(..) {
                    // A write that panics is that caller's failure (its answer is dropped: it
                    // gets `Internal`), never the writer's end.
                    match AssertUnwindSafe((job.run)(&txn)).catch_unwind().await {
                        Ok(answer) => done.push(answer),
                        Err(_) => tracing::error!("a grouped write panicked; its caller gets an error"),
                    }
                }
                txn.commit().await.map_err(AppError::from)
            }
            Err(e) => {
                group.clear();
                Err(AppError::from(e))
            }
        };
        // Other workshops may write now; the orders still keep this group's workshops waiting
        // until their ordered writes are published, one after another, in commit order.
        drop(turn);
        for answer in done {
            if let Some(published) = answer(committed.clone()) {
                let _ = published.await;
            }
        }
        drop(orders);
    }
}
