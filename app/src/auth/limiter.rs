//! Slows down password guessing, in memory: per address (too many failures in a window block
//! it) and per pair of e-mail and address (a streak of failures makes the pair wait, longer
//! each time). The pair does not depend on whether the account exists, so the answers do not
//! tell which e-mail addresses do; and a lockout from one address does not shut the owner out
//! from another.

use std::{
    collections::HashMap,
    hash::{BuildHasher, Hash, RandomState},
    net::{IpAddr, Ipv6Addr},
    sync::{Mutex, MutexGuard},
    time::{Duration, Instant},
};

/// Failures in a row after which a pair of e-mail and address waits before the next try.
pub const LOCK_AFTER_FAILURES: u32 = 5;
/// The first wait of a pair; it doubles with each further failure up to [`LONGEST_WAIT`].
const FIRST_WAIT: Duration = Duration::from_secs(30);
const LONGEST_WAIT: Duration = Duration::from_secs(16 * 60);
/// A pair's streak is forgotten after this long without attempts (once its wait is over).
const PAIR_MEMORY: Duration = Duration::from_secs(60 * 60);
/// How often expired entries are swept out (when the limiter is used).
const PRUNE_EVERY: Duration = Duration::from_secs(60);
/// Entries per map; a map still full after pruning drops its older half.
const DEFAULT_CAP: usize = 50_000;

/// The part of a client address one person controls: an IPv4 address, or the /64 network of an
/// IPv6 address (one connection usually gets a whole /64 to pick addresses from).
#[must_use]
pub fn address_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(Ipv6Addr::from(v6.to_bits() & !u128::from(u64::MAX))),
        },
    }
}

#[derive(Debug, Clone, Copy)]
struct AddressFailures {
    count: u32,
    since: Instant,
}

#[derive(Debug, Clone, Copy)]
struct Streak {
    failures: u32,
    /// Until when the pair is refused unchecked.
    until: Option<Instant>,
    last: Instant,
}

impl Streak {
    /// Over: no wait left and no attempt for [`PAIR_MEMORY`].
    fn forgotten(&self, now: Instant) -> bool {
        self.until.is_none_or(|until| until <= now) && now.saturating_duration_since(self.last) >= PAIR_MEMORY
    }
}

/// A map of at most `cap` entries, swept at most once per [`PRUNE_EVERY`].
#[derive(Debug)]
struct Bounded<K, V> {
    map: HashMap<K, V>,
    pruned: Instant,
}

impl<K: Eq + Hash, V> Bounded<K, V> {
    fn new(now: Instant) -> Self {
        Self { map: HashMap::new(), pruned: now }
    }

    /// Drops expired entries now and then, and the older half when the map is still full.
    fn tidy(&mut self, now: Instant, cap: usize, expired: impl Fn(&V) -> bool, touched: impl Fn(&V) -> Instant) {
        let full = self.map.len() >= cap;
        if !full && now.saturating_duration_since(self.pruned) < PRUNE_EVERY {
            return;
        }
        self.pruned = now;
        self.map.retain(|_, v| !expired(v));
        if self.map.len() >= cap {
            let mut ages: Vec<Instant> = self.map.values().map(&touched).collect();
            let middle = ages.len() / 2;
            let (_, median, _) = ages.select_nth_unstable(middle);
            let median = *median;
            self.map.retain(|_, v| touched(v) > median);
        }
    }
}

#[derive(Debug)]
struct State {
    addresses: Bounded<IpAddr, AddressFailures>,
    pairs: Bounded<(u64, IpAddr), Streak>,
}

/// An attempt let through by [`LoginLimiter::begin`]: already counted as a failure of its
/// pair; [`LoginLimiter::finish`] tells how it ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub struct Attempt {
    email: u64,
    address: IpAddr,
    /// The pair's wait before this attempt, and the one it set (to take it back).
    until: Option<(Option<Instant>, Instant)>,
}

/// Counts login failures per address and per pair of e-mail and address (see the module).
#[derive(Debug)]
pub struct LoginLimiter {
    max_failures: u32,
    window: Duration,
    cap: usize,
    /// Keys the e-mail hashes: the limiter keeps no e-mail address, and nobody outside the
    /// process can aim at a bucket.
    keys: RandomState,
    state: Mutex<State>,
}

impl Default for LoginLimiter {
    fn default() -> Self {
        Self::new(20, Duration::from_secs(15 * 60))
    }
}

impl LoginLimiter {
    /// Blocks an address after `max_failures` failed logins within `window`.
    #[must_use]
    pub fn new(max_failures: u32, window: Duration) -> Self {
        Self::with_max_entries(max_failures, window, DEFAULT_CAP)
    }

    /// As [`LoginLimiter::new`], keeping at most `cap` addresses and `cap` pairs.
    #[must_use]
    pub fn with_max_entries(max_failures: u32, window: Duration, cap: usize) -> Self {
        let now = Instant::now();
        let state = State { addresses: Bounded::new(now), pairs: Bounded::new(now) };
        Self { max_failures, window, cap: cap.max(2), keys: RandomState::new(), state: Mutex::new(state) }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// `Err(seconds to wait)` while this address is blocked.
    ///
    /// # Errors
    /// The seconds until the address may try again.
    pub fn check(&self, ip: IpAddr) -> Result<(), u64> {
        let state = self.lock();
        self.address_wait(&state, address_key(ip), Instant::now()).map_or(Ok(()), |left| Err(seconds(left)))
    }

    fn address_wait(&self, state: &State, address: IpAddr, now: Instant) -> Option<Duration> {
        let entry = state.addresses.map.get(&address)?;
        let age = now.saturating_duration_since(entry.since);
        (entry.count >= self.max_failures && age < self.window).then(|| self.window - age)
    }

    /// Lets an attempt with this (normalised) e-mail from this address go ahead, counting it as
    /// a failure already, all under one lock: guesses sent at once cannot all pass. From the
    /// [`LOCK_AFTER_FAILURES`]th failure in a row the pair waits 30 s, doubling up to 16 min.
    ///
    /// # Errors
    /// The seconds to wait while the address or the pair waits (the attempt is not counted).
    pub fn begin(&self, email: &str, ip: IpAddr) -> Result<Attempt, u64> {
        self.begin_at(email, ip, Instant::now())
    }

    fn begin_at(&self, email: &str, ip: IpAddr, now: Instant) -> Result<Attempt, u64> {
        let mut attempt = Attempt { email: self.keys.hash_one(email), address: address_key(ip), until: None };
        let mut state = self.lock();
        self.tidy(&mut state, now);
        if let Some(left) = self.address_wait(&state, attempt.address, now) {
            return Err(seconds(left));
        }
        let streak = state.pairs.map.entry((attempt.email, attempt.address)).or_insert(Streak {
            failures: 0,
            until: None,
            last: now,
        });
        if let Some(until) = streak.until.filter(|until| *until > now) {
            return Err(seconds(until - now));
        }
        if streak.forgotten(now) {
            *streak = Streak { failures: 0, until: None, last: now };
        }
        streak.failures = streak.failures.saturating_add(1);
        streak.last = now;
        if streak.failures >= LOCK_AFTER_FAILURES {
            let doublings = Ord::min(streak.failures - LOCK_AFTER_FAILURES, 5);
            let until = now + Ord::min(FIRST_WAIT * (1 << doublings), LONGEST_WAIT);
            attempt.until = Some((streak.until, until));
            streak.until = Some(until);
        }
        Ok(attempt)
    }

    /// Takes back an attempt that never reached the password check (the server was too busy to
    /// hash): it does not count against the pair.
    pub fn cancel(&self, attempt: Attempt) {
        let mut state = self.lock();
        if let Some(streak) = state.pairs.map.get_mut(&(attempt.email, attempt.address)) {
            streak.failures = streak.failures.saturating_sub(1);
            // The wait this attempt set goes (while it held, nobody else could begin).
            if let Some((before, set)) = attempt.until
                && streak.until == Some(set)
            {
                streak.until = before;
            }
        }
    }

    /// Ends an attempt: a success clears its pair and address, a failure counts for the address
    /// (the pair counted it in [`LoginLimiter::begin`]).
    pub fn finish(&self, attempt: Attempt, success: bool) {
        self.finish_at(attempt, success, Instant::now());
    }

    fn finish_at(&self, attempt: Attempt, success: bool, now: Instant) {
        let mut state = self.lock();
        if success {
            state.pairs.map.remove(&(attempt.email, attempt.address));
            state.addresses.map.remove(&attempt.address);
            return;
        }
        self.tidy(&mut state, now);
        let window = self.window;
        let entry = state.addresses.map.entry(attempt.address).or_insert(AddressFailures { count: 0, since: now });
        if now.saturating_duration_since(entry.since) >= window {
            *entry = AddressFailures { count: 0, since: now };
        }
        entry.count = entry.count.saturating_add(1);
    }

    fn tidy(&self, state: &mut State, now: Instant) {
        let window = self.window;
        state.addresses.tidy(now, self.cap, |a| now.saturating_duration_since(a.since) >= window, |a| a.since);
        state.pairs.tidy(now, self.cap, |s| s.forgotten(now), |s| s.last);
    }
}

/// Whole seconds, rounded up, at least one.
fn seconds(wait: Duration) -> u64 {
    (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMAIL: &str = "orga@krefeld.de";

    fn ip(last: u8) -> IpAddr {
        [10, 0, 0, last].into()
    }

    fn fail(limiter: &LoginLimiter, email: &str, ip: IpAddr, now: Instant) -> Result<(), u64> {
        let attempt = limiter.begin_at(email, ip, now)?;
        limiter.finish_at(attempt, false, now);
        Ok(())
    }

    #[test]
    fn an_address_is_blocked_after_too_many_failures_and_freed_by_success() {
        let limiter = LoginLimiter::new(3, Duration::from_secs(60));
        let now = Instant::now();
        for n in 0..3 {
            assert!(limiter.check(ip(1)).is_ok());
            fail(&limiter, &format!("raten{n}@krefeld.de"), ip(1), now).unwrap();
        }
        assert!(limiter.check(ip(1)).is_err());
        assert!(limiter.begin_at(EMAIL, ip(1), now).is_err(), "a blocked address may not try");
        assert!(limiter.check(ip(2)).is_ok());
        let attempt = Attempt { email: limiter.keys.hash_one(EMAIL), address: ip(1), until: None };
        limiter.finish_at(attempt, true, now);
        assert!(limiter.check(ip(1)).is_ok());
    }

    #[test]
    fn a_pair_waits_from_the_fifth_failure_doubling_up_to_sixteen_minutes() {
        let limiter = LoginLimiter::new(1_000, Duration::from_secs(60));
        let mut now = Instant::now();
        for _ in 0..LOCK_AFTER_FAILURES {
            fail(&limiter, EMAIL, ip(1), now).unwrap();
        }
        assert_eq!(limiter.begin_at(EMAIL, ip(1), now), Err(30));
        let mut expected = 30;
        for _ in 0..8 {
            now += Duration::from_secs(expected);
            fail(&limiter, EMAIL, ip(1), now).unwrap();
            expected = Ord::min(expected * 2, 16 * 60);
            assert_eq!(limiter.begin_at(EMAIL, ip(1), now), Err(expected));
        }
        assert_eq!(expected, 16 * 60);
    }

    #[test]
    fn a_lockout_holds_only_its_pair_and_success_clears_it() {
        let limiter = LoginLimiter::new(1_000, Duration::from_secs(60));
        let now = Instant::now();
        for _ in 0..LOCK_AFTER_FAILURES {
            fail(&limiter, EMAIL, ip(1), now).unwrap();
        }
        assert!(limiter.begin_at(EMAIL, ip(1), now).is_err());
        assert!(limiter.begin_at("other@krefeld.de", ip(1), now).is_ok(), "another e-mail");
        let elsewhere = limiter.begin_at(EMAIL, ip(2), now).unwrap();
        limiter.finish_at(elsewhere, true, now);
        assert!(limiter.begin_at(EMAIL, ip(1), now).is_err(), "the locked pair still waits");
        let later = now + Duration::from_secs(30);
        let attempt = limiter.begin_at(EMAIL, ip(1), later).unwrap();
        limiter.finish_at(attempt, true, later);
        for _ in 1..LOCK_AFTER_FAILURES {
            fail(&limiter, EMAIL, ip(1), later).unwrap();
        }
        assert!(limiter.begin_at(EMAIL, ip(1), later).is_ok(), "the streak started again");
    }

    #[test]
    fn an_attempt_refused_before_the_check_does_not_count() {
        let limiter = LoginLimiter::new(1_000, Duration::from_secs(60));
        let now = Instant::now();
        for _ in 1..LOCK_AFTER_FAILURES {
            fail(&limiter, EMAIL, ip(1), now).unwrap();
        }
        // The fifth would lock the pair; the server was too busy to check it.
        let busy = limiter.begin_at(EMAIL, ip(1), now).unwrap();
        limiter.cancel(busy);
        let attempt = limiter.begin_at(EMAIL, ip(1), now).expect("the pair does not wait");
        limiter.finish_at(attempt, false, now);
        assert_eq!(limiter.begin_at(EMAIL, ip(1), now), Err(30), "the fifth checked failure locks it");
        // Once the wait is over, a sixth attempt that is never checked leaves no new wait.
        let later = now + Duration::from_secs(30);
        let busy = limiter.begin_at(EMAIL, ip(1), later).unwrap();
        limiter.cancel(busy);
        let attempt = limiter.begin_at(EMAIL, ip(1), later).expect("the pair does not wait");
        limiter.finish_at(attempt, false, later);
        assert_eq!(limiter.begin_at(EMAIL, ip(1), later), Err(60), "the sixth checked failure doubles it");
    }

    #[test]
    fn ipv6_addresses_count_by_their_64_network() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        let other: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(address_key(a), "2001:db8:1:2::".parse::<IpAddr>().unwrap());
        assert_eq!(address_key(a), address_key(b));
        assert_ne!(address_key(a), address_key(other));
        assert_eq!(address_key(ip(7)), ip(7));
        assert_eq!(address_key("::ffff:10.0.0.7".parse().unwrap()), ip(7));
        let limiter = LoginLimiter::new(1_000, Duration::from_secs(60));
        let now = Instant::now();
        for _ in 0..LOCK_AFTER_FAILURES {
            fail(&limiter, EMAIL, a, now).unwrap();
        }
        assert!(limiter.begin_at(EMAIL, b, now).is_err(), "the same /64 is the same address");
        assert!(limiter.begin_at(EMAIL, other, now).is_ok());
    }

    #[test]
    fn pruning_keeps_the_maps_bounded() {
        let cap = 100;
        let limiter = LoginLimiter::with_max_entries(1_000, Duration::from_secs(60), cap);
        let now = Instant::now();
        for n in 0..1_000u32 {
            let at = now + Duration::from_millis(u64::from(n));
            fail(&limiter, &format!("raten{n}@krefeld.de"), IpAddr::from(n.to_be_bytes()), at).unwrap();
            let state = limiter.lock();
            assert!(state.pairs.map.len() <= cap && state.addresses.map.len() <= cap, "after {n}");
        }
        // The newest entries are the ones kept.
        let newest = IpAddr::from(999u32.to_be_bytes());
        assert!(limiter.lock().addresses.map.contains_key(&newest));
        // Once their time is over, a sweep (at most once a minute) empties the maps.
        let later = now + PAIR_MEMORY + Duration::from_secs(120);
        fail(&limiter, EMAIL, ip(1), later).unwrap();
        let state = limiter.lock();
        assert_eq!((state.pairs.map.len(), state.addresses.map.len()), (1, 1));
    }

    #[test]
    fn a_streak_is_forgotten_after_an_hour_without_attempts() {
        let limiter = LoginLimiter::new(1_000, Duration::from_secs(60));
        let now = Instant::now();
        for _ in 1..LOCK_AFTER_FAILURES {
            fail(&limiter, EMAIL, ip(1), now).unwrap();
        }
        let later = now + PAIR_MEMORY + PRUNE_EVERY;
        fail(&limiter, EMAIL, ip(1), later).unwrap();
        assert!(limiter.begin_at(EMAIL, ip(1), later).is_ok(), "one failure today, not five in a row");
    }
}
