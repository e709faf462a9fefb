//! Configuration from the environment; every value has a default that works on one machine.

use std::net::SocketAddr;

/// Settings of one Plenum instance.
#[derive(Debug, Clone)]
pub struct Config {
    /// `PLENUM_ADDR`, default `127.0.0.1:3000`.
    pub addr: SocketAddr,
    /// `PLENUM_DATABASE_URL`, default `sqlite://data/plenum.db?mode=rwc`; `postgres://…` selects PostgreSQL.
    pub database_url: String,
    /// `PLENUM_SITE_ROOT`: where `pkg/` (wasm, JS, CSS) and public files are, default `target/site`.
    pub site_root: String,
    /// `PLENUM_PUBLIC_URL`: the address people use, for links and the `Secure` cookie flag.
    pub public_url: String,
    /// `PLENUM_TRUST_PROXY=1`: take the client address from `X-Forwarded-For` (the last
    /// address in it, the one the trusted proxy added).
    pub trust_proxy: bool,
    /// `PLENUM_RATE_LIMITS=off` switches the limits per address off (load tests only).
    pub rate_limits: bool,
    /// `PLENUM_MAX_CONNECTIONS`: connections open at once (live boards included), default
    /// [`crate::listen::MAX_CONNECTIONS`]; fewer if the limit of open files is lower.
    pub max_connections: usize,
}

pub const DEFAULT_ADDR: &str = "127.0.0.1:3000";
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/plenum.db?mode=rwc";

impl Config {
    /// Reads the configuration from the environment.
    ///
    /// # Errors
    /// A message naming the variable whose value cannot be used.
    pub fn from_env() -> Result<Self, String> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the configuration through `lookup` (the environment, or a map in tests).
    ///
    /// # Errors
    /// A message naming the variable whose value cannot be used.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, String> {
        let addr_text = lookup("PLENUM_ADDR").unwrap_or_else(|| DEFAULT_ADDR.into());
        let addr: SocketAddr = addr_text
            .parse()
            .map_err(|_| format!("PLENUM_ADDR={addr_text:?} is not an address like 127.0.0.1:3000"))?;
        let database_url = lookup("PLENUM_DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into());
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err("PLENUM_DATABASE_URL must start with sqlite: or postgres://".into());
        }
        let max_connections =
            match lookup("PLENUM_MAX_CONNECTIONS") {
                None => crate::listen::MAX_CONNECTIONS,
                Some(text) => text.trim().parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                    format!("PLENUM_MAX_CONNECTIONS={text:?} is not a number of connections like 25000")
                })?,
            };
        let public_url = lookup("PLENUM_PUBLIC_URL").unwrap_or_else(|| format!("http://{addr}"));
        Ok(Self {
            addr,
            database_url,
            site_root: lookup("PLENUM_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
            public_url: public_url.trim_end_matches('/').to_owned(),
            trust_proxy: lookup("PLENUM_TRUST_PROXY").is_some_and(|v| matches!(v.as_str(), "1" | "true" | "yes")),
            rate_limits: !lookup("PLENUM_RATE_LIMITS")
                .is_some_and(|v| matches!(v.as_str(), "0" | "off" | "false" | "no")),
            max_connections,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_work_without_any_variable() {
        let config = Config::from_lookup(|_| None).expect("defaults are valid");
        assert_eq!(config.addr.to_string(), DEFAULT_ADDR);
        assert_eq!(config.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(config.public_url, "http://127.0.0.1:3000");
        assert!(!config.trust_proxy);
        assert!(config.rate_limits);
        assert_eq!(config.max_connections, crate::listen::MAX_CONNECTIONS);
    }

    #[test]
    fn bad_values_name_their_variable() {
        let err = Config::from_lookup(|n| (n == "PLENUM_ADDR").then(|| "localhost".into())).expect_err("no port");
        assert!(err.contains("PLENUM_ADDR"));
        let err = Config::from_lookup(|n| (n == "PLENUM_DATABASE_URL").then(|| "mysql://x".into())).expect_err("mysql");
        assert!(err.contains("PLENUM_DATABASE_URL"));
        for bad in ["0", "viele", "-5"] {
            let err = Config::from_lookup(|n| (n == "PLENUM_MAX_CONNECTIONS").then(|| bad.into())).expect_err(bad);
            assert!(err.contains("PLENUM_MAX_CONNECTIONS"), "{err}");
        }
        let config = Config::from_lookup(|n| (n == "PLENUM_MAX_CONNECTIONS").then(|| "3000".into())).expect("a number");
        assert_eq!(config.max_connections, 3000);
    }
}
