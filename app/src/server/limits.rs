//! Limits per client address on what anyone may do without an account: joining, looking up
//! join codes, submitting proposals, casting ballots and answering surveys. High enough for a
//! whole room behind one venue Wi-Fi address, low enough to stop a script; IPv6 addresses count
//! by their /64 (one household, one phone's network). The memory is bounded: expired windows
//! are pruned at most once a minute, and the map never holds more than [`ENTRIES_MAX`] entries.
//!
//! The counts live in this process: with several instances behind a load balancer, each
//! instance counts on its own (the README says so).

use std::{
    collections::HashMap,
    net::IpAddr,
    sync::Mutex,
    time::{Duration, Instant},
};

use crate::error::{AppError, Msg};

/// At most this many (bucket, address) entries; when full after pruning, the oldest half goes.
pub const ENTRIES_MAX: usize = 50_000;

const WINDOW: Duration = Duration::from_secs(60);
const PRUNE_EVERY: Duration = Duration::from_secs(60);

/// What a request does, each with its own limit per address and minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bucket {
    /// Joining a workshop: a room of 200 people scanning the QR code at once.
    Join,
    /// Looking up a join code (the start page's field, a workshop page by its code).
    Lookup,
    /// Submitting or changing a proposal, withdrawing it, reporting one.
    Submit,
    /// Casting or changing a ballot.
    Ballot,
    /// Starting a survey response and each of its steps.
    Survey,
}

impl Bucket {
    /// Requests per minute from one address.
    #[must_use]
    pub fn per_minute(self) -> u32 {
        match self {
            Self::Join => 200,
            Self::Lookup => 300,
            Self::Submit | Self::Ballot => 600,
            Self::Survey => 1_200,
        }
    }

    fn message(self) -> &'static str {
        match self {
            Self::Join => "rate-join",
            Self::Lookup => "rate-lookup",
            Self::Submit => "rate-submit",
            Self::Ballot => "rate-ballot",
            Self::Survey => "rate-survey",
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Window {
    started: Instant,
    count: u32,
    previous: u32,
}

#[derive(Debug)]
struct Inner {
    windows: HashMap<(Bucket, IpAddr), Window>,
    pruned: Instant,
}

/// The per-address counters of this process.
#[derive(Debug)]
pub struct AddressLimits {
    inner: Mutex<Inner>,
    /// `false` turns every check into a pass (`PLENUM_RATE_LIMITS=off`, for load tests only).
    enabled: bool,
    scale: u32,
}

impl Default for AddressLimits {
    fn default() -> Self {
        Self::new(true)
    }
}

impl AddressLimits {
    #[must_use]
    pub fn new(enabled: bool) -> Self {
        Self { inner: Mutex::new(Inner { windows: HashMap::new(), pruned: Instant::now() }), enabled, scale: 1 }
    }

    /// Limits divided by `scale` (tests reach them with few requests).
    #[must_use]
    pub fn scaled_down(scale: u32) -> Self {
        Self { scale: scale.max(1), ..Self::new(true) }
    }

    /// The limit of a bucket as this instance applies it.
    #[must_use]
    pub fn limit(&self, bucket: Bucket) -> u32 {
        (bucket.per_minute() / self.scale).max(1)
    }

    /// Counts one request of `bucket` from `ip`.
    ///
    /// # Errors
    /// `RateLimited` naming the limit once the address has used it up in the last minute (a
    /// sliding window: the previous minute counts by the part of it still inside the window).
    pub fn check(&self, bucket: Bucket, ip: IpAddr) -> Result<(), AppError> {
        if !self.enabled {
            return Ok(());
        }
        self.check_at(bucket, ip, Instant::now())
    }

    fn check_at(&self, bucket: Bucket, ip: IpAddr, now: Instant) -> Result<(), AppError> {
        let limit = self.limit(bucket);
        let key = (bucket, crate::auth::address_key(ip));
        let mut inner = self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        inner.prune(now);
        let window = inner.windows.entry(key).or_insert(Window { started: now, count: 0, previous: 0 });
        let elapsed = now.saturating_duration_since(window.started);
        if elapsed >= WINDOW * 2 {
            *window = Window { started: now, count: 0, previous: 0 };
        } else if elapsed >= WINDOW {
            *window = Window { started: window.started + WINDOW, count: 0, previous: window.count };
        }
        let into = now.saturating_duration_since(window.started).as_secs_f64() / WINDOW.as_secs_f64();
        let estimate = f64::from(window.previous) * (1.0 - into) + f64::from(window.count);
        if estimate >= f64::from(limit) {
            let wait = (WINDOW.as_secs_f64() * (1.0 - into)).ceil().max(1.0);
            // The estimate is below 2 × limit and the wait below a minute: both fit.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let retry_after_secs = wait as u64;
            return Err(AppError::RateLimited {
                retry_after_secs,
                limit: Some(Msg::new(bucket.message()).arg("max", limit)),
            });
        }
        window.count += 1;
        Ok(())
    }

    /// Entries held now (for tests and the load test's memory figures).
    #[must_use]
    pub fn len(&self) -> usize {
        self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner).windows.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Inner {
    fn prune(&mut self, now: Instant) {
        let due = now.saturating_duration_since(self.pruned) >= PRUNE_EVERY;
        if !due && self.windows.len() < ENTRIES_MAX {
            return;
        }
        self.pruned = now;
        self.windows.retain(|_, w| now.saturating_duration_since(w.started) < WINDOW * 2);
        if self.windows.len() >= ENTRIES_MAX {
            let mut starts: Vec<Instant> = self.windows.values().map(|w| w.started).collect();
            starts.sort_unstable();
            let cut = starts[starts.len() / 2];
            self.windows.retain(|_, w| w.started > cut);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v4(last: u8) -> IpAddr {
        [192, 0, 2, last].into()
    }

    #[test]
    fn an_address_gets_its_limit_per_minute_and_no_more() {
        let limits = AddressLimits::default();
        let now = Instant::now();
        for _ in 0..200 {
            assert!(limits.check_at(Bucket::Join, v4(1), now).is_ok());
        }
        let err = limits.check_at(Bucket::Join, v4(1), now).unwrap_err();
        match err {
            AppError::RateLimited { retry_after_secs, limit: Some(msg) } => {
                assert_eq!(msg.key, "rate-join");
                assert!(msg.args.iter().any(|(k, v)| k == "max" && v == "200"), "{msg:?}");
                assert!((1..=60).contains(&retry_after_secs));
            }
            other => panic!("{other:?}"),
        }
        // Another address, another bucket: not affected.
        assert!(limits.check_at(Bucket::Join, v4(2), now).is_ok());
        assert!(limits.check_at(Bucket::Submit, v4(1), now).is_ok());
        // Two minutes later the address may join again.
        assert!(limits.check_at(Bucket::Join, v4(1), now + Duration::from_secs(121)).is_ok());
    }

    #[test]
    fn the_window_slides_instead_of_resetting_at_the_minute() {
        let limits = AddressLimits::default();
        let now = Instant::now();
        for _ in 0..200 {
            limits.check_at(Bucket::Join, v4(1), now).unwrap();
        }
        // 61 s later most of the last minute's joins still count: not another 200 at once.
        let later = now + Duration::from_secs(61);
        let passed = (0..200).filter(|_| limits.check_at(Bucket::Join, v4(1), later).is_ok()).count();
        assert!(passed < 20, "{passed} joins passed right after the minute");
    }

    #[test]
    fn ipv6_addresses_count_by_their_64_prefix() {
        let limits = AddressLimits::scaled_down(100);
        let now = Instant::now();
        let a: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        let other: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert!(limits.check_at(Bucket::Join, a, now).is_ok());
        assert!(limits.check_at(Bucket::Join, a, now).is_ok());
        assert!(limits.check_at(Bucket::Join, b, now).is_err(), "the same /64");
        assert!(limits.check_at(Bucket::Join, other, now).is_ok());
    }

    #[test]
    fn the_memory_stays_bounded_under_a_flood_of_addresses() {
        let limits = AddressLimits::default();
        let now = Instant::now();
        for i in 0..(ENTRIES_MAX as u32 + 10_000) {
            let ip: IpAddr = std::net::Ipv4Addr::from(0x0a00_0000 + i).into();
            let _ = limits.check_at(Bucket::Lookup, ip, now + Duration::from_micros(u64::from(i)));
        }
        assert!(limits.len() <= ENTRIES_MAX, "{} entries", limits.len());
        // Old windows are pruned once they no longer count.
        let _ = limits.check_at(Bucket::Lookup, v4(9), now + Duration::from_secs(300));
        assert_eq!(limits.len(), 1);
    }

    #[test]
    fn switched_off_everything_passes() {
        let limits = AddressLimits::new(false);
        for _ in 0..1_000 {
            assert!(limits.check(Bucket::Join, v4(1)).is_ok());
        }
        assert!(limits.is_empty());
    }
}
