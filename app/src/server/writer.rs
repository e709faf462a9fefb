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
//! A write that boards show ([`Writer::run_ordered`]) names its workshop's publishing order and
//! brings its own publishing: the writer holds the order from before the group is written,
//! publishes each such change right after the commit, one after another in commit order, and
//! only then lets the workshop's other writers on, as [`super::workshop_turn`] does.
//!
//! On PostgreSQL there is no writer task: each write is its own transaction on the pool, run
//! concurrently; the server already flushes concurrent commits together (its own group commit),
//! and one connection taking every write in turn would make each write's round trips the limit.

use std::{future::Future, pin::Pin, sync::Arc};

use std::panic::AssertUnwindSafe;

use futures::FutureExt;
use sea_orm::{
    DatabaseConnection, DatabaseTransaction, DbBackend, SqliteTransactionMode, TransactionOptions, TransactionTrait,
};
use tokio::sync::{Mutex, OwnedMutexGuard, mpsc, oneshot};

use crate::error::AppError;

/// The most writes one group takes (a bound on the time a group holds the database).
pub const GROUP_MAX: usize = 256;
/// Writes waiting for the writer at most; a caller beyond waits for a place (back-pressure).
const QUEUE: usize = 4_096;

/// Publishes (an ordered write) and answers the caller once the group is committed.
type Done = Box<dyn FnOnce(Result<(), AppError>) + Send>;
type Run = Box<dyn for<'c> FnOnce(&'c DatabaseTransaction) -> Pin<Box<dyn Future<Output = Done> + Send + 'c>> + Send>;

struct Job {
    order: Option<Arc<Mutex<()>>>,
    run: Run,
}

/// The handle of the writer task (cheap to clone). The task ends when every handle is gone.
#[derive(Clone)]
pub struct Writer {
    /// `None` on PostgreSQL: writes run on the pool.
    jobs: Option<mpsc::Sender<Job>>,
    db: DatabaseConnection,
}

/// A future that borrows the group's transaction.
pub type Work<'c, T> = Pin<Box<dyn Future<Output = Result<T, AppError>> + Send + 'c>>;

impl Writer {
    /// Starts the writer task of a database (inside the tokio runtime).
    #[must_use]
    pub fn start(db: DatabaseConnection) -> Self {
        if db.get_database_backend() == DbBackend::Postgres {
            return Self { jobs: None, db };
        }
        let (jobs, receiver) = mpsc::channel(QUEUE);
        tokio::spawn(run(db.clone(), receiver));
        Self { jobs: Some(jobs), db }
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
        match &self.jobs {
            Some(jobs) => submit(jobs, None, work, |_: &T| {}).await,
            None => alone(&self.db, work).await,
        }
    }

    /// Like [`Writer::run`], for a change that boards show: `order` is the workshop's publishing
    /// order ([`super::LiveHub::order_of`]). `check` reads what the write depends on, `write`
    /// (in the same transaction) writes and reads what the boards need, and `publish` sends the
    /// change right after the commit, in commit order, while the order is held.
    ///
    /// # Errors
    /// As [`Writer::run`].
    pub async fn run_ordered<C, T, F, G, P>(
        &self,
        order: Arc<Mutex<()>>,
        check: F,
        write: G,
        publish: P,
    ) -> Result<T, AppError>
    where
        C: Send + 'static,
        T: Send + 'static,
        F: for<'c> FnOnce(&'c DatabaseTransaction) -> Work<'c, C> + Send + 'static,
        G: for<'c> FnOnce(&'c DatabaseTransaction, C) -> Work<'c, T> + Send + 'static,
        P: FnOnce(&T) + Send + 'static,
    {
        let Some(jobs) = &self.jobs else {
            return ordered_alone(&self.db, order, check, write, publish).await;
        };
        submit(jobs, Some(order), chain(check, write), publish).await
    }
}

/// The checks, then the write, as one write of a group.
fn chain<C, T, F, G>(check: F, write: G) -> impl for<'c> FnOnce(&'c DatabaseTransaction) -> Work<'c, T> + Send + 'static
where
    C: Send + 'static,
    T: Send + 'static,
    F: for<'c> FnOnce(&'c DatabaseTransaction) -> Work<'c, C> + Send + 'static,
    G: for<'c> FnOnce(&'c DatabaseTransaction, C) -> Work<'c, T> + Send + 'static,
{
    move |txn| {
        Box::pin(async move {
            let checked = check(txn).await?;
            write(txn, checked).await
        })
    }
}

/// An ordered write on PostgreSQL: the order first (a write waiting for it holds no connection
/// of the pool), held through one transaction of the checks and the write, its commit and the
/// publishing. The checks run in the write's transaction, so nothing they read can change
/// before the write within this process; across processes the checks lock what they depend on
/// (the workshop's row, for a proposal).
async fn ordered_alone<C, T, F, G, P>(
    db: &DatabaseConnection,
    order: Arc<Mutex<()>>,
    check: F,
    write: G,
    publish: P,
) -> Result<T, AppError>
where
    F: for<'c> FnOnce(&'c DatabaseTransaction) -> Work<'c, C>,
    G: for<'c> FnOnce(&'c DatabaseTransaction, C) -> Work<'c, T>,
    P: FnOnce(&T),
{
    let _turn = order.lock_owned().await;
    let txn = begin(db).await?;
    let result = match check(&txn).await {
        Ok(checked) => write(&txn, checked).await,
        Err(e) => Err(e),
    };
    let value = finish(txn, result).await?;
    publish(&value);
    Ok(value)
}

/// One write in its own transaction (PostgreSQL).
async fn alone<T, F>(db: &DatabaseConnection, work: F) -> Result<T, AppError>
where
    F: for<'c> FnOnce(&'c DatabaseTransaction) -> Work<'c, T>,
{
    let txn = begin(db).await?;
    let result = work(&txn).await;
    finish(txn, result).await
}

/// Commits a transaction (or savepoint) after its work succeeded; rolls it back otherwise.
async fn finish<T>(txn: DatabaseTransaction, result: Result<T, AppError>) -> Result<T, AppError> {
    match result {
        Ok(value) => {
            txn.commit().await?;
            Ok(value)
        }
        Err(e) => {
            let _ = txn.rollback().await;
            Err(e)
        }
    }
}

async fn submit<T, F, P>(
    jobs: &mpsc::Sender<Job>,
    order: Option<Arc<Mutex<()>>>,
    work: F,
    publish: P,
) -> Result<T, AppError>
where
    T: Send + 'static,
    F: for<'c> FnOnce(&'c DatabaseTransaction) -> Work<'c, T> + Send + 'static,
    P: FnOnce(&T) + Send + 'static,
{
    let (answer, answered) = oneshot::channel::<Result<T, AppError>>();
    let run: Run = Box::new(move |txn| {
        Box::pin(async move {
            let outcome = in_savepoint(txn, work).await;
            Box::new(move |committed: Result<(), AppError>| {
                let result = committed.and(outcome);
                if let Ok(value) = &result {
                    publish(value);
                }
                let _ = answer.send(result);
            }) as Done
        })
    });
    jobs.send(Job { order, run }).await.map_err(|_| gone())?;
    answered.await.map_err(|_| gone())?
}

fn gone() -> AppError {
    tracing::error!("a write was dropped: the database writer has stopped or its group could not begin");
    AppError::Internal
}

async fn in_savepoint<T, F>(txn: &DatabaseTransaction, work: F) -> Result<T, AppError>
where
    F: for<'c> FnOnce(&'c DatabaseTransaction) -> Work<'c, T>,
{
    let savepoint = txn.begin().await?;
    let result = work(&savepoint).await;
    finish(savepoint, result).await
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
/// write and fail the whole group). On PostgreSQL the server's default (read committed, which
/// the close of a vote round relies on to see the ballots committed while it waited).
async fn begin(db: &DatabaseConnection) -> Result<DatabaseTransaction, sea_orm::DbErr> {
    let options = match db.get_database_backend() {
        DbBackend::Sqlite => {
            TransactionOptions { sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate), ..Default::default() }
        }
        _ => return db.begin().await,
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
                // Its callers get `Internal` (their answers are dropped unsent).
                tracing::error!(error = %e, writes = group.len(), "a group of writes could not begin its transaction");
                group.clear();
                Err(AppError::from(e))
            }
        };
        // Other workshops may write now; the orders keep this group's workshops waiting until
        // their ordered writes are published, one after another, in commit order.
        drop(turn);
        for answer in done {
            answer(committed.clone());
        }
        drop(orders);
    }
}
