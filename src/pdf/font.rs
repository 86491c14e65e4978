//! The vendored Liberation Serif faces: parsed once per process, with cached
//! advance widths so that line breaking measures text without touching the TTF.

use printpdf::ParsedFont;
use std::sync::OnceLock;

/// Liberation Serif 2.1.5 Regular (SIL OFL 1.1, see assets/fonts/LICENSE).
const REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Regular.ttf");
/// Liberation Serif 2.1.5 Bold (SIL OFL 1.1).
const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Bold.ttf");

/// Code points below this get their advance from a flat table (Latin + Cyrillic).
const TABLE_END: u32 = 0x0530;

/// One face with what layout needs: the parsed font (for embedding) and widths.
pub struct Face {
    pub parsed: ParsedFont,
    /// The font program as embedded when subsetting fails (hinting stripped).
    pub program: Vec<u8>,
    /// Bounding box of all glyphs in 1/1000 em: x min, y min, x max, y max.
    pub bbox: [i32; 4],
    /// Advance of code points `0..TABLE_END` in 1/1000 em; `u16::MAX` = no glyph.
    table: Vec<u16>,
    units_per_em: f32,
    /// Ascender and descender in 1/1000 em (descender positive, below the baseline).
    pub ascent: f32,
    pub descent: f32,
}

const NO_GLYPH: u16 = u16::MAX;

impl Face {
    fn load(bytes: &[u8]) -> Face {
        let mut warnings = Vec::new();
        // Outlines only: hinting is a third of every embedded subset (see `unhint`).
        let unhinted = super::unhint::strip_hinting(bytes);
        let bytes = unhinted.as_deref().unwrap_or(bytes);
        // The bytes are vendored and known good: failure here is a build defect.
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .expect("vendored Liberation Serif must parse");
        let units_per_em = f32::from(parsed.pdf_font_metrics.units_per_em.max(1));
        let ascent = f32::from(parsed.hhea_table.ascender) * 1000.0 / units_per_em;
        let descent = -f32::from(parsed.hhea_table.descender) * 1000.0 / units_per_em;
        let m = &parsed.pdf_font_metrics;
        let em = |v: i16| (f32::from(v) * 1000.0 / units_per_em).round() as i32;
        let bbox = [em(m.x_min), em(m.y_min), em(m.x_max), em(m.y_max)];
        let mut face = Face {
            parsed,
            program: bytes.to_vec(),
            bbox,
            table: Vec::new(),
            units_per_em,
            ascent,
            descent,
        };
        face.table = (0..TABLE_END)
            .map(|cp| {
                char::from_u32(cp)
                    .and_then(|c| face.lookup(c))
                    .unwrap_or(NO_GLYPH)
            })
            .collect();
        face
    }

    /// Advance of `c` in 1/1000 em straight from the font, `None` if it has no glyph.
    fn lookup(&self, c: char) -> Option<u16> {
        let gid = self
            .parsed
            .lookup_glyph_index(c as u32)
            .filter(|g| *g != 0)?;
        let adv = f32::from(self.parsed.get_horizontal_advance(gid));
        Some((adv * 1000.0 / self.units_per_em).round() as u16)
    }

    /// Advance of `c` in 1/1000 em, `None` when the font has no glyph for it.
    pub fn advance(&self, c: char) -> Option<u16> {
        match self.table.get(c as usize) {
            Some(&NO_GLYPH) => None,
            Some(&w) => Some(w),
            None => self.lookup(c),
        }
    }

    /// Whether the face can draw `c` (printpdf silently drops missing glyphs).
    pub fn has_glyph(&self, c: char) -> bool {
        c.is_whitespace() || self.advance(c).is_some()
    }

    /// Width of `text` at `size` points, in points. Missing glyphs count as a space.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| u32::from(self.advance(c).unwrap_or(250)))
            .sum();
        units as f32 * size / 1000.0
    }
}

/// The two faces the engine draws with.
pub struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

impl Fonts {
    /// The face for a run's weight.
    pub fn face(&self, bold: bool) -> &Face {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }
}

/// The process-wide fonts, parsed on first use (parsing a TTF costs milliseconds;
/// a batch of hundreds of contracts must not pay it per document).
pub fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts {
        regular: Face::load(REGULAR_TTF),
        bold: Face::load(BOLD_TTF),
    })
}

/// Characters of `text` that the regular or bold face cannot draw, in order, deduplicated.
pub fn missing_glyphs(text: &str) -> Vec<char> {
    let f = fonts();
    let mut missing: Vec<char> = text
        .chars()
        .filter(|&c| !(c.is_control() || (f.regular.has_glyph(c) && f.bold.has_glyph(c))))
        .collect();
    missing.sort_unstable();
    missing.dedup();
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_every_kazakh_letter_in_both_weights() {
        let kazakh = "ӘҒҚҢӨҰҮҺІәғқңөұүһі№–«»";
        assert_eq!(missing_glyphs(kazakh), Vec::<char>::new());
    }

    #[test]
    fn measures_wider_text_as_wider() {
        let f = fonts();
        let narrow = f.regular.width("ііі", 10.0);
        let wide = f.regular.width("ШШШ", 10.0);
        assert!(narrow > 0.0 && wide > narrow * 2.0, "{narrow} {wide}");
        assert!(f.bold.width("Ш", 10.0) >= f.regular.width("Ш", 10.0));
    }

    #[test]
    fn scales_width_with_size() {
        let f = fonts();
        let w10 = f.regular.width("Қаулы", 10.0);
        let w20 = f.regular.width("Қаулы", 20.0);
        assert!((w20 - 2.0 * w10).abs() < 0.01);
    }
}
