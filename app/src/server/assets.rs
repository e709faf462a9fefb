//! The names under which the build published the static assets. `plenum assets` gives every
//! file of `pkg/` a content hash in its name (so a new release never meets an old cached
//! bundle) and lists them in `pkg/assets.txt`; without that list the plain names are used.

use std::{collections::HashMap, path::Path};

/// The file name of each asset under `/pkg/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assets {
    pub css: String,
    pub js: String,
    pub wasm: String,
    pub live: String,
}

/// The name of the asset list inside `pkg/`.
pub const MANIFEST: &str = "assets.txt";

impl Default for Assets {
    fn default() -> Self {
        Self { css: "plenum.css".into(), js: "plenum.js".into(), wasm: "plenum_bg.wasm".into(), live: "live.js".into() }
    }
}

impl Assets {
    /// Reads `pkg/assets.txt` under the site root (lines `plain-name hashed-name`).
    #[must_use]
    pub fn load(site_root: &Path) -> Self {
        let Ok(text) = std::fs::read_to_string(site_root.join("pkg").join(MANIFEST)) else {
            return Self::default();
        };
        Self::parse(&text)
    }

    /// The assets named in a manifest's text; missing entries keep their plain name.
    #[must_use]
    pub fn parse(text: &str) -> Self {
        let names: HashMap<&str, &str> = text.lines().filter_map(|l| l.trim().split_once(' ')).collect();
        let pick = |plain: &str| names.get(plain).map_or_else(|| plain.to_owned(), |h| (*h).trim().to_owned());
        Self { css: pick("plenum.css"), js: pick("plenum.js"), wasm: pick("plenum_bg.wasm"), live: pick("live.js") }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_names_the_hashed_files_and_missing_ones_keep_their_names() {
        let assets = Assets::parse("plenum.css plenum.0a1b2c3d4e.css\nlive.js live.ffeeddccbb.js\n");
        assert_eq!(assets.css, "plenum.0a1b2c3d4e.css");
        assert_eq!(assets.live, "live.ffeeddccbb.js");
        assert_eq!(assets.wasm, "plenum_bg.wasm");
    }
}
