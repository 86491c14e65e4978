//! Part 2 of the table (pay, funding, demand, supply), printed after the
//! continuation marker without row numbers: each row ends with its two head
//! counts, and the rows pair with part 1 in order.
//!
//! When a row prints its pay and funding as two separate blocks, the blocks
//! are the cells. Otherwise (a page break or a wide layout put both cells on
//! the same lines) each word goes to funding when it is a word of the genre's
//! funding sources (бюджет, жергілікті, местный …) and to pay otherwise.

use super::blocks::{Block, Frag};
use super::Log;
use crate::model::RepairKind;
use crate::repair::split_word::{can_start_word, is_word_char, may_open, word_core};
use std::borrow::Cow;

/// Word starts of the funding sources the genre names (Kazakh and Russian).
const FUNDING_WORDS: &[&str] = &[
    "бюджет",
    "жергілікті",
    "республикалық",
    "облыстық",
    "қаражат",
    "местн",
    "средств",
    "республиканск",
    "областн",
];

/// One row of part 2 as fragments, before rendering.
#[derive(Debug, Clone, Default)]
pub struct RawPay {
    pub pay: Vec<Frag>,
    pub funding: Vec<Frag>,
    pub demand: Option<u32>,
    pub supply: Option<u32>,
    /// Raw line of the head counts.
    pub line: usize,
    /// The row was read across the columns (OCR): counts on its first line.
    pub read_across: bool,
}

/// A fragment with the index of the block it was printed in and whether a
/// page break came before that block.
type Placed = (usize, bool, Frag);

pub(super) fn is_funding_word(token: &str) -> bool {
    // Both tests below need the core to open with a funding word's first
    // letter: most tokens are ruled out there, without building their core.
    let Some(first) = token.chars().find(|&c| is_word_char(c)) else {
        return false;
    };
    if !may_open(first, FUNDING_WORDS) {
        return false;
    }
    let core = word_core(token);
    // A word cut by a narrow column ("Жергілі" + "кті") still counts by its start.
    let long = core.chars().nth(3).is_some();
    let cut = |w: &&str| long && w.starts_with(core.as_str());
    !core.is_empty() && FUNDING_WORDS.iter().any(|w| core.starts_with(w) || cut(w))
}

/// Head counts found at the end of a line.
#[derive(Debug, PartialEq)]
struct Counts {
    /// The text before the counts.
    prefix: String,
    /// The counts read (None where illegible).
    nums: Vec<Option<u32>>,
    /// The counts stand on the row's first line (rows read across, as OCR does),
    /// rather than after its cells.
    top: bool,
}

/// The head counts ending a line: one or two integers after nothing or after
/// funding words; or, at the end of a line of text, a pair read across a
/// table rule ("17|17", or "17117" where the rule became a 1).
fn counts(text: &str) -> Option<Counts> {
    let joined = join_rule(text);
    let tokens: Vec<&str> = joined.split_whitespace().collect();
    let nums = tokens
        .iter()
        .rev()
        .take(2)
        .take_while(|t| t.parse::<u32>().is_ok())
        .count();
    let (head, tail) = tokens.split_at(tokens.len() - nums);
    if nums > 0 && head.iter().all(|t| is_funding_word(t)) {
        let nums = tail.iter().map(|t| t.parse().ok()).collect();
        return Some(Counts {
            prefix: head.join(" "),
            nums,
            top: false,
        });
    }
    if nums == 2 && head.iter().any(|t| is_funding_word(t)) {
        // A row read across: pay and funding words, then both counts.
        let nums = tail.iter().map(|t| t.parse().ok()).collect();
        return Some(Counts {
            prefix: head.join(" "),
            nums,
            top: true,
        });
    }
    if let Some(prefix) = lookalike_pair(&tokens) {
        // "… бюджет 5 З": a count read as a letter; both left unread.
        return Some(Counts {
            prefix,
            nums: vec![None, None],
            top: true,
        });
    }
    let (last, rest) = tokens.split_last()?;
    let pair = ruled_pair(last)?;
    Some(Counts {
        prefix: rest.join(" "),
        nums: pair,
        top: !rest.is_empty(),
    })
}

/// Letters OCR reads for digits ("З" for 3, "О" for 0, "б" for 6).
const DIGIT_LOOKALIKES: &[&str] = &["З", "з", "О", "о", "б"];

/// A row read across whose last count came out as a letter ("Жергілікті
/// бюджет 5 З"): the text before the pair, when funding words precede it.
fn lookalike_pair(tokens: &[&str]) -> Option<String> {
    let [head @ .., number, letter] = tokens else {
        return None;
    };
    let digits = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit());
    (digits && DIGIT_LOOKALIKES.contains(letter) && head.iter().any(|t| is_funding_word(t)))
        .then(|| head.join(" "))
}

/// A pair read across a rule with a space beside it ("25| 28", "25 |28",
/// "25 | 28") written as one token, so that it reads like "25|28".
/// The text itself (no copy) when it ends otherwise, as most lines do.
fn join_rule(text: &str) -> Cow<'_, str> {
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    let bar = |t: &str| t.len() == 1 && t.contains(['|', '!']);
    let tail = |t: &str| t.strip_prefix(['|', '!']).is_some_and(digits);
    let head = |t: &str| t.strip_suffix(['|', '!']).is_some_and(digits);
    // The last three tokens, last first: only they decide.
    let mut rev = text.split_whitespace().rev();
    let ends = [rev.next(), rev.next(), rev.next()];
    let joined = match ends {
        [Some(c), Some(b), Some(a)] if digits(a) && bar(b) && digits(c) => 3,
        [Some(c), Some(b), _] if (digits(b) && tail(c)) || (head(b) && digits(c)) => 2,
        _ => return Cow::Borrowed(text),
    };
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let keep = tokens.len() - joined;
    let mut out = tokens[..keep].join(" ");
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(&tokens[keep..].concat());
    Cow::Owned(out)
}

/// In rows read across, a line that starts the way rows start and ends with a
/// number is a row's first line even when its funding words were misread
/// ("Қазақстан Жер 26 26") or its rule was lost ("… бюджет 44": illegible).
fn row_start_counts(text: &str, row_start: &str) -> Option<Counts> {
    let joined = join_rule(text);
    let tokens: Vec<&str> = joined.split_whitespace().collect();
    if tokens.len() < 2 || !starts_row(text, row_start) {
        return None;
    }
    let number = |t: &&&str| t.parse::<u32>().is_ok();
    let nums = tokens.iter().rev().take(2).take_while(number).count();
    let (head, tail) = tokens.split_at(tokens.len() - nums.max(1));
    if head.last().is_some_and(|t| t.ends_with([',', '.'])) {
        // "1, 5": a fraction whose comma lost its place, not a count.
        return None;
    }
    let read = match tail {
        [a, b] => vec![a.parse().ok(), b.parse().ok()],
        [t] if t.chars().all(|c| c.is_ascii_digit()) => ruled_pair(t).unwrap_or(vec![None, None]),
        [t] => ruled_pair(t)?,
        _ => return None,
    };
    Some(Counts {
        prefix: head.join(" "),
        nums: read,
        top: true,
    })
}

/// A demand/supply pair printed across a table rule: "17|17", or "17117" (the
/// rule read as 1: accepted only when both halves agree), else illegible.
fn ruled_pair(token: &str) -> Option<Vec<Option<u32>>> {
    if let Some((a, b)) = token.split_once(['|', '!', 'I', 'l']) {
        // Both sides digits (one may be lost): "|ікт" is a cut word, not counts.
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if !digits(a) || !digits(b) || a.len() + b.len() == 0 {
            return None;
        }
        return Some(vec![a.parse().ok(), b.parse().ok()]);
    }
    if token.len() < 3 || !token.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let half = token.len() / 2;
    let (a, b) = (&token[..half], &token[half + 1..]);
    if token.len() % 2 == 1 && &token[half..half + 1] == "1" && a == b {
        Some(vec![a.parse().ok(), b.parse().ok()])
    } else {
        Some(vec![None, None])
    }
}

/// Rebuilds part 2's rows from its data blocks (headers and marker removed).
pub fn part2(blocks: &[&Block], log: &mut Log) -> Vec<RawPay> {
    let mut rows = Vec::new();
    let mut text: Vec<Placed> = Vec::new();
    let mut nums: Vec<(Option<u32>, usize)> = Vec::new();
    let mut top_mode = false;
    let mut continuing = None;
    let mut row_start = String::new();
    for (bi, b) in blocks.iter().enumerate() {
        for (k, f) in b.frags.iter().enumerate() {
            // A lone number inside a block is part of a cell ("жалақының / 2 / мөлшерінде").
            let inside = k + 1 < b.frags.len();
            let c = counts(&f.text).or_else(|| {
                top_mode
                    .then(|| row_start_counts(&f.text, &row_start))
                    .flatten()
            });
            let Some(c) = c.filter(|c| c.top || c.nums.len() == 2 || !inside) else {
                // Whole pairs read ahead of their rows wait for the rows' text.
                if !nums.len().is_multiple_of(2) && !top_mode {
                    rows.extend(close(&mut text, &mut nums, !top_mode, log));
                }
                if continuing == Some(bi) && starts_like_a_pay(&f.text, &rows) {
                    // The next row's pay, printed right under the rest of this one.
                    continuing = None;
                }
                if continues_previous(b, k, &text, &rows, top_mode) || continuing == Some(bi) {
                    // The rest of the previous row's cell, printed after a page break.
                    continuing = Some(bi);
                    let prev: &mut RawPay = rows.last_mut().expect("checked");
                    log.moved_lines(std::slice::from_ref(f), "moved to the previous row".into());
                    split_words(prev, f.clone(), log);
                    continue;
                }
                text.push((bi, b.page_break_before, f.clone()));
                continue;
            };
            if top_mode && !c.top && nums.len() >= 2 {
                // Counts printed apart from their row's first line: the rows
                // began at the lines that start the way rows start.
                rows.extend(close_at_starts(&mut text, &mut nums, &row_start, true, log));
            }
            if c.top {
                if !top_mode {
                    row_start = row_key(&c.prefix);
                }
                if nums.is_empty() {
                    // Text before the first row read across: not a row of its own.
                    for (_, _, f) in text.drain(..) {
                        log.unplaced(f.no, &f.text, "text before the first row of part 2");
                    }
                }
                top_mode = true;
                if !text.is_empty() || !nums.is_empty() {
                    rows.extend(close_at_starts(
                        &mut text, &mut nums, &row_start, false, log,
                    ));
                }
            }
            log_counts(f, &c, log);
            if !c.prefix.is_empty() {
                text.push((
                    bi,
                    b.page_break_before,
                    Frag {
                        text: c.prefix.clone(),
                        ..f.clone()
                    },
                ));
            }
            nums.extend(c.nums.into_iter().map(|n| (n, f.no)));
            if top_mode {
                rows.iter_mut()
                    .for_each(|r: &mut RawPay| r.read_across = true);
            }
            if nums.len() >= 2
                && nums.len().is_multiple_of(2)
                && !top_mode
                && !counts_ahead(&text, &nums)
            {
                rows.extend(close(&mut text, &mut nums, !top_mode, log));
            }
        }
    }
    let last_lacks_pay = rows.last().is_some_and(|r: &RawPay| r.pay.is_empty());
    if nums.is_empty() && !top_mode && last_lacks_pay {
        // The last row's pay, printed after its counts on the next page.
        let prev = rows.last_mut().expect("checked");
        for (_, _, f) in text.drain(..) {
            log.moved_lines(std::slice::from_ref(&f), "moved to the previous row".into());
            split_words(prev, f, log);
        }
    }
    if top_mode && !text.is_empty() {
        // Rows read down a later page (counts unread) still start the way rows start.
        rows.extend(close_at_starts(
            &mut text, &mut nums, &row_start, false, log,
        ));
    } else if !text.is_empty() || !nums.is_empty() {
        rows.extend(close(&mut text, &mut nums, !top_mode, log));
    }
    for row in rows.iter_mut() {
        row.read_across |= top_mode;
        if row.read_across {
            leave_doubtful_empty(row, log);
        }
    }
    rows
}

/// How rows read across begin: their first word, or their first two words
/// run together when the first is short ("В размере" → "Вразмере"), so that a
/// lost space ("Вразмере") still matches.
fn row_key(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.as_slice() {
        [a, b, ..] if a.chars().count() < 3 => format!("{a}{b}"),
        [a, ..] => a.to_string(),
        [] => String::new(),
    }
}

fn starts_row(text: &str, key: &str) -> bool {
    let compact: String = text.split_whitespace().collect();
    !key.is_empty() && compact.starts_with(key)
}

/// Closes the rows that begin inside `text` at the lines that start the way rows
/// start: the first piece takes the open row's counts, the others have none.
/// With `keep_last` the last piece stays open (its counts have just been read).
fn close_at_starts(
    text: &mut Vec<Placed>,
    nums: &mut Vec<(Option<u32>, usize)>,
    key: &str,
    keep_last: bool,
    log: &mut Log,
) -> Vec<RawPay> {
    let starts: Vec<usize> = (1..text.len())
        .filter(|&i| starts_row(&text[i].2.text, key))
        .collect();
    if keep_last && starts.is_empty() {
        return Vec::new();
    }
    let mut pieces: Vec<Vec<Placed>> = starts.iter().rev().map(|&at| text.split_off(at)).collect();
    pieces.reverse();
    let mut rows = close(text, nums, false, log);
    let last = if keep_last { pieces.pop() } else { None };
    for mut p in pieces {
        rows.extend(close(&mut p, &mut Vec::new(), false, log));
    }
    *text = last.unwrap_or_default();
    rows
}

/// Whether a block opening a page continues the previous row: it starts in the
/// middle of a sentence and no text of a new row has begun.
fn continues_previous(
    b: &Block,
    k: usize,
    text: &[Placed],
    rows: &[RawPay],
    top_mode: bool,
) -> bool {
    let first = &b.frags[0].text;
    // A line above the next row's first line ("Казахстан" / "В размере …")
    // ends the previous row's cell too.
    let before_a_pay = || {
        b.frags
            .get(1)
            .is_some_and(|n| starts_like_a_pay(&n.text, rows))
            && !starts_like_a_pay(first, rows)
    };
    k == 0
        && b.page_break_before
        && text.is_empty()
        && !rows.is_empty()
        && !top_mode
        && (first.chars().next().is_some_and(char::is_lowercase) || before_a_pay())
}

/// Whether a line opens with the word the rows' pay cells open with ("Қазақстан
/// Республикасының …", "В размере …"): the start of the next row's pay.
fn starts_like_a_pay(text: &str, rows: &[RawPay]) -> bool {
    let Some(first) = text.split_whitespace().next() else {
        return false;
    };
    if !first.starts_with(char::is_uppercase) {
        return false;
    }
    let opening = |r: &RawPay| {
        r.pay
            .first()
            .and_then(|f| f.text.split_whitespace().next())
            .is_some_and(|w| w == first)
    };
    rows.iter().filter(|r| opening(r)).count() >= 2
}

/// Logs how a line with head counts was read.
fn log_counts(f: &Frag, c: &Counts, log: &mut Log) {
    let shown: Vec<String> = c
        .nums
        .iter()
        .map(|n| n.map_or("?".to_string(), |n| n.to_string()))
        .collect();
    if c.nums.iter().any(Option::is_none) {
        log.warn(
            f.no,
            format!(
                "head counts illegible in \"{}\": demand/supply left empty",
                f.text
            ),
        );
    } else if c.top {
        log.repair(
            RepairKind::OcrFix,
            f.no,
            f.text.clone(),
            format!("{} | {}", c.prefix, shown.join(" | ")),
        );
        log.warn(
            f.no,
            format!("head counts read across a table rule in \"{}\"", f.text),
        );
    } else if !c.prefix.is_empty() {
        log.repair(
            RepairKind::ColumnMerge,
            f.no,
            f.text.clone(),
            format!("{} | {}", c.prefix, shown.join(" | ")),
        );
    }
}

/// Closes a row from the text and head counts gathered since the last one.
fn close(
    text: &mut Vec<Placed>,
    nums: &mut Vec<(Option<u32>, usize)>,
    by_funding: bool,
    log: &mut Log,
) -> Vec<RawPay> {
    let groups = if by_funding {
        split_merged(std::mem::take(text))
    } else {
        vec![std::mem::take(text)]
    };
    let mut pairs: Vec<Vec<(Option<u32>, usize)>> =
        std::mem::take(nums).chunks(2).map(<[_]>::to_vec).collect();
    if pairs.is_empty() {
        pairs.push(Vec::new());
    }
    // Pairs and rows align at the end: rows before have no counts read, pairs
    // before stood alone (a row whose cells were not printed).
    let extra = groups.len().saturating_sub(pairs.len());
    let lone = pairs.len().saturating_sub(groups.len());
    let mut rows = Vec::new();
    let mut pairs = pairs.into_iter();
    for p in pairs.by_ref().take(lone) {
        rows.push(close_one(Vec::new(), p, log));
    }
    for (i, g) in groups.into_iter().enumerate() {
        let p = if i < extra {
            Vec::new()
        } else {
            pairs.next().unwrap_or_default()
        };
        rows.push(close_one(g, p, log));
    }
    rows
}

/// Whole pairs of head counts read before any text of their rows (printed
/// at the foot of the page, ahead of the rows' cells): they wait for the text.
fn counts_ahead(text: &[Placed], nums: &[(Option<u32>, usize)]) -> bool {
    text.is_empty() && nums.len().is_multiple_of(2)
}

/// A block of text as its placed fragments.
type PlacedBlock = Vec<Placed>;

/// A block of funding words alone; a word cut by a narrow column
/// ("Жергілік" / "ті бюджет") counts once its pieces are joined.
fn funding_only(b: &[Placed]) -> bool {
    // The word being read (a cut word's pieces joined): only the last word
    // is ever looked at again.
    let mut last: Option<String> = None;
    // Whether the last word is a funding word, once asked: each word is asked once.
    let mut last_funding: Option<bool> = None;
    for t in b.iter().flat_map(|f| f.2.text.split_whitespace()) {
        let t_funding = last.is_some().then(|| is_funding_word(t));
        match last.as_mut() {
            Some(w) if t_funding == Some(false) && is_funding_word(&format!("{w}{t}")) => {
                w.push_str(t);
                last_funding = Some(true);
            }
            _ => {
                // The last word is final now: one that is not a funding word decides
                // (the long pay cells pass here too).
                let done = last
                    .as_deref()
                    .map(|w| last_funding.unwrap_or_else(|| is_funding_word(w)));
                if done == Some(false) {
                    return false;
                }
                last = Some(t.to_string());
                last_funding = t_funding;
            }
        }
    }
    // Every word before the last was found a funding word when the next came.
    last.as_deref()
        .is_none_or(|w| last_funding.unwrap_or_else(|| is_funding_word(w)))
}

/// A block that continues a cell: it opens with a digit or a lowercase letter.
fn continues_cell(b: &[Placed]) -> bool {
    b.first()
        .and_then(|f| f.2.text.chars().next())
        .is_some_and(|c| c.is_ascii_digit() || c.is_lowercase())
}

/// Rows whose head counts went unread (scans) run together; where each cell is
/// its own block, a block of funding words alone ends each row's cells. A block
/// that opens with a continuation after a funding block is the rest of the
/// previous row's pay. Split only when every piece has a pay and a funding block.
fn split_merged(frags: Vec<Placed>) -> Vec<Vec<Placed>> {
    let mut blocks: Vec<PlacedBlock> = Vec::new();
    for f in frags {
        match blocks.last_mut() {
            Some(b) if b[0].0 == f.0 => b.push(f),
            _ => blocks.push(vec![f]),
        }
    }
    let mut groups: Vec<Vec<PlacedBlock>> = vec![Vec::new()];
    for b in blocks {
        let ends = funding_only(&b);
        groups.last_mut().expect("never empty").push(b);
        if ends {
            groups.push(Vec::new());
        }
    }
    let tail = groups.pop().expect("never empty");
    match groups.last_mut() {
        Some(g) => g.extend(tail),
        None => groups.push(tail),
    }
    for i in 1..groups.len() {
        if groups[i].len() > 2 && continues_cell(&groups[i][0]) {
            let b = groups[i].remove(0);
            groups[i - 1].push(b);
        }
    }
    let whole = |g: &Vec<PlacedBlock>| {
        g.iter().any(|b| funding_only(b)) && g.iter().any(|b| !funding_only(b))
    };
    if groups.len() < 2 || !groups.iter().all(whole) {
        return vec![groups.into_iter().flatten().flatten().collect()];
    }
    groups
        .into_iter()
        .map(|g| g.into_iter().flatten().collect())
        .collect()
}

/// One row of part 2 from its text and head counts.
fn close_one(frags: Vec<Placed>, counts: Vec<(Option<u32>, usize)>, log: &mut Log) -> RawPay {
    let line = counts
        .first()
        .map(|c| c.1)
        .or(frags.first().map(|f| f.2.no))
        .unwrap_or(0);
    let mut row = RawPay {
        demand: counts.first().and_then(|c| c.0),
        supply: counts.get(1).and_then(|c| c.0),
        line,
        ..RawPay::default()
    };
    if counts.len() < 2 {
        log.warn(
            line,
            "a row of part 2 without both head counts (demand, supply): left empty".to_string(),
        );
    }
    let blocks: std::collections::BTreeSet<usize> = frags.iter().map(|f| f.0).collect();
    let clean = blocks.len() == 2
        && !frags.iter().skip(1).any(|f| f.1 && f.0 != frags[0].0)
        && !frags
            .iter()
            .any(|f| f.0 != frags[0].0 && pay_then_funding(&f.2.text));
    if clean {
        let first = frags[0].0;
        for (b, _, f) in frags {
            if b == first {
                row.pay.push(f)
            } else {
                row.funding.push(f)
            }
        }
    } else {
        frags
            .into_iter()
            .for_each(|(_, _, f)| split_words(&mut row, f, log));
    }
    restore_scattered(&mut row.funding, log);
    row
}

/// A line that ends in funding words after words of another cell ("заработной
/// платы, Местный бюджет"): the pay's right column printed beside funding, so
/// the second block is not the funding cell alone.
fn pay_then_funding(text: &str) -> bool {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let tail = tokens
        .iter()
        .rev()
        .take_while(|t| is_funding_word(t))
        .count();
    let head = &tokens[..tokens.len() - tail];
    // A cut word's end before the funding words ("і бюджет", "кті бюджет")
    // is the funding cell's own.
    let word = |t: &&str| {
        let core = word_core(t);
        core.chars().count() >= 3 && can_start_word(&core)
    };
    let words = head.iter().all(word);
    tail > 0 && !head.is_empty() && words && !head.iter().any(|t| is_funding_word(t))
}

/// A justified funding cell's middle line that pdftotext printed alone after
/// a blank line, below the cell's last line ("Средства" / "бюджета" / "" /
/// "местного"): put back before that last line, as the document part does
/// with scattered words.
fn restore_scattered(funding: &mut Vec<Frag>, log: &mut Log) {
    let n = funding.len();
    if n < 3 {
        return;
    }
    let (run, lone) = (&funding[..n - 1], &funding[n - 1]);
    let whole_lines = funding.iter().all(|f| f.part == 0);
    let contiguous = whole_lines && run.windows(2).all(|w| w[1].no == w[0].no + 1);
    let after_blank = lone.no > run[n - 2].no + 1;
    if !contiguous || !after_blank || lone.text.split_whitespace().count() != 1 {
        return;
    }
    let before: Vec<&str> = funding.iter().map(|f| f.text.as_str()).collect();
    let before = before.join(" / ");
    let word = funding.pop().expect("n >= 3");
    funding.insert(n - 2, word);
    let after: Vec<&str> = funding.iter().map(|f| f.text.as_str()).collect();
    log.repair(
        RepairKind::ScatteredWords,
        funding[n - 2].no,
        before,
        after.join(" / "),
    );
}

/// A word that shows the row was read through noise: a table rule read as a
/// character, a piece no word starts with, or a funding word cut short.
fn noisy(token: &str) -> bool {
    let core = word_core(token);
    let cut_funding = is_funding_word(token) && !FUNDING_WORDS.iter().any(|w| core.starts_with(w));
    token.contains(['|', '!']) || !can_start_word(&core) || cut_funding
}

/// Nouns that end a whole funding cell ("Жергілікті бюджет", "Местный бюджет").
const FUNDING_NOUNS: &[&str] = &["бюджет", "қаражат", "средств"];

/// A funding cell read whole names its noun; without it the cell was cut
/// ("Местн") and its pieces went elsewhere.
fn has_funding_noun(funding: &[Frag]) -> bool {
    funding
        .iter()
        .flat_map(|f| f.text.split_whitespace())
        .any(|t| FUNDING_NOUNS.iter().any(|n| word_core(t).starts_with(n)))
}

/// Rows read across columns (OCR) keep pay and funding only when no word was
/// read through noise; otherwise the text goes to residue with a warning,
/// rather than a guess at which cell each piece belongs to.
fn leave_doubtful_empty(row: &mut RawPay, log: &mut Log) {
    let cells = row.pay.iter().chain(row.funding.iter());
    let noise = cells.flat_map(|f| f.text.split_whitespace()).any(noisy);
    if !noise && has_funding_noun(&row.funding) {
        return;
    }
    let mut frags: Vec<Frag> = row.pay.drain(..).chain(row.funding.drain(..)).collect();
    frags.sort_by_key(|f| (f.no, f.part));
    for f in frags {
        log.unplaced(
            f.no,
            &f.text,
            "pay/funding text read through OCR noise, cell left empty",
        );
    }
}

/// Puts a fragment's funding words in funding and the rest in pay.
fn split_words(row: &mut RawPay, f: Frag, log: &mut Log) {
    let tokens: Vec<&str> = f.text.split_whitespace().collect();
    let (fund, pay): (Vec<&str>, Vec<&str>) = tokens.iter().partition(|t| is_funding_word(t));
    if !fund.is_empty() && !pay.is_empty() {
        log.repair(
            RepairKind::ColumnMerge,
            f.no,
            f.text.clone(),
            format!("{} | {}", pay.join(" "), fund.join(" ")),
        );
    }
    if !pay.is_empty() {
        row.pay.push(Frag {
            text: pay.join(" "),
            ..f.clone()
        });
    }
    if !fund.is_empty() {
        // A line of funding words alone keeps its part: it is a whole line.
        let part = f.part + u8::from(!pay.is_empty());
        row.funding.push(Frag {
            text: fund.join(" "),
            part,
            ..f
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pays_words_beside_funding_words_are_told_from_a_cut_funding_word() {
        assert!(pay_then_funding("заработной платы, Местный бюджет"));
        assert!(!pay_then_funding("Местный бюджет"));
        assert!(!pay_then_funding("і бюджет қаражаты"));
        assert!(!pay_then_funding("кті бюджет"));
    }

    #[test]
    fn a_line_opening_a_page_above_the_next_rows_pay_ends_the_previous_row() {
        let pay = ["В размере минимальной заработной платы,", "установленной"];
        let mut blocks = Vec::new();
        for (i, counts) in ["5 5", "3 3"].iter().enumerate() {
            let at = 1 + i * 10;
            blocks.push(Block::of_lines(at, pay, false));
            blocks.push(Block::of_lines(at + 3, ["Местный бюджет"], false));
            blocks.push(Block::of_lines(at + 5, [*counts], false));
        }
        blocks.push(Block::of_lines(30, ["Казахстан", pay[0], pay[1]], true));
        blocks.push(Block::of_lines(34, ["Местный бюджет"], false));
        blocks.push(Block::of_lines(36, ["1 1"], false));
        let refs: Vec<&Block> = blocks.iter().collect();
        let rows = part2(&refs, &mut Log::default());
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[1].pay.last().map(|f| f.text.as_str()),
            Some("Казахстан")
        );
        assert_eq!(rows[2].pay[0].text, pay[0]);
    }

    #[test]
    fn the_next_rows_pay_under_a_torn_pays_rest_starts_its_own_row() {
        let block = |no: usize, lines: &[&str], page_break_before: bool| Block {
            frags: lines
                .iter()
                .enumerate()
                .map(|(i, t)| Frag::new(no + i, t))
                .collect(),
            page_break_before,
        };
        let pay = [
            "Қазақстан Республикасының",
            "айлық жалақының 1,5 мөлшерінде",
        ];
        let blocks = [
            block(1, &pay, false),
            block(4, &["Жергілікті бюджет"], false),
            block(6, &["5 5"], false),
            block(8, &pay, false),
            block(11, &["Жергілікті бюджет"], false),
            block(13, &["3 3"], false),
            block(15, &["Қазақстан Республикасының"], false),
            block(17, &["Жергілікті бюджет"], false),
            block(19, &["1 0"], false),
            block(
                21,
                &["айлық жалақының 1,5 мөлшерінде", pay[0], pay[1]],
                true,
            ),
            block(25, &["Жергілікті бюджет"], false),
            block(27, &["2 2"], false),
        ];
        let refs: Vec<&Block> = blocks.iter().collect();
        let rows = part2(&refs, &mut Log::default());
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[2].pay.len(), 2);
        assert_eq!(rows[3].pay[0].text, "Қазақстан Республикасының");
        assert_eq!(rows[3].demand, Some(2));
    }

    #[test]
    fn a_funding_word_printed_after_a_blank_goes_before_the_last_line() {
        let mut funding = vec![
            Frag::new(929, "Средства"),
            Frag::new(930, "бюджета"),
            Frag::new(932, "местного"),
        ];
        let mut log = Log::default();
        restore_scattered(&mut funding, &mut log);
        let texts: Vec<&str> = funding.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, ["Средства", "местного", "бюджета"]);
        assert_eq!(log.repairs[0].kind, RepairKind::ScatteredWords);
        // A cell printed in order stays as it is.
        let mut whole = vec![
            Frag::new(1853, "Жергілікті бюджет"),
            Frag::new(1854, "қаражаты"),
        ];
        restore_scattered(&mut whole, &mut log);
        assert_eq!(whole[1].text, "қаражаты");
    }

    #[test]
    fn rows_read_through_noise_leave_pay_and_funding_empty() {
        let mut row = RawPay {
            read_across: true,
            ..RawPay::default()
        };
        split_words(
            &mut row,
            Frag::new(5, "Қазақстан Республикасының Жергілі"),
            &mut Log::default(),
        );
        split_words(
            &mut row,
            Frag::new(6, "заңнамасында кті бюджет"),
            &mut Log::default(),
        );
        let mut log = Log::default();
        leave_doubtful_empty(&mut row, &mut log);
        assert!(row.pay.is_empty() && row.funding.is_empty());
        assert_eq!(log.residue.len(), 4);
        assert!(!log.warnings.is_empty());
        let mut clean = RawPay {
            read_across: true,
            ..RawPay::default()
        };
        split_words(
            &mut clean,
            Frag::new(7, "В размере 1,5 Местный бюджет"),
            &mut Log::default(),
        );
        leave_doubtful_empty(&mut clean, &mut Log::default());
        assert_eq!(clean.funding[0].text, "Местный бюджет");
        // A funding cell cut short ("Местн"): its pieces went elsewhere.
        let mut cut = RawPay {
            read_across: true,
            ..RawPay::default()
        };
        split_words(
            &mut cut,
            Frag::new(8, "В размере 1,5 Местн"),
            &mut Log::default(),
        );
        split_words(&mut cut, Frag::new(9, "платы, т"), &mut Log::default());
        leave_doubtful_empty(&mut cut, &mut Log::default());
        assert!(cut.pay.is_empty() && cut.funding.is_empty());
    }

    #[test]
    fn pairs_read_across_a_rule_with_a_space_are_one_token() {
        assert_eq!(
            join_rule("Жергілікті бюджет 25| 28"),
            "Жергілікті бюджет 25|28"
        );
        assert_eq!(join_rule("Местн 17 |17"), "Местн 17|17");
        assert_eq!(join_rule("бюджет 6 | 6"), "бюджет 6|6");
        assert_eq!(join_rule("жалақының 1,5"), "жалақының 1,5");
        assert_eq!(ruled_pair("|ікт"), None);
    }

    #[test]
    fn lines_that_start_rows_carry_their_counts_even_through_noise() {
        let c = row_start_counts("Қазақстан Жер 26 26", "Қазақстан").unwrap();
        assert_eq!(c.nums, vec![Some(26), Some(26)]);
        let c = row_start_counts("Қазақстан Республикасының бюджет 44", "Қазақстан").unwrap();
        assert_eq!(c.nums, vec![None, None]);
        assert_eq!(row_start_counts("В размере 1, 5", "Вразмере"), None);
        assert_eq!(row_start_counts("В размере 1,5", "Вразмере"), None);
        assert_eq!(row_start_counts("Республикасының 2 2", "Қазақстан"), None);
        assert_eq!(row_key("В размере 1,5 Местн"), "Вразмере");
        assert!(starts_row("Вразмере", "Вразмере"));
    }

    fn placed(block: usize, no: usize, text: &str) -> Placed {
        (block, false, Frag::new(no, text))
    }

    #[test]
    fn rows_whose_counts_went_unread_split_at_their_funding_blocks() {
        let text = vec![
            placed(0, 1, "Қазақстан Республикасының"),
            placed(0, 2, "айлық жалақының"),
            placed(1, 4, "Жергілік"),
            placed(1, 5, "ті бюджет"),
            placed(2, 7, "1,5 мөлшерінде"),
            placed(3, 9, "Қазақстан Республикасының 1,5 мөлшерінде"),
            placed(4, 11, "Жергілікті бюджет"),
        ];
        let groups = split_merged(text.clone());
        assert_eq!(groups.len(), 2);
        let lines: Vec<usize> = groups[0].iter().map(|p| p.2.no).collect();
        assert_eq!(lines, vec![1, 2, 4, 5, 7]);
        // A funding cell torn in two is not two rows.
        let torn = vec![
            placed(0, 1, "Қазақстан Республикасының"),
            placed(1, 3, "Жергілікті"),
            placed(2, 5, "бюджет"),
        ];
        assert_eq!(split_merged(torn).len(), 1);
        let mut log = Log::default();
        let mut nums = vec![(Some(7), 13), (Some(7), 13)];
        let rows = close(&mut text.clone(), &mut nums, true, &mut log);
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].demand, rows[1].demand), (None, Some(7)));
    }

    #[test]
    fn a_count_read_as_a_letter_leaves_the_pair_unread() {
        let read = counts("Қазақстан Республикасының Жергілікті бюджет 5 З").unwrap();
        assert_eq!(read.prefix, "Қазақстан Республикасының Жергілікті бюджет");
        assert_eq!(read.nums, [None, None]);
        assert!(read.top);
        // Without funding words before it the pair is a cell's text.
        assert_eq!(counts("айлық жалақының 5 З"), None);
    }

    #[test]
    fn head_counts_end_a_row_even_after_a_funding_word() {
        let c = |p: &str, n: &[u32], top| {
            Some(Counts {
                prefix: p.to_string(),
                nums: n.iter().map(|&n| Some(n)).collect(),
                top,
            })
        };
        assert_eq!(counts("10 10"), c("", &[10, 10], false));
        assert_eq!(counts("бюджет 2 2"), c("бюджет", &[2, 2], false));
        assert_eq!(counts("15"), c("", &[15], false));
        assert_eq!(counts("айлық жалақының 2"), None);
        assert_eq!(
            counts("Қазақстан Жергілікті 17|17"),
            c("Қазақстан Жергілікті", &[17, 17], true)
        );
        assert_eq!(
            counts("Қазақстан бюджет 21121"),
            c("Қазақстан бюджет", &[21, 21], true)
        );
        assert_eq!(
            counts("Қазақстан бюджет 410").unwrap().nums,
            vec![None, None]
        );
        assert_eq!(
            counts("В размере 2 минимальных Средства местного 58 61"),
            c("В размере 2 минимальных Средства местного", &[58, 61], true)
        );
    }
}
