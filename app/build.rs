//! Embeds every `locales/<lang>.ftl` file, so a new language is added by adding its file.

use std::{env, fs, path::PathBuf};

fn main() {
    let dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join("locales");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut entries: Vec<(String, PathBuf)> = fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
                .filter_map(|p| Some((p.file_stem()?.to_str()?.to_owned(), p)))
                .collect()
        })
        .unwrap_or_default();
    // German first: it is the default and the fallback for every missing message.
    entries.sort_by_key(|(code, _)| (code != "de", code.clone()));
    let mut out =
        String::from("/// `(language code, Fluent source)`, German first.\npub static LOCALES: &[(&str, &str)] = &[\n");
    for (code, path) in &entries {
        println!("cargo:rerun-if-changed={}", path.display());
        out.push_str(&format!("    ({code:?}, include_str!({:?})),\n", path.display().to_string()));
    }
    out.push_str("];\n");
    let target = PathBuf::from(env::var("OUT_DIR").unwrap_or_default()).join("locales.rs");
    if let Err(e) = fs::write(&target, out) {
        panic!("cannot write {}: {e}", target.display());
    }
}
