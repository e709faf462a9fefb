//! Embeds every `locales/<lang>.ftl` file (what participants see) and, where there is one,
//! `locales/<lang>.staff.ftl` (the staff pages), so a new language is added by adding a file.

use std::{collections::BTreeMap, env, fs, path::PathBuf};

fn main() {
    let dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join("locales");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: BTreeMap<String, (Option<PathBuf>, Option<PathBuf>)> = BTreeMap::new();
    let paths: Vec<PathBuf> =
        fs::read_dir(&dir).map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
    for path in paths {
        let Some(name) = path.file_name().and_then(|n| n.to_str()).map(str::to_owned) else { continue };
        if let Some(code) = name.strip_suffix(".staff.ftl") {
            files.entry(code.to_owned()).or_default().1 = Some(path);
        } else if let Some(code) = name.strip_suffix(".ftl") {
            files.entry(code.to_owned()).or_default().0 = Some(path);
        }
    }
    let mut entries: Vec<_> = files.into_iter().filter_map(|(code, (p, s))| Some((code, p?, s))).collect();
    // German first: it is the default and the fallback for every missing message.
    entries.sort_by_key(|(code, _, _)| (code != "de", code.clone()));
    let mut out =
        String::from("/// Every language with a translation file, German first.\npub static LOCALES: &[Locale] = &[\n");
    for (code, participant, staff) in &entries {
        println!("cargo:rerun-if-changed={}", participant.display());
        let staff = match staff {
            Some(path) => {
                println!("cargo:rerun-if-changed={}", path.display());
                format!("Some(include_str!({:?}))", path.display().to_string())
            }
            None => "None".to_owned(),
        };
        out.push_str(&format!(
            "    Locale {{ code: {code:?}, participant: include_str!({:?}), staff: {staff} }},\n",
            participant.display().to_string()
        ));
    }
    out.push_str("];\n");
    let target = PathBuf::from(env::var("OUT_DIR").unwrap_or_default()).join("locales.rs");
    if let Err(e) = fs::write(&target, out) {
        panic!("cannot write {}: {e}", target.display());
    }
}
