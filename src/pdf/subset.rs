//! Embedded fonts shared between documents: each face is cut down to the
//! characters a document draws (plus every digit), and everything the PDF needs
//! about that cut (compressed program, widths, glyph and text maps) is made once
//! per distinct character set per process.
//!
//! Content streams address glyphs by their Unicode code point (the CID), and the
//! font's `/CIDToGIDMap` sends each code point to its glyph in the subset. So a
//! page's content does not depend on the subset, and a contract's compressed pages
//! can be reused as they are in its employer's combined PDF. The subset depends
//! only on the document's own characters: the bytes are the same alone, in a
//! batch or in parallel.

use super::font::Face;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::sync::{Arc, Mutex, OnceLock};

/// Caches keep at most this many entries, then start afresh (bounded memory
/// for long-running processes with very diverse documents).
const CACHE_LIMIT: usize = 512;

/// Font programs are small (a subset) and dominate a short document's size:
/// level 6 saves ~1.5 KB per PDF, paid once per subset.
const FONT_DEFLATE_LEVEL: u8 = 6;

/// A face cut down to a set of characters, ready to be written into a PDF.
#[derive(Debug)]
pub struct Subset {
    /// `TAG+FontName`, so that viewers (and `pdffonts`) see it as a subset.
    pub base_font: String,
    /// The font program, zlib-compressed, and its length before compression.
    pub program: Vec<u8>,
    pub program_len: usize,
    /// The `/ToUnicode` CMap (code point → itself), zlib-compressed.
    pub to_unicode: Vec<u8>,
    /// The `/CIDToGIDMap` (two bytes per code point), zlib-compressed.
    pub cid_to_gid: Vec<u8>,
    /// The `/W` array: advance of every drawable character, in 1/1000 em.
    pub widths: String,
}

/// Subsets by (tag, sorted characters).
type SubsetCache = Mutex<HashMap<(String, Vec<char>), Arc<Subset>>>;

/// Whether `face` can draw `c` as a two-byte code (the content streams' encoding).
pub fn drawable(face: &Face, c: char) -> bool {
    (c as u32) <= 0xFFFF && face.advance(c).is_some()
}

/// The subset of `face` (tagged `tag`, the PDF subset prefix) that draws `chars`.
pub fn subset(face: &Face, tag: &str, chars: &BTreeSet<char>) -> Arc<Subset> {
    static CACHE: OnceLock<SubsetCache> = OnceLock::new();
    let mut set: BTreeSet<char> = chars
        .iter()
        .copied()
        .filter(|&c| drawable(face, c))
        .collect();
    set.extend('0'..='9');
    let key = (tag.to_string(), set.into_iter().collect::<Vec<char>>());
    let cache = CACHE.get_or_init(Default::default);
    if let Some(hit) = lock(cache).get(&key) {
        return hit.clone();
    }
    let made = Arc::new(make_subset(face, tag, &key.1));
    let mut map = lock(cache);
    if map.len() >= CACHE_LIMIT {
        map.clear();
    }
    map.insert(key, made.clone());
    made
}

/// A poisoned cache only means another document panicked mid-insert; the map
/// itself is still consistent (inserts are single calls).
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Cuts `face` down to the glyphs of `chars` (all drawable); when the cut fails,
/// the whole face is embedded with its own glyph numbers.
fn make_subset(face: &Face, tag: &str, chars: &[char]) -> Subset {
    let gid = |c: char| face.parsed.lookup_glyph_index(c as u32).unwrap_or(0);
    let wanted: BTreeMap<u16, String> = chars.iter().map(|&c| (gid(c), c.to_string())).collect();
    let (program, new_gid): (Vec<u8>, BTreeMap<u16, u16>) =
        match printpdf::subset_font(&face.parsed, &wanted) {
            Ok(cut) => {
                let map = cut
                    .glyph_mapping
                    .iter()
                    .map(|(&o, (n, _))| (o, *n))
                    .collect();
                (cut.bytes, map)
            }
            Err(_) => (
                face.program.clone(),
                wanted.keys().map(|&g| (g, g)).collect(),
            ),
        };
    let glyphs: Vec<(char, u16)> = chars
        .iter()
        .filter_map(|&c| Some((c, *new_gid.get(&gid(c))?)))
        .collect();
    let name = face.parsed.font_name.clone().unwrap_or_default();
    Subset {
        base_font: format!("{tag}+{name}"),
        program: deflate(&program),
        program_len: program.len(),
        to_unicode: deflate(to_unicode(tag, &glyphs).as_bytes()),
        cid_to_gid: deflate(&cid_to_gid(&glyphs)),
        widths: widths(face, &glyphs),
    }
}

fn deflate(raw: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(raw, FONT_DEFLATE_LEVEL)
}

/// Two big-endian bytes per code point up to the largest one: its glyph, or 0.
fn cid_to_gid(glyphs: &[(char, u16)]) -> Vec<u8> {
    let top = glyphs.last().map_or(0, |&(c, _)| c as usize);
    let mut map = vec![0u8; 2 * (top + 1)];
    for &(c, g) in glyphs {
        map[2 * c as usize..2 * c as usize + 2].copy_from_slice(&g.to_be_bytes());
    }
    map
}

/// `/W`: runs of consecutive code points, each with its list of advances.
fn widths(face: &Face, glyphs: &[(char, u16)]) -> String {
    let mut out = String::from("[");
    let mut prev: Option<u32> = None;
    for &(c, _) in glyphs {
        let cp = c as u32;
        if prev != Some(cp.wrapping_sub(1)) {
            if prev.is_some() {
                out.push(']');
            }
            let _ = write!(out, "{cp}[");
        } else {
            out.push(' ');
        }
        let _ = write!(out, "{}", face.advance(c).unwrap_or(0));
        prev = Some(cp);
    }
    if prev.is_some() {
        out.push(']');
    }
    out.push(']');
    out
}

/// The ToUnicode CMap: every code the content uses stands for itself.
fn to_unicode(tag: &str, glyphs: &[(char, u16)]) -> String {
    let mut out = format!(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n\
         /CMapName /{tag}-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
    );
    // At most 100 entries per block (PDF 32000-1, 9.10.3).
    for block in glyphs.chunks(100) {
        let _ = writeln!(out, "{} beginbfchar", block.len());
        for &(c, _) in block {
            let _ = writeln!(out, "<{:04X}> <{:04X}>", c as u32, c as u32);
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::font::fonts;

    fn inflate(z: &[u8]) -> Vec<u8> {
        miniz_oxide::inflate::decompress_to_vec_zlib(z).unwrap()
    }

    #[test]
    fn maps_each_code_point_to_a_distinct_glyph_of_the_subset() {
        let f = fonts();
        let chars: BTreeSet<char> = "Қаулы №7 «a»".chars().collect();
        let s = subset(&f.regular, "QAULYR", &chars);
        assert_eq!(s.base_font, "QAULYR+LiberationSerif");
        let map = inflate(&s.cid_to_gid);
        let gid = |c: char| u16::from_be_bytes([map[2 * c as usize], map[2 * c as usize + 1]]);
        let used: BTreeSet<u16> = "Қаулы№7«a» 0".chars().map(gid).collect();
        assert_eq!(used.len(), 12, "distinct glyphs");
        assert!(!used.contains(&0), "no character drawn as .notdef");
        assert_eq!(map.len(), 2 * ('№' as usize + 1));
        assert_eq!(inflate(&s.program).len(), s.program_len);
        let cmap = String::from_utf8(inflate(&s.to_unicode)).unwrap();
        assert!(cmap.contains("<049A> <049A>") && cmap.contains("<2116> <2116>"));
        assert!(s.widths.starts_with("[32[250]"), "{}", s.widths);
    }

    #[test]
    fn the_same_characters_share_one_subset() {
        let f = fonts();
        let a: BTreeSet<char> = "абв 12".chars().collect();
        let b: BTreeSet<char> = "вба 99".chars().collect();
        let (x, y) = (subset(&f.bold, "QAULYB", &a), subset(&f.bold, "QAULYB", &b));
        assert!(Arc::ptr_eq(&x, &y));
    }
}
