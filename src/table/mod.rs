//! The appendix table rebuilt from its torn, column-by-column printed lines.
//!
//! Stages, in order: lines → blocks (cells as pdftotext prints them, with
//! letter-spaced runs joined) → the continuation marker splits part 1 from
//! part 2 → header blocks give the columns → part 1 rows by their numbers,
//! torn rows rebuilt → part 2 rows by their head counts → cells rendered,
//! works paired with volumes → cross-checks as warnings.

mod apart;
mod apart2;
mod blocks;
mod cell;
mod checks;
mod classify;
mod cycle;
mod header;
mod interleave;
mod part2;
mod pay;
mod resplit;
mod rows;
mod strays;
mod tails;
mod together;
mod torn;
mod weave;
mod works;

use crate::lines::Line;
use crate::model::{Language, Repair, RepairKind, Residue, Row, Table, Warning};
use crate::repair::split_word::Vocab;
use blocks::{Block, Frag};

/// The rebuilt table with everything the reconstruction did or could not place.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableOutput {
    pub table: Table,
    /// Layout text (e.g. "кестенің жалғасы") and anything unplaced, kept so nothing is lost.
    pub residue: Vec<Residue>,
    pub repairs: Vec<Repair>,
    pub warnings: Vec<Warning>,
}

/// What the reconstruction did and doubted, collected on the way.
#[derive(Debug, Default)]
pub(crate) struct Log {
    pub repairs: Vec<Repair>,
    pub warnings: Vec<Warning>,
    pub residue: Vec<Residue>,
}

impl Log {
    pub fn repair(&mut self, kind: RepairKind, line: usize, before: String, after: String) {
        self.repairs.push(Repair {
            kind,
            line,
            before,
            after,
        });
    }

    pub fn warn(&mut self, line: usize, message: String) {
        self.warnings.push(Warning { line, message });
    }

    /// Takes the lines `range` out of `cell` because a page break printed
    /// them away from the cell they belong to, logging one repair with their
    /// text and `to`, where they go; the caller puts them there. Every such
    /// move logs the same way, so the repair log reads alike whatever moved.
    pub fn moved(
        &mut self,
        cell: &mut Vec<Frag>,
        range: impl std::ops::RangeBounds<usize>,
        to: String,
    ) -> Vec<Frag> {
        let moved: Vec<Frag> = cell.drain(range).collect();
        self.moved_lines(&moved, to);
        moved
    }

    /// Logs `lines`, printed away from their cell by a page break, as moved
    /// `to`: one repair at the first line with their text joined.
    pub fn moved_lines(&mut self, lines: &[Frag], to: String) {
        if let Some(first) = lines.first() {
            let text: Vec<&str> = lines.iter().map(|f| f.text.as_str()).collect();
            self.repair(RepairKind::PageBreakRow, first.no, text.join(" "), to);
        }
    }

    /// Moves another log's entries after this one's (in their order).
    pub fn append(&mut self, mut other: Log) {
        self.repairs.append(&mut other.repairs);
        self.warnings.append(&mut other.warnings);
        self.residue.append(&mut other.residue);
    }

    /// The log of a reading that was thrown away: the text it could not place
    /// stays in residue with the warnings saying why; its moves and its
    /// doubts about its own rows go with the rows.
    fn residue_only(self) -> Log {
        let kept: Vec<usize> = self.residue.iter().map(|r| r.line).collect();
        Log {
            repairs: Vec::new(),
            warnings: self
                .warnings
                .into_iter()
                .filter(|w| kept.contains(&w.line))
                .collect(),
            residue: self.residue,
        }
    }

    /// Keeps the print's own furniture (the continuation marker, a header
    /// printed again on a later page) in `residue`, without a warning.
    pub fn layout(&mut self, f: &Frag) {
        self.residue.push(Residue {
            line: f.no,
            text: f.text.clone(),
        });
    }

    /// Keeps text that fits no cell in `residue`, with a warning saying why.
    pub fn unplaced(&mut self, line: usize, text: &str, why: &str) {
        self.residue.push(Residue {
            line,
            text: text.to_string(),
        });
        self.warn(line, format!("{why}: \"{text}\""));
    }
}

/// The marker printed where the table continues ("кестенің жалғасы").
const CONTINUATION: &[&str] = &["кестеніңжалғасы", "продолжениетаблицы"];

/// Rebuilds the table from the lines that follow the appendix title (header rows,
/// part 1, the continuation marker, part 2) up to the end of the document.
pub fn reconstruct(lines: &[Line], language: Language) -> TableOutput {
    reconstruct_in(lines, &[], language)
}

/// `reconstruct`, with the decree's text above the table (`text`) as further
/// evidence for words the table's narrow cells print only broken
/// ("законодательст" / "вом" in every row, "законодательством" in a clause).
pub fn reconstruct_in(lines: &[Line], text: &[Line], language: Language) -> TableOutput {
    crate::repair::split_word::with_word_cores(|| reconstruct_with_cores(lines, text, language))
}

/// `reconstruct`'s stages, run with the document's store of word cores.
fn reconstruct_with_cores(lines: &[Line], text: &[Line], language: Language) -> TableOutput {
    let mut log = Log::default();
    let mut all = blocks::make_blocks(lines, &mut log.repairs);
    if language == Language::Ru {
        // One-letter words are Russian's.
        resplit::resplit(&mut all, &mut log.repairs);
    }
    header::gather_gapped(&mut all, &mut log.repairs);
    let mut all: Vec<Block> = all
        .into_iter()
        .flat_map(|b| header::split_header_block(&b).unwrap_or_else(|| vec![b]))
        .collect();
    header::gather_torn(&mut all, &mut log.repairs);
    let mut vocab = cell::vocab_of(all.iter().flat_map(|b| b.frags.iter()));
    vocab.add_words_from(text.iter().map(|l| l.text.as_str()));
    resplit::join_letter_heads(&mut all, &vocab, &mut log.repairs);
    cell::learn_breaks(&mut vocab, &all);
    let vocab = vocab;
    let (part1, part2) = split_at_marker(all, &mut log);
    let (mut head1, data1): (Vec<&Block>, Vec<&Block>) =
        part1.iter().partition(|b| header::is_header_block(b));
    let pieces = header::scattered_pieces(&data1);
    head1.extend(pieces.iter().map(|&i| data1[i]));
    let data1: Vec<&Block> = (0..data1.len())
        .filter(|i| !pieces.contains(i))
        .map(|i| data1[i])
        .collect();
    let (head2, data2): (Vec<&Block>, Vec<&Block>) =
        part2.iter().partition(|b| header::is_header_block(b));
    // The numbered reading's own log: if the cycle reading replaces it, what
    // it says of its rows goes with them (see `Log::residue_only`).
    let mut numbered = Log::default();
    let (mut raw1, first_row) = rows::part1(&data1, &mut numbered);
    if raw1.is_empty() {
        for b in &data1 {
            for f in &b.frags {
                numbered.unplaced(f.no, &f.text, "no numbered row found for this text");
            }
        }
    }
    let first_row = if raw1.is_empty() { 0 } else { first_row };
    let (head0, lost): (Vec<&Block>, Vec<&Block>) = data1[..first_row]
        .iter()
        .partition(|b| is_header_fragment(b));
    let mut head0_used = true;
    for b in lost {
        for f in &b.frags {
            numbered.unplaced(
                f.no,
                &f.text,
                "text printed before row 1 that could not be placed in a row",
            );
        }
    }
    torn::reattach(&mut raw1, &mut numbered);
    torn::return_rests(&mut raw1, &mut numbered);
    let mut log2 = Log::default();
    let mut raw2 = part2::part2(&data2, &mut log2);
    let chosen = if raw2.iter().any(|r| r.read_across) {
        None
    } else {
        read_by_cycle(&data1, &raw1, raw2.len())
    };
    match chosen {
        Some((rows, trial, by_apart)) => {
            raw1 = rows;
            if by_apart {
                reread_part2(&data2, raw1.len(), &mut raw2, &mut log2);
            }
            log.append(numbered.residue_only());
            log.append(log2);
            merge_trial(&mut log, trial, &raw1);
            head0_used = false;
        }
        None => {
            log.append(numbered);
            log.append(log2);
        }
    }
    tails::return_to_rows(&mut raw1, &mut log);
    let head_blocks: Vec<&Block> = head1
        .into_iter()
        .chain(head0.into_iter().filter(|_| head0_used))
        .chain(head2)
        .collect();
    let mut head_blocks = head_blocks;
    head_blocks.sort_by_key(|b| b.first_line());
    let (head_blocks, repeats) = header::split_repeats(head_blocks);
    for f in repeats.iter().flat_map(|b| &b.frags) {
        log.layout(f);
    }
    let head_text: Vec<String> = head_blocks
        .iter()
        .map(|b| cell::render(&b.frags, &vocab, &mut log))
        .collect();
    let (columns, column_groups) = header::columns(&head_text.join(" "));
    strays::move_in_funding(&mut raw2, &mut log);
    strays::move_in_pay(&mut raw2, &mut log);
    strays::split_doubled_pay(&mut raw2, &mut log);
    strays::funding_rest_from_pay(&mut raw2, &mut log);
    weave::weave_pays(&part2, &mut raw2, &mut log);
    let rows = assemble(&raw1, &raw2, &vocab, &mut log);
    checks::table(&rows, raw2.len(), &mut log);
    let Log {
        repairs,
        warnings,
        residue,
    } = log;
    TableOutput {
        table: Table {
            columns,
            column_groups,
            rows,
        },
        residue,
        repairs,
        warnings,
    }
}

/// Part 1 read from the cycle of its cells (numbers printed apart, or not at
/// all) when that reading has more whole rows than the numbered one: the
/// rows, their log, and whether the numbers-apart reading gave them.
fn read_by_cycle(
    data1: &[&Block],
    numbered: &[rows::RawRow],
    expected: usize,
) -> Option<(Vec<rows::RawRow>, Log, bool)> {
    // Neither reading gives more rows than part 2's count or, with numbers
    // printed apart, the last number printed: a numbered reading with that
    // many whole rows cannot be beaten, and both readings are skipped.
    let ceiling = expected.max(apart::printed_rows(data1).unwrap_or(0));
    if cycle::quality(numbered) >= ceiling {
        return None;
    }
    let mut trial = Log::default();
    let mut best = cycle::rows(data1, expected, &mut trial).map(|r| (r, false));
    let mut trial_apart = Log::default();
    if let Some(rows) = apart::rows(data1, expected, &mut trial_apart) {
        if best
            .as_ref()
            .is_none_or(|(c, _)| cycle::quality(&rows) >= cycle::quality(c))
        {
            best = Some((rows, true));
            trial = trial_apart;
        }
    }
    best.filter(|(c, _)| cycle::quality(c) > cycle::quality(numbered))
        .map(|(rows, by_apart)| (rows, trial, by_apart))
}

/// Part 2 read again from the cycle of its cells, part 1's row count known:
/// kept when it gives that count with more whole rows than the first reading.
fn reread_part2(data2: &[&Block], count: usize, raw2: &mut Vec<part2::RawPay>, log2: &mut Log) {
    let mut trial = Log::default();
    let Some(rows) = apart2::rows(data2, count, &mut trial) else {
        return;
    };
    let (new, old) = (apart2::quality(&rows), apart2::quality(raw2));
    if new > old || (raw2.len() != count && new >= old) {
        *raw2 = rows;
        *log2 = trial;
    }
}

/// Adds the log of the cycle reading of part 1, dropping the numbered
/// reading's complaints about text the cycle placed.
fn merge_trial(log: &mut Log, trial: Log, raw1: &[rows::RawRow]) {
    log.repairs.extend(trial.repairs);
    let known: Vec<usize> = log.residue.iter().map(|r| r.line).collect();
    log.warnings.extend(
        trial
            .warnings
            .into_iter()
            .filter(|w| !known.contains(&w.line)),
    );
    log.residue.extend(
        trial
            .residue
            .into_iter()
            .filter(|r| !known.contains(&r.line)),
    );
    let placed = |line: usize| {
        raw1.iter()
            .flat_map(|r| r.cells.iter().flatten())
            .any(|f| f.no == line)
    };
    log.residue.retain(|r| !placed(r.line));
    log.warnings
        .retain(|w| !placed(w.line) || !w.message.contains("could not be placed"));
    log.warnings
        .retain(|w| !placed(w.line) || !w.message.contains("no numbered row"));
}

/// A short piece of a header cut off by a narrow column ("ы", "ағдайлары").
fn is_header_fragment(b: &Block) -> bool {
    let text = b.plain();
    text.chars().filter(|c| !c.is_whitespace()).count() <= 20
        && !text.chars().any(|c| c.is_ascii_digit())
}

/// Lowercase text with white space removed, for matching (ASCII and Cyrillic
/// lowercased without the Unicode table: every block passes here).
pub(super) fn lower_compact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Runs of characters that are lowercase already (most of a word) are
    // copied whole; a space or a capital ends a run.
    let mut run = 0;
    for (i, c) in text.char_indices() {
        let lower = crate::repair::split_word::lower_fast(c);
        if lower == Some(c) && !c.is_whitespace() {
            continue;
        }
        out.push_str(&text[run..i]);
        run = i + c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        match lower {
            Some(l) => out.push(l),
            None => out.extend(c.to_lowercase()),
        }
    }
    out.push_str(&text[run..]);
    out
}

/// Whether a line is the continuation marker: its letters, white space
/// dropped and lowercased (as `lower_compact` gives them), hold one of the
/// markers. Every line before the marker is asked, so the letters are
/// matched as they are read, without building the compact text.
fn is_marker(text: &str) -> bool {
    // Both markers hold "ж" and "ы", and one of "ғ" (Kazakh) or "ц" (Russian),
    // which only these letters lowercase to: most lines are ruled out without
    // reading their letters one by one.
    if !text.contains(['ж', 'Ж']) || !text.contains(['ы', 'Ы']) {
        return false;
    }
    if !text.contains(['ғ', 'Ғ', 'ц', 'Ц']) {
        return false;
    }
    let markers = marker_letters();
    // Per marker: how many of its letters the text's last letters match.
    let mut matched = [0usize; CONTINUATION.len()];
    let mut read = |l: char| {
        for (m, k) in markers.iter().zip(matched.iter_mut()) {
            // A marker's first letter recurs nowhere in it (a test checks),
            // so a broken match can only start again at this letter.
            *k = if l == m[*k] {
                *k + 1
            } else {
                usize::from(l == m[0])
            };
            if *k == m.len() {
                return true;
            }
        }
        false
    };
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        let found = match crate::repair::split_word::lower_fast(c) {
            Some(l) => read(l),
            None => c.to_lowercase().any(&mut read),
        };
        if found {
            return true;
        }
    }
    false
}

/// The continuation markers' letters.
fn marker_letters() -> &'static [Vec<char>] {
    static LETTERS: std::sync::OnceLock<Vec<Vec<char>>> = std::sync::OnceLock::new();
    LETTERS.get_or_init(|| CONTINUATION.iter().map(|m| m.chars().collect()).collect())
}

/// Splits the blocks at the continuation marker line (kept as residue).
fn split_at_marker(all: Vec<Block>, log: &mut Log) -> (Vec<Block>, Vec<Block>) {
    let mut part1 = Vec::new();
    let mut part2 = Vec::new();
    let mut seen = false;
    for block in all {
        // Only the first marker splits: after it no line is looked at.
        let marker_at = || block.frags.iter().position(|f| is_marker(&f.text));
        let Some(k) = (!seen).then(marker_at).flatten() else {
            if seen {
                part2.push(block)
            } else {
                part1.push(block)
            }
            continue;
        };
        seen = true;
        log.layout(&block.frags[k]);
        let before: Vec<Frag> = block.frags[..k].to_vec();
        let after: Vec<Frag> = block.frags[k + 1..].to_vec();
        if !before.is_empty() {
            part1.push(Block {
                frags: before,
                page_break_before: block.page_break_before,
            });
        }
        if !after.is_empty() {
            // A header printed right under the marker may run on into a cell.
            let b = Block {
                frags: after,
                page_break_before: false,
            };
            part2.extend(header::split_header_block(&b).unwrap_or_else(|| vec![b]));
        }
    }
    if !seen {
        return split_at_pay_header(part1);
    }
    take_back_leaked_part2(&mut part1, &mut part2);
    (part1, part2)
}

/// Part 2's first rows printed before the marker: when part 2 starts on the
/// page where part 1 ends, pdftotext may print its header and first rows
/// among part 1's last cells, before "кестенің жалғасы". Part 1 has none of
/// part 2's columns, so from one of their headers on, part 2's blocks (its headers, pay and
/// funding text, lone counts) go back to part 2's start, in order; part 1's
/// cells stay.
fn take_back_leaked_part2(part1: &mut Vec<Block>, part2: &mut Vec<Block>) {
    let Some(at) = part1.iter().position(is_part2_header) else {
        return;
    };
    let (leaked, kept): (Vec<Block>, Vec<Block>) =
        part1.split_off(at).into_iter().partition(is_part2_block);
    part1.extend(kept);
    part2.splice(0..0, leaked);
}

/// The pay column's header ("Қатысушылардың еңбегіне …" / "Размер оплаты …").
fn is_pay_header(b: &Block) -> bool {
    let c = compact_head(b, 20);
    PART2_HEADERS[..2].iter().any(|p| c.starts_with(p))
}

/// The headers of part 2's columns, compacted: pay (the first two), funding,
/// demand, supply.
const PART2_HEADERS: &[&str] = &[
    "қатысушылардыңеңбег",
    "размероплаты",
    "қаржыландыру",
    "источник",
    "сұраныс",
    "спрос",
    "ұсыныс",
    "предложени",
];

/// A header of part 2's columns. Only the block's first letters are read:
/// every block of part 1 is asked, conditions cells among them.
fn is_part2_header(b: &Block) -> bool {
    opens_part2_header(&compact_head(b, 20))
}

/// Whether a block's compacted text opens with one of part 2's headers.
fn opens_part2_header(compact: &str) -> bool {
    PART2_HEADERS.iter().any(|p| compact.starts_with(p))
}

/// The block's first `n` characters but spaces, lowercased: the head of
/// `lower_compact` of its plain text, at least `n` characters long when the
/// block has them.
fn compact_head(b: &Block, n: usize) -> String {
    let mut out = String::with_capacity(2 * n);
    let chars = b.frags.iter().flat_map(|f| f.text.chars());
    for c in chars.filter(|c| !c.is_whitespace()).take(n) {
        match crate::repair::split_word::lower_fast(c) {
            Some(l) => out.push(l),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A block only part 2 prints: its column headers, pay or funding text, a
/// lone count.
fn is_part2_block(b: &Block) -> bool {
    let c = lower_compact(&b.plain());
    let count = b.frags.len() == 1 && !c.is_empty() && c.chars().all(|ch| ch.is_ascii_digit());
    count
        || opens_part2_header(&c)
        || ["жалақы", "заработн", "бюджет"]
            .iter()
            .any(|w| c.contains(w))
}

/// Without a marker, part 2 starts at the pay column's header.
fn split_at_pay_header(all: Vec<Block>) -> (Vec<Block>, Vec<Block>) {
    let at = all.iter().position(is_pay_header);
    let mut all = all;
    match at {
        Some(i) => {
            let rest = all.split_off(i);
            (all, rest)
        }
        None => (all, Vec::new()),
    }
}

/// Renders the rows and pairs part 1 with part 2 by order.
fn assemble(
    raw1: &[rows::RawRow],
    raw2: &[part2::RawPay],
    vocab: &Vocab,
    log: &mut Log,
) -> Vec<Row> {
    let mut padded: Vec<rows::RawRow> = raw1.to_vec();
    for (i, p) in raw2.iter().enumerate().skip(raw1.len()) {
        log.warn(
            p.line,
            format!(
                "row {}: no part 1 cells found (organization, works, conditions left empty)",
                i + 1
            ),
        );
        padded.push(rows::RawRow::numbered(i as u32 + 1));
    }

    let bigrams = works::Bigrams::of(
        padded
            .iter()
            .flat_map(|r| r.cells.iter().map(Vec::as_slice)),
    );
    let units = works::Units::of(padded.iter().map(|r| r.cells[2].as_slice()));
    strays::move_to_works(&mut padded, &bigrams, log);
    strays::move_word_blocks(&mut padded, &bigrams, log);
    // Works and volumes printed on one line are cut apart first.
    let mut unmerge_logs: Vec<Log> = Vec::with_capacity(padded.len());
    let strayed: Vec<Vec<works::Strayed>> = padded
        .iter_mut()
        .map(|r| {
            let mut own = Log::default();
            let (w, rest) = r.cells.split_at_mut(2);
            works::put_back_lone_words(&mut w[1], &bigrams, &mut own);
            let s = works::unmerge(&mut w[1], &mut rest[0], &units, &mut own);
            unmerge_logs.push(own);
            s
        })
        .collect();
    let raw1 = padded.as_slice();
    let mut known = works::KnownWorks::default();
    // The volume cell is rendered once; its repairs join the log in row order below.
    let lex = works::Lexicon::learn(raw1.iter().map(|r| r.cells[2].as_slice()), vocab);
    let (volumes, volume_logs): (Vec<Vec<String>>, Vec<Log>) = raw1
        .iter()
        .zip(unmerge_logs)
        .map(|(r, mut own)| (works::volumes(&r.cells[2], &lex, &mut own), own))
        .unzip();
    for (r, v) in raw1.iter().zip(&volumes) {
        if v.len() <= 1 {
            known.add(&cell::render(&r.cells[1], vocab, &mut Log::default()));
        }
    }
    let mut row_checks = checks::RowChecks::default();
    raw1.iter()
        .zip(volumes.into_iter().zip(volume_logs))
        .enumerate()
        .map(|(i, (r, (vols, own)))| {
            let mut row = Row {
                number: r.number,
                organization: cell::render(&r.cells[0], vocab, log),
                works: Vec::new(),
                conditions: String::new(),
                ..Row::default()
            };
            log.append(own);
            let ctx = (&known, vocab);
            row.works = works::pair(&r.cells[1], &vols, &strayed[i], ctx, r.line, log);
            row.conditions = cell::render(&r.cells[3], vocab, log);
            if let Some(p) = raw2.get(i) {
                fill_part2(&mut row, p, vocab, log);
            }
            row_checks.row(&row, r.line, log);
            row
        })
        .collect()
}

fn fill_part2(row: &mut Row, p: &part2::RawPay, vocab: &Vocab, log: &mut Log) {
    row.pay = cell::render(&p.pay, vocab, log);
    row.pay_mzp_multiple = pay::mzp_multiple(&row.pay);
    row.funding = cell::render(&p.funding, vocab, log);
    row.demand = p.demand;
    row.supply = p.supply;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thrown_away_reading_leaves_only_its_residue_and_why() {
        let mut log = Log::default();
        log.repair(
            RepairKind::PageBreakRow,
            7,
            "a".into(),
            "moved to row 2, column 3".into(),
        );
        log.warn(7, "row 1 has more cell blocks than columns".into());
        log.unplaced(
            9,
            "Мектеп",
            "text after the last row that belongs to no row",
        );
        let kept = log.residue_only();
        assert!(kept.repairs.is_empty());
        assert_eq!(kept.residue.len(), 1);
        assert_eq!(kept.warnings.len(), 1);
        assert_eq!(kept.warnings[0].line, 9);
    }

    #[test]
    fn lower_compact_lowercases_and_drops_every_space() {
        let fixture = std::fs::read_to_string("fixtures/karasai-2014-public-works/input.txt")
            .expect("fixture");
        let odd = [
            "",
            " ",
            "Кестенің  Жалғасы",
            "№ 12\u{a0}А",
            "ÀİЁ ҚҰ\tҮ",
            "abc DEF",
        ];
        for line in fixture.lines().chain(odd) {
            let plain: String = line
                .chars()
                .filter(|c| !c.is_whitespace())
                .flat_map(char::to_lowercase)
                .collect();
            assert_eq!(lower_compact(line), plain, "{line:?}");
        }
    }

    #[test]
    fn the_continuation_marker_is_found_in_any_case_and_spacing_and_only_there() {
        for m in marker_letters() {
            assert!(!m[1..].contains(&m[0]), "{m:?}");
        }
        let lines = [
            ("кестенің жалғасы", true),
            ("К Е С Т Е Н І Ң   Ж А Л Ғ А С Ы", true),
            ("Продолжение таблицы", true),
            ("1 ппродолжение таблицы 2", true),
            ("кестенің жалғас ы", true),
            ("кестенің жалғасын", true),
            ("кестенің жалғ", false),
            ("продолжение таблиц", false),
            ("жалғасы кестенің", false),
            ("", false),
        ];
        for (text, want) in lines {
            let compact = lower_compact(text);
            assert_eq!(
                CONTINUATION.iter().any(|m| compact.contains(m)),
                want,
                "{text}"
            );
            assert_eq!(is_marker(text), want, "{text}");
        }
    }

    #[test]
    fn a_header_under_the_continuation_marker_is_cut_from_the_cell_it_runs_into() {
        let raw = "продолжение таблицы\nР а з м е р о п л а т ы т р уд а у ч а с т н и ко в\nВ\nразмере\n";
        let lines = crate::lines::split_lines(raw);
        let mut repairs = Vec::new();
        let all = blocks::make_blocks(&lines, &mut repairs);
        let (_, part2) = split_at_marker(all, &mut Log::default());
        let texts: Vec<String> = part2.iter().map(Block::plain).collect();
        assert_eq!(texts, ["Размероплатытрудаучастников", "В размере"]);
    }
}
