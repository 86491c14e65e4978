//! The printed column headers: found by the genre's standard header wording
//! (Kazakh and Russian) in the header text, cut apart and put in column order.

use super::blocks::{Block, Frag};
use super::lower_compact;
use crate::model::{ColumnGroup, Repair, RepairKind};
use crate::repair::split_word::lower_fast;

/// The table's columns in their printed order, each with the phrases (lowercase,
/// spaces removed) its header starts with.
const COLUMNS: [&[&str]; 9] = [
    &["№"],
    &["ұйымдардыңатау", "наименованиеорг"],
    &["қоғамдықжұмыстардыңтүр", "видыобществ"],
    &["көлемі(", "объем("],
    &["нақтыжағдай", "конкретныеусловия"],
    &["қатысушылардыңеңбег", "размероплаты"],
    &["қаржыландыру", "источник"],
    &["сұраныс", "спрос"],
    &["ұсыныс", "предложени"],
];

/// The header printed over the volume and conditions columns.
const GROUP: &[&str] = &["қоғамдықжұмыстардыңкөлемімен", "объемыиконкретн"];
/// The 1-based columns the group spans.
const GROUP_COLUMNS: [usize; 2] = [4, 5];

/// The genre's standard header texts: a cut whose letters match one of these
/// (spaces aside) is printed this way, with the words whole.
const STANDARD: &[&str] = &[
    "Ұйымдардың атауы",
    "Қоғамдық жұмыстардың түрлері",
    "Көлемі (бір қатысушыға)",
    "Нақты жағдайлары",
    "Қатысушылардың еңбегіне төленетін ақының мөлшері",
    "Қаржыландыру көздері",
    "Сұраныс(қатысушы)",
    "Ұсыныс (қатысушы)",
    "Қоғамдық жұмыстардың көлемі мен нақты жағдайлары",
    "Наименование организаций",
    "Виды общественных работ",
    "Объем (на одного участника)",
    "Конкретные условия",
    "Размер оплаты труда участников",
    "Источники финансирования",
    "Спрос (участников)",
    "Предложение (участников)",
    "Объемы и конкретные условия общественных работ",
];

/// The standard spelling of a header cut apart by the page layout, if it is one.
fn standard(piece: String) -> String {
    let c = lower_compact(&piece);
    STANDARD
        .iter()
        .find(|s| lower_compact(s) == c)
        .map_or(piece, |s| s.to_string())
}

/// The phrases `is_header_block` looks for at the start of a text, besides the
/// column and group headers.
const HEADER_EXTRA: &[&str] = &["(участник", "(қатысушы", "қатысушы)"];

/// How many phrases a header text may start with (checked to fit the bit set
/// of [`starts_with_any`]).
const PHRASES: usize = {
    let (mut n, mut i) = (GROUP.len() + HEADER_EXTRA.len(), 1);
    while i < COLUMNS.len() {
        n += COLUMNS[i].len();
        i += 1;
    }
    n
};
const _: () = assert!(PHRASES < 32 && COLUMNS[1].len() < 32);

/// The phrases a header text starts with: the columns' (but "№"), the group's
/// and the extra ones.
fn header_phrases() -> &'static [&'static str] {
    static DONE: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    DONE.get_or_init(|| {
        COLUMNS[1..]
            .iter()
            .chain([&GROUP, &HEADER_EXTRA])
            .flat_map(|ps| ps.iter().copied())
            .collect()
    })
}

/// Whether a block's text is a column header (not a cell), read on its lines
/// as they stand, without joining them (white space is dropped anyway).
/// Every block of the table passes here, twice.
pub fn is_header_block(b: &Block) -> bool {
    is_header_chars(b.frags.iter().flat_map(|f| f.text.chars()))
}

/// Whether a text, read on its characters, is a column header: its lowercase
/// letters (white space dropped) start with a header phrase, or are a lone
/// "№", or "№" before a column-1 phrase.
fn is_header_chars(chars: impl Iterator<Item = char>) -> bool {
    let mut chars = chars.filter(|c| !c.is_whitespace()).peekable();
    // "№" has no case: it is its own lowercase and no other letter's.
    if chars.next_if_eq(&'№').is_some() {
        return chars.peek().is_none() || starts_with_any(chars, COLUMNS[1]);
    }
    starts_with_any(chars, header_phrases())
}

/// Whether the characters, lowercased, start with one of the (at most 31)
/// phrases. The phrases still possible are followed byte by byte, so a
/// cell's text is given up after its first letters.
fn starts_with_any(chars: impl Iterator<Item = char>, phrases: &[&str]) -> bool {
    let mut follow = Follow {
        phrases,
        live: (1 << phrases.len()) - 1,
        at: 0,
    };
    for c in chars {
        // Lowercased without the Unicode table for ASCII and Cyrillic.
        let answer = match lower_fast(c) {
            Some(l) => follow.step(l),
            None => c.to_lowercase().find_map(|l| follow.step(l)),
        };
        if let Some(answer) = answer {
            return answer;
        }
    }
    false
}

/// The phrases still possible after the first `at` bytes of a text.
struct Follow<'p> {
    phrases: &'p [&'p str],
    /// One bit per phrase.
    live: u32,
    at: usize,
}

impl Follow<'_> {
    /// The next letter: `Some(true)` once a phrase is whole, `Some(false)`
    /// once none is left, `None` while undecided.
    fn step(&mut self, l: char) -> Option<bool> {
        let mut buf = [0u8; 4];
        for &b in l.encode_utf8(&mut buf).as_bytes() {
            let mut left = self.live;
            while left != 0 {
                let i = left.trailing_zeros() as usize;
                left &= left - 1;
                // A live phrase is longer than `at`: a whole one has answered.
                let p = self.phrases[i].as_bytes();
                if p[self.at] != b {
                    self.live &= !(1 << i);
                } else if self.at + 1 == p.len() {
                    return Some(true);
                }
            }
            if self.live == 0 {
                return Some(false);
            }
            self.at += 1;
        }
        None
    }
}

/// A header block that runs on into other headers or a cell's lines (no
/// blank line between): cut after each run of lines that spells a whole
/// standard header ("Көлемі" / "(бір қаты" / "сушыға)" / "3 0 0" / "үйге" …),
/// or a "№" over row 1's number, the rest left to the rows. `None` when there is nothing to cut.
pub fn split_header_block(b: &Block) -> Option<Vec<Block>> {
    if number_sign_over_number(b) {
        return Some(cut_after_first_line(b));
    }
    if b.frags.len() < 2 || !is_header_block(b) {
        return None;
    }
    let mut out = Vec::new();
    let mut from = 0;
    let mut spelled = String::new();
    let standard = standard_compact();
    for k in 1..b.frags.len() {
        spelled.push_str(&lower_compact(&b.frags[k - 1].text));
        if standard.contains(&spelled) || (spelled == "№" && over_row_one(&b.frags[k])) {
            out.push(Block {
                frags: b.frags[from..k].to_vec(),
                page_break_before: from == 0 && b.page_break_before,
            });
            from = k;
            spelled.clear();
        }
    }
    if from == 0 {
        // No whole header spelled: OCR may have read the header rows across
        // and run them on into row 1's line.
        return first_data_line(b).map(|k| cut_before(b, k));
    }
    out.push(Block {
        frags: b.frags[from..].to_vec(),
        page_break_before: false,
    });
    Some(out)
}

/// The "№" header printed right over row 1's number, no blank line between
/// ("№" / "1"): pdftotext reads a narrow first column top to bottom when the
/// header cell and the first row's cell stand alone in it.
fn number_sign_over_number(b: &Block) -> bool {
    let [sign, number, ..] = &b.frags[..] else {
        return false;
    };
    sign.text.trim() == "№" && super::works::all_digits(number.text.trim())
}

/// Row 1's number under the header's "№" (the header printed once, over the
/// first row; under a header repeated on a later page, a page's numbers may
/// follow in one run, which the rows read as such).
fn over_row_one(line: &super::blocks::Frag) -> bool {
    line.text.trim() == "1"
}

/// A block cut in two after its first line.
fn cut_after_first_line(b: &Block) -> Vec<Block> {
    cut_before(b, 1)
}

/// A block cut in two before its line `k`.
fn cut_before(b: &Block, k: usize) -> Vec<Block> {
    vec![
        Block {
            frags: b.frags[..k].to_vec(),
            page_break_before: b.page_break_before,
        },
        Block {
            frags: b.frags[k..].to_vec(),
            page_break_before: false,
        },
    ]
}

/// The first line of a header block that is a row, not a header: OCR reads a
/// table across its columns, so the header rows and the first row's line
/// ("1 Государственное учреждение …", "В размере 1,5 … Средства местного 12 12")
/// come as one block when no blank line parts them. Header rows hold no digit;
/// a line with a digit and a word is a row (a lone run of column numbers
/// "1 2 3" is not cut off).
fn first_data_line(b: &Block) -> Option<usize> {
    let is_row = |t: &str| {
        t.contains(|c: char| c.is_ascii_digit())
            && t.split_whitespace()
                .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
    };
    (1..b.frags.len()).find(|&k| is_row(&b.frags[k].text))
}

/// The header blocks (in line order) cut into the first printing of the
/// header and its repeats: a table printed with its header rows repeated on
/// every page gives each header cell again. A block that spells exactly (spaces
/// aside) a whole standard header, or "№", already given is a repeat; pieces of
/// headers are not compared ("шы)" ends two of them).
pub fn split_repeats(blocks: Vec<&Block>) -> (Vec<&Block>, Vec<&Block>) {
    let mut seen: Vec<String> = Vec::new();
    let (mut first, mut repeats) = (Vec::new(), Vec::new());
    let standard = standard_compact();
    for b in blocks {
        let text: String = b.frags.iter().map(|f| lower_compact(&f.text)).collect();
        let whole = text == "№" || standard.contains(&text);
        if whole && seen.contains(&text) {
            repeats.push(b);
        } else {
            seen.push(text);
            first.push(b);
        }
    }
    (first, repeats)
}

/// Indices of one-line blocks that are pieces of a standard header printed
/// apart among the cells ("Н а қ т ы" … "ж а ғ д а й л а р ы"): a block that
/// starts a header and a block, at most `REACH` blocks later, that ends it.
pub fn scattered_pieces(blocks: &[&Block]) -> Vec<usize> {
    const REACH: usize = 12;
    // Each one-line block compacted once: the search below reads each up to
    // `REACH` times. Longer blocks are no pieces.
    let compact: Vec<Option<String>> = blocks
        .iter()
        .map(|b| (b.frags.len() == 1).then(|| lower_compact(&b.frags[0].text)))
        .collect();
    let mut out = Vec::new();
    let standard = standard_compact();
    for (i, head) in compact.iter().enumerate() {
        let Some(head) = head else { continue };
        if out.contains(&i) || head.chars().count() < 4 {
            continue;
        }
        for s in standard {
            let Some(rest) = s.strip_prefix(head.as_str()) else {
                continue;
            };
            if rest.is_empty() {
                continue;
            }
            let end = (i + 1..blocks.len().min(i + 1 + REACH))
                .find(|&j| compact[j].as_deref() == Some(rest));
            if let Some(j) = end {
                out.extend([i, j]);
                break;
            }
        }
    }
    out.sort_unstable();
    out
}

/// How many blocks apart the words of a justified header line may be printed.
const GAP_REACH: usize = 12;

/// A standard header's words, lowercase and compacted, once per process.
/// Whether the block's first letter, lowercased, opens a standard header: a
/// test on one character that rules out most blocks before any is compacted.
fn may_open_header(b: &Block) -> bool {
    let first = b
        .frags
        .iter()
        .flat_map(|f| f.text.chars())
        .find(|c| !c.is_whitespace());
    first.is_some_and(|c| {
        let lower = crate::repair::split_word::lower_fast(c).or_else(|| c.to_lowercase().next());
        lower.is_some_and(|l| standard_compact().iter().any(|s| s.starts_with(l)))
    })
}

fn standard_words() -> &'static [Vec<String>] {
    static DONE: std::sync::OnceLock<Vec<Vec<String>>> = std::sync::OnceLock::new();
    DONE.get_or_init(|| {
        STANDARD
            .iter()
            .map(|s| s.split_whitespace().map(lower_compact).collect())
            .collect()
    })
}

/// Words of a justified header line that pdftotext printed apart: the wide
/// gaps of a justified cell make it print the line's middle words as blocks
/// of their own among the cells ("Қоғамдық жұмыстардың" / "нақты жағдайлары"
/// … "көлемі" … "мен"). A block whose first words spell a standard header
/// but for a run in its middle gets that run back from one-line blocks at
/// most `GAP_REACH` blocks away, so it spells the header whole again; the
/// moved blocks are taken out. Each gathering is logged with the header's line.
pub fn gather_gapped(all: &mut Vec<Block>, repairs: &mut Vec<Repair>) {
    let mut taken: Vec<usize> = Vec::new();
    for i in 0..all.len() {
        if taken.contains(&i) {
            continue;
        }
        let Some((at, pieces)) = gapped_header(all, i, &taken) else {
            continue;
        };
        let before = all[i].plain();
        let moved: Vec<Frag> = pieces.iter().map(|&j| all[j].frags[0].clone()).collect();
        all[i].frags = with_words_at(&all[i].frags, at, moved);
        repairs.push(Repair {
            kind: RepairKind::ScatteredWords,
            line: all[i].first_line(),
            before,
            after: all[i].plain(),
        });
        taken.extend(pieces);
    }
    taken.sort_unstable();
    for j in taken.into_iter().rev() {
        all.remove(j);
    }
}

/// For block `i` whose words start with a standard header missing a run in
/// its middle: the word position of the gap, and the one-line blocks nearby
/// whose words fill it, in order.
fn gapped_header(all: &[Block], i: usize, taken: &[usize]) -> Option<(usize, Vec<usize>)> {
    // Every block is asked: most open with no header's first word.
    if !may_open_header(&all[i]) {
        return None;
    }
    let first = all[i]
        .frags
        .iter()
        .flat_map(|f| f.text.split_whitespace())
        .next()?;
    let first = lower_compact(first);
    if !standard_words().iter().any(|s| s.first() == Some(&first)) {
        return None;
    }
    // A standard header has at most 7 words: the rest of a long cell is not read.
    let lower: Vec<String> = all[i]
        .frags
        .iter()
        .flat_map(|f| f.text.split_whitespace())
        .take(16)
        .map(lower_compact)
        .collect();
    standard_words().iter().find_map(|s| {
        let (a, b) = gap_in(&lower, s)?;
        let pieces = fill_gap(all, i, taken, &s[a..b])?;
        Some((a, pieces))
    })
}

/// The gap `(a, b)` when `lower` starts with `s[..a]` then `s[b..]`, the gap
/// inside (0 < a < b < len). The head stops at the first word that differs.
fn gap_in(lower: &[String], s: &[String]) -> Option<(usize, usize)> {
    let a = lower.iter().zip(s).take_while(|(x, y)| x == y).count();
    if a == 0 || a >= s.len() - 1 {
        return None;
    }
    let rest = &lower[a..];
    (a + 1..s.len())
        .find(|&b| rest.starts_with(&s[b..]) && rest.len() >= s.len() - b)
        .map(|b| (a, b))
}

/// One-line blocks within `GAP_REACH` of block `i` (not taken already) whose
/// words, in block order, are exactly `gap`: looked for after the header
/// first (where pdftotext prints them), then before it.
fn fill_gap(all: &[Block], i: usize, taken: &[usize], gap: &[String]) -> Option<Vec<usize>> {
    let after = i + 1..(i + 1 + GAP_REACH).min(all.len());
    let before = i.saturating_sub(GAP_REACH)..i;
    [after, before].into_iter().find_map(|range| {
        let free = range.filter(|j| !taken.contains(j));
        fill_from(all, free, gap)
    })
}

/// The blocks of `candidates` whose one line each holds a run of `gap` not
/// held yet, when together they hold it all: in the gap's order (pdftotext
/// may print a later word first, "мен" … "көлемі").
fn fill_from(
    all: &[Block],
    candidates: impl Iterator<Item = usize>,
    gap: &[String],
) -> Option<Vec<usize>> {
    // The block holding each word of the gap.
    let mut holder: Vec<Option<usize>> = vec![None; gap.len()];
    for j in candidates {
        let [frag] = all[j].frags.as_slice() else {
            continue;
        };
        let w: Vec<String> = frag.text.split_whitespace().map(lower_compact).collect();
        if w.is_empty() || w.len() > gap.len() {
            continue;
        }
        let free = |p: &usize| holder[*p..*p + w.len()].iter().all(Option::is_none);
        let Some(p) = (0..=gap.len() - w.len())
            .filter(free)
            .find(|&p| gap[p..p + w.len()] == w[..])
        else {
            continue;
        };
        holder[p..p + w.len()].fill(Some(j));
        if holder.iter().all(Option::is_some) {
            let mut pieces: Vec<usize> = holder.into_iter().flatten().collect();
            pieces.dedup();
            return Some(pieces);
        }
    }
    None
}

/// The frags with `moved` put in after the first `at` words: the frag that
/// holds the gap is cut there.
fn with_words_at(frags: &[Frag], at: usize, moved: Vec<Frag>) -> Vec<Frag> {
    let mut out = Vec::new();
    let mut seen = 0;
    let mut moved = Some(moved);
    for f in frags {
        let n = f.text.split_whitespace().count();
        if seen < at && at < seen + n {
            let words: Vec<&str> = f.text.split_whitespace().collect();
            out.push(Frag {
                text: words[..at - seen].join(" "),
                ..f.clone()
            });
            out.extend(moved.take().unwrap_or_default());
            out.push(Frag {
                text: words[at - seen..].join(" "),
                part: f.part + 1,
                ..f.clone()
            });
        } else {
            if seen == at {
                out.extend(moved.take().unwrap_or_default());
            }
            out.push(f.clone());
        }
        seen += n;
    }
    out
}

/// How many lines the rest of a header torn off its start may take.
const REST_LINES: usize = 4;

/// Headers torn apart by the page layout: a block that spells the start of a
/// standard header ("Көлемі" / "(бір"), and, at most `GAP_REACH` blocks later,
/// a block whose first lines spell its rest ("қатысушы" / "ға)", then a
/// cell's lines). The rest's lines go back to the start; a block left with
/// no line is taken out. Each is logged with the header's line.
pub fn gather_torn(all: &mut Vec<Block>, repairs: &mut Vec<Repair>) {
    let mut emptied = Vec::new();
    for i in 0..all.len() {
        let Some((j, k)) = torn_rest(all, i) else {
            continue;
        };
        let before = all[i].plain();
        let rest: Vec<Frag> = all[j].frags.drain(..k).collect();
        all[i].frags.extend(rest);
        repairs.push(Repair {
            kind: RepairKind::ScatteredWords,
            line: all[i].first_line(),
            before,
            after: all[i].plain(),
        });
        if all[j].frags.is_empty() {
            emptied.push(j);
        }
    }
    for j in emptied.into_iter().rev() {
        all.remove(j);
    }
}

/// For block `i` that spells the start of a standard header but not all of
/// it: the block after it whose first `k` lines spell the rest, as `(j, k)`.
fn torn_rest(all: &[Block], i: usize) -> Option<(usize, usize)> {
    if all[i].frags.len() > REST_LINES || !may_open_header(&all[i]) {
        return None;
    }
    let start: String = all[i]
        .frags
        .iter()
        .map(|f| lower_compact(&f.text))
        .collect();
    if start.chars().count() < 4 {
        return None;
    }
    let rest = standard_compact()
        .iter()
        .find_map(|s| s.strip_prefix(start.as_str()).filter(|r| !r.is_empty()))?;
    (i + 1..(i + 1 + GAP_REACH).min(all.len())).find_map(|j| {
        let mut spelled = String::new();
        for (k, f) in all[j].frags.iter().take(REST_LINES).enumerate() {
            spelled.push_str(&lower_compact(&f.text));
            if spelled == rest {
                return Some((j, k + 1));
            }
            if !rest.starts_with(spelled.as_str()) {
                return None;
            }
        }
        None
    })
}

/// The standard headers compacted, once per process (matched against every block).
fn standard_compact() -> &'static [String] {
    static DONE: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    DONE.get_or_init(|| STANDARD.iter().map(|s| lower_compact(s)).collect())
}

/// Cuts the header text (all header blocks, rendered and joined in order) into
/// columns and the column group. Columns whose header is not found stay empty.
pub fn columns(text: &str) -> (Vec<String>, Vec<ColumnGroup>) {
    let (map, compacted) = compact_map(text);
    let mut masked = compacted.clone();
    let mut starts: Vec<(usize, Option<usize>)> = Vec::new();
    let group = find_any(&masked, GROUP);
    if let Some(g) = group {
        let end = group_end(&masked, g);
        masked.replace_range(g..end, &"\u{0}".repeat(end - g));
        starts.push((g, None));
    }
    for (i, phrases) in COLUMNS.iter().enumerate() {
        if let Some(pos) = find_any(&masked, phrases) {
            starts.push((pos, Some(i)));
        }
    }
    starts.sort();
    let mut cols = vec![String::new(); COLUMNS.len()];
    let mut groups = Vec::new();
    for (k, &(pos, col)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(compacted.len(), |s| s.0);
        let piece = standard(slice(text, &map, pos, end, compacted.len()));
        match col {
            Some(i) => cols[i] = piece,
            None => groups.push(ColumnGroup {
                title: piece,
                columns: GROUP_COLUMNS.to_vec(),
            }),
        }
    }
    complete_cut_headers(&mut cols, &mut groups);
    (cols, groups)
}

/// A column's last word printed after a page break, behind the next header
/// ("Виды общественных" … "Объемы и конкретные условия общественных работ"
/// "работ"): the standard header it ends is given back its word.
fn complete_cut_headers(cols: &mut [String], groups: &mut [ColumnGroup]) {
    let standard = standard_compact();
    let n = cols.len();
    for p in 0..n + groups.len() {
        let piece = if p < n {
            &cols[p]
        } else {
            &groups[p - n].title
        };
        let words: Vec<&str> = piece.split_whitespace().collect();
        let Some(k) = standard_prefix(&words, standard) else {
            continue;
        };
        let (taken, rest) = (words[..k].join(" "), words[k..].join(" "));
        let home = (0..n).find(|&c| {
            c != p
                && !cols[c].is_empty()
                && standard.contains(&lower_compact(&format!("{} {rest}", cols[c])))
        });
        let Some(c) = home else { continue };
        cols[c] = format!("{} {rest}", cols[c]);
        if p < n {
            cols[p] = taken;
        } else {
            groups[p - n].title = taken;
        }
    }
}

/// How many of the first `words` (fewer than all) spell a standard header,
/// compacted. `lower_compact` works letter by letter, so the compacted
/// prefixes grow word by word, and none longer than the longest header is
/// tried (a long cell would otherwise be joined and compacted once per word).
fn standard_prefix(words: &[&str], standard: &[String]) -> Option<usize> {
    let longest = standard.iter().map(String::len).max().unwrap_or(0);
    let mut prefix = String::new();
    for (i, w) in words.iter().enumerate().take(words.len().saturating_sub(1)) {
        prefix.push_str(&lower_compact(w));
        if prefix.len() > longest {
            return None;
        }
        if standard.contains(&prefix) {
            return Some(i + 1);
        }
    }
    None
}

fn find_any(hay: &str, phrases: &[&str]) -> Option<usize> {
    phrases.iter().filter_map(|p| hay.find(p)).min()
}

/// The group title ends after the word for "conditions" (жағдайлары / работ).
fn group_end(compacted: &str, start: usize) -> usize {
    for end_word in ["жағдайлары", "работ"] {
        if let Some(off) = compacted[start..].find(end_word) {
            return start + off + end_word.len();
        }
    }
    compacted.len()
}

/// The compact (lowercased, no spaces) text and, for each of its byte offsets,
/// the byte offset in the original text.
fn compact_map(text: &str) -> (Vec<usize>, String) {
    let mut map = Vec::new();
    let mut out = String::new();
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            continue;
        }
        for lc in c.to_lowercase() {
            for _ in 0..lc.len_utf8() {
                map.push(i);
            }
            out.push(lc);
        }
    }
    map.push(text.len());
    (map, out)
}

fn slice(text: &str, map: &[usize], start: usize, end: usize, len: usize) -> String {
    let from = map[start.min(len)];
    let to = map[end.min(len)];
    text.get(from..to).unwrap_or("").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_kazakh_headers_and_group() {
        let text = "№ Ұйымдардың атауы Қоғамдық жұмыстардың түрлері Қоғамдық жұмыстардың көлемі мен нақты жағдайлары Көлемі (бір қатысушыға) Нақты жағдайлары Қатысушылардың еңбегіне төленетін ақының мөлшері Қаржыландыру көздері Сұраныс(қатысушы) Ұсыныс (қатысушы)";
        let (cols, groups) = columns(text);
        assert_eq!(cols[0], "№");
        assert_eq!(cols[3], "Көлемі (бір қатысушыға)");
        assert_eq!(cols[4], "Нақты жағдайлары");
        assert_eq!(cols[8], "Ұсыныс (қатысушы)");
        assert_eq!(
            groups[0].title,
            "Қоғамдық жұмыстардың көлемі мен нақты жағдайлары"
        );
    }

    #[test]
    fn a_headers_last_word_printed_behind_the_next_header_goes_back() {
        let text = "№ Наименование организаций Виды общественных Объемы и конкретные условия общественных работ работ Объем (на одного участника) Конкретные условия";
        let (cols, groups) = columns(text);
        assert_eq!(cols[2], "Виды общественных работ");
        assert_eq!(
            groups[0].title,
            "Объемы и конкретные условия общественных работ"
        );
    }

    #[test]
    fn a_header_block_running_into_a_cell_is_cut_after_the_header() {
        let lines = ["Көлемі", "(бір қаты", "сушыға)", "300", "үйге", "дейін"];
        let b = Block::of_lines(1, lines, false);
        let parts = split_header_block(&b).expect("cut");
        assert_eq!(parts[0].plain(), "Көлемі (бір қаты сушыға)");
        assert_eq!(parts[1].plain(), "300 үйге дейін");
        assert!(split_header_block(&Block {
            frags: b.frags[3..].to_vec(),
            page_break_before: false
        })
        .is_none());
    }

    #[test]
    fn header_pieces_printed_among_cells_are_found() {
        use super::super::blocks::Frag;
        let block = |no: usize, t: &str| Block {
            frags: vec![Frag::new(no, t)],
            page_break_before: false,
        };
        let blocks = [
            block(1, "Нақты"),
            block(3, "Алматы облысы"),
            block(5, "жағдайлары"),
            block(7, "нақты"),
        ];
        let refs: Vec<&Block> = blocks.iter().collect();
        assert_eq!(scattered_pieces(&refs), [0, 2]);
    }

    #[test]
    fn a_justified_headers_middle_words_printed_apart_come_back() {
        let mut all = vec![
            Block::of_lines(
                10,
                [
                    "Қоғамдық жұмыстардың",
                    "нақты жағдайлары",
                    "Көлемі",
                    "(бір",
                    "қатысушыға)",
                    "1500",
                ],
                false,
            ),
            Block::of_lines(17, ["Абаттандыру"], false),
            Block::of_lines(19, ["көлемі"], false),
            Block::of_lines(21, ["мен"], false),
            Block::of_lines(23, ["мен"], false),
        ];
        let mut repairs = Vec::new();
        gather_gapped(&mut all, &mut repairs);
        assert_eq!(all.len(), 3);
        assert_eq!(
            all[0].plain(),
            "Қоғамдық жұмыстардың көлемі мен нақты жағдайлары Көлемі (бір қатысушыға) 1500"
        );
        // The second "мен" is no header's: it stays.
        assert_eq!(all[2].plain(), "мен");
        assert_eq!(repairs.len(), 1);
        assert_eq!(repairs[0].line, 10);
        // Then cut off as headers, as any header block running into a cell.
        let parts = split_header_block(&all[0]).expect("cut");
        assert_eq!(parts.last().unwrap().plain(), "1500");
    }

    #[test]
    fn a_header_torn_from_its_rest_gets_the_rest_back_from_a_cells_block() {
        // As the corpus's t0016 prints it (WeasyPrint, justified header cells).
        let mut all = vec![
            Block::of_lines(66, ["Көлемі", "(бір"], false),
            Block::of_lines(69, ["Нақты жағдайлары"], false),
            Block::of_lines(
                73,
                ["қатысушы", "ға)", "Ескелді аудандық", "бірлестігі"],
                true,
            ),
            Block::of_lines(78, ["ға)"], false),
        ];
        let mut repairs = Vec::new();
        gather_torn(&mut all, &mut repairs);
        assert_eq!(all.len(), 4);
        assert_eq!(all[0].plain(), "Көлемі (бір қатысушы ға)");
        assert_eq!(all[2].plain(), "Ескелді аудандық бірлестігі");
        assert!(all[2].page_break_before);
        assert_eq!(all[3].plain(), "ға)");
        assert_eq!((repairs.len(), repairs[0].line), (1, 66));
        // A rest printed alone leaves no empty block behind.
        let mut all = vec![
            Block::of_lines(1, ["Нақты"], false),
            Block::of_lines(3, ["жағдайлары"], false),
        ];
        gather_torn(&mut all, &mut repairs);
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].plain(), "Нақты жағдайлары");
    }

    #[test]
    fn a_justified_headers_middle_words_printed_in_the_wrong_order_come_back() {
        let mut all = vec![
            Block::of_lines(1, ["Қоғамдық жұмыстардың", "нақты жағдайлары"], false),
            Block::of_lines(4, ["мен"], false),
            Block::of_lines(
                6,
                ["Қоғамдық жұмыстардың көлемі мен нақты жағдайлары екі сөз"],
                false,
            ),
            Block::of_lines(8, ["көлемі"], false),
        ];
        let mut repairs = Vec::new();
        gather_gapped(&mut all, &mut repairs);
        assert_eq!(all.len(), 2);
        assert_eq!(
            all[0].plain(),
            "Қоғамдық жұмыстардың көлемі мен нақты жағдайлары"
        );
    }

    #[test]
    fn a_cell_starting_with_a_headers_first_word_is_left_alone() {
        let mut all = vec![
            Block::of_lines(1, ["Қоғамдық жұмыстар уақытша", "жұмыс орындарын"], false),
            Block::of_lines(4, ["көлемі"], false),
            Block::of_lines(6, ["Қоғамдық жұмыстардың", "түрлері"], false),
        ];
        let before = all.clone();
        let mut repairs = Vec::new();
        gather_gapped(&mut all, &mut repairs);
        assert_eq!(all, before);
        assert!(repairs.is_empty());
    }

    #[test]
    fn recognizes_header_blocks() {
        let header = |lines: &[&str]| is_header_block(&Block::of_lines(1, lines.to_vec(), false));
        assert!(header(&["Сұраныс( қатысушы )"]));
        assert!(header(&["Сұраныс(", "қатысушы", ")"]));
        assert!(header(&["№"]));
        assert!(header(&["№ Ұйымдар", "дың атауы"]));
        assert!(!header(&["Қоғамдық жұмыстар уақытша жұмыс"]));
        assert!(!header(&["Жергілікті бюджет"]));
        assert!(!header(&["№", "1"]));
    }
}
