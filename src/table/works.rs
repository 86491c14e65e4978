//! Kinds of work paired with their volumes: a volume cell holding several
//! volumes means as many kinds of work, cut apart at the works cell's line
//! ends that look most like the end of one kind of work.

use super::blocks::Frag;
use super::cell::{rejoin_quiet, render, render_keeping};
use super::Log;
use crate::model::{RepairKind, Work};
use crate::repair::split_word::{decide, word_core, Join, Vocab};
use std::collections::BTreeSet;

/// Words that end a volume ("… құжатқа дейін").
const VOLUME_ENDS: &[&str] = &["дейін", "шейін"];
/// Words that open a volume before its number ("до 1000 документов").
const VOLUME_STARTS: &[&str] = &["до", "не"];

/// The volumes of a volume cell, one number each. The narrow column breaks
/// words and numbers across lines ("метрг" / "е", "2 0 0" / "0") and prints
/// the next volume's "до" on the line after the previous unit: the lines are
/// first cut into volumes, then each volume's pieces are joined where the
/// joined word occurs in the document, and the rest rendered as any cell.
pub fn volumes(frags: &[Frag], lex: &Lexicon, log: &mut Log) -> Vec<String> {
    volume_groups(frags)
        .iter()
        .flat_map(|g| {
            let (frags, kept) = join_known(g, lex, log);
            split_volumes(&render_keeping(&frags, &kept, lex.vocab, log))
        })
        .collect()
}

/// The words a volume may be made of: the document's words, and the words
/// its volume cells gave when their pieces were joined (words the document
/// never prints whole). The column breaks the
/// same unit differently in different rows ("квадратны" / "х", "квадрат" /
/// "ных"), so a word joined in one row is evidence in the others.
pub struct Lexicon<'a> {
    pub vocab: &'a Vocab,
    joined: BTreeSet<String>,
}

impl<'a> Lexicon<'a> {
    /// Learns the joined words from every volume cell (a first, quiet pass).
    pub fn learn<'f>(cells: impl Iterator<Item = &'f [Frag]>, vocab: &'a Vocab) -> Lexicon<'a> {
        let mut lex = Lexicon {
            vocab,
            joined: BTreeSet::new(),
        };
        let mut quiet = Log::default();
        let mut found = BTreeSet::new();
        for cell in cells {
            for g in volume_groups(cell) {
                let (frags, kept) = join_known(&g, &lex, &mut quiet);
                let text = render_keeping(&frags, &kept, vocab, &mut quiet);
                let words = text.split_whitespace().map(word_core);
                found.extend(words.filter(|w| !vocab.knows(w)));
            }
        }
        // A join of two words found or printed elsewhere is a line's lone
        // pieces glued one too many ("шар" / "шы" / "м е" / "т р" / "ге" as
        // "шаршыметрге" beside "шаршы" and "метрге"): no evidence for others.
        let two_words = |w: &String| {
            let known = |p: &str| found.contains(p) || vocab.knows(p);
            let cuts = w.char_indices().map(|(i, _)| i).skip(MIN_PART);
            cuts.filter(|&i| w[i..].chars().nth(MIN_PART - 1).is_some())
                .any(|i| known(&w[..i]) && known(&w[i..]))
        };
        lex.joined = found.iter().filter(|w| !two_words(w)).cloned().collect();
        lex
    }

    fn knows(&self, word: &str) -> bool {
        self.vocab.knows(word) || self.joined.contains(word)
    }
}

/// The fewest letters of each word that a found word must split into to be
/// read as two words glued.
const MIN_PART: usize = 4;

/// What one volume has read so far.
#[derive(Default)]
struct Seen {
    number: bool,
    unit: bool,
    /// The volume's closing word ("дейін") came after its number.
    ended: bool,
}

/// Lines cut into volumes: a new volume starts at a number, or at a volume's
/// opening word ("до") before a number, once the current one has a number
/// and a unit, and after a volume's closing word ("дейін": the words before
/// the next number, "мүмкіндігі шектеулі 40 адамға дейін", are the next
/// volume's). Digits printed on the next line continue the number.
fn volume_groups(frags: &[Frag]) -> Vec<Vec<Frag>> {
    let mut groups: Vec<Vec<Frag>> = Vec::new();
    let mut seen = Seen::default();
    for (i, f) in frags.iter().enumerate() {
        let first = f.text.split_whitespace().next().unwrap_or("");
        let opens_number = starts_with_digit(first) && !continues_number(&groups, &seen, f);
        let opens_word = VOLUME_STARTS.contains(&word_core(first).as_str())
            && (f
                .text
                .split_whitespace()
                .nth(1)
                .is_some_and(starts_with_digit)
                || frags.get(i + 1).is_some_and(|n| starts_with_digit(&n.text)));
        let new = groups.is_empty()
            || seen.ended
            || (seen.number && (opens_number || (seen.unit && opens_word)));
        if new {
            groups.push(Vec::new());
            seen = Seen::default();
        }
        for t in f.text.split_whitespace() {
            if starts_with_digit(t) {
                seen.number = true;
            } else if seen.number {
                seen.unit = true;
                seen.ended |= VOLUME_ENDS.contains(&word_core(t).as_str());
            }
        }
        groups.last_mut().expect("pushed above").push(f.clone());
    }
    groups
}

/// Digits after a line ending in digits, before any unit: the rest of a
/// number the column was too narrow for (no volume is a bare number).
fn continues_number(groups: &[Vec<Frag>], seen: &Seen, f: &Frag) -> bool {
    let prev_digits = groups
        .last()
        .and_then(|g| g.last())
        .and_then(|p| p.text.split_whitespace().last())
        .is_some_and(all_digits);
    seen.number && !seen.unit && prev_digits && f.text.starts_with(|c: char| c.is_ascii_digit())
}

pub(super) fn all_digits(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
}

/// Joins a line's last word with the next lines' first pieces where
/// `known_join` finds one word; each join logged. Lines of single letters
/// ("д е", "й і") are first read as letter-spaced.
/// Returns the lines and, for each, whether it was made by a join.
fn join_known(group: &[Frag], lex: &Lexicon, log: &mut Log) -> (Vec<Frag>, Vec<bool>) {
    let group: Vec<Frag> = group.iter().map(|f| unspace_short(f, log)).collect();
    let mut out: Vec<Frag> = Vec::new();
    let mut kept: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < group.len() {
        let start = i;
        let mut cur = group[i].clone();
        i += 1;
        while let Some(k) = known_join(&cur.text, &group[i..], lex) {
            let pieces: Vec<&str> = group[i..i + k].iter().map(|f| f.text.as_str()).collect();
            let before = format!("{} / {}", cur.text, pieces.join(" / "));
            cur.text = format!("{}{}", cur.text, pieces.concat());
            log.repair(RepairKind::SplitWord, cur.no, before, cur.text.clone());
            i += k;
        }
        // A line's letter-spacing says its first word may continue the line
        // before; once its pieces make a word the document knows, it does not.
        let joined = cur.text != group[start].text;
        let last = cur.text.split_whitespace().last().map(word_core);
        if joined && last.is_some_and(|w| lex.knows(&w)) {
            cur.spaced = false;
        }
        kept.push(joined);
        out.push(cur);
    }
    (out, kept)
}

/// A volume line of two or more single lowercase letters ("д е") or digits
/// ("3 0"): too short for the letter-spacing repair, but no volume has two
/// one-letter words or two numbers on one line.
fn unspace_short(f: &Frag, log: &mut Log) -> Frag {
    let tokens: Vec<&str> = f.text.split_whitespace().collect();
    let single = |t: &&str| crate::repair::spaced::is_lone_small_letter(t);
    let digit = |t: &&str| t.chars().count() == 1 && all_digits(t);
    // The run of single letters (or digits) the line opens with ("г е дейін").
    let run = tokens.iter().take_while(|t| single(t)).count();
    let run = if run == 0 {
        tokens.iter().take_while(|t| digit(t)).count()
    } else {
        run
    };
    let mut parts: Vec<String> = if run >= 2 {
        let mut p = vec![tokens[..run].concat()];
        p.extend(tokens[run..].iter().map(|t| t.to_string()));
        p
    } else {
        match digits_apart(&tokens) {
            Some(p) => p,
            None => return f.clone(),
        }
    };
    parts.retain(|p| !p.is_empty());
    let text = parts.join(" ");
    log.repair(
        RepairKind::SpacedLetters,
        f.no,
        f.text.clone(),
        text.clone(),
    );
    Frag {
        text,
        spaced: true,
        ..f.clone()
    }
}

/// The line's tokens with its one run of two or more single digits joined,
/// wherever it sits ("і 1 5 адамға": a letter-spaced word's end, then its
/// number): no volume line holds two numbers.
fn digits_apart(tokens: &[&str]) -> Option<Vec<String>> {
    let digit = |t: &str| t.chars().count() == 1 && all_digits(t);
    let start = tokens.iter().position(|t| digit(t))?;
    let len = tokens[start..].iter().take_while(|t| digit(t)).count();
    if len < 2 || tokens[start + len..].iter().any(|t| starts_with_digit(t)) {
        return None;
    }
    let mut out: Vec<String> = tokens[..start].iter().map(|t| t.to_string()).collect();
    out.push(tokens[start..start + len].concat());
    out.extend(tokens[start + len..].iter().map(|t| t.to_string()));
    Some(out)
}

/// How many of the next lines continue `text`'s last word: digits continue
/// digits; a word joins when the joined word is printed whole in the
/// document; a lone piece of one or two letters is a word's tail unless it
/// starts a word the document knows with the lines after it.
fn known_join(text: &str, next: &[Frag], lex: &Lexicon) -> Option<usize> {
    let left = text.split_whitespace().last()?;
    let right = next.first()?.text.split_whitespace().next()?;
    if all_digits(left) {
        return all_digits(right).then_some(1);
    }
    if !left.chars().last().is_some_and(char::is_alphabetic)
        || !right.chars().next().is_some_and(char::is_lowercase)
    {
        return None;
    }
    if let Some(k) = chain_known(&word_core(left), next, lex) {
        return Some(k);
    }
    let starts_own = next.len() > 1 && chain_known("", next, lex).is_some_and(|k| k > 1);
    let tail = right.chars().count() <= 2
        && right.chars().all(char::is_alphabetic)
        && !VOLUME_STARTS.contains(&right);
    (tail && !starts_own).then_some(1)
}

/// The fewest next lines (up to three, all but the last a single piece) whose
/// first pieces, after `head`, make a word the document prints whole.
fn chain_known(head: &str, next: &[Frag], lex: &Lexicon) -> Option<usize> {
    let mut word = head.to_string();
    for (k, f) in next.iter().take(3).enumerate() {
        let mut tokens = f.text.split_whitespace();
        let piece = tokens.next()?;
        if !piece.chars().next().is_some_and(char::is_lowercase) {
            return None;
        }
        word.push_str(&word_core(piece));
        if (k > 0 || !head.is_empty()) && lex.knows(&word) {
            return Some(k + 1);
        }
        if tokens.next().is_some() {
            return None;
        }
    }
    None
}

/// Words of the works column printed on a volume's line ("ведении до 250"),
/// to go back into the kind of work of that volume.
#[derive(Debug, Clone)]
pub struct Strayed {
    /// Which volume of the cell the line opens.
    pub volume: usize,
    pub frag: Frag,
}

/// Lines where a wide works column and the volume column were printed as one
/// line: "Помощь в ремонте школьной до 20 мест" in the works cell gives its
/// volume ("до 20 мест") to the volume cell; "ведении до 250" in the volume
/// cell gives its leading words back to the works column. Each cut logged.
pub fn unmerge(
    works: &mut [Frag],
    vols: &mut Vec<Frag>,
    units: &Units,
    log: &mut Log,
) -> Vec<Strayed> {
    let mut moved = Vec::new();
    for i in 0..works.len() {
        if let Some((head, tail)) = cut_at_volume(&works[i], log) {
            works[i] = head;
            let bare = tail.text.split_whitespace().last().is_some_and(all_digits);
            moved.push(tail);
            if bare {
                moved.extend(take_units(&mut works[i + 1..], units, log));
            }
        }
    }
    vols.extend(moved);
    vols.sort_by_key(|f| (f.no, f.part));
    // Each strayed line with the line of the volume it goes with.
    let mut strayed: Vec<(Frag, usize)> = Vec::new();
    let mut kept = Vec::with_capacity(vols.len());
    // Each volume line cut once: the cuts find the works around them, and
    // the lines that are no such work keep their cut (and its log).
    let cuts: Vec<(Option<(Frag, Frag)>, Log)> = vols
        .iter()
        .map(|f| {
            let mut own = Log::default();
            (cut_at_volume(f, &mut own), own)
        })
        .collect();
    let tails: Vec<Option<&Frag>> = cuts
        .iter()
        .map(|(cut, _)| cut.as_ref().map(|(_, tail)| tail))
        .collect();
    let around = works_around_cuts(vols, &tails, units);
    for ((k, f), (cut, own)) in vols.drain(..).enumerate().zip(cuts) {
        if let Some(anchor) = around[k] {
            log.repair(
                RepairKind::ColumnMerge,
                f.no,
                f.text.clone(),
                format!("{} | (kind of work)", f.text),
            );
            strayed.push((f, anchor));
            continue;
        }
        log.append(own);
        match cut {
            Some((head, tail)) => {
                strayed.push((head, f.no));
                kept.push(tail);
            }
            None => kept.push(f),
        }
    }
    *vols = kept;
    strayed.sort_by_key(|(f, _)| (f.no, f.part));
    let groups = volume_groups(vols);
    strayed
        .into_iter()
        .map(|(frag, anchor)| {
            let at = groups
                .iter()
                .position(|g| g.iter().any(|v| v.no == anchor))
                .unwrap_or(0);
            Strayed { volume: at, frag }
        })
        .collect()
}

/// Lines of a kind of work printed in the volume cell around a line that
/// holds both ("Обработка" / "документов, до 750" / "сдаваемых в архив" /
/// "документов"): before it, lines without a number or a volume word; after
/// it, when its volume ends in a bare number, the lines up to the one that
/// ends with a unit the document ends volumes with. Each with its anchor.
/// `tails` holds each line's volume when the line cuts (see `cut_at_volume`).
fn works_around_cuts(vols: &[Frag], tails: &[Option<&Frag>], units: &Units) -> Vec<Option<usize>> {
    let mut out = vec![None; vols.len()];
    let plain = |f: &Frag| {
        !f.text.chars().any(|c| c.is_ascii_digit())
            && !f
                .text
                .split_whitespace()
                .any(|t| super::cycle::VOLUME_WORDS.contains(&word_core(t).as_str()))
    };
    let unit_end = |f: &Frag| {
        f.text
            .split_whitespace()
            .last()
            .is_some_and(|t| units.last.contains(&word_core(t)))
    };
    for c in 0..vols.len() {
        let Some(tail) = tails[c] else {
            continue;
        };
        let anchor = vols[c].no;
        // Before it only at the block's start: no volume line above them.
        let mut b = c;
        while b > 0
            && vols[b - 1].no + 1 == vols[b].no
            && plain(&vols[b - 1])
            && !unit_end(&vols[b - 1])
        {
            b -= 1;
        }
        if b == 0 || vols[b - 1].no + 1 != vols[b].no {
            (b..c).for_each(|j| out[j] = Some(anchor));
        }
        if !tail.text.split_whitespace().last().is_some_and(all_digits) {
            continue;
        }
        let run = (c + 1..vols.len())
            .take_while(|&j| vols[j].no == vols[j - 1].no + 1 && plain(&vols[j]))
            .collect::<Vec<_>>();
        // The unit ends the run; or, cut by a page break, its letter-spaced
        // start (a narrow column's word) ends the block.
        let spaced_end = run.last().is_some_and(|&j| {
            vols[j].spaced && vols.get(j + 1).is_none_or(|n| n.no != vols[j].no + 1)
        });
        let end = run
            .iter()
            .position(|&j| unit_end(&vols[j]))
            .or_else(|| spaced_end.then(|| run.len() - 1));
        if let Some(end) = end {
            for &j in &run[..end] {
                out[j] = Some(anchor);
            }
        }
    }
    out
}

/// Pairs of words printed one after the other on a line of the table: where
/// a word printed apart ("в") is put back.
#[derive(Debug, Default)]
pub struct Bigrams {
    /// Each cell's lines as printed, joined by spaces (the same words in the
    /// same order): their word cores are taken only on the first lookup.
    cells: Vec<String>,
    /// The pairs, built on the first lookup: most tables have no lone word,
    /// so most never look one up.
    set: std::cell::OnceCell<BTreeSet<(String, String)>>,
}

impl Bigrams {
    /// The pairs in each cell's lines read in order (across line ends too).
    pub fn of<'a>(cells: impl Iterator<Item = &'a [Frag]>) -> Bigrams {
        let cells = cells
            .map(|cell| {
                let mut text = String::new();
                for f in cell {
                    text.push_str(&f.text);
                    text.push(' ');
                }
                text
            })
            .collect();
        Bigrams {
            cells,
            set: std::cell::OnceCell::new(),
        }
    }

    pub fn has(&self, a: &str, b: &str) -> bool {
        let set = self.set.get_or_init(|| {
            let mut set = BTreeSet::new();
            for text in &self.cells {
                let words: Vec<String> = text.split_whitespace().map(word_core).collect();
                set.extend(words.windows(2).map(|w| (w[0].clone(), w[1].clone())));
            }
            set
        });
        set.contains(&(a.to_string(), b.to_string()))
    }
}

/// One-word lines of one or two letters printed after a blank line at the
/// end of a works cell ("Помощь" / "ремонте" / "школьной" / "мебели" / "" /
/// "в"): each put back where the document prints that word between the same
/// neighbours (after "Помощь"), the first free such place; kept where they
/// are when the document shows no such place.
pub fn put_back_lone_words(works: &mut Vec<Frag>, bigrams: &Bigrams, log: &mut Log) {
    let tiny = |f: &Frag| f.text.chars().count() <= 2 && f.text.chars().all(char::is_lowercase);
    let mut lone = Vec::new();
    while works.len() > 1 && works.last().is_some_and(tiny) {
        let after_gap = works[works.len() - 1].no > works[works.len() - 2].no + 1;
        if !after_gap {
            break;
        }
        lone.push(works.pop().expect("checked"));
    }
    lone.reverse();
    let mut used: Vec<(usize, usize)> = Vec::new();
    for w in lone {
        let core = word_core(&w.text);
        let place = (0..works.len()).find_map(|i| {
            let tokens: Vec<&str> = works[i].text.split_whitespace().collect();
            (0..tokens.len())
                .find(|&j| !used.contains(&(i, j)) && bigrams.has(&word_core(tokens[j]), &core))
                .map(|j| (i, j))
        });
        let Some((i, j)) = place else {
            works.push(w);
            continue;
        };
        used.push((i, j));
        super::strays::insert(works, (i, j), &w, log);
    }
}

/// The words the document's volumes are counted in ("дворов", "квадратных
/// метров"), and those that end a volume.
#[derive(Debug, Default)]
pub struct Units {
    words: BTreeSet<String>,
    last: BTreeSet<String>,
}

impl Units {
    /// Learned from the volume cells as printed: the words after each number.
    pub fn of<'a>(cells: impl Iterator<Item = &'a [Frag]>) -> Units {
        let mut units = Units::default();
        for cell in cells {
            let text: Vec<&str> = cell.iter().map(|f| f.text.as_str()).collect();
            for v in split_volumes(&text.join(" ")) {
                let words: Vec<String> = v
                    .split_whitespace()
                    .skip_while(|t| !starts_with_digit(t))
                    .skip(1)
                    .map(word_core)
                    .filter(|w| !VOLUME_ENDS.contains(&w.as_str()))
                    .collect();
                units.last.extend(words.last().cloned());
                units.words.extend(words);
            }
        }
        units
    }
}

/// The unit of a volume cut from a works line that ended with its number,
/// printed at the ends of the next works lines ("… сухих квадратных" / "…
/// посадка метров", or a line of its own after one line of the kind of
/// work): moved to the volume, one word a line, until a word that ends a
/// volume.
fn take_units(next: &mut [Frag], units: &Units, log: &mut Log) -> Vec<Frag> {
    let mut out = Vec::new();
    let mut skipped = false;
    for f in next.iter_mut() {
        let tokens: Vec<&str> = f.text.split_whitespace().collect();
        let Some((&last, rest)) = tokens.split_last() else {
            break;
        };
        let core = word_core(last);
        if !units.words.contains(&core) {
            // One line of the kind of work may come before the unit's line.
            if out.is_empty() && !skipped {
                skipped = true;
                continue;
            }
            break;
        }
        log.repair(
            RepairKind::ColumnMerge,
            f.no,
            f.text.clone(),
            format!("{} / {last}", rest.join(" ")),
        );
        out.push(Frag {
            text: last.to_string(),
            part: f.part + 1,
            ..f.clone()
        });
        f.text = rest.join(" ");
        if units.last.contains(&core) {
            break;
        }
    }
    out
}

/// A line with words before a volume's start ("до 20", "150 … дейін") cut in
/// two: the words, and the volume.
fn cut_at_volume(f: &Frag, log: &mut Log) -> Option<(Frag, Frag)> {
    let tokens: Vec<&str> = f.text.split_whitespace().collect();
    let at = (1..tokens.len()).find(|&i| opens_volume(&tokens[i..]))?;
    if tokens[..at].iter().any(|t| starts_with_digit(t)) {
        return None;
    }
    let head = Frag {
        text: tokens[..at].join(" "),
        ..f.clone()
    };
    let tail = Frag {
        text: tokens[at..].join(" "),
        part: f.part + 1,
        ..f.clone()
    };
    log.repair(
        RepairKind::ColumnMerge,
        f.no,
        f.text.clone(),
        format!("{} / {}", head.text, tail.text),
    );
    Some((head, tail))
}

/// Whether these tokens start a volume: "до" and a number, or a number whose
/// volume ends on the same line ("150 құжатқа дейін").
fn opens_volume(tokens: &[&str]) -> bool {
    let opener = VOLUME_STARTS.contains(&word_core(tokens[0]).as_str());
    if opener {
        return tokens.get(1).is_some_and(|t| starts_with_digit(t));
    }
    starts_with_digit(tokens[0])
        && tokens[1..]
            .iter()
            .any(|t| VOLUME_ENDS.contains(&word_core(t).as_str()))
}

/// Splits a rendered volume cell into volumes, one number each.
pub fn split_volumes(text: &str) -> Vec<String> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let numbers: Vec<usize> = (0..tokens.len())
        .filter(|&i| starts_with_digit(tokens[i]))
        .collect();
    let mut cuts = Vec::new();
    for pair in numbers.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let after_end = (a + 1..b)
            .rev()
            .find(|&i| VOLUME_ENDS.contains(&word_core(tokens[i]).as_str()));
        let cut = match after_end {
            Some(i) => i + 1,
            None if b > a + 1 && VOLUME_STARTS.contains(&word_core(tokens[b - 1]).as_str()) => {
                b - 1
            }
            None => b,
        };
        cuts.push(cut);
    }
    let mut out = Vec::new();
    let mut from = 0;
    for cut in cuts.into_iter().chain(std::iter::once(tokens.len())) {
        if cut > from {
            out.push(tokens[from..cut].join(" "));
            from = cut;
        }
    }
    out
}

fn starts_with_digit(t: &str) -> bool {
    t.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Kinds of work printed alone in a row (one volume): evidence for cut points.
#[derive(Debug, Default)]
pub struct KnownWorks {
    texts: BTreeSet<String>,
    /// The first words of those kinds of work ("помощь", "разнос").
    firsts: BTreeSet<String>,
    /// The texts' letters without white space (see `SliceLetters`).
    letters: BTreeSet<String>,
}

impl KnownWorks {
    pub fn add(&mut self, text: &str) {
        let lower = text.to_lowercase();
        self.letters
            .insert(lower.chars().filter(|c| !c.is_whitespace()).collect());
        self.texts.insert(lower);
        if let Some(w) = text.split_whitespace().next() {
            self.firsts.insert(word_core(w));
        }
    }

    /// Whether a kind of work printed alone starts with this word.
    fn opens_with(&self, word: &str) -> bool {
        self.firsts.contains(&word_core(word))
    }

    fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    fn knows(&self, text: &str) -> bool {
        self.texts.contains(&text.to_lowercase())
    }
}

/// Pairs the works cell with the volumes: `volumes.len()` kinds of work.
pub fn pair(
    works: &[Frag],
    volumes: &[String],
    strayed: &[Strayed],
    ctx: (&KnownWorks, &Vocab),
    line: usize,
    log: &mut Log,
) -> Vec<Work> {
    let (known, vocab) = ctx;
    let wanted = volumes.len().max(1);
    let own = whole_on_volume_lines(works, wanted, strayed);
    let cuts = best_cuts(works, wanted - own.len(), known, vocab, line, log);
    let mut ranges = Vec::new();
    let mut from = 0;
    for cut in cuts.into_iter().chain(std::iter::once(works.len())) {
        ranges.push(from..cut);
        from = cut;
    }
    let mut ranges = ranges.into_iter();
    let mut parts = Vec::new();
    for k in 0.. {
        let range = if own.contains(&k) {
            0..0
        } else {
            match ranges.next() {
                Some(r) => r,
                None => break,
            }
        };
        let mut kind: Vec<Frag> = works[range].to_vec();
        // All of a kind's strayed lines go in together, in printed order.
        let at = kind.len().saturating_sub(1);
        let mut mine: Vec<Frag> = Vec::new();
        for s in strayed.iter().filter(|s| s.volume == k) {
            log.warn(
                s.frag.no,
                format!(
                    "\"{}\" printed on a volume's line: put back before the last line of its kind of work",
                    s.frag.text
                ),
            );
            mine.push(s.frag.clone());
        }
        kind.splice(at..at, mine);
        parts.push(render(&kind, vocab, log));
    }
    if parts.len() != wanted && !volumes.is_empty() {
        log.warn(
            line,
            format!(
                "{} kinds of work for {} volumes",
                parts.len(),
                volumes.len()
            ),
        );
    }
    let mut out: Vec<Work> = parts
        .into_iter()
        .map(|kind| Work {
            kind,
            volume: String::new(),
        })
        .collect();
    for (k, v) in volumes.iter().enumerate() {
        match out.get_mut(k) {
            Some(w) => w.volume = v.clone(),
            None => out.push(Work {
                kind: String::new(),
                volume: v.clone(),
            }),
        }
    }
    out.retain(|w| !(w.kind.is_empty() && w.volume.is_empty()));
    warn_unpaired_volumes(&out, line, log);
    out
}

/// A volume left without its kind of work is a pairing that failed, however
/// the counts came out: the clerk is told which volume to check.
fn warn_unpaired_volumes(works: &[Work], line: usize, log: &mut Log) {
    for w in works.iter().filter(|w| w.kind.trim().is_empty()) {
        log.warn(
            line,
            format!(
                "no kind of work found for the volume \"{}\" (left empty)",
                w.volume
            ),
        );
    }
}

/// The kinds of work printed whole on their volumes' lines ("Обработка" /
/// "документов, до 750" / "сдаваемых в архив"), their first line opening
/// with a capital, when the works cell has too few lines for every volume:
/// those kinds take nothing from the works cell.
fn whole_on_volume_lines(works: &[Frag], wanted: usize, strayed: &[Strayed]) -> Vec<usize> {
    if works.len() >= wanted {
        return Vec::new();
    }
    let own: Vec<usize> = (0..wanted)
        .filter(|&k| {
            strayed
                .iter()
                .find(|s| s.volume == k)
                .is_some_and(|s| s.frag.text.starts_with(char::is_uppercase))
        })
        .collect();
    if own.len() < wanted {
        own
    } else {
        Vec::new()
    }
}

/// The `wanted - 1` line ends (indices into `works`) best fit to end a kind of work.
fn best_cuts(
    works: &[Frag],
    wanted: usize,
    known: &KnownWorks,
    vocab: &Vocab,
    line: usize,
    log: &mut Log,
) -> Vec<usize> {
    if wanted < 2 {
        return Vec::new();
    }
    let mut quiet = Log::default();
    let texts = rejoin_quiet(works, vocab);
    let slices = SliceLetters::new(&texts);
    let mut scored: Vec<(i32, usize)> = (1..works.len())
        .map(|i| {
            let score = cut_score(works, i, known, &slices, vocab, &mut quiet);
            (score, i)
        })
        .filter(|(s, _)| *s > 0)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut cuts: Vec<usize> = scored.iter().take(wanted - 1).map(|s| s.1).collect();
    if cuts.len() + 1 < wanted
        || scored
            .get(wanted - 1)
            .is_some_and(|s| s.0 == scored[wanted - 2].0)
    {
        log.warn(
            line,
            "unsure where one kind of work ends and the next begins".to_string(),
        );
    }
    cuts.sort_unstable();
    cuts
}

/// How much the line end before `works[i]` looks like the end of a kind of work.
fn cut_score(
    works: &[Frag],
    i: usize,
    known: &KnownWorks,
    slices: &SliceLetters,
    vocab: &Vocab,
    log: &mut Log,
) -> i32 {
    let prev = works[i - 1].text.trim_end();
    let next = works[i].text.trim_start();
    if prev.ends_with([',', '(', '-'])
        || next.starts_with([',', ')', '(', '.', ';'])
        || open_paren(&works[..i])
    {
        return -10;
    }
    let last_word = prev
        .split_whitespace()
        .last()
        .map(word_core)
        .unwrap_or_default();
    if splits_a_word(&works[i - 1], &works[i], vocab) {
        return -10;
    }
    let mut score = 0;
    if prev.ends_with(')') || last_word.ends_with(['у', 'ю']) || last_word.starts_with("жұмыс")
    {
        score += 2;
    }
    if next.chars().next().is_some_and(char::is_uppercase) {
        score += 2;
        // Another row's kind of work opens with this word ("Помощь …").
        if next
            .split_whitespace()
            .next()
            .is_some_and(|w| known.opens_with(w))
        {
            score += 1;
        }
    }
    if known.is_empty() || !slices.may_be_known(i, known) {
        return score;
    }
    let before = render(&works[..i], vocab, log);
    let after = render(&works[i..], vocab, log);
    if known.knows(&before) || known.knows(&after) {
        score += 3;
    }
    score
}

/// Whether the line end between two lines falls inside a word that the
/// rendering will join ("Абаттандыру" / "ға,"): no kind of work ends there.
fn splits_a_word(prev: &Frag, next: &Frag, vocab: &Vocab) -> bool {
    let (Some(left), Some(right)) = (
        prev.text.split_whitespace().next_back(),
        next.text.split_whitespace().next(),
    ) else {
        return false;
    };
    let left_alone = !prev.text.trim().contains(' ');
    decide(left, right, next.spaced, left_alone, vocab) != Join::Space
}

/// The letters (white space dropped, lowercased char by char) of the slices
/// before and after each cut point. Rendering a slice only trims, glues and
/// collapses white space, so its letters are these: a cut point whose slices'
/// letters match no known kind of work cannot match one rendered, and the two
/// renders (quadratic in the cell's lines) are skipped.
struct SliceLetters {
    /// `before[i]`: letters of `texts[..i]`; `after[i]`: of `texts[i..]`.
    before: Vec<String>,
    after: Vec<String>,
    /// Lowercasing a whole text differs from char by char only for a capital
    /// sigma (final form): with one, the filter is off.
    exact: bool,
}

impl SliceLetters {
    fn new(texts: &[String]) -> SliceLetters {
        let own: Vec<String> = texts.iter().map(|t| super::lower_compact(t)).collect();
        let concat = |parts: &[String]| parts.concat();
        SliceLetters {
            before: (0..=own.len()).map(|i| concat(&own[..i])).collect(),
            after: (0..=own.len()).map(|i| concat(&own[i..])).collect(),
            exact: !texts.iter().any(|t| t.contains('Σ')),
        }
    }

    /// Whether the slice before or after cut `i` may render as a known kind of work.
    fn may_be_known(&self, i: usize, known: &KnownWorks) -> bool {
        !self.exact
            || known.letters.contains(&self.before[i])
            || known.letters.contains(&self.after[i])
    }
}

/// Whether a bracket opened in these lines is still open.
fn open_paren(frags: &[Frag]) -> bool {
    let count = |c: char| -> usize { frags.iter().map(|f| f.text.matches(c).count()).sum() };
    count('(') > count(')')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_volumes_one_number_each() {
        let cases: [(&str, &[&str]); 5] = [
            (
                "150 құжатқа дейін 500 құжатқа дейін",
                &["150 құжатқа дейін", "500 құжатқа дейін"],
            ),
            (
                "1500 шаршы метрге дейін 150 құжатқа дейін",
                &["1500 шаршы метрге дейін", "150 құжатқа дейін"],
            ),
            (
                "мүмкіндігі шектеулі 20 адамға дейін",
                &["мүмкіндігі шектеулі 20 адамға дейін"],
            ),
            (
                "до 1000 документов до 50 домов",
                &["до 1000 документов", "до 50 домов"],
            ),
            ("300 үйге 1000 құжатқа", &["300 үйге", "1000 құжатқа"]),
        ];
        for (text, want) in cases {
            assert_eq!(split_volumes(text), want, "{text}");
        }
    }

    fn frags(lines: &[&str]) -> Vec<Frag> {
        lines
            .iter()
            .enumerate()
            .map(|(i, t)| Frag::new(i + 1, t))
            .collect()
    }

    /// Pieces of a narrow volume column as pdftotext prints them.
    #[test]
    fn volume_lines_are_cut_at_numbers_and_their_pieces_joined() {
        let cell = frags(&[
            "200",
            "құжат",
            "қа",
            "дейін",
            "4 0",
            "0 0",
            "шаршы",
            "метрг",
            "е",
            "дейін",
            "150",
            "ү й",
            "г е",
            "д е",
            "й і",
            "н",
        ]);
        let vocab = Vocab::from_lines(["дейін", "құжатқа дейін", "метрге", "150 үйге"]);
        let lex = Lexicon::learn(std::iter::once(cell.as_slice()), &vocab);
        let mut log = Log::default();
        assert_eq!(
            volumes(&cell, &lex, &mut log),
            [
                "200 құжатқа дейін",
                "4000 шаршы метрге дейін",
                "150 үйге дейін"
            ]
        );
        assert!(log.repairs.iter().any(|r| r.after == "метрге"));
    }

    /// A column so narrow that no row prints "шаршы" or "метрге" whole (t0014).
    #[test]
    fn a_unit_broken_into_lone_pieces_is_two_words_when_other_rows_print_them() {
        let broken = |n: &str| frags(&[n, "шар", "шы", "метрг", "е", "дейін"]);
        let spaced = frags(&["4500", "шар", "шы", "м е", "т р", "ге", "дейін"]);
        let cells = [broken("1500"), broken("750"), spaced.clone()];
        let vocab = Vocab::from_lines(["дейін", "құжатқа дейін"]);
        let lex = Lexicon::learn(cells.iter().map(Vec::as_slice), &vocab);
        let mut log = Log::default();
        assert_eq!(
            volumes(&cells[0], &lex, &mut log),
            ["1500 шаршы метрге дейін"]
        );
        assert_eq!(
            volumes(&spaced, &lex, &mut log),
            ["4500 шаршы метрге дейін"]
        );
        assert!(log.repairs.iter().all(|r| !r.after.contains("шаршыметр")));
    }

    #[test]
    fn the_next_volumes_opening_word_starts_a_volume() {
        let cell = frags(&[
            "до",
            "300",
            "докумен",
            "тов",
            "до 1000",
            "квадрат",
            "ных",
            "метров",
            "до",
            "150",
            "квадратны",
            "х",
            "метров",
        ]);
        let vocab = Vocab::from_lines(["документов"]);
        let lex = Lexicon::learn(std::iter::once(cell.as_slice()), &vocab);
        assert_eq!(
            volumes(&cell, &lex, &mut Log::default()),
            [
                "до 300 документов",
                "до 1000 квадратных метров",
                "до 150 квадратных метров"
            ]
        );
    }

    /// The volume cell split into volumes and paired with the works cell, as
    /// `assemble` reads a row once its merged lines are cut apart.
    fn volumes_paired(
        works: &[Frag],
        vols: &[Frag],
        strayed: &[Strayed],
        lex: &Lexicon,
        log: &mut Log,
    ) -> (Vec<String>, Vec<Work>) {
        let v = volumes(vols, lex, log);
        let ctx = (&KnownWorks::default(), lex.vocab);
        let got = pair(works, &v, strayed, ctx, 1, log);
        (v, got)
    }

    /// A wide works column printed on the volume's lines (pdftotext joins
    /// text on one baseline).
    #[test]
    fn works_and_volumes_printed_on_one_line_are_cut_apart() {
        let mut works = frags(&["Помощь в ремонте школьной до 20 мест", "мебели"]);
        let mut vols = Vec::new();
        let mut log = Log::default();
        let strayed = unmerge(&mut works, &mut vols, &Units::default(), &mut log);
        assert!(strayed.is_empty());
        assert_eq!(works[0].text, "Помощь в ремонте школьной");
        assert_eq!(vols[0].text, "до 20 мест");
        let mut works = frags(&[
            "Помощь",
            "в",
            "делопроизводства",
            "Копирование",
            "и",
            "документов",
        ]);
        let mut vols = frags(&[
            "ведении до 250",
            "документов",
            "подшивка до 800",
            "документов",
        ]);
        let strayed = unmerge(&mut works, &mut vols, &Units::default(), &mut log);
        let vocab = Vocab::from_lines(["Помощь в уборке и в ремонте"]);
        let lex = Lexicon::learn(std::iter::once(vols.as_slice()), &vocab);
        let (v, got) = volumes_paired(&works, &vols, &strayed, &lex, &mut log);
        assert_eq!(v, ["до 250 документов", "до 800 документов"]);
        assert_eq!(got[0].kind, "Помощь в ведении делопроизводства");
        assert_eq!(got[1].kind, "Копирование и подшивка документов");
        let units = Units::of(std::iter::once(frags(&["до 500", "документов"]).as_slice()));
        let mut works = Vec::new();
        let mut vols = frags(&[
            "Обработка",
            "документов, до 500",
            "сдаваемых в архив",
            "документов",
        ]);
        let strayed = unmerge(&mut works, &mut vols, &units, &mut Log::default());
        let (v, got) = volumes_paired(&works, &vols, &strayed, &lex, &mut Log::default());
        assert_eq!(v, ["до 500 документов"]);
        assert_eq!(got[0].kind, "Обработка документов, сдаваемых в архив");
        // That kind whole on the volume lines, the works cell holding the next.
        let mut works = vec![Frag::new(20, "Курьерская работа")];
        let mut vols = frags(&[
            "Обработка",
            "документов, до 500",
            "сдаваемых в архив",
            "документов",
        ]);
        vols.extend([Frag::new(10, "до 150"), Frag::new(11, "документов")]);
        let strayed = unmerge(&mut works, &mut vols, &units, &mut Log::default());
        let (v, got) = volumes_paired(&works, &vols, &strayed, &lex, &mut Log::default());
        assert_eq!(v, ["до 500 документов", "до 150 документов"]);
        let kinds: Vec<&str> = got.iter().map(|w| w.kind.as_str()).collect();
        assert_eq!(
            kinds,
            [
                "Обработка документов, сдаваемых в архив",
                "Курьерская работа"
            ]
        );
        assert_eq!(
            log.repairs
                .iter()
                .filter(|r| r.kind == RepairKind::ColumnMerge)
                .count(),
            3
        );
    }

    #[test]
    fn a_lone_word_printed_apart_goes_back_between_the_words_it_follows() {
        let other = frags(&["Помощь", "в", "проведении"]);
        let bigrams = Bigrams::of(std::iter::once(other.as_slice()));
        let mut works = frags(&["Помощь", "ремонте", "школьной", "мебели"]);
        works.push(Frag::new(6, "в"));
        let mut log = Log::default();
        put_back_lone_words(&mut works, &bigrams, &mut log);
        let texts: Vec<&str> = works.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, ["Помощь в", "ремонте", "школьной", "мебели"]);
        // Without such a place in the document the word stays where it was.
        let mut alone = frags(&["Разнос", "повесток"]);
        alone.push(Frag::new(5, "о"));
        put_back_lone_words(&mut alone, &bigrams, &mut log);
        assert_eq!(alone.len(), 3);
    }

    #[test]
    fn a_bare_volume_takes_its_unit_from_the_ends_of_the_next_lines() {
        let seen = frags(&["до 300", "квадратных", "метров", "до 150 дворов"]);
        let units = Units::of(std::iter::once(seen.as_slice()));
        let mut works = frags(&[
            "Помощь в благоустройстве и до 1500",
            "озеленении (вырубка сухих квадратных",
            "деревьев, покос травы, посадка метров",
            "цветов и саженцев)",
        ]);
        let mut vols = Vec::new();
        let mut log = Log::default();
        unmerge(&mut works, &mut vols, &units, &mut log);
        let v: Vec<&str> = vols.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(v, ["до 1500", "квадратных", "метров"]);
        assert_eq!(works[1].text, "озеленении (вырубка сухих");
        let mut works = frags(&["в", "проведении до 600", "подворного обхода", "дворов"]);
        let mut vols = Vec::new();
        unmerge(&mut works, &mut vols, &units, &mut log);
        assert_eq!(vols.last().map(|f| f.text.as_str()), Some("дворов"));
        assert_eq!(works[2].text, "подворного обхода");
    }

    #[test]
    fn two_volumes_make_two_kinds_of_work() {
        let works: Vec<Frag> = [
            "Курьерлік жұмыс",
            "мұрағатқа",
            "өткізілетін",
            "құжаттарды өңдеу",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Frag::new(i + 1, t))
        .collect();
        let vols = vec![
            "150 құжатқа дейін".to_string(),
            "500 құжатқа дейін".to_string(),
        ];
        let mut log = Log::default();
        let got = pair(
            &works,
            &vols,
            &[],
            (&KnownWorks::default(), &Vocab::default()),
            1,
            &mut log,
        );
        assert_eq!(got[0].kind, "Курьерлік жұмыс");
        assert_eq!(got[1].kind, "мұрағатқа өткізілетін құжаттарды өңдеу");
        assert_eq!(got[1].volume, "500 құжатқа дейін");
        assert!(log.warnings.is_empty());
    }

    #[test]
    fn two_single_digits_after_a_words_end_are_one_number() {
        let mut log = Log::default();
        let f = unspace_short(&Frag::new(1, "і 1 5 адамға"), &mut log);
        assert_eq!(f.text, "і 15 адамға");
        assert_eq!(log.repairs.len(), 1);
        // A line with a number of its own elsewhere is left as printed.
        let f = unspace_short(&Frag::new(2, "і 1 5 адамға 20"), &mut log);
        assert_eq!(f.text, "і 1 5 адамға 20");
    }
}
