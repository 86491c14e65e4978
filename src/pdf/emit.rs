//! Laid-out pages → printpdf operations → PDF bytes, deterministically.
//!
//! printpdf draws font and document IDs from a process-wide counter, so we name
//! the fonts ourselves and overwrite the trailer `/ID` with a hash of the bytes;
//! dates come from [`PdfMeta`], never the clock.

use super::font::fonts;
use super::layout::{Item, Page, Rule, Text};
use super::subset;
use super::PdfMeta;
use crate::error::{Error, Result};
use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, Op, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, TextItem, TextMatrix,
};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

/// Resource names (and subset tags: the first six letters) of our two faces.
const REGULAR_ID: &str = "QAULYR";
const BOLD_ID: &str = "QAULYB";
/// Stand-in for the trailer /ID, replaced by a content hash of the same length.
const ID_PLACEHOLDER: &[u8; 32] = b"qaulyIDqaulyIDqaulyIDqaulyIDqaul";

/// Serializes laid-out pages into a PDF.
pub fn emit(pages: &[Page], meta: &PdfMeta) -> Result<Vec<u8>> {
    let mut doc = PdfDocument::new(&meta.title);
    set_info(&mut doc, meta);
    add_fonts(&mut doc, pages);
    doc.pages = pages.iter().map(page_ops).collect();
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    let placeholder = lopdf::Object::String(ID_PLACEHOLDER.to_vec(), lopdf::StringFormat::Literal);
    lo.trailer.set(
        "ID",
        lopdf::Object::Array(vec![placeholder.clone(), placeholder]),
    );
    compress(&mut lo);
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| Error::Pdf(format!("writing the PDF: {e}")))?;
    stamp_id(&mut bytes)?;
    Ok(bytes)
}

/// Deflate level of content streams: lopdf's level 9 took ~40% of the render time
/// for ~7% smaller files; level 3 keeps a 35-row appendix near 72 KB.
const DEFLATE_LEVEL: u8 = 3;
/// Font programs are small (a subset) and dominate a short document's size: level 6
/// saves ~1.5 KB per PDF at no measurable cost.
const FONT_DEFLATE_LEVEL: u8 = 6;

/// Compresses every compressible stream that has no filter yet.
fn compress(doc: &mut lopdf::Document) {
    for object in doc.objects.values_mut() {
        if let lopdf::Object::Stream(stream) = object {
            if stream.allows_compression && stream.dict.get(b"Filter").is_err() {
                // Font programs carry /Length1.
                let is_font = stream.dict.get(b"Length1").is_ok();
                let level = if is_font {
                    FONT_DEFLATE_LEVEL
                } else {
                    DEFLATE_LEVEL
                };
                let packed = if is_font {
                    subset::packed_font(&stream.content, level).to_vec()
                } else {
                    miniz_oxide::deflate::compress_to_vec_zlib(&stream.content, level)
                };
                if packed.len() + 19 < stream.content.len() {
                    stream.dict.set("Filter", "FlateDecode");
                    stream.set_content(packed);
                }
            }
        }
    }
}

/// Replaces the /ID placeholders with the hex SHA-256 (first 16 bytes) of the file.
fn stamp_id(bytes: &mut [u8]) -> Result<()> {
    let hash = Sha256::digest(&*bytes);
    let hex: String = hash[..16].iter().map(|b| format!("{b:02x}")).collect();
    let mut found = 0;
    let mut i = 0;
    while let Some(pos) = find(&bytes[i..], ID_PLACEHOLDER) {
        let at = i + pos;
        bytes[at..at + 32].copy_from_slice(hex.as_bytes());
        i = at + 32;
        found += 1;
    }
    if found == 2 {
        Ok(())
    } else {
        Err(Error::Pdf(format!(
            "trailer /ID placeholder found {found} times, expected 2"
        )))
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn set_info(doc: &mut PdfDocument, meta: &PdfMeta) {
    let info = &mut doc.metadata.info;
    let stamp = printpdf::OffsetDateTime::from_unix_timestamp(meta.timestamp())
        .unwrap_or_else(|_| printpdf::OffsetDateTime::from_unix_timestamp(0).expect("epoch"));
    info.creation_date = stamp;
    info.modification_date = stamp;
    info.metadata_date = stamp;
    info.subject = meta.subject.clone();
    info.author = meta.author.clone();
    info.creator = "qauly".into();
    info.producer = "qauly (printpdf)".into();
    info.identifier = meta.identifier.clone();
}

/// Registers both faces, each already cut down to the characters the pages draw
/// in it (see [`subset`]), so printpdf embeds them as they are.
fn add_fonts(doc: &mut PdfDocument, pages: &[Page]) {
    let f = fonts();
    for (bold, id, face) in [(false, REGULAR_ID, &f.regular), (true, BOLD_ID, &f.bold)] {
        let used = chars_drawn(pages, bold);
        let font = match subset::subset(face, id, &used) {
            Some(cut) => {
                let mut font = printpdf::PdfFont::new((*cut).clone());
                font.meta.requires_subsetting = false;
                font
            }
            None => printpdf::PdfFont::new(face.parsed.clone()),
        };
        doc.resources.fonts.map.insert(FontId(id.into()), font);
    }
}

/// Every character the pages draw in the regular (or bold) face.
fn chars_drawn(pages: &[Page], bold: bool) -> BTreeSet<char> {
    pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|item| match item {
            Item::Text(t) if t.bold == bold => Some(t.text.chars()),
            _ => None,
        })
        .flatten()
        .collect()
}

fn handle(bold: bool) -> PdfFontHandle {
    PdfFontHandle::External(FontId(if bold { BOLD_ID } else { REGULAR_ID }.into()))
}

/// One page's operations: all rules first, then all text in one text section.
fn page_ops(page: &Page) -> PdfPage {
    let mut ops = vec![
        Op::SetOutlineColor { col: black() },
        Op::SetOutlineThickness { pt: Pt(0.5) },
    ];
    for item in &page.items {
        if let Item::Rule(r) = item {
            ops.push(Op::DrawLine {
                line: line(r, page.height),
            });
        }
    }
    ops.push(Op::StartTextSection);
    ops.push(Op::SetFillColor { col: black() });
    let mut font: Option<(bool, f32)> = None;
    for item in &page.items {
        if let Item::Text(t) = item {
            text_ops(&mut ops, t, page.height, &mut font);
        }
    }
    ops.push(Op::EndTextSection);
    let mm = |pt: f32| Mm(pt * 25.4 / 72.0);
    PdfPage::new(mm(page.width), mm(page.height), ops)
}

fn text_ops(ops: &mut Vec<Op>, t: &Text, height: f32, font: &mut Option<(bool, f32)>) {
    if *font != Some((t.bold, t.size)) {
        ops.push(Op::SetFont {
            font: handle(t.bold),
            size: Pt(t.size),
        });
        *font = Some((t.bold, t.size));
    }
    ops.push(Op::SetTextMatrix {
        matrix: TextMatrix::Translate(Pt(round(t.x)), Pt(round(height - t.y))),
    });
    ops.push(Op::ShowText {
        items: vec![TextItem::Text(t.text.clone())],
    });
}

fn line(r: &Rule, height: f32) -> Line {
    let p = |x: f32, y: f32| LinePoint {
        p: Point {
            x: Pt(round(x)),
            y: Pt(round(height - y)),
        },
        bezier: false,
    };
    Line {
        points: vec![p(r.x1, r.y1), p(r.x2, r.y2)],
        is_closed: false,
    }
}

/// Coordinates to 1/100 pt: smaller files, and no float noise between platforms.
fn round(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

fn black() -> Color {
    Color::Greyscale(Greyscale {
        percent: 0.0,
        icc_profile: None,
    })
}
