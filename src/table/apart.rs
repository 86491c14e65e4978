//! Part 1 rows when pdftotext prints a page's row numbers together, apart from
//! their cells: the page's cells come row by row (organization, works, volume,
//! conditions), then the numbers of the rows that start on the page ("1" "2"
//! "3"), then the last lines of a row torn by the page break, whose rest opens
//! the next page (sometimes glued to the next row's organization).
//!
//! The cells are read as a cycle of column kinds by a dynamic programme over
//! the blocks (cut where a glued cell may start): each piece starts the next
//! cell of its row, starts a new row, continues the same cell, or (after a
//! page break or a number cluster) continues a cell of the torn row. The
//! programme scores each choice by what the text looks like (a volume starts
//! with a number and ends with "дейін"/"до", conditions speak of the
//! unemployed, a name ends with its legal form) and holds the row count to
//! the one part 2 gives and to the numbers printed on each page.

use super::blocks::{Block, Frag};
use super::cycle::{has_cond_word, VOLUME_WORDS};
use super::interleave;
use super::rows::{starts_volume, RawRow, NCOLS};
use super::Log;
use crate::model::RepairKind;
use crate::repair::split_word::{word_core, word_core_into};
use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet};

/// Last words of an organization's name: its legal form.
pub(super) const LEGAL: &[&str] = &[
    "мекемесі",
    "мекеме",
    "кәсіпорны",
    "кәсіпорын",
    "бірлестігі",
    "серіктестігі",
    "қоғамы",
    "филиалы",
    "учреждение",
    "учреждения",
    "предприятие",
    "объединение",
    "товарищество",
    "общество",
    "филиал",
    "бөлімі",
    "бөлімшесі",
    "басқармасы",
    "аппараты",
    "отдел",
    "аппарат",
    "управление",
];
/// Words of a kind of work (help given), rare in a name.
pub(super) const WORK_WORDS: &[&str] = &[
    "көрсету",
    "көмек",
    "көмектесу",
    "жүргізуге",
    "помощь",
    "помощи",
    "оказание",
];

const COND: usize = 3;

/// Cost of an empty cell inside a row.
const EMPTY: f64 = 2.5;
/// Cost of starting a cell inside a block (no blank line before it).
const SPLIT: f64 = 1.5;
/// Cost per row of a count that disagrees with a page's printed numbers.
const MISCOUNT: f64 = 6.0;
/// Cost of continuing a cell with a line that usually opens one.
const OPENER: f64 = 1.5;
/// States kept per step: those within this cost of the best.
const BEAM: f64 = 15.0;
const BEAM_SIZE: usize = 64;

/// A run of lines that may be one cell or part of one.
#[derive(Debug)]
pub(super) struct Piece {
    pub(super) frags: Vec<Frag>,
    /// No blank line before it: it may continue the previous piece's cell.
    pub(super) glued: bool,
    pub(super) page_break: bool,
    /// The same block goes on with a line opening with a number.
    pub(super) before_number: bool,
    /// Columns (bits) this piece would leave unfinished if it ended its cell.
    pub(super) unfinished: u8,
    pub(super) start: [f64; NCOLS],
    pub(super) cont: [f64; NCOLS],
    pub(super) skip: f64,
}

#[derive(Debug)]
pub(super) enum Item {
    Piece(Piece),
    /// Row numbers printed together (first and last).
    Numbers(u32, u32),
}

/// A row number alone on its line.
fn lone_number(f: &Frag) -> Option<u32> {
    let t = f.text.trim();
    (!t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

/// The block as row numbers continuing from `next`, if it is only that.
fn number_run(b: &Block, next: u32) -> Option<(u32, u32)> {
    let ns: Option<Vec<u32>> = b.frags.iter().map(lone_number).collect();
    let ns = ns?;
    let first = *ns.first()?;
    let ok = (first == next || first == next + 1) && ns.windows(2).all(|w| w[1] == w[0] + 1);
    ok.then(|| (first, *ns.last().expect("non-empty")))
}

/// A block as the number scan sees it.
enum Scan {
    /// Row numbers printed together (first and last).
    Numbers(u32, u32),
    /// Block `index` with its first `len` lines as text, and a row number
    /// printed under them with no blank line.
    Text {
        index: usize,
        len: usize,
        number: Option<u32>,
    },
}

/// Finds the printed row numbers 1, 2, 3 … in order (cheap: run first, so a
/// table with its numbers beside its rows costs little more).
fn scan(blocks: &[&Block]) -> Vec<Scan> {
    let mut out = Vec::new();
    let mut next = 1;
    for (i, b) in blocks.iter().enumerate() {
        // A volume's number is not cut from its unit by a page break.
        let volume_follows = blocks
            .get(i + 1)
            .is_some_and(|n| !n.page_break_before && starts_volume(&n.frags));
        if let Some((lo, hi)) = number_run(b, next).filter(|_| !volume_follows) {
            out.push(Scan::Numbers(lo, hi));
            next = hi + 1;
            continue;
        }
        let n = b.frags.len();
        let number = b
            .frags
            .last()
            .and_then(lone_number)
            .filter(|k| *k == next && n > 1 && !volume_follows);
        if let Some(k) = number {
            next = k + 1;
        }
        out.push(Scan::Text {
            index: i,
            len: n - usize::from(number.is_some()),
            number,
        });
    }
    out
}

/// The runs of row numbers printed together (first and last of each).
fn clusters(scanned: &[Scan]) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    let mut after_number = false;
    let add = |lo: u32, hi: u32, after: bool, out: &mut Vec<(u32, u32)>| match out.last_mut() {
        Some(last) if after && last.1 + 1 == lo => last.1 = hi,
        _ => out.push((lo, hi)),
    };
    for s in scanned {
        match *s {
            Scan::Numbers(lo, hi) => {
                add(lo, hi, after_number, &mut out);
                after_number = true;
            }
            Scan::Text { number, .. } => {
                after_number = false;
                if let Some(n) = number {
                    add(n, n, false, &mut out);
                    after_number = true;
                }
            }
        }
    }
    out
}

/// Cuts the blocks into pieces and number clusters, in printed order.
fn items(blocks: &[&Block], scanned: &[Scan], log: &mut Log) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    let cond_lines = condition_lines(blocks);
    // Kinds of work are learned from cells that are neither names nor conditions.
    let known = interleave::Known::learn(blocks, |b| {
        !has_cond_word(&b.frags) && !interleave::reads_as_name(&b.frags, LEGAL, &[])
    });
    for s in scanned {
        match *s {
            Scan::Numbers(lo, hi) => push_numbers(&mut out, lo, hi),
            Scan::Text { index, len, number } => {
                let b = blocks[index];
                let ctx = (&known, &cond_lines);
                push_block(
                    &mut out,
                    &b.frags[..len],
                    (index, b.page_break_before),
                    ctx,
                    log,
                );
                if let Some(n) = number {
                    push_numbers(&mut out, n, n);
                }
            }
        }
    }
    for item in &mut out {
        if let Item::Piece(p) = item {
            score(p, &cond_lines);
        }
    }
    mark_openers(&mut out);
    out
}

/// Pushes a block's pieces, cutting apart two cells printed interleaved.
fn push_block(
    out: &mut Vec<Item>,
    frags: &[Frag],
    (index, page_break): (usize, bool),
    (known, cond_lines): (&interleave::Known, &BTreeSet<String>),
    log: &mut Log,
) {
    // Conditions (long sentences) are never a name beside a work.
    let sentences = has_cond_word(frags)
        || frags
            .iter()
            .any(|f| f.text.contains(". ") || f.text.trim_end().ends_with('.'));
    if sentences {
        if let Some(at) = after_last_sentence(frags) {
            let rest = block_of(frags[at..].to_vec(), false);
            if let Some((name, works)) = interleave::split(&rest, index, known, LEGAL, WORK_WORDS) {
                log_interleaved(&name, &works, log);
                push_pieces(out, &frags[..at], page_break);
                push_pieces(out, &name.frags, false);
                push_pieces(out, &works.frags, false);
                return;
            }
        }
    }
    let whole = block_of(frags.to_vec(), page_break);
    let cut = (!sentences)
        .then(|| interleave::split(&whole, index, known, LEGAL, WORK_WORDS))
        .flatten()
        .or_else(|| {
            split_volume_conditions(frags, cond_lines)
                .map(|(v, c)| (block_of(v, page_break), block_of(c, false)))
        });
    match cut {
        Some((first, second)) => {
            log_interleaved(&first, &second, log);
            push_pieces(out, &first.frags, first.page_break_before);
            push_pieces(out, &second.frags, false);
        }
        None => push_pieces(out, frags, page_break),
    }
}

/// Where the lines after a block's last sentence start, when a capital or a
/// quote opens them and they hold no condition words: the rest of a conditions cell printed
/// above the next row's name, which may be interleaved with its kinds of work
/// ("… төленеді." / "\"Шаған" / "Мектеп аумағын" / …).
fn after_last_sentence(frags: &[Frag]) -> Option<usize> {
    let at = 1 + frags
        .iter()
        .rposition(|f| f.text.trim_end().ends_with('.'))?;
    let rest = frags.get(at..).filter(|r| r.len() >= 3)?;
    let opens_name = rest[0]
        .text
        .starts_with(|c: char| c.is_uppercase() || c == '"' || c == '«');
    (opens_name && !has_cond_word(rest)).then_some(at)
}

/// Cells repeat their wording across rows: a line that opens at least three
/// blocks opens a cell wherever it is printed, so a piece starting with it is
/// not the rest of the cell before it.
pub(super) fn mark_openers(items: &mut [Item]) {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for item in items.iter() {
        if let Item::Piece(p) = item {
            if !p.glued {
                let key = p.frags[0].key();
                match counts.get_mut(key.as_ref()) {
                    Some(n) => *n += 1,
                    None => {
                        counts.insert(key.into_owned(), 1);
                    }
                }
            }
        }
    }
    for item in items.iter_mut() {
        if let Item::Piece(p) = item {
            let key = p.frags[0].key();
            if key.chars().count() >= 5 && counts.get(key.as_ref()).is_some_and(|n| *n >= 3) {
                p.cont.iter_mut().for_each(|c| *c -= OPENER);
            }
        }
    }
}

fn block_of(frags: Vec<Frag>, page_break_before: bool) -> Block {
    Block {
        frags,
        page_break_before,
    }
}

fn log_interleaved(name: &Block, works: &Block, log: &mut Log) {
    let line = name.first_line().min(works.first_line());
    log.repair(
        RepairKind::ColumnMerge,
        line,
        format!("{} (lines interleaved)", name.plain()),
        format!("{} | {}", name.plain(), works.plain()),
    );
}

fn push_numbers(out: &mut Vec<Item>, lo: u32, hi: u32) {
    if let Some(Item::Numbers(_, h)) = out.last_mut() {
        if *h + 1 == lo {
            *h = hi;
            return;
        }
    }
    out.push(Item::Numbers(lo, hi));
}

/// Where a new cell may start inside a block: a line opening with a number
/// (a volume), or a capital or quote after a finished sentence or name.
fn may_start_cell(prev: &Frag, line: &Frag) -> bool {
    let first = line.text.chars().next();
    if first.is_some_and(|c| c.is_ascii_digit()) {
        return true;
    }
    let closed = prev.text.trim_end().ends_with(['.', ')', '"', '»', '”']);
    closed && first.is_some_and(|c| c.is_uppercase() || "\"«“".contains(c))
}

/// The block's lines cut where a new cell may start.
fn cut_points(frags: &[Frag]) -> Vec<&[Frag]> {
    let mut out = Vec::new();
    let mut start = 0;
    for k in 1..=frags.len() {
        if k == frags.len() || may_start_cell(&frags[k - 1], &frags[k]) {
            out.push(&frags[start..k]);
            start = k;
        }
    }
    out
}

fn push_pieces(out: &mut Vec<Item>, frags: &[Frag], page_break: bool) {
    let mut start = 0;
    for k in 1..=frags.len() {
        if k < frags.len() && !may_start_cell(&frags[k - 1], &frags[k]) {
            continue;
        }
        let mut p = piece(
            frags[start..k].to_vec(),
            start > 0,
            page_break && start == 0,
        );
        p.before_number = frags
            .get(k)
            .is_some_and(|f| f.text.starts_with(|c: char| c.is_ascii_digit()));
        out.push(Item::Piece(p));
        start = k;
    }
}

/// A bare piece; its fits are set by [`score`] once the whole part is known.
pub(super) fn piece(frags: Vec<Frag>, glued: bool, page_break: bool) -> Piece {
    Piece {
        frags,
        glued,
        page_break,
        before_number: false,
        unfinished: 0,
        start: [0.0; NCOLS],
        cont: [0.0; NCOLS],
        skip: 0.0,
    }
}

/// Lines of the cells that speak of the unemployed: conditions repeat across
/// rows and wrap the same way in the same column, so a piece made of these
/// lines is a piece of conditions even without the key word.
/// Only lines printed in at least two such blocks count (a line of another
/// cell interleaved into one block does not).
/// A short sentence cut off right after such a cell in the same block is the
/// cell's last sentence ("Уақытылы еңбекақысы" / "төленеді."), counted too.
fn condition_lines(blocks: &[&Block]) -> BTreeSet<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let pieces = blocks.iter().flat_map(|b| {
        let mut after_cond = false;
        cut_points(&b.frags).into_iter().filter(move |frags| {
            let cond = frags.len() >= 3 && has_cond_word(frags);
            after_cond = cond || (after_cond && is_last_sentence(frags));
            after_cond
        })
    });
    for frags in pieces {
        let keys: BTreeSet<String> = frags
            .iter()
            .filter(|f| f.text.chars().count() >= 12)
            .map(|f| f.key().into_owned())
            .collect();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    seen.into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(k, _)| k)
        .collect()
}

/// A short finished sentence (at most three lines) that may close a cell.
fn is_last_sentence(frags: &[Frag]) -> bool {
    let last = frags.last().map_or("", |f| f.text.trim_end());
    frags.len() <= 3 && last.ends_with('.')
}

/// A volume cell and a conditions cell printed interleaved line by line (a
/// line may hold the end of one and a line of the other, even glued): the
/// lines of conditions known from other rows go to the conditions, the rest,
/// when they read as a volume, to the volume. Returns (volume, conditions).
fn split_volume_conditions(
    frags: &[Frag],
    cond_lines: &BTreeSet<String>,
) -> Option<(Vec<Frag>, Vec<Frag>)> {
    let digits = frags
        .iter()
        .any(|f| f.text.starts_with(|c: char| c.is_ascii_digit()));
    if frags.len() < 5 || !digits || !has_cond_word(frags) {
        return None;
    }
    let (mut vol, mut cond) = (Vec::new(), Vec::new());
    for f in frags {
        let key = f.key();
        if cond_lines.contains(key.as_ref()) {
            cond.push(f.clone());
            continue;
        }
        let tail = cond_lines
            .iter()
            .filter(|c| key.len() > c.len() && key.ends_with(c.as_str()))
            .max_by_key(|c| c.len());
        match tail {
            Some(c) => {
                let head = key[..key.len() - c.len()].trim_end();
                vol.push(Frag {
                    text: head.to_string(),
                    ..f.clone()
                });
                cond.push(Frag {
                    text: c.clone(),
                    part: f.part + 1,
                    ..f.clone()
                });
            }
            None => vol.push(f.clone()),
        }
    }
    move_conditions_tail(&mut vol, &mut cond);
    let first_cond = frags
        .iter()
        .position(|f| cond.iter().any(|c| c.no == f.no))?;
    let interleaved = vol.iter().any(|v| v.no > frags[first_cond].no);
    let vol_words: Vec<String> = vol
        .iter()
        .flat_map(|f| f.text.split_whitespace())
        .map(word_core)
        .collect();
    let reads_as_volume = vol_words.iter().any(|w| VOLUME_WORDS.contains(&w.as_str()))
        && vol_words
            .iter()
            .any(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        && !has_cond_word(&vol);
    (cond.len() >= 3 && interleaved && reads_as_volume).then_some((vol, cond))
}

/// Lines left to the volume after its last volume word ("дейін", "до") and
/// after the first line of conditions are the conditions' last sentence: it
/// is short and often its own piece ("Уақытылы еңбекақысы" / "төленеді."),
/// so other rows did not teach it as a line of conditions. A volume ends with
/// its volume word; nothing of it follows.
fn move_conditions_tail(vol: &mut Vec<Frag>, cond: &mut Vec<Frag>) {
    let Some(first_cond) = cond.first().map(|f| (f.no, f.part)) else {
        return;
    };
    let ends_volume = |f: &Frag| {
        f.text
            .split_whitespace()
            .next_back()
            .is_some_and(|w| VOLUME_WORDS.contains(&word_core(w).as_str()))
    };
    let Some(last_end) = vol.iter().rposition(ends_volume) else {
        return;
    };
    let tail = vol.split_off(last_end + 1);
    let (late, early): (Vec<Frag>, Vec<Frag>) =
        tail.into_iter().partition(|f| (f.no, f.part) > first_cond);
    vol.extend(early);
    cond.extend(late);
    cond.sort_by_key(|f| (f.no, f.part));
}

/// Sets what a piece's text looks like, as fits for each column.
fn score(p: &mut Piece, cond_lines: &BTreeSet<String>) {
    let frags = &p.frags;
    let words = Words::of(frags);
    let first = frags
        .first()
        .and_then(|f| f.text.chars().find(|c| !c.is_whitespace()));
    let lines = frags.len();
    let known = frags
        .iter()
        .filter(|f| cond_lines.contains(f.key().as_ref()))
        .count();
    let last_text = frags.last().map_or("", |f| f.text.trim_end());
    let f = Features {
        digit: first.is_some_and(|c| c.is_ascii_digit()),
        lower: first.is_some_and(char::is_lowercase),
        lines,
        vol_word: words.volume,
        cond: (lines >= 2 && has_cond_word(frags)) || 2 * known >= lines.max(1),
        legal: words.last().is_some_and(|w| LEGAL.contains(&w))
            || last_text.ends_with(['"', '»', '”']),
        work: words.work,
        sentence: last_text.ends_with('.'),
    };
    let letters: usize = frags
        .iter()
        .map(|f| f.text.chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    let header_like = letters <= 20 && !frags.iter().any(|f| f.text.contains(char::is_numeric));
    let vol_end = words.last().is_some_and(|w| VOLUME_WORDS.contains(&w));
    let name_end = words.last().is_some_and(|w| LEGAL.contains(&w));
    // A kind of work left with a parenthesis open is unfinished; one closed
    // may still go on (another kind of work), so it is never judged finished.
    let opened = frags
        .iter()
        .map(|f| f.text.matches('(').count())
        .sum::<usize>();
    let closed = frags
        .iter()
        .map(|f| f.text.matches(')').count())
        .sum::<usize>();
    p.unfinished = u8::from(!name_end)
        | u8::from(opened > closed) << 1
        | u8::from(!vol_end) << 2
        | u8::from(!f.sentence) << 3;
    p.start = f.start();
    // A volume may open with a lowercase qualifier before its number
    // ("мүмкіндігі шектеулі" / "20 адамға дейін").
    if f.lower && p.before_number && lines <= 3 && !f.sentence {
        p.start[2] = p.start[2].max(1.0);
    }
    p.cont = f.cont();
    p.skip = if header_like { 0.5 } else { 8.0 };
}

/// What `score` asks of a piece's words (their cores), read in one pass
/// with one buffer instead of a vector of words.
struct Words {
    /// The last non-empty word core, if any.
    last: Option<String>,
    volume: bool,
    work: bool,
}

impl Words {
    fn of(frags: &[Frag]) -> Words {
        let mut out = Words {
            last: None,
            volume: false,
            work: false,
        };
        let mut core = String::new();
        for t in frags.iter().flat_map(|f| f.text.split_whitespace()) {
            word_core_into(t, &mut core);
            if core.is_empty() {
                continue;
            }
            out.volume |= VOLUME_WORDS.contains(&core.as_str());
            out.work |= WORK_WORDS.contains(&core.as_str());
            let last = out.last.get_or_insert_with(String::new);
            std::mem::swap(last, &mut core);
        }
        // A volume's closing word broken into pieces after a page break
        // ("д е й" / "і н", maybe after its unit's last letter "а"): the
        // pieces, all short, spell it.
        let tokens = frags.iter().flat_map(|f| f.text.split_whitespace());
        if !out.volume && tokens.clone().all(|t| t.chars().count() <= 3) {
            let joined: String = tokens.collect();
            word_core_into(&joined, &mut core);
            let closing = VOLUME_WORDS
                .iter()
                .find(|w| core == **w || (w.chars().nth(4).is_some() && core.ends_with(**w)));
            if let Some(w) = closing {
                out.volume = true;
                out.last = Some(w.to_string());
            }
        }
        out
    }

    fn last(&self) -> Option<&str> {
        self.last.as_deref()
    }
}

struct Features {
    digit: bool,
    lower: bool,
    lines: usize,
    vol_word: bool,
    cond: bool,
    legal: bool,
    work: bool,
    sentence: bool,
}

impl Features {
    fn case(&self, lower: f64, upper: f64) -> f64 {
        if self.lower {
            lower
        } else {
            upper
        }
    }

    /// An organization's name ends with its legal form, holds no kind of
    /// work and no finished sentence.
    fn name_fit(&self) -> f64 {
        let mut fit = if self.legal { 1.5 } else { 0.0 };
        if self.work && !self.legal {
            fit -= 1.5;
        }
        if self.sentence {
            fit -= 1.5;
        }
        fit
    }

    fn work_fit(&self) -> f64 {
        (if self.legal { -1.0 } else { 0.0 })
            + (if self.work { 0.5 } else { 0.0 })
            + (if self.sentence { -0.5 } else { 0.0 })
    }

    /// Fits for a piece that opens a cell.
    fn start(&self) -> [f64; NCOLS] {
        if self.digit {
            let vol = if self.vol_word { 4.0 } else { 2.0 };
            return [-4.0, -4.0, vol, -4.0];
        }
        let cond_long = self.cond && self.lines >= 3;
        // A short sentence of conditions ("Уақытылы еңбекақысы төленеді.")
        // opens no name either.
        let cond_pen = if cond_long || (self.cond && self.sentence) {
            3.0
        } else {
            0.0
        };
        let org = self.case(-1.5, 1.0) + self.name_fit() - cond_pen;
        let works = self.case(-0.5, 1.0) + self.work_fit() - if cond_long { 2.5 } else { 0.0 };
        let vol = if self.vol_word && self.lines <= 4 {
            0.5
        } else {
            -4.0
        };
        let cond = if self.cond {
            3.0
        } else if self.lines >= 4 && !self.lower {
            0.0
        } else {
            -2.0
        };
        [org, works, vol, cond]
    }

    /// Fits for a piece that continues a cell begun before it.
    fn cont(&self) -> [f64; NCOLS] {
        let cond_long = self.cond && self.lines >= 3;
        let vol = if self.vol_word && self.lines <= 4 && (self.lower || self.digit) {
            if self.lower {
                3.0
            } else {
                2.0
            }
        } else {
            -4.0
        };
        if self.digit {
            return [-4.0, -3.0, vol, -4.0];
        }
        let org = self.case(0.5, 0.0) + self.name_fit() - if cond_long { 3.0 } else { 0.0 };
        let works = self.case(1.0, 0.3) + self.work_fit() - if cond_long { 2.5 } else { 0.0 };
        let cond = if self.cond {
            2.5
        } else if self.lower && self.lines >= 3 && !self.work {
            0.5
        } else {
            -1.0
        } + if self.sentence { 0.5 } else { 0.0 };
        [org, works, vol, cond]
    }
}

/// Where the reading stands: rows begun, the last column begun in the current
/// row, and the torn zone (0: none; 1: open, nothing continued yet; 2 + k:
/// column k continued last).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Key {
    rows: u16,
    col: u8,
    torn: u8,
    /// Columns (bits) of the current row whose text stops unfinished.
    open: u8,
}

/// Cost of continuing a torn row's cell that looked finished.
const FINISHED: f64 = 1.5;
/// Gain of continuing a torn row's cell that stopped unfinished.
const UNFINISHED: f64 = 0.7;

/// The open columns once `p` ends the cell in column `c`.
fn mark(open: u8, c: usize, p: &Piece) -> u8 {
    let bit = 1u8 << c;
    (open & !bit) | (p.unfinished & bit)
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Act {
    /// Before the first row: left out (a header's torn word).
    Skip,
    /// Continues the previous piece's cell.
    Join,
    /// Opens the cell in this column of the current row.
    Open(u8),
    /// Opens a new row at this column.
    Row(u8),
    /// Continues the torn row's cell in this column.
    Cont(u8),
}

#[derive(Debug, Clone, Copy)]
struct State {
    key: Key,
    cost: f64,
    prev: usize,
    act: Act,
}

/// The column the previous piece went to.
fn last_col(k: Key) -> usize {
    if k.torn >= 2 {
        usize::from(k.torn - 2)
    } else {
        usize::from(k.col)
    }
}

/// Every move from state `s` for piece `p`.
fn moves(s: &State, p: &Piece, expected: u16, rules: Rules, out: &mut Vec<(Key, f64, Act)>) {
    let k = s.key;
    let split = if p.glued { SPLIT } else { 0.0 };
    if k.rows == 0 {
        out.push((k, p.skip, Act::Skip));
    } else if p.glued {
        let c = last_col(k);
        let key = Key {
            open: mark(k.open, c, p),
            ..k
        };
        out.push((key, -0.5 * p.cont[c], Act::Join));
    }
    if k.rows > 0 {
        for c in usize::from(k.col) + 1..NCOLS {
            let cost = split - p.start[c] + EMPTY * (c - usize::from(k.col) - 1) as f64;
            let key = Key {
                col: c as u8,
                torn: 0,
                open: mark(k.open, c, p),
                ..k
            };
            out.push((key, cost, Act::Open(c as u8)));
        }
    }
    if k.rows < expected {
        let unfilled = if k.rows > 0 {
            NCOLS - 1 - usize::from(k.col)
        } else {
            0
        };
        for c in 0..NCOLS {
            let cost = split - p.start[c] + EMPTY * (c + unfilled) as f64;
            let key = Key {
                rows: k.rows + 1,
                col: c as u8,
                torn: 0,
                open: mark(0, c, p),
            };
            out.push((key, cost, Act::Row(c as u8)));
        }
    }
    if k.rows > 0 && k.torn >= 1 {
        let from = if k.torn >= 2 {
            usize::from(k.torn - 1) - usize::from(rules.repeat)
        } else {
            0
        };
        for c in from..=usize::from(k.col) {
            let key = Key {
                torn: c as u8 + 2,
                open: mark(k.open, c, p),
                ..k
            };
            let state = if k.open & (1 << c) != 0 {
                -UNFINISHED
            } else if rules.judged & (1 << c) == 0 {
                0.0
            } else {
                FINISHED
            };
            out.push((key, split - p.cont[c] + state, Act::Cont(c as u8)));
        }
    }
}

/// Keeps the cheapest state per key (the first generated among equally
/// cheap ones), then the best few.
fn prune(mut cands: Vec<State>) -> Vec<State> {
    // The floor is the same over all candidates as over the best per key, so
    // the candidates beyond the beam are dropped first (exactly).
    let floor = cands.iter().map(|s| s.cost).fold(f64::INFINITY, f64::min);
    cands.retain(|s| s.cost <= floor + BEAM);
    // One pass in generation order: a later state replaces its key's keeper
    // only when strictly cheaper (hundreds of candidates per piece; sorting
    // them all to find each key's keeper cost more than the search itself).
    let mut at: FxHashMap<Key, usize> = FxHashMap::default();
    let mut kept: Vec<State> = Vec::with_capacity(cands.len());
    for s in cands {
        match at.entry(s.key) {
            Entry::Occupied(e) => {
                let keeper = &mut kept[*e.get()];
                if s.cost < keeper.cost {
                    *keeper = s;
                }
            }
            Entry::Vacant(e) => {
                e.insert(kept.len());
                kept.push(s);
            }
        }
    }
    // Keys are unique now, so this order is total and needs no stable sort.
    // (Costs are sums of finite steps from 0.0: never NaN nor -0.0, so
    // `total_cmp` orders them as `<=` does.)
    kept.sort_unstable_by(|a, b| a.cost.total_cmp(&b.cost).then(a.key.cmp(&b.key)));
    kept.truncate(BEAM_SIZE);
    kept
}

/// The cheapest reading of the pieces as `expected` rows: one act per piece.
/// What a layout allows the reading.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rules {
    /// Columns (bits) whose cells can be judged finished or not.
    pub judged: u8,
    /// A torn row's rest may come back to the column it continued last (a
    /// justified cell's word printed alone after a blank line).
    pub repeat: bool,
}

pub(super) fn read(items: &[Item], expected: u16, rules: Rules) -> Option<Vec<Act>> {
    let start = State {
        key: Key {
            rows: 0,
            col: (NCOLS - 1) as u8,
            torn: 0,
            open: 0,
        },
        cost: 0.0,
        prev: 0,
        act: Act::Skip,
    };
    let mut steps: Vec<Vec<State>> = Vec::new();
    let mut cur = vec![start];
    let mut buf = Vec::new();
    for item in items {
        match item {
            Item::Numbers(lo, hi) => {
                for s in &mut cur {
                    let r = u32::from(s.key.rows);
                    let off = r.abs_diff(*hi).min(r.abs_diff(lo - 1));
                    s.cost += MISCOUNT * f64::from(off);
                    if s.key.rows > 0 {
                        s.key.torn = 1;
                    }
                }
            }
            Item::Piece(p) => {
                let mut cands = Vec::with_capacity(cur.len() * (3 * NCOLS + 1));
                for (i, s) in cur.iter().enumerate() {
                    let mut s = *s;
                    if p.page_break && s.key.rows > 0 {
                        s.key.torn = 1;
                    }
                    buf.clear();
                    moves(&s, p, expected, rules, &mut buf);
                    cands.extend(buf.iter().map(|&(key, c, act)| State {
                        key,
                        cost: s.cost + c,
                        prev: i,
                        act,
                    }));
                }
                steps.push(std::mem::replace(&mut cur, prune(cands)));
            }
        }
    }
    steps.push(cur);
    let last = steps.last().expect("pushed");
    let end = last
        .iter()
        .enumerate()
        .filter(|(_, s)| s.key.rows == expected)
        .min_by(|a, b| {
            let ca = a.1.cost + EMPTY * (NCOLS - 1 - usize::from(a.1.key.col)) as f64;
            let cb = b.1.cost + EMPTY * (NCOLS - 1 - usize::from(b.1.key.col)) as f64;
            ca.total_cmp(&cb)
        })?
        .0;
    let mut acts = Vec::new();
    let mut at = end;
    for k in (1..steps.len()).rev() {
        let s = steps[k][at];
        acts.push(s.act);
        at = s.prev;
    }
    acts.reverse();
    Some(acts)
}

/// Reads part 1 rows from the cell cycle when the blocks hold the row numbers
/// printed apart; `None` when they do not, or no reading gives the row count
/// (the last number printed, else part 2's `expected`).
pub fn rows(blocks: &[&Block], expected: usize, log: &mut Log) -> Option<Vec<RawRow>> {
    let scanned = scan(blocks);
    let clusters = clusters(&scanned);
    if !clusters.iter().any(|(lo, hi)| hi > lo) {
        return None;
    }
    let items = items(blocks, &scanned, log);
    let expected = printed_count(&clusters).unwrap_or(expected);
    let expected = u16::try_from(expected).ok().filter(|n| *n > 0)?;
    let pieces: Vec<&Piece> = items
        .iter()
        .filter_map(|i| match i {
            Item::Piece(p) => Some(p),
            Item::Numbers(..) => None,
        })
        .collect();
    // Whether a name, a volume and conditions look finished can be judged;
    // a list of works cannot.
    let rules = Rules {
        judged: 0b1101,
        repeat: false,
    };
    let acts = read(&items, expected, rules)?;
    let rows = build(&pieces, &acts, log);
    log.warn(
        rows.first().map_or(0, |r| r.line),
        "row numbers printed apart from their rows: rows read from the order of their cells"
            .to_string(),
    );
    warn_empty(&rows, log);
    Some(rows)
}

/// A cell the reading left empty is named, so a person checks that row.
fn warn_empty(rows: &[RawRow], log: &mut Log) {
    const NAMES: [&str; NCOLS] = ["organization", "kinds of work", "volume", "conditions"];
    for r in rows {
        for (c, name) in NAMES.iter().enumerate() {
            if r.cells[c].is_empty() {
                log.warn(
                    r.line,
                    format!(
                        "row {}: no {name} found among its cells (left empty)",
                        r.number
                    ),
                );
            }
        }
        let cond_open = r.cells[COND]
            .last()
            .is_some_and(|f| !f.text.trim_end().ends_with('.'));
        if cond_open {
            log.warn(
                r.line,
                format!(
                    "row {}: conditions stop in the middle of a sentence (their rest was not found)",
                    r.number
                ),
            );
        }
    }
}

/// The row count the printed row numbers give, if they give one: the most rows
/// `rows` can read.
pub fn printed_rows(blocks: &[&Block]) -> Option<usize> {
    printed_count(&clusters(&scan(blocks)))
}

/// The row count the printed numbers give, when they run from 1 without a
/// gap of more than one number: part 1's own count, truer than part 2's.
fn printed_count(clusters: &[(u32, u32)]) -> Option<usize> {
    let mut last = 0;
    for &(lo, hi) in clusters {
        if lo > last + 2 {
            return None;
        }
        last = hi;
    }
    (last > 0).then_some(last as usize)
}

/// Puts each piece where its act says.
pub(super) fn build(pieces: &[&Piece], acts: &[Act], log: &mut Log) -> Vec<RawRow> {
    let mut rows: Vec<RawRow> = Vec::new();
    let mut col = 0usize;
    for (p, act) in pieces.iter().zip(acts) {
        match *act {
            Act::Skip => {
                for f in &p.frags {
                    log.unplaced(
                        f.no,
                        &f.text,
                        "text printed before row 1 that could not be placed in a row",
                    );
                }
                continue;
            }
            Act::Join => {}
            Act::Open(c) => col = usize::from(c),
            Act::Row(c) => {
                rows.push(RawRow::numbered(rows.len() as u32 + 1));
                col = usize::from(c);
            }
            Act::Cont(c) => {
                col = usize::from(c);
                log.moved_lines(
                    &p.frags,
                    format!("moved to row {}, column {}", rows.len(), col + 2),
                );
            }
        }
        let row = rows.last_mut().expect("a row is open after the first cell");
        row.cells[col].extend(p.frags.iter().cloned());
    }
    for r in &mut rows {
        r.line = r.cells.iter().flatten().map(|f| f.no).min().unwrap_or(0);
        r.cells
            .iter_mut()
            .for_each(|c| c.sort_by_key(|f| (f.no, f.part)));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str, first: usize, page_break: bool) -> Block {
        Block::of_lines(first, text.lines(), page_break)
    }

    const COND_TEXT: &str =
        "Қоғамдық жұмыстар уақытша жұмыс\nорындарын ашу жолымен\nтек жұмыссыздар үшін.";

    #[test]
    fn a_volumes_closing_word_in_short_pieces_reads_as_a_volume() {
        let words = |text: &str| Words::of(&block(text, 1, true).frags);
        let broken = words("дей\nін");
        assert!(broken.volume);
        assert_eq!(broken.last(), Some("дейін"));
        assert!(words("а\nде\nйі\nн").volume);
        assert!(!words("жіберуді\nаудандық").volume);
        assert!(!words("ме\nтр").volume);
    }

    #[test]
    fn a_line_key_is_the_lines_words_one_space_apart() {
        for text in [
            "",
            "Уақытылы еңбекақысы",
            "Уақытылы  еңбекақысы",
            " төленеді.",
            "төленеді. ",
            "а\u{a0}б",
            "а\tб",
            "а б в",
            "а\u{2003}б",
            "а\u{3000}б",
            "а\u{1680}б",
            "а\u{85}б",
            "«Ә» — ё",
            "\u{c} а",
            "а\u{b}б",
        ] {
            let f = Frag {
                text: text.to_string(),
                ..Frag::new(1, "")
            };
            let want = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(f.key(), want, "{text:?}");
        }
        // Every white space character between two words.
        for c in (0..0x3001u32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
        {
            let text = format!("а{c}б");
            assert!(
                !crate::repair::join::is_collapsed(&text) || c == ' ',
                "{c:?}"
            );
        }
    }

    #[test]
    fn a_short_last_sentence_after_conditions_is_learned_with_them() {
        let text = "Қоғамдық жұмыстар\nтек жұмыссыздар үшін\nеңбек шарты жасалады.\nУақытылы еңбекақысы\nтөленеді.\n\"Ақ бұлақ\" мекемесі";
        let a = block(text, 1, false);
        let b = block(text, 20, false);
        let lines = condition_lines(&[&a, &b]);
        assert!(lines.contains("Уақытылы еңбекақысы"));
        // The next cell, a name, is not a sentence: not learned.
        assert!(!lines.contains("\"Ақ бұлақ\" мекемесі"));
    }

    #[test]
    fn cuts_a_volume_interleaved_with_known_conditions() {
        let cond = block(
            "Қоғамдық жұмыстар\nуақытша жұмыс\nорындарын ашу жолымен\nұйымдастырылады және",
            1,
            false,
        );
        let again = block(
            "Қоғамдық жұмыстар\nуақытша жұмыс\nорындарын ашу жолымен\nұйымдастырылады және",
            10,
            false,
        );
        let mixed = block(
            "300\nҚоғамдық жұмыстар\nқұжатқа\nуақытша жұмыс\nдейін орындарын ашу жолымен\nұйымдастырылады және",
            20,
            false,
        );
        // "жұмыссыз" marks the cells of conditions.
        let mut with_word = mixed.clone();
        with_word.frags.push(Frag::new(26, "тек жұмыссыздар үшін"));
        let mut c1 = cond.clone();
        c1.frags.push(Frag::new(5, "тек жұмыссыздар үшін"));
        let mut c2 = again.clone();
        c2.frags.push(Frag::new(14, "тек жұмыссыздар үшін"));
        let lines = condition_lines(&[&c1, &c2]);
        let (vol, cond) = split_volume_conditions(&with_word.frags, &lines).expect("interleaved");
        let text = |f: &[Frag]| {
            f.iter()
                .map(|f| f.text.as_str())
                .collect::<Vec<_>>()
                .join(" / ")
        };
        assert_eq!(text(&vol), "300 / құжатқа / дейін");
        assert_eq!(
            text(&cond),
            "Қоғамдық жұмыстар / уақытша жұмыс / орындарын ашу жолымен / ұйымдастырылады және / тек жұмыссыздар үшін"
        );
        // Conditions alone are left whole.
        assert!(split_volume_conditions(&c1.frags, &lines).is_none());
        // The conditions' last sentence, unknown to other rows, follows the
        // volume's last word: it is the conditions' tail, not the volume's.
        let mut tail = with_word.clone();
        tail.frags.push(Frag::new(27, "Уақытылы еңбекақысы"));
        tail.frags.push(Frag::new(28, "төленеді."));
        let (vol, cond) = split_volume_conditions(&tail.frags, &lines).expect("interleaved");
        assert_eq!(text(&vol), "300 / құжатқа / дейін");
        assert!(text(&cond).ends_with("үшін / Уақытылы еңбекақысы / төленеді."));
    }

    #[test]
    fn cuts_a_conditions_tail_off_an_interleaved_name_and_work() {
        let work = block("Мектеп аумағын\nжинауға көмек\nкөрсету", 1, false);
        let text = "жеке еңбек шарты жасалады.\nУақытылы еңбекақысы төленеді.\n\"Шаған\nМектеп аумағын\nбөбекжай-балабақшасы\" жинауға көмек көрсету\nмемлекеттік\nқазыналық кәсіпорны";
        let mixed = block(text, 10, true);
        assert_eq!(after_last_sentence(&mixed.frags), Some(2));
        let known = interleave::Known::learn(&[&work, &mixed], |b| b.first_line() == 1);
        let (mut out, mut log) = (Vec::new(), Log::default());
        let ctx = (&known, &BTreeSet::new());
        push_block(&mut out, &mixed.frags, (1, true), ctx, &mut log);
        let pieces: Vec<String> = out
            .iter()
            .filter_map(|i| match i {
                Item::Piece(p) => Some(
                    p.frags
                        .iter()
                        .map(|f| f.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                ),
                _ => None,
            })
            .collect();
        assert_eq!(
            pieces.last().map(String::as_str),
            Some("Мектеп аумағын жинауға көмек көрсету")
        );
        assert!(pieces.contains(
            &"\"Шаған бөбекжай-балабақшасы\" мемлекеттік қазыналық кәсіпорны".to_string()
        ));
        assert!(pieces[0].starts_with("жеке еңбек шарты жасалады."));
        assert_eq!(log.repairs.len(), 1);
        // Conditions alone have no name after their last sentence.
        let cond = block(COND_TEXT, 30, false);
        assert_eq!(after_last_sentence(&cond.frags), None);
    }

    #[test]
    fn a_short_sentence_of_conditions_opens_no_name() {
        let frags = vec![
            Frag::new(1, "Уақытылы еңбекақысы"),
            Frag::new(2, "төленеді."),
        ];
        let lines: BTreeSet<String> = [frags[0].key().into_owned()].into_iter().collect();
        let mut p = piece(frags, false, false);
        score(&mut p, &lines);
        assert!(p.start[0] < p.start[3] - 3.0, "{:?}", p.start);
        assert!(p.start[0] < 0.0);
    }

    #[test]
    fn reads_rows_whose_numbers_follow_the_page() {
        let blocks = [
            block(
                "\"Аудан әкімінің\nаппараты\"\nмемлекеттік мекемесі",
                1,
                false,
            ),
            block("Құжаттарды тігу", 10, false),
            block("500 құжатқа\nдейін", 20, false),
            block(COND_TEXT, 30, false),
            block("\"Орта мектебі\"\nкоммуналдық\nмекемесі", 40, false),
            block("Аумақты жинау", 50, false),
            block("300 шаршы", 60, false),
            block("Қоғамдық жұмыстар уақытша жұмыс\nорындарын ашу", 70, false),
            block("1", 80, false),
            block("2", 82, false),
            block("метрге дейін", 90, true),
            block(
                "жолымен\nтек жұмыссыздар үшін.\n\"Ауыл округі\"\nмемлекеттік мекемесі",
                100,
                false,
            ),
            block("Көшелерді тазалау", 110, false),
            block("1000 шаршы метрге\nдейін", 120, false),
            block(COND_TEXT, 130, false),
            block("3", 140, false),
        ];
        let refs: Vec<&Block> = blocks.iter().collect();
        let mut log = Log::default();
        let rows = rows(&refs, 3, &mut log).expect("three rows");
        let texts =
            |r: &RawRow, c: usize| -> Vec<usize> { r.cells[c].iter().map(|f| f.no).collect() };
        assert_eq!(texts(&rows[0], 0), vec![1, 2, 3]);
        assert_eq!(texts(&rows[1], 2), vec![60, 90]);
        assert_eq!(texts(&rows[1], 3), vec![70, 71, 100, 101]);
        assert_eq!(texts(&rows[2], 0), vec![102, 103]);
        assert_eq!(texts(&rows[2], 1), vec![110]);
        assert_eq!(texts(&rows[2], 3), vec![130, 131, 132]);
    }
}
