//! Passwords: argon2id, hashed on a few long-lived threads and at most one hash per core at a
//! time, so a burst of logins neither blocks the async runtime nor fills the memory.

use std::sync::OnceLock;

use argon2::{
    Argon2, PasswordHash, PasswordHasher,
    password_hash::{SaltString, rand_core::OsRng},
};
use rand::RngCore;

use crate::error::{AppError, Msg};

/// Hashes a password with argon2id off the async runtime.
///
/// # Errors
/// `Internal` when hashing fails.
pub async fn hash_password(password: String) -> Result<String, AppError> {
    let _turn = hashing_turn().await?;
    on_hashing_thread(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string())
    })
    .await
    .ok_or_else(|| internal("hash task", &"the hashing thread is gone"))?
    .map_err(|e| internal("hash", &e))
}

fn hashing_threads() -> usize {
    std::thread::available_parallelism().map_or(2, std::num::NonZero::get).clamp(1, 8)
}

type HashJob = Box<dyn FnOnce() + Send>;

/// Runs a hash on one of [`hashing_threads`] long-lived threads. Short-lived blocking threads
/// would each keep their own allocator arena with a 19 MB block in it: with a few fixed threads
/// the memory argon2 uses stays a few blocks, however many logins came.
async fn on_hashing_thread<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    static QUEUE: OnceLock<std::sync::mpsc::Sender<HashJob>> = OnceLock::new();
    let queue = QUEUE.get_or_init(|| {
        let (tx, rx) = std::sync::mpsc::channel::<HashJob>();
        let rx = std::sync::Arc::new(std::sync::Mutex::new(rx));
        for i in 0..hashing_threads() {
            let rx = rx.clone();
            let spawned = std::thread::Builder::new().name(format!("argon2-{i}")).spawn(move || {
                loop {
                    // The lock is held only while waiting for the next job.
                    let job = match rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    match job {
                        Ok(job) => job(),
                        Err(_) => return,
                    }
                }
            });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "cannot start a hashing thread");
            }
        }
        tx
    });
    let (done, result) = tokio::sync::oneshot::channel();
    queue
        .send(Box::new(move || {
            let _ = done.send(work());
        }))
        .ok()?;
    result.await.ok()
}

/// At most one argon2 hash per core at a time (each holds about 19 MB): a burst of logins waits
/// its turn for up to [`HASHING_WAIT`], then is told to try again.
async fn hashing_turn() -> Result<tokio::sync::SemaphorePermit<'static>, AppError> {
    static TURNS: OnceLock<tokio::sync::Semaphore> = OnceLock::new();
    let turns = TURNS.get_or_init(|| tokio::sync::Semaphore::new(hashing_threads()));
    match tokio::time::timeout(HASHING_WAIT, turns.acquire()).await {
        Ok(Ok(permit)) => Ok(permit),
        _ => Err(AppError::RateLimited { retry_after_secs: 5, limit: Some(Msg::new("login-busy")) }),
    }
}

/// How long a login waits for a free hashing turn.
pub const HASHING_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Checks a password against its hash (against a dummy one when there is none, so an unknown
/// account costs the same time), off the async runtime.
///
/// # Errors
/// `RateLimited` when no hashing turn comes free in time.
pub(super) async fn verify_password(password: String, hash: Option<String>) -> Result<bool, AppError> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let _turn = hashing_turn().await?;
    Ok(on_hashing_thread(move || {
        // Unknown e-mail addresses cost the same time as known ones.
        let hash = hash.unwrap_or_else(|| {
            DUMMY
                .get_or_init(|| {
                    let salt = SaltString::generate(&mut OsRng);
                    Argon2::default().hash_password(b"plenum-dummy", &salt).map(|h| h.to_string()).unwrap_or_default()
                })
                .clone()
        });
        verify_in_place(password.as_bytes(), &hash)
    })
    .await
    .unwrap_or(false))
}

thread_local! {
    /// The hashing thread's argon2 memory (19 MB), kept between hashes: a freed block of that
    /// size stays in the allocator anyway, one per thread.
    static MEMORY: std::cell::RefCell<Vec<argon2::Block>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Checks a password against its PHC string, in this thread's argon2 memory.
fn verify_in_place(password: &[u8], hash: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else { return false };
    let (Ok(params), Ok(algorithm)) =
        (argon2::Params::try_from(&parsed), argon2::Algorithm::try_from(parsed.algorithm))
    else {
        return false;
    };
    let Ok(version) = parsed.version.map_or(Ok(argon2::Version::default()), argon2::Version::try_from) else {
        return false;
    };
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else { return false };
    let mut salt_buf = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_buf) else { return false };
    let mut out = vec![0u8; expected.len()];
    let blocks = params.block_count();
    let hashed = MEMORY.with_borrow_mut(|memory| {
        if memory.len() < blocks {
            memory.resize(blocks, argon2::Block::default());
        }
        Argon2::new(algorithm, version, params).hash_password_into_with_memory(
            password,
            salt,
            &mut out,
            &mut memory[..blocks],
        )
    });
    // `Output` compares in constant time.
    hashed.is_ok() && argon2::password_hash::Output::new(&out).is_ok_and(|o| o == expected)
}

/// A password to hand over: 20 characters without look-alikes.
#[must_use]
pub fn generate_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 20];
    rand::thread_rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char).collect()
}

fn internal(what: &str, err: &dyn std::fmt::Display) -> AppError {
    tracing::error!(error = %err, "{what} failed");
    AppError::Internal
}
