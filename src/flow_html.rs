//! The restricted HTML our document templates produce → a [`FlowDoc`] of
//! blocks for the PDF engine, so that a user who edits a template sees the
//! PDF change too.
//!
//! Supported: `h1`–`h3`, `p` (classes `center`, `right`, `left`, `justify`,
//! `noindent`), `b`/`strong`, `span`, `br`, `table` with `thead`/`tbody`,
//! `col width`, `tr`, `th`, `td` (`colspan`, `rowspan`, classes `center`,
//! `right`), `ol`/`ul`/`li`, `div` (`class="page-break"` starts a new page),
//! and the document shell (`html`, `head` with `title`, `body`). Anything else is
//! an error naming the line, so a template edit never silently loses text.

use crate::error::{Error, Result};
use crate::flow::{Align, Block, Cell, FlowDoc, PageSetup, Para, Run, TableBlock};

/// Default font size of a converted document, in points.
pub const BODY_SIZE: f32 = 11.0;
/// First-line indent of a body paragraph (10 mm), in points.
pub const FIRST_INDENT: f32 = 28.35;

/// Converts `html` (the output of a template named `name`) into a flow.
pub fn convert(html: &str, name: &str) -> Result<FlowDoc> {
    let mut b = Builder::default();
    for tok in Tokens::new(html) {
        let (offset, tok) = tok;
        b.token(tok).map_err(|message| Error::Parse {
            path: name.to_string(),
            line: line_of(html, offset),
            col: 1 + html[..offset]
                .rfind('\n')
                .map_or(offset, |nl| offset - nl - 1),
            message,
        })?;
    }
    b.finish_para();
    Ok(FlowDoc {
        setup: PageSetup::A4Portrait,
        title: b.title.trim().to_string(),
        size: BODY_SIZE,
        blocks: b.blocks,
        page_numbers: true,
    })
}

fn line_of(text: &str, offset: usize) -> usize {
    1 + text[..offset].bytes().filter(|&c| c == b'\n').count()
}

/// A piece of markup.
#[derive(Debug, PartialEq)]
enum Tok<'a> {
    Text(&'a str),
    Open {
        name: String,
        attrs: Vec<(String, String)>,
    },
    Close(String),
    /// `<!DOCTYPE>`, comments: nothing to show.
    Skip,
    Bad(String),
}

/// Splits HTML into tags and text, yielding each with its byte offset.
struct Tokens<'a> {
    html: &'a str,
    pos: usize,
}

impl<'a> Tokens<'a> {
    fn new(html: &'a str) -> Self {
        Tokens { html, pos: 0 }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = (usize, Tok<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = &self.html[self.pos..];
        if rest.is_empty() {
            return None;
        }
        let start = self.pos;
        if !rest.starts_with('<') {
            let end = rest.find('<').unwrap_or(rest.len());
            self.pos += end;
            return Some((start, Tok::Text(&rest[..end])));
        }
        if let Some(body) = rest.strip_prefix("<!--") {
            let end = body.find("-->").map_or(rest.len(), |e| e + 7);
            self.pos += end;
            return Some((start, Tok::Skip));
        }
        let Some(end) = rest.find('>') else {
            self.pos = self.html.len();
            return Some((start, Tok::Bad("a tag is never closed with `>`".into())));
        };
        self.pos += end + 1;
        Some((start, tag(&rest[1..end])))
    }
}

/// Reads the inside of `<…>`.
fn tag(inner: &str) -> Tok<'_> {
    if inner.starts_with('!') || inner.starts_with('?') {
        return Tok::Skip;
    }
    if let Some(name) = inner.strip_prefix('/') {
        return Tok::Close(name.trim().to_ascii_lowercase());
    }
    let inner = inner.trim_end_matches('/').trim();
    let name_end = inner.find(char::is_whitespace).unwrap_or(inner.len());
    let name = inner[..name_end].to_ascii_lowercase();
    match attrs(&inner[name_end..]) {
        Ok(attrs) => Tok::Open { name, attrs },
        Err(m) => Tok::Bad(m),
    }
}

/// Parses `a="x" b='y' c=z d` into pairs (names lowercased, values decoded).
fn attrs(mut s: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    loop {
        s = s.trim_start();
        if s.is_empty() {
            return Ok(out);
        }
        let name_end = s
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(s.len());
        let name = s[..name_end].to_ascii_lowercase();
        s = s[name_end..].trim_start();
        let Some(after_eq) = s.strip_prefix('=') else {
            out.push((name, String::new()));
            continue;
        };
        let after_eq = after_eq.trim_start();
        let (value, rest) = match after_eq.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let close = after_eq[1..]
                    .find(q)
                    .ok_or_else(|| format!("attribute `{name}` has no closing quote"))?;
                (&after_eq[1..1 + close], &after_eq[close + 2..])
            }
            _ => {
                let end = after_eq.find(char::is_whitespace).unwrap_or(after_eq.len());
                (&after_eq[..end], &after_eq[end..])
            }
        };
        out.push((name, decode_entities(value)?));
        s = rest;
    }
}

/// Decodes `&amp; &lt; &gt; &quot; &#39; &apos; &nbsp; &laquo; &raquo; &ndash;
/// &mdash; &#NNN; &#xHH;`; any other entity is an error.
pub fn decode_entities(s: &str) -> Result<String, String> {
    if !s.contains('&') {
        return Ok(s.to_string());
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after.find(';').filter(|&i| i <= 10).ok_or_else(|| {
            format!(
                "a bare `&` (write `&amp;`) near `{}`",
                &rest[amp..].chars().take(12).collect::<String>()
            )
        })?;
        out.push(entity(&after[..semi])?);
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn entity(name: &str) -> Result<char, String> {
    let named = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        "laquo" => Some('«'),
        "raquo" => Some('»'),
        "ndash" => Some('–'),
        "mdash" => Some('—'),
        _ => None,
    };
    let numeric = || {
        let code = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => name.strip_prefix('#').and_then(|d| d.parse().ok()),
        };
        code.and_then(char::from_u32)
    };
    named
        .or_else(numeric)
        .ok_or_else(|| format!("unknown HTML entity `&{name};`"))
}

/// Attribute value by name.
fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn has_class(attrs: &[(String, String)], class: &str) -> bool {
    attr(attrs, "class").is_some_and(|c| c.split_whitespace().any(|c| c == class))
}

/// Alignment from a class list, if one names it.
fn class_align(attrs: &[(String, String)]) -> Option<Align> {
    [
        ("center", Align::Center),
        ("right", Align::Right),
        ("left", Align::Left),
        ("justify", Align::Justify),
    ]
    .into_iter()
    .find(|(c, _)| has_class(attrs, c))
    .map(|(_, a)| a)
}

/// A table being read.
#[derive(Default)]
struct TableState {
    widths: Vec<f32>,
    header: Vec<Vec<Cell>>,
    rows: Vec<Vec<Cell>>,
    in_head: bool,
    row: Option<Vec<Cell>>,
    cell: Option<CellState>,
}

struct CellState {
    cell: Cell,
    plain_text: bool,
    bold_text: bool,
}

/// The converter's state while walking the tokens.
#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    para: Option<Para>,
    /// Tag that opened the current paragraph (`p`, `h2`, `li`, or "" when implicit).
    para_tag: &'static str,
    bold: usize,
    table: Option<TableState>,
    /// Open lists: ordered?, items so far.
    lists: Vec<(bool, usize)>,
    in_head: bool,
    in_title: bool,
    title: String,
}

const TRANSPARENT: [&str; 8] = [
    "html", "body", "main", "section", "article", "header", "footer", "span",
];

impl Builder {
    fn token(&mut self, tok: Tok) -> Result<(), String> {
        match tok {
            Tok::Skip => Ok(()),
            Tok::Bad(m) => Err(m),
            Tok::Text(t) => self.text(t),
            Tok::Open { name, attrs } => self.open(&name, &attrs),
            Tok::Close(name) => self.close(&name),
        }
    }

    fn text(&mut self, raw: &str) -> Result<(), String> {
        if self.in_head {
            if self.in_title {
                self.title.push_str(&decode_entities(raw)?);
            }
            return Ok(());
        }
        let text = decode_entities(raw)?;
        if let Some(cell) = self.table.as_mut().and_then(|t| t.cell.as_mut()) {
            push_collapsed(&mut cell.cell.text, &text);
            if !text.trim().is_empty() {
                cell.bold_text |= self.bold > 0;
                cell.plain_text |= self.bold == 0;
            }
            return Ok(());
        }
        if text.trim().is_empty() && self.para.is_none() {
            return Ok(());
        }
        if self.table.is_some() {
            return Err(format!(
                "text `{}` inside a table but outside a cell",
                text.trim()
            ));
        }
        if self.para.is_none() {
            self.start_para(
                "",
                Para {
                    align: Align::Left,
                    ..Para::default()
                },
            );
        }
        self.push_run(&text);
        Ok(())
    }

    fn push_run(&mut self, text: &str) {
        let bold = self.bold > 0;
        let para = self.para.as_mut().expect("caller opened a paragraph");
        // a space is dropped at the paragraph's start and after a space in the previous run
        let after_space = para
            .runs
            .last()
            .is_none_or(|r| r.text.is_empty() || r.text.ends_with(' '));
        match para.runs.last_mut() {
            Some(run) if run.bold == bold => push_collapsed(&mut run.text, text),
            _ => {
                let mut t = String::new();
                collapse_into(&mut t, text, after_space);
                para.runs.push(Run { text: t, bold });
            }
        }
    }

    fn open(&mut self, name: &str, attrs: &[(String, String)]) -> Result<(), String> {
        if self.in_head {
            return self.open_in_head(name);
        }
        match name {
            "b" | "strong" => {
                self.bold += 1;
                Ok(())
            }
            "br" => self.line_break(),
            n if TRANSPARENT.contains(&n) => Ok(()),
            "head" => {
                self.in_head = true;
                Ok(())
            }
            "table" | "thead" | "tbody" | "tfoot" | "col" | "colgroup" | "tr" | "td" | "th" => {
                self.open_table_part(name, attrs)
            }
            _ => self.open_block(name, attrs),
        }
    }

    fn open_in_head(&mut self, name: &str) -> Result<(), String> {
        match name {
            "title" => self.in_title = true,
            "meta" | "style" | "link" => {}
            other => return Err(format!("<{other}> is not supported inside <head>")),
        }
        Ok(())
    }

    fn open_block(&mut self, name: &str, attrs: &[(String, String)]) -> Result<(), String> {
        if let Some(cell) = self.table.as_mut().and_then(|t| t.cell.as_mut()) {
            if matches!(name, "p" | "div") {
                if !cell.cell.text.trim().is_empty() {
                    cell.cell.text.push('\n');
                }
                return Ok(());
            }
        }
        if !self.para_tag.is_empty() && self.para.is_some() {
            return Err(format!(
                "<{name}> inside <{}> (close it first)",
                self.para_tag
            ));
        }
        self.finish_para();
        match name {
            "p" => self.start_para("p", body_para(attrs)),
            "h1" => self.start_para("h1", heading(Align::Center, 14.0, 6.0)),
            "h2" => {
                self.blocks.push(Block::Space(6.0));
                self.start_para("h2", heading(Align::Left, 0.0, 4.0))
            }
            "h3" => self.start_para("h3", heading(Align::Left, 0.0, 3.0)),
            "div" if has_class(attrs, "page-break") => self.blocks.push(Block::PageBreak),
            "div" => {}
            "ol" | "ul" => self.lists.push((name == "ol", 0)),
            "li" => self.start_item()?,
            other => return Err(format!("<{other}> is not supported in contract templates")),
        }
        Ok(())
    }

    fn start_item(&mut self) -> Result<(), String> {
        let Some((ordered, n)) = self.lists.last_mut() else {
            return Err("<li> outside <ol> or <ul>".into());
        };
        *n += 1;
        let marker = if *ordered {
            format!("{n}. ")
        } else {
            "– ".to_string()
        };
        let depth = self.lists.len() as f32;
        self.start_para(
            "li",
            Para {
                align: Align::Justify,
                left_indent: 14.0 * depth,
                space_after: 2.0,
                ..Para::default()
            },
        );
        self.push_run(&marker);
        Ok(())
    }

    fn start_para(&mut self, tag: &'static str, para: Para) {
        self.para = Some(para);
        self.para_tag = tag;
        if tag.starts_with('h') {
            self.bold += 1;
        }
    }

    /// A `<br>`: a line break in a cell; in a paragraph, the text goes on in a
    /// new paragraph with the same alignment and no first-line indent.
    fn line_break(&mut self) -> Result<(), String> {
        if let Some(cell) = self.table.as_mut().and_then(|t| t.cell.as_mut()) {
            let trimmed = cell.cell.text.trim_end().len();
            cell.cell.text.truncate(trimmed);
            cell.cell.text.push('\n');
            return Ok(());
        }
        let Some(mut para) = self.para.take() else {
            return Ok(());
        };
        let next = Para {
            runs: Vec::new(),
            first_indent: 0.0,
            ..para.clone()
        };
        para.space_after = 0.0;
        self.push_para(para);
        self.para = Some(next);
        Ok(())
    }

    fn finish_para(&mut self) {
        if let Some(para) = self.para.take() {
            if self.para_tag.starts_with('h') {
                self.bold = self.bold.saturating_sub(1);
            }
            self.push_para(para);
        }
        self.para_tag = "";
    }

    /// Trims the paragraph's ends and keeps it unless it is empty.
    fn push_para(&mut self, mut para: Para) {
        if let Some(last) = para.runs.last_mut() {
            let trimmed = last.text.trim_end().len();
            last.text.truncate(trimmed);
        }
        para.runs.retain(|r| !r.text.is_empty());
        if !para.runs.is_empty() {
            self.blocks.push(Block::Para(para));
        }
    }

    fn close(&mut self, name: &str) -> Result<(), String> {
        match name {
            "head" => self.in_head = false,
            "title" => self.in_title = false,
            "b" | "strong" => self.bold = self.bold.saturating_sub(1),
            "p" | "h1" | "h2" | "h3" | "li"
                if self.table.as_ref().is_some_and(|t| t.cell.is_some()) => {}
            "p" | "h1" | "h2" | "h3" | "li" => self.finish_para(),
            "ol" | "ul" => {
                self.finish_para();
                self.lists.pop();
            }
            "table" | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th" | "colgroup" => {
                self.close_table_part(name)?
            }
            "div" if self.table.as_ref().is_some_and(|t| t.cell.is_some()) => {}
            "div" => self.finish_para(),
            _ => {}
        }
        Ok(())
    }

    fn open_table_part(&mut self, name: &str, attrs: &[(String, String)]) -> Result<(), String> {
        if name == "table" {
            if self.table.is_some() {
                return Err("a table inside a table is not supported".into());
            }
            self.finish_para();
            self.table = Some(TableState::default());
            return Ok(());
        }
        let Some(t) = self.table.as_mut() else {
            return Err(format!("<{name}> outside <table>"));
        };
        match name {
            "thead" => t.in_head = true,
            "tbody" | "tfoot" => t.in_head = false,
            "col" => t.widths.push(width(attr(attrs, "width"))?),
            "tr" => {
                t.end_row();
                t.row = Some(Vec::new());
            }
            "td" | "th" => {
                t.end_cell();
                if t.row.is_none() {
                    return Err(format!("<{name}> outside <tr>"));
                }
                t.cell = Some(new_cell(name, attrs)?);
            }
            _ => {}
        }
        Ok(())
    }

    fn close_table_part(&mut self, name: &str) -> Result<(), String> {
        let Some(t) = self.table.as_mut() else {
            return Err(format!("</{name}> outside <table>"));
        };
        match name {
            "td" | "th" => t.end_cell(),
            "tr" => t.end_row(),
            "thead" => t.in_head = false,
            "table" => {
                t.end_row();
                let t = self.table.take().expect("checked above");
                self.blocks.push(Block::Table(t.into_block()));
            }
            _ => {}
        }
        Ok(())
    }
}

fn body_para(attrs: &[(String, String)]) -> Para {
    let align = class_align(attrs);
    let indent = align.is_none() && !has_class(attrs, "noindent");
    Para {
        align: align.unwrap_or(Align::Justify),
        first_indent: if indent { FIRST_INDENT } else { 0.0 },
        space_after: 4.0,
        ..Para::default()
    }
}

fn heading(align: Align, size: f32, space_after: f32) -> Para {
    Para {
        align,
        size,
        space_after,
        ..Para::default()
    }
}

/// `col width`: "30%" or "30" (relative); missing means 1.
fn width(w: Option<&str>) -> Result<f32, String> {
    match w {
        None => Ok(1.0),
        Some(w) => w
            .trim()
            .trim_end_matches('%')
            .parse::<f32>()
            .ok()
            .filter(|v| *v > 0.0)
            .ok_or_else(|| format!("col width `{w}` is not a positive number or percentage")),
    }
}

fn new_cell(name: &str, attrs: &[(String, String)]) -> Result<CellState, String> {
    let span = |key: &str| -> Result<usize, String> {
        attr(attrs, key).map_or(Ok(1), |v| {
            v.trim()
                .parse::<usize>()
                .ok()
                .filter(|&n| n >= 1)
                .ok_or_else(|| format!("{key} `{v}` is not a positive whole number"))
        })
    };
    let th = name == "th";
    Ok(CellState {
        cell: Cell {
            text: String::new(),
            colspan: span("colspan")?,
            rowspan: span("rowspan")?,
            bold: th,
            align: class_align(attrs).unwrap_or(if th { Align::Center } else { Align::Left }),
        },
        plain_text: false,
        bold_text: false,
    })
}

impl TableState {
    fn end_cell(&mut self) {
        if let (Some(mut c), Some(row)) = (self.cell.take(), self.row.as_mut()) {
            c.cell.text = c
                .cell
                .text
                .split('\n')
                .map(str::trim)
                .collect::<Vec<_>>()
                .join("\n")
                .trim()
                .to_string();
            c.cell.bold |= c.bold_text && !c.plain_text;
            row.push(c.cell);
        }
    }

    fn end_row(&mut self) {
        self.end_cell();
        if let Some(row) = self.row.take() {
            if self.in_head {
                self.header.push(row);
            } else {
                self.rows.push(row);
            }
        }
    }

    /// The finished table; without `col` widths (or with the wrong count) columns are equal.
    fn into_block(self) -> TableBlock {
        let columns = self
            .header
            .iter()
            .chain(&self.rows)
            .map(|r| r.iter().map(|c| c.colspan).sum::<usize>())
            .max()
            .unwrap_or(0);
        let widths = if self.widths.len() == columns {
            self.widths
        } else {
            vec![1.0; columns]
        };
        TableBlock {
            widths,
            header: self.header,
            rows: self.rows,
            size: 0.0,
        }
    }
}

/// Appends `text` with HTML whitespace collapsed to single spaces
/// (a no-break space is kept: it is text, not layout).
fn push_collapsed(out: &mut String, text: &str) {
    let after_space = out.ends_with([' ', '\n']) || out.is_empty();
    collapse_into(out, text, after_space);
}

/// Appends `text` collapsing whitespace; `after_space` says whether the text
/// before it already ends in a space (or nothing), so a leading space is dropped.
fn collapse_into(out: &mut String, text: &str, after_space: bool) {
    let mut space = after_space;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            out.push(c);
            space = false;
        }
    }
}

/// All the text of a flow, paragraph by paragraph and cell by cell, one per
/// line: what a reader (or `pdftotext`) finds in the document.
pub fn plain_text(doc: &FlowDoc) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Para(p) => {
                p.runs.iter().for_each(|r| out.push_str(&r.text));
                out.push('\n');
            }
            Block::Table(t) => {
                for cell in t.header.iter().chain(&t.rows).flatten() {
                    out.push_str(&cell.text);
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<Block> {
        convert(html, "t.html").unwrap().blocks
    }

    fn para(b: &Block) -> &Para {
        match b {
            Block::Para(p) => p,
            other => panic!("not a paragraph: {other:?}"),
        }
    }

    #[test]
    fn reads_title_and_skips_head_content() {
        let doc = convert(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Шарт № 1</title>\
             <style>p { color: red; }</style></head><body><p>Мәтін</p></body></html>",
            "t",
        )
        .unwrap();
        assert_eq!(doc.title, "Шарт № 1");
        assert_eq!(doc.blocks.len(), 1);
        assert_eq!(para(&doc.blocks[0]).runs, [Run::plain("Мәтін")]);
    }

    #[test]
    fn paragraph_classes_set_alignment_and_indent() {
        let b = blocks("<p>a</p><p class=\"center\">b</p><p class=\"noindent\">c</p><p class=\"x right\">d</p>");
        let got: Vec<(Align, f32)> = b
            .iter()
            .map(|b| (para(b).align, para(b).first_indent))
            .collect();
        assert_eq!(
            got,
            [
                (Align::Justify, FIRST_INDENT),
                (Align::Center, 0.0),
                (Align::Justify, 0.0),
                (Align::Right, 0.0)
            ]
        );
    }

    #[test]
    fn bold_runs_and_collapsed_whitespace() {
        let b = blocks("<p>\n  Бір   тараптан <b>«Мектеп»\n КММ</b>, және\n</p>");
        assert_eq!(
            para(&b[0]).runs,
            [
                Run::plain("Бір тараптан "),
                Run::bold("«Мектеп» КММ"),
                Run::plain(", және")
            ]
        );
    }

    #[test]
    fn keeps_the_space_between_a_bold_run_and_the_next() {
        let b = blocks("<p><b>Жұмыс беруші</b> (бұдан әрі) <b> X</b></p>");
        assert_eq!(
            para(&b[0]).runs,
            [
                Run::bold("Жұмыс беруші"),
                Run::plain(" (бұдан әрі) "),
                Run::bold("X")
            ]
        );
    }

    #[test]
    fn headings_are_bold_and_h2_has_space_before() {
        let b = blocks("<h1>ШАРТ</h1><h2>1. Тараптар</h2><p>x</p>");
        assert_eq!(para(&b[0]).runs, [Run::bold("ШАРТ")]);
        assert_eq!(para(&b[0]).align, Align::Center);
        assert_eq!(b[1], Block::Space(6.0));
        assert_eq!(para(&b[2]).runs, [Run::bold("1. Тараптар")]);
        assert_eq!(para(&b[3]).runs, [Run::plain("x")]);
    }

    #[test]
    fn decodes_entities_in_text_and_attributes() {
        let b =
            blocks("<p>&amp; &lt;script&gt; &quot;a&quot; &#39;b&#39; &#1178; &#x4D8;&nbsp;x</p>");
        assert_eq!(para(&b[0]).runs[0].text, "& <script> \"a\" 'b' Қ Ә\u{a0}x");
        assert_eq!(decode_entities("a&laquo;b&raquo;").unwrap(), "a«b»");
    }

    #[test]
    fn an_unknown_entity_or_bare_ampersand_is_an_error() {
        assert!(convert("<p>&foo;</p>", "t").is_err());
        assert!(convert("<p>a & b</p>", "t").is_err());
    }

    #[test]
    fn tables_keep_header_rows_colspan_widths_and_breaks() {
        let b = blocks(
            "<table><col width=\"20%\"><col width=\"80%\">\
             <thead><tr><th colspan=\"2\">Жұмыс</th></tr></thead>\
             <tbody><tr><td>1</td><td class=\"right\">Бір<br>екі</td></tr>\
             <tr><td><b>Ж</b></td><td>x <b>y</b></td></tr></tbody></table>",
        );
        let Block::Table(t) = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(t.widths, [20.0, 80.0]);
        assert_eq!(t.header.len(), 1);
        assert_eq!((t.header[0][0].colspan, t.header[0][0].bold), (2, true));
        assert_eq!(t.rows[0][1].text, "Бір\nекі");
        assert_eq!(t.rows[0][1].align, Align::Right);
        assert!(t.rows[1][0].bold && !t.rows[1][1].bold);
    }

    #[test]
    fn page_break_div_and_lists() {
        let b = blocks(
            "<ol><li>бір</li><li>екі</li></ol><div class=\"page-break\"></div><ul><li>x</li></ul>",
        );
        assert_eq!(para(&b[0]).runs[0].text, "1. бір");
        assert_eq!(para(&b[1]).runs[0].text, "2. екі");
        assert_eq!(b[2], Block::PageBreak);
        assert_eq!(para(&b[3]).runs[0].text, "– x");
    }

    #[test]
    fn br_in_a_paragraph_continues_without_indent() {
        let b = blocks("<p>бір<br>екі</p>");
        assert_eq!(b.len(), 2);
        assert_eq!(
            (para(&b[0]).space_after, para(&b[1]).first_indent),
            (0.0, 0.0)
        );
        assert_eq!(para(&b[1]).runs[0].text, "екі");
    }

    #[test]
    fn unsupported_markup_is_an_error_with_its_line() {
        let err = convert(
            "<p>a</p>\n<p>b</p>\n<img src=\"x.png\">",
            "contract.kk.html.tera",
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("contract.kk.html.tera:3:1:"), "{msg}");
        assert!(msg.contains("<img>"), "{msg}");
        assert!(convert("<p>a<p>b</p>", "t").is_err(), "p inside p");
        assert!(convert("<li>x</li>", "t").is_err());
        assert!(convert("<td>x</td>", "t").is_err());
    }

    #[test]
    fn plain_text_lists_paragraphs_and_cells() {
        let doc = convert(
            "<h1>A</h1><table><tr><td>b</td><td>c</td></tr></table><p>d</p>",
            "t",
        )
        .unwrap();
        assert_eq!(plain_text(&doc), "A\nb\nc\nd\n");
    }
}
