//! Font subsets shared between documents: each face is cut down to the characters
//! a document draws (plus every digit), once per distinct character set per
//! process, and the compressed font programs are cached alike.
//!
//! printpdf would otherwise re-subset both full faces for every document, which
//! was most of the cost of a short contract. A batch of contracts of one
//! employer draws the same characters apart from their numbers, and digits are
//! always in the set, so they share one subset. The subset depends only on the
//! document's own text: the bytes are the same alone, in a batch or in parallel.

use super::font::Face;
use printpdf::ParsedFont;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

/// Caches keep at most this many entries, then start afresh (bounded memory
/// for long-running processes with very diverse documents).
const CACHE_LIMIT: usize = 512;

/// Subsets by (tag, sorted characters).
type SubsetCache = Mutex<HashMap<(String, Vec<char>), Arc<ParsedFont>>>;
/// Deflated font programs by their raw bytes.
type PackedCache = Mutex<HashMap<Vec<u8>, Arc<Vec<u8>>>>;

/// The subset of `face` (tagged `tag`, the PDF subset prefix) that draws `chars`.
/// `None` when subsetting fails; the caller then embeds the full face.
pub fn subset(face: &Face, tag: &str, chars: &BTreeSet<char>) -> Option<Arc<ParsedFont>> {
    static CACHE: OnceLock<SubsetCache> = OnceLock::new();
    let mut set: BTreeSet<char> = chars.clone();
    set.extend('0'..='9');
    let key = (tag.to_string(), set.into_iter().collect::<Vec<char>>());
    let cache = CACHE.get_or_init(Default::default);
    if let Some(hit) = lock(cache).get(&key) {
        return Some(hit.clone());
    }
    let made = Arc::new(make_subset(face, tag, &key.1)?);
    let mut map = lock(cache);
    if map.len() >= CACHE_LIMIT {
        map.clear();
    }
    map.insert(key, made.clone());
    Some(made)
}

/// A poisoned cache only means another document panicked mid-insert; the map
/// itself is still consistent (inserts are single calls).
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Cuts `face` down to the glyphs of `chars` and parses the result, named
/// `TAG+Name` so that viewers (and `pdffonts`) see it as a subset.
fn make_subset(face: &Face, tag: &str, chars: &[char]) -> Option<ParsedFont> {
    let glyphs: BTreeMap<u16, String> = chars
        .iter()
        .filter_map(|&c| {
            let gid = face.parsed.lookup_glyph_index(c as u32)?;
            (gid != 0).then(|| (gid, c.to_string()))
        })
        .collect();
    let cut = printpdf::subset_font(&face.parsed, &glyphs).ok()?;
    let mut parsed = ParsedFont::from_bytes(&cut.bytes, 0, &mut Vec::new())?;
    let name = face.parsed.font_name.clone().unwrap_or_default();
    parsed.font_name = Some(format!("{tag}+{name}"));
    Some(parsed)
}

/// The deflated form of a font program, computed once per distinct program.
pub fn packed_font(raw: &[u8], level: u8) -> Arc<Vec<u8>> {
    static CACHE: OnceLock<PackedCache> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(hit) = lock(cache).get(raw) {
        return hit.clone();
    }
    let packed = Arc::new(miniz_oxide::deflate::compress_to_vec_zlib(raw, level));
    let mut map = lock(cache);
    if map.len() >= CACHE_LIMIT {
        map.clear();
    }
    map.insert(raw.to_vec(), packed.clone());
    packed
}
