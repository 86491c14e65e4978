//! Line breaking: styled runs → lines of positioned segments, by measured glyph widths.
//!
//! Breaks at spaces and at `\n`; a word wider than the line is cut after a hyphen
//! or slash when possible, else between letters, so no text runs past its box.

use super::font::fonts;
use crate::flow::{Align, Run};

/// A piece of one line, drawn in one style at `x` points from the line's start.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub x: f32,
    pub width: f32,
    pub text: String,
    pub bold: bool,
}

/// One laid-out line: its segments and natural width in points.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LineBox {
    pub segs: Vec<Segment>,
    pub width: f32,
}

impl LineBox {
    /// The line's text as a reader sees it: segments joined, a space where they stand apart.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut end = f32::NEG_INFINITY;
        for s in &self.segs {
            if !out.is_empty() && s.x > end + 0.5 {
                out.push(' ');
            }
            out.push_str(&s.text);
            end = s.x + s.width;
        }
        out
    }
}

/// A word of the input: its text, weight, whether a space precedes it, and width.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    bold: bool,
    space_before: bool,
    width: f32,
    /// A hard line break (`\n`) follows this word.
    hard_break: bool,
}

fn width_of(text: &str, bold: bool, size: f32) -> f32 {
    fonts().face(bold).width(text, size)
}

/// Splits runs into words; a style change inside a word glues the pieces (no space).
fn words(runs: &[Run], size: f32) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut pending_space = false;
    for run in runs {
        let mut cur = String::new();
        for c in run.text.chars() {
            if c == '\n' || c.is_whitespace() {
                flush(&mut out, &mut cur, run.bold, &mut pending_space, size);
                pending_space = true;
                if c == '\n' {
                    hard_break(&mut out);
                }
            } else {
                cur.push(c);
            }
        }
        flush(&mut out, &mut cur, run.bold, &mut pending_space, size);
    }
    out
}

/// Ends the current line; a second `\n` in a row leaves an empty line.
fn hard_break(out: &mut Vec<Word>) {
    match out.last_mut() {
        Some(w) if !w.hard_break => w.hard_break = true,
        Some(_) => out.push(Word {
            text: String::new(),
            bold: false,
            space_before: false,
            width: 0.0,
            hard_break: true,
        }),
        None => {}
    }
}

fn flush(out: &mut Vec<Word>, cur: &mut String, bold: bool, space: &mut bool, size: f32) {
    if cur.is_empty() {
        return;
    }
    let text = std::mem::take(cur);
    out.push(Word {
        width: width_of(&text, bold, size),
        text,
        bold,
        space_before: *space && !out.is_empty(),
        hard_break: false,
    });
    *space = false;
}

/// Cuts a word wider than `avail` into pieces that fit, preferring cuts after `-` or `/`.
fn cut_word(word: &Word, avail: f32, size: f32) -> Vec<Word> {
    let mut pieces = Vec::new();
    let mut rest: &str = &word.text;
    let mut first = true;
    while !rest.is_empty() {
        let cut = fitting_prefix(rest, word.bold, size, avail);
        let (head, tail) = rest.split_at(cut);
        pieces.push(Word {
            width: width_of(head, word.bold, size),
            text: head.to_string(),
            bold: word.bold,
            space_before: first && word.space_before,
            hard_break: false,
        });
        first = false;
        rest = tail;
    }
    if let Some(last) = pieces.last_mut() {
        last.hard_break = word.hard_break;
    }
    pieces
}

/// Byte length of the longest prefix of `s` that fits `avail` (at least one char),
/// moved back to just after a hyphen or slash, or before a parenthesis, when one lies in it.
fn fitting_prefix(s: &str, bold: bool, size: f32, avail: f32) -> usize {
    let face = fonts().face(bold);
    let mut width = 0.0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        width += f32::from(face.advance(c).unwrap_or(250)) * size / 1000.0;
        if width > avail && i > 0 {
            break;
        }
        end = i + c.len_utf8();
    }
    if end >= s.len() {
        return end;
    }
    let after_dash = s[..end]
        .rfind(['-', '/', '–'])
        .map(|p| p + s[p..].chars().next().map_or(1, char::len_utf8));
    let before_paren = s[..end].rfind('(');
    match after_dash.max(before_paren) {
        Some(cut) if cut > 0 && cut < end => cut,
        _ => end,
    }
}

/// Options of one paragraph's line breaking.
#[derive(Debug, Clone, Copy)]
pub struct Measure {
    pub size: f32,
    /// Width of the first line (after a first-line indent).
    pub first_width: f32,
    /// Width of the other lines.
    pub width: f32,
    pub align: Align,
}

/// Breaks `runs` into lines at the measure's widths, aligned within them.
pub fn break_lines(runs: &[Run], m: Measure) -> Vec<LineBox> {
    let space = width_of(" ", false, m.size);
    let mut lines: Vec<(Vec<Word>, bool)> = Vec::new();
    let mut cur: Vec<Word> = Vec::new();
    let mut cur_w = 0.0;
    for word in words(runs, m.size) {
        let pieces = if word.width > m.width {
            cut_word(&word, m.width.max(1.0), m.size)
        } else {
            vec![word]
        };
        for w in pieces {
            let avail = if lines.is_empty() {
                m.first_width
            } else {
                m.width
            };
            let gap = if w.space_before && !cur.is_empty() {
                space
            } else {
                0.0
            };
            if !cur.is_empty() && cur_w + gap + w.width > avail + 0.01 {
                lines.push((std::mem::take(&mut cur), false));
                cur_w = 0.0;
            }
            cur_w += if cur.is_empty() { 0.0 } else { gap } + w.width;
            let hard = w.hard_break;
            cur.push(w);
            if hard {
                lines.push((std::mem::take(&mut cur), true));
                cur_w = 0.0;
            }
        }
    }
    if !cur.is_empty() {
        lines.push((cur, true));
    }
    let n = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(i, (ws, last))| {
            let avail = if i == 0 { m.first_width } else { m.width };
            place(&ws, avail, space, m.align, last || i + 1 == n)
        })
        .collect()
}

/// Positions the words of one line for its alignment; justified lines stretch their gaps.
fn place(ws: &[Word], avail: f32, space: f32, align: Align, last: bool) -> LineBox {
    let gaps = ws.iter().skip(1).filter(|w| w.space_before).count();
    let natural: f32 = ws
        .iter()
        .enumerate()
        .map(|(i, w)| w.width + if i > 0 && w.space_before { space } else { 0.0 })
        .sum();
    let slack = (avail - natural).max(0.0);
    let justify = align == Align::Justify && !last && gaps > 0;
    let (start, gap) = match align {
        Align::Center => (slack / 2.0, space),
        Align::Right => (slack, space),
        _ if justify => (0.0, space + slack / gaps as f32),
        _ => (0.0, space),
    };
    let mut segs: Vec<Segment> = Vec::new();
    let mut x = start;
    for (i, w) in ws.iter().enumerate() {
        let spaced = i > 0 && w.space_before;
        if spaced {
            x += gap;
        }
        match segs.last_mut() {
            Some(s) if s.bold == w.bold && (!spaced || !justify) => {
                if spaced {
                    s.text.push(' ');
                }
                s.text.push_str(&w.text);
                s.width = x + w.width - s.x;
            }
            _ => segs.push(Segment {
                x,
                width: w.width,
                text: w.text.clone(),
                bold: w.bold,
            }),
        }
        x += w.width;
    }
    LineBox {
        segs,
        width: natural,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure(width: f32, align: Align) -> Measure {
        Measure {
            size: 10.0,
            first_width: width,
            width,
            align,
        }
    }

    const TEXT: &str = "Қоғамдық жұмыстар уақытша жұмыс орындарын ашу жолымен ұйымдастырылады";

    #[test]
    fn breaks_lines_within_the_measured_width() {
        let lines = break_lines(&[Run::plain(TEXT)], measure(110.0, Align::Left));
        assert!(lines.len() >= 3, "{lines:?}");
        for l in &lines {
            let end = l.segs.last().map(|s| s.x + s.width).unwrap_or(0.0);
            assert!(end <= 110.01, "line `{}` is {end} pt wide", l.text());
        }
        let joined: Vec<String> = lines.iter().map(LineBox::text).collect();
        assert_eq!(joined.join(" "), TEXT);
    }

    #[test]
    fn wider_glyphs_take_more_lines() {
        let narrow = break_lines(
            &[Run::plain("ііі ііі ііі ііі ііі ііі")],
            measure(40.0, Align::Left),
        );
        let wide = break_lines(
            &[Run::plain("ШШШ ШШШ ШШШ ШШШ ШШШ ШШШ")],
            measure(40.0, Align::Left),
        );
        assert!(
            wide.len() > narrow.len(),
            "{} vs {}",
            wide.len(),
            narrow.len()
        );
    }

    #[test]
    fn cuts_a_word_longer_than_the_column_after_its_hyphen_or_between_letters() {
        let lines = break_lines(
            &[Run::plain("Сұраныс(қатысушы)")],
            measure(40.0, Align::Left),
        );
        assert_eq!(lines[0].text(), "Сұраныс");
        let joined: String = lines.iter().map(LineBox::text).collect();
        assert_eq!(joined, "Сұраныс(қатысушы)");
        let lines = break_lines(
            &[Run::plain("әлеуметтік-мәдени")],
            measure(50.0, Align::Left),
        );
        assert_eq!(lines[0].text(), "әлеуметтік-");
    }

    #[test]
    fn justified_lines_fill_the_width_except_the_last() {
        let lines = break_lines(&[Run::plain(TEXT)], measure(120.0, Align::Justify));
        for l in &lines[..lines.len() - 1] {
            let end = l.segs.last().map(|s| s.x + s.width).unwrap();
            assert!((end - 120.0).abs() < 0.05, "{end}");
        }
        let last = lines.last().unwrap();
        assert!(last.segs.last().map(|s| s.x + s.width).unwrap() < 119.0);
    }

    #[test]
    fn keeps_hard_breaks_and_glues_style_changes() {
        let runs = [Run::bold("1."), Run::plain(" бірінші\nекінші")];
        let lines = break_lines(&runs, measure(500.0, Align::Left));
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text(), "1. бірінші");
        assert!(lines[0].segs[0].bold && !lines[0].segs[1].bold);
        let glued = break_lines(
            &[Run::bold("№"), Run::plain("7")],
            measure(500.0, Align::Left),
        );
        assert_eq!(glued[0].text(), "№7");
    }

    #[test]
    fn right_and_center_alignment_shift_the_line() {
        let r = break_lines(&[Run::plain("Аудан әкімі")], measure(200.0, Align::Right));
        let s = &r[0].segs[0];
        assert!((s.x + s.width - 200.0).abs() < 0.05);
        let c = break_lines(&[Run::plain("Аудан әкімі")], measure(200.0, Align::Center));
        assert!((c[0].segs[0].x - (200.0 - s.width) / 2.0).abs() < 0.05);
    }
}
