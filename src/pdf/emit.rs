//! Laid-out pages → PDF bytes, deterministically, in two steps.
//!
//! [`prepare`] encodes and compresses each page's drawing once; [`assemble`]
//! writes one or more prepared documents as a single PDF, with the fonts cut to
//! the characters they draw and page numbers counted over the whole file. A
//! contract's prepared pages thus serve its own PDF and its employer's combined
//! PDF. Fonts get fixed names, the trailer `/ID` is a hash of the bytes, and
//! dates come from [`PdfMeta`], never the clock.

use super::font::{fonts, Face};
use super::layout::{page_number, Item, Page, Rule, Text};
use super::subset::{self, drawable, Subset};
use super::write::{self, hundredths, num, to_hundredths, Writer};
use super::PdfMeta;
use crate::flow::PageSetup;
use std::collections::BTreeSet;

/// Resource names (and subset tags: the first six letters) of our two faces.
const REGULAR_ID: &str = "QAULYR";
const BOLD_ID: &str = "QAULYB";

/// Deflate level of content streams: level 9 took ~40% of the render time for
/// ~7% smaller files. On the fixture's contracts level 2 costs 0.5 KB per PDF
/// more than level 3 for 5% less batch CPU; level 1 costs 2 KB more.
const DEFLATE_LEVEL: u8 = 2;

/// One page's drawing, ready to be copied into any PDF.
#[derive(Debug, Clone)]
struct Body {
    setup: PageSetup,
    width: f32,
    height: f32,
    /// The content stream, compressed when that made it shorter.
    content: Vec<u8>,
    deflated: bool,
}

/// A document's pages, encoded and compressed, with the characters they draw.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub title: String,
    bodies: Vec<Body>,
    regular: BTreeSet<char>,
    bold: BTreeSet<char>,
    numbered: bool,
}

impl Prepared {
    /// Number of pages.
    pub fn pages(&self) -> usize {
        self.bodies.len()
    }
}

/// Encodes pages laid out without page numbers; `numbered` asks [`assemble`] to add them.
pub fn prepare(pages: &[Page], title: &str, numbered: bool) -> Prepared {
    let (mut regular, mut bold) = (CharSet::new(), CharSet::new());
    for t in pages.iter().flat_map(texts) {
        let set = if t.bold { &mut bold } else { &mut regular };
        set.extend(&t.text);
    }
    if numbered {
        regular.extend(" /");
    }
    Prepared {
        title: title.to_string(),
        bodies: pages.iter().map(body).collect(),
        regular: regular.into_set(),
        bold: bold.into_set(),
        numbered,
    }
}

/// The characters of a document: a bit per code point of the Basic Multilingual
/// Plane (the only ones the content streams can address), far cheaper than a
/// tree insertion per character drawn.
struct CharSet(Vec<u64>);

impl CharSet {
    fn new() -> CharSet {
        CharSet(vec![0; 0x10000 / 64])
    }

    fn extend(&mut self, text: &str) {
        for c in text.chars().map(|c| c as usize).filter(|&c| c < 0x10000) {
            self.0[c / 64] |= 1 << (c % 64);
        }
    }

    fn into_set(self) -> BTreeSet<char> {
        let mut set = BTreeSet::new();
        for (i, &word) in self.0.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                let c = i * 64 + bits.trailing_zeros() as usize;
                set.extend(char::from_u32(c as u32));
                bits &= bits - 1;
            }
        }
        set
    }
}

fn texts(page: &Page) -> impl Iterator<Item = &Text> {
    page.items.iter().filter_map(|item| match item {
        Item::Text(t) => Some(t),
        Item::Rule(_) => None,
    })
}

fn body(page: &Page) -> Body {
    let raw = content(page);
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(&raw, DEFLATE_LEVEL);
    // `/Filter/FlateDecode` costs 19 bytes of dictionary.
    let deflated = packed.len() + 19 < raw.len();
    Body {
        setup: page.setup,
        width: page.width,
        height: page.height,
        content: if deflated { packed } else { raw },
        deflated,
    }
}

/// The content stream of a page: all rules first, then all text in one text object.
fn content(page: &Page) -> Vec<u8> {
    let mut out = Vec::with_capacity(8192);
    out.extend_from_slice(b"0 G\n0.5 w\n");
    for item in &page.items {
        if let Item::Rule(r) = item {
            rule(&mut out, r, page.height);
        }
    }
    out.extend_from_slice(b"BT\n0 g\n");
    let mut font: Option<(bool, f32)> = None;
    let mut at = (0, 0);
    for t in texts(page) {
        if font != Some((t.bold, t.size)) {
            set_font(&mut out, t.bold, t.size);
            font = Some((t.bold, t.size));
        }
        at = show(&mut out, t, page.height, at);
    }
    out.extend_from_slice(b"ET\n");
    out
}

fn rule(out: &mut Vec<u8>, r: &Rule, height: f32) {
    point(out, r.x1, height - r.y1);
    out.extend_from_slice(b" m\n");
    point(out, r.x2, height - r.y2);
    out.extend_from_slice(b" l\nS\n");
}

fn point(out: &mut Vec<u8>, x: f32, y: f32) {
    num(out, x);
    out.push(b' ');
    num(out, y);
}

fn set_font(out: &mut Vec<u8>, bold: bool, size: f32) {
    out.push(b'/');
    out.extend_from_slice(if bold { BOLD_ID } else { REGULAR_ID }.as_bytes());
    out.push(b' ');
    num(out, size);
    out.extend_from_slice(b" Tf\n");
}

/// Moves to the text's baseline and shows it; returns the new line start (in
/// hundredths of a point). On the baseline of the previous text (`from`) the
/// move is relative and horizontal; a new baseline is set absolutely, because
/// readers summing relative moves in floating point would see baselines that
/// should be equal differ by a hair, which changes `pdftotext`'s reading order
/// in tables. Each character is its code point in two bytes; characters the
/// face cannot draw are left out.
fn show(out: &mut Vec<u8>, t: &Text, height: f32, from: (i64, i64)) -> (i64, i64) {
    let to = (to_hundredths(t.x), to_hundredths(height - t.y));
    if to.1 == from.1 {
        hundredths(out, to.0 - from.0);
        out.extend_from_slice(b" 0 Td\n(");
    } else {
        out.extend_from_slice(b"1 0 0 1 ");
        hundredths(out, to.0);
        out.push(b' ');
        hundredths(out, to.1);
        out.extend_from_slice(b" Tm\n(");
    }
    let face = fonts().face(t.bold);
    for c in t.text.chars().filter(|&c| drawable(face, c)) {
        for byte in (c as u16).to_be_bytes() {
            string_byte(out, byte);
        }
    }
    out.extend_from_slice(b") Tj\n");
    to
}

/// A byte inside a literal string: the delimiters, the escape character and a
/// carriage return (which readers would turn into a line feed) are escaped.
fn string_byte(out: &mut Vec<u8>, byte: u8) {
    match byte {
        b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', byte]),
        b'\r' => out.extend_from_slice(b"\\r"),
        _ => out.push(byte),
    }
}

/// The page number's own small content stream, drawn after the page's body.
fn number_stream(setup: PageSetup, height: f32, n: usize, total: usize) -> Vec<u8> {
    let t = page_number(setup, n, total);
    let mut out = Vec::with_capacity(96);
    out.extend_from_slice(b"BT\n0 g\n");
    set_font(&mut out, false, t.size);
    show(&mut out, &t, height, (0, 0));
    out.extend_from_slice(b"ET\n");
    out
}

/// Writes `parts` one after another as one PDF. Page numbers run over the
/// whole file (when the first part asks for them); `meta.title`, when empty,
/// is the first part's title.
pub fn assemble(parts: &[&Prepared], meta: &PdfMeta) -> Vec<u8> {
    let bodies: Vec<&Body> = parts.iter().flat_map(|p| &p.bodies).collect();
    let numbered = parts.first().is_some_and(|p| p.numbered);
    let size: usize = bodies.iter().map(|b| b.content.len() + 200).sum();
    let mut w = Writer::new(size + 40_000);
    let (catalog, tree, info, resources) = (w.reserve(), w.reserve(), w.reserve(), w.reserve());
    let f = fonts();
    let regular = font(
        &mut w,
        &f.regular,
        REGULAR_ID,
        parts.iter().map(|p| &p.regular),
    );
    let bold = font(&mut w, &f.bold, BOLD_ID, parts.iter().map(|p| &p.bold));
    w.object(
        resources,
        &format!("<</Font<</{REGULAR_ID} {regular} 0 R/{BOLD_ID} {bold} 0 R>>>>"),
    );
    let mut kids = String::with_capacity(bodies.len() * 8);
    for (i, b) in bodies.iter().enumerate() {
        let number = numbered.then(|| number_stream(b.setup, b.height, i + 1, bodies.len()));
        let page = page(&mut w, b, number.as_deref(), tree, resources);
        kids.push_str(&format!("{page} 0 R "));
    }
    w.object(
        tree,
        &format!(
            "<</Type/Pages/Count {}/Kids[{}]>>",
            bodies.len(),
            kids.trim_end()
        ),
    );
    w.object(catalog, &format!("<</Type/Catalog/Pages {tree} 0 R>>"));
    let title = match (meta.title.as_str(), parts.first()) {
        ("", Some(p)) => p.title.as_str(),
        (t, _) => t,
    };
    w.object(info, &info_dict(meta, title));
    w.finish(catalog, info)
}

/// A page object with its content streams: the shared body, then its number.
fn page(w: &mut Writer, b: &Body, number: Option<&[u8]>, tree: u32, resources: u32) -> u32 {
    let id = w.reserve();
    let content = w.reserve();
    let filter = if b.deflated {
        "/Filter/FlateDecode"
    } else {
        ""
    };
    w.stream(content, filter, &b.content);
    let mut contents = format!("{content} 0 R");
    if let Some(n) = number {
        let nid = w.reserve();
        w.stream(nid, "", n);
        contents.push_str(&format!(" {nid} 0 R"));
    }
    let mut media = Vec::new();
    media.extend_from_slice(b"0 0 ");
    point(&mut media, b.width, b.height);
    let media = String::from_utf8(media).expect("ASCII digits");
    w.object(
        id,
        &format!(
            "<</Type/Page/Parent {tree} 0 R/MediaBox[{media}]/Resources {resources} 0 R/Contents[{contents}]>>"
        ),
    );
    id
}

/// The Type0 font of `face` cut to the union of `sets`; returns its object number.
fn font<'a>(
    w: &mut Writer,
    face: &Face,
    tag: &str,
    sets: impl Iterator<Item = &'a BTreeSet<char>>,
) -> u32 {
    let mut chars = BTreeSet::new();
    for s in sets {
        chars.extend(s.iter().copied());
    }
    let s = subset::subset(face, tag, &chars);
    let [program, to_unicode, cid_to_gid, descriptor, font] = [(); 5].map(|_| w.reserve());
    w.stream(
        program,
        &format!("/Length1 {}/Filter/FlateDecode", s.program_len),
        &s.program,
    );
    w.stream(to_unicode, "/Filter/FlateDecode", &s.to_unicode);
    w.stream(cid_to_gid, "/Filter/FlateDecode", &s.cid_to_gid);
    w.object(descriptor, &descriptor_dict(face, &s, program));
    w.object(
        font,
        &format!(
            "<</Type/Font/Subtype/Type0/BaseFont{name}/Encoding/Identity-H/ToUnicode {to_unicode} 0 R\
             /DescendantFonts[<</Type/Font/Subtype/CIDFontType2/BaseFont{name}\
             /CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>\
             /FontDescriptor {descriptor} 0 R/DW 1000/W{w}/CIDToGIDMap {cid_to_gid} 0 R>>]>>",
            name = write::name(&s.base_font),
            w = s.widths,
        ),
    );
    font
}

/// The font descriptor: nonsymbolic upright serif metrics in 1/1000 em.
fn descriptor_dict(face: &Face, s: &Subset, program: u32) -> String {
    let [x0, y0, x1, y1] = face.bbox;
    let (ascent, descent) = (face.ascent.round() as i32, -(face.descent.round() as i32));
    format!(
        "<</Type/FontDescriptor/FontName{}/Flags 32/FontBBox[{x0} {y0} {x1} {y1}]/ItalicAngle 0\
         /Ascent {ascent}/Descent {descent}/CapHeight {ascent}/StemV 80/FontFile2 {program} 0 R>>",
        write::name(&s.base_font)
    )
}

fn info_dict(meta: &PdfMeta, title: &str) -> String {
    let date = write::date(meta.timestamp());
    let t = write::text_string;
    format!(
        "<</Title{}/Author{}/Subject{}/Identifier{}/Creator{}/Producer{}/CreationDate{date}/ModDate{date}>>",
        t(title),
        t(&meta.author),
        t(&meta.subject),
        t(&meta.identifier),
        t("qauly"),
        t("qauly"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(x: f32, y: f32, s: &str) -> Text {
        Text {
            x,
            y,
            size: 10.0,
            bold: false,
            text: s.into(),
        }
    }

    #[test]
    fn moves_between_texts_relatively_and_escapes_string_delimiters() {
        let mut out = Vec::new();
        let at = show(&mut out, &text(10.0, 100.0, "Ш)"), 800.0, (0, 0));
        show(&mut out, &text(30.5, 100.0, "a\u{1F600}"), 800.0, at);
        // Ш is 04 28 — "(" as its low byte; ")" is 00 29; the emoji has no glyph.
        assert_eq!(
            out,
            b"1 0 0 1 10 700 Tm\n(\x04\\(\x00\\)) Tj\n20.5 0 Td\n(\x00a) Tj\n".to_vec()
        );
    }

    #[test]
    fn collects_each_drawn_character_once() {
        let mut set = CharSet::new();
        set.extend("қаулы қ 7");
        let chars: Vec<char> = set.into_set().into_iter().collect();
        assert_eq!(chars, [' ', '7', 'а', 'л', 'у', 'ы', 'қ']);
    }
}
