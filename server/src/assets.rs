//! `plenum assets`: the last step of the build. Every file of `pkg/` gets a content hash in its
//! name, a brotli (quality 11) and a gzip file beside it, and `pkg/assets.txt` lists the names,
//! so the server sends the precompressed bytes and browsers may cache them for a year.

use std::{
    fmt::Write as _,
    io::Write as _,
    path::{Path, PathBuf},
};

use app::server::assets::MANIFEST;
use sha2::{Digest, Sha256};

use crate::anyhow_like;

/// Files that are already compressed copies or the manifest itself.
fn is_derived(name: &str) -> bool {
    name == MANIFEST
        || Path::new(name).extension().is_some_and(|e| e.eq_ignore_ascii_case("br") || e.eq_ignore_ascii_case("gz"))
}

/// `plenum.css` with hash `0a1b…` → `plenum.0a1b….css`.
#[must_use]
pub fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hash: String = digest.iter().take(5).fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    });
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
        None => format!("{name}.{hash}"),
    }
}

fn compress(path: &Path, bytes: &[u8]) -> anyhow_like::Result<()> {
    let mut br = Vec::new();
    {
        let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
        brotli::BrotliCompress(&mut &bytes[..], &mut br, &params)?;
    }
    std::fs::write(with_suffix(path, "br"), br)?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes)?;
    std::fs::write(with_suffix(path, "gz"), gz.finish()?)?;
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// Hashes, renames and compresses every plain file of `dir`, and writes the manifest.
///
/// # Errors
/// When a file cannot be read or written.
pub fn publish(dir: &Path) -> anyhow_like::Result<()> {
    let mut manifest = String::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.filter_map(Result::ok).collect();
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !entry.file_type()?.is_file() || is_derived(&name) {
            continue;
        }
        let bytes = std::fs::read(entry.path())?;
        let hashed = hashed_name(&name, &bytes);
        let target = dir.join(&hashed);
        std::fs::rename(entry.path(), &target)?;
        compress(&target, &bytes)?;
        let _ = writeln!(manifest, "{name} {hashed}");
        println!("{name} → {hashed} ({} bytes)", bytes.len());
    }
    std::fs::write(dir.join(MANIFEST), manifest)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_gets_a_content_hash_and_compressed_copies() {
        let dir = std::env::temp_dir().join(format!("plenum-assets-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("live.js"), "console.log('live');".repeat(50)).unwrap();
        publish(&dir).unwrap();
        let manifest = std::fs::read_to_string(dir.join(MANIFEST)).unwrap();
        let assets = app::server::Assets::parse(&manifest);
        assert!(
            assets.live.starts_with("live.")
                && assets.live.ends_with(".js")
                && assets.live.len() == "live.0123456789.js".len(),
            "{}",
            assets.live
        );
        assert!(dir.join(&assets.live).exists());
        assert!(dir.join(format!("{}.br", assets.live)).exists());
        assert!(dir.join(format!("{}.gz", assets.live)).exists());
        assert!(!dir.join("live.js").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
