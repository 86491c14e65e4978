//! Drops TrueType hinting (the `fpgm`, `prep`, `cvt ` programs and every glyph's
//! instructions) from a font in memory before it is subset and embedded.
//!
//! Hinting only sharpens glyphs at screen sizes; PDF viewers and printers draw the
//! outlines, which are kept byte for byte. It is a third of a Liberation subset,
//! and a two-page contract must stay under 30 KB.

/// Tables that only serve hinting.
const HINTING: [&[u8; 4]; 6] = [b"fpgm", b"prep", b"cvt ", b"hdmx", b"LTSH", b"VDMX"];

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The font without hinting, or `None` if it is not a TrueType font we can read.
pub fn strip_hinting(ttf: &[u8]) -> Option<Vec<u8>> {
    let tables = read_tables(ttf)?;
    let get = |tag: &[u8; 4]| tables.iter().find(|(t, _)| t == tag).map(|(_, d)| *d);
    let (head, maxp, loca, glyf) = (get(b"head")?, get(b"maxp")?, get(b"loca")?, get(b"glyf")?);
    let glyphs = usize::from(u16_at(maxp, 4)?);
    let long = u16_at(head, 50)? == 1;
    let (new_glyf, new_loca) = rewrite_glyphs(glyf, loca, glyphs, long)?;
    let mut new_head = head.to_vec();
    new_head[50..52].copy_from_slice(&1u16.to_be_bytes());
    new_head[8..12].copy_from_slice(&[0; 4]);
    let mut out: Vec<([u8; 4], Vec<u8>)> = Vec::new();
    for (tag, data) in &tables {
        let data = match tag {
            b"glyf" => new_glyf.clone(),
            b"loca" => new_loca.clone(),
            b"head" => new_head.clone(),
            t if HINTING.contains(&t) || t == b"DSIG" => continue,
            _ => data.to_vec(),
        };
        out.push((*tag, data));
    }
    Some(write_font(u32_at(ttf, 0)?, out))
}

/// The table directory: (tag, bytes) in file order.
fn read_tables(ttf: &[u8]) -> Option<Vec<([u8; 4], &[u8])>> {
    let n = usize::from(u16_at(ttf, 4)?);
    (0..n)
        .map(|i| {
            let rec = 12 + 16 * i;
            let tag: [u8; 4] = ttf.get(rec..rec + 4)?.try_into().ok()?;
            let off = u32_at(ttf, rec + 8)? as usize;
            let len = u32_at(ttf, rec + 12)? as usize;
            Some((tag, ttf.get(off..off + len)?))
        })
        .collect()
}

fn glyph_range(loca: &[u8], i: usize, long: bool) -> Option<(usize, usize)> {
    if long {
        Some((
            u32_at(loca, 4 * i)? as usize,
            u32_at(loca, 4 * i + 4)? as usize,
        ))
    } else {
        Some((
            usize::from(u16_at(loca, 2 * i)?) * 2,
            usize::from(u16_at(loca, 2 * i + 2)?) * 2,
        ))
    }
}

/// Every glyph without instructions, and a long-format `loca` for the new offsets.
fn rewrite_glyphs(
    glyf: &[u8],
    loca: &[u8],
    glyphs: usize,
    long: bool,
) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut out = Vec::with_capacity(glyf.len());
    let mut offsets = Vec::with_capacity(4 * (glyphs + 1));
    for i in 0..glyphs {
        offsets.extend_from_slice(&(out.len() as u32).to_be_bytes());
        let (start, end) = glyph_range(loca, i, long)?;
        if end > start {
            let g = glyf.get(start..end)?;
            let contours = u16_at(g, 0)? as i16;
            if contours >= 0 {
                strip_simple(g, contours as usize, &mut out)?;
            } else {
                strip_composite(g, &mut out)?;
            }
            while out.len() % 4 != 0 {
                out.push(0);
            }
        }
    }
    offsets.extend_from_slice(&(out.len() as u32).to_be_bytes());
    Some((out, offsets))
}

/// A simple glyph: header and contour ends, zero instructions, then flags and points.
fn strip_simple(g: &[u8], contours: usize, out: &mut Vec<u8>) -> Option<()> {
    let ends = 10 + 2 * contours;
    let ilen = usize::from(u16_at(g, ends)?);
    let rest = g.get(ends + 2 + ilen..)?;
    out.extend_from_slice(g.get(..ends)?);
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(rest);
    Some(())
}

/// A composite glyph: its components, with the "has instructions" flag cleared.
fn strip_composite(g: &[u8], out: &mut Vec<u8>) -> Option<()> {
    const WORDS: u16 = 0x0001;
    const SCALE: u16 = 0x0008;
    const MORE: u16 = 0x0020;
    const XY_SCALE: u16 = 0x0040;
    const TWO_BY_TWO: u16 = 0x0080;
    const INSTRUCTIONS: u16 = 0x0100;
    out.extend_from_slice(g.get(..10)?);
    let mut at = 10;
    loop {
        let flags = u16_at(g, at)?;
        let args = if flags & WORDS != 0 { 4 } else { 2 };
        let scale = match () {
            _ if flags & SCALE != 0 => 2,
            _ if flags & XY_SCALE != 0 => 4,
            _ if flags & TWO_BY_TWO != 0 => 8,
            _ => 0,
        };
        let len = 4 + args + scale;
        let flag_at = out.len();
        out.extend_from_slice(g.get(at..at + len)?);
        out[flag_at..flag_at + 2].copy_from_slice(&(flags & !INSTRUCTIONS).to_be_bytes());
        at += len;
        if flags & MORE == 0 {
            break;
        }
    }
    Some(())
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut w = [0u8; 4];
        w[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(w))
    })
}

/// Writes an sfnt with the given tables (tags kept in ascending order) and checksums.
fn write_font(version: u32, mut tables: Vec<([u8; 4], Vec<u8>)>) -> Vec<u8> {
    tables.sort_by_key(|t| t.0);
    let n = tables.len() as u16;
    let power = 1u16 << (15 - n.leading_zeros() as u16).min(15);
    let mut out = Vec::new();
    out.extend_from_slice(&version.to_be_bytes());
    for v in [
        n,
        power * 16,
        power.trailing_zeros() as u16,
        n * 16 - power * 16,
    ] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    for (tag, data) in &tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().div_ceil(4) * 4;
    }
    let mut head_at = None;
    for (tag, data) in &tables {
        if tag == b"head" {
            head_at = Some(out.len());
        }
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(4) * 4, 0);
    }
    if let Some(h) = head_at {
        let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[h + 8..h + 12].copy_from_slice(&adjust.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Regular.ttf");

    #[test]
    fn drops_hinting_and_keeps_every_outline_and_width() {
        let stripped = strip_hinting(REGULAR).unwrap();
        assert!(
            stripped.len() < REGULAR.len() * 9 / 10,
            "{} → {}",
            REGULAR.len(),
            stripped.len()
        );
        let tags: Vec<[u8; 4]> = read_tables(&stripped)
            .unwrap()
            .iter()
            .map(|t| t.0)
            .collect();
        assert!(!tags.contains(b"fpgm") && !tags.contains(b"prep") && tags.contains(b"glyf"));
        let mut w = Vec::new();
        let a = printpdf::ParsedFont::from_bytes(REGULAR, 0, &mut w).unwrap();
        let b = printpdf::ParsedFont::from_bytes(&stripped, 0, &mut w).unwrap();
        for c in "Қазақстан Республикасы ӘҒҚҢӨҰҮҺІ 0123456789 №–«»".chars()
        {
            let (ga, gb) = (
                a.lookup_glyph_index(c as u32),
                b.lookup_glyph_index(c as u32),
            );
            assert_eq!(ga, gb, "{c}");
            let g = ga.unwrap();
            assert_eq!(
                a.get_horizontal_advance(g),
                b.get_horizontal_advance(g),
                "{c}"
            );
        }
    }

    #[test]
    fn refuses_what_is_not_a_font() {
        assert!(strip_hinting(b"not a font at all").is_none());
    }
}
