//! Short words (a preposition "в", a conjunction "и") that pdftotext printed
//! on a line of their own, away from their kind of work, so that the row
//! reading put them into the conditions cell: each is moved back into a kinds
//! of work cell when the document shows exactly one place there for it.

use super::blocks::Frag;
use super::part2::RawPay;
use super::rows::RawRow;
use super::works::Bigrams;
use super::Log;
use crate::model::RepairKind;
use crate::repair::split_word::word_core;

/// Column of the kinds of work in a part 1 row.
const WORKS: usize = 1;
/// Column of the conditions in a part 1 row.
const CONDITIONS: usize = 3;
/// The longest word taken for a stray in part 1: prepositions and
/// conjunctions, which a paragraph of conditions may well print alone.
const SHORT: usize = 2;

/// Moves a word that part 2's reading put into a funding cell twice
/// ("Средства местного местного бюджета", the second copy printed apart,
/// after the cell) into the row before, when that row's cell lacks it at
/// exactly one place the document prints it in ("Средства бюджета"). The
/// funding cells are short phrases repeated row after row.
pub fn move_in_funding(rows: &mut [RawPay], log: &mut Log) {
    let bigrams = Bigrams::of(rows.iter().map(|r| r.funding.as_slice()));
    for r in 1..rows.len() {
        let Some(at) = doubled_apart(&rows[r].funding) else {
            continue;
        };
        let word = [rows[r].funding[at].clone()];
        let (before, this) = rows.split_at_mut(r);
        if fill(&mut before[r - 1].funding, &word, &[false], &bigrams, log)[0] {
            this[0].funding.remove(at);
        }
    }
}

/// The rest of a torn funding cell ("Жергілікт" / … / "і бюджет") that the
/// reading put at the end of the pay cell: the pay's last lines from a
/// lowercase one on, holding funding words and nothing else but a short
/// broken-off piece before them, go back to the funding cell they finish.
pub fn funding_rest_from_pay(rows: &mut [RawPay], log: &mut Log) {
    for row in rows.iter_mut() {
        if row.funding.is_empty() {
            continue;
        }
        let Some(at) = funding_rest(&row.pay) else {
            continue;
        };
        let to = "moved to the funding cell it finishes".to_string();
        let rest = log.moved(&mut row.pay, at.., to);
        row.funding.extend(rest);
    }
}

/// Where the pay cell's trailing funding words start (see `funding_rest_from_pay`).
fn funding_rest(pay: &[Frag]) -> Option<usize> {
    let tokens = |k: usize| pay[k..].iter().flat_map(|f| f.text.split_whitespace());
    let fits = |k: usize| {
        let mut words = tokens(k);
        let first = words.next().unwrap_or("");
        let piece = first.chars().count() <= 3 && first.chars().all(char::is_lowercase);
        let rest: Vec<&str> = words.collect();
        let lower = first.starts_with(char::is_lowercase);
        let funding = |t: &&str| super::part2::is_funding_word(t);
        lower && (piece || funding(&first)) && !rest.is_empty() && rest.iter().all(funding)
    };
    (1..pay.len()).rev().find(|&k| fits(k))
}

/// A pay cell holding the same text twice while the row before has none:
/// a page break printed both rows' pay in one block, so the first copy goes
/// to the row before.
pub fn split_doubled_pay(rows: &mut [RawPay], log: &mut Log) {
    for r in 1..rows.len() {
        let cell = &rows[r].pay;
        let half = cell.len() / 2;
        if !rows[r - 1].pay.is_empty() || half == 0 || !cell.len().is_multiple_of(2) {
            continue;
        }
        let same = (0..half).all(|k| cell[k].text == cell[half + k].text);
        if !same {
            continue;
        }
        let to = format!("moved to row {r}, the row before (its pay was printed with this row's)");
        rows[r - 1].pay = log.moved(&mut rows[r].pay, ..half, to);
    }
}

/// Words of a pay cell printed after a page break as a block of their own
/// ("жалақының" / "мөлшерінде", then "1,5" apart) go back between the words
/// the other rows print them between ("жалақының 1,5 мөлшерінде"), each
/// only where the cell shows exactly one such place.
pub fn move_in_pay(rows: &mut [RawPay], log: &mut Log) {
    let bigrams = Bigrams::of(rows.iter().map(|r| r.pay.as_slice()));
    for row in rows.iter_mut() {
        let Some(at) = apart_tail(&row.pay) else {
            continue;
        };
        let words = word_frags(&row.pay[at..]);
        if let Some((head, trial)) = fill_all(&row.pay[..at], &words, &bigrams) {
            row.pay = head;
            log.append(trial);
        }
    }
}

/// Where a cell's last lines start when a blank line or a page sets them
/// apart from the lines before and they hold at most three words.
fn apart_tail(cell: &[Frag]) -> Option<usize> {
    let at = (1..cell.len())
        .rev()
        .find(|&k| cell[k].no > cell[k - 1].no + 1)?;
    let words: usize = cell[at..]
        .iter()
        .map(|f| f.text.split_whitespace().count())
        .sum();
    (words <= 3).then_some(at)
}

/// A fragment printed after a later line of its cell (placed there from
/// apart) whose one word the cell holds already.
fn doubled_apart(cell: &[Frag]) -> Option<usize> {
    let core = |f: &Frag| word_core(&f.text);
    (0..cell.len()).find(|&k| {
        let one_word = cell[k].text.split_whitespace().nth(1).is_none();
        let out_of_order = cell[k + 1..].iter().any(|f| f.no < cell[k].no);
        let doubled = cell
            .iter()
            .enumerate()
            .any(|(i, f)| i != k && core(f) == core(&cell[k]));
        one_word && out_of_order && doubled
    })
}

/// Moves the stray short words of each row (in its conditions, or before
/// its kinds of work) into the kinds of work of its own row, or of the row
/// before when they were printed at the top of their row (the words of a
/// narrow cell run on past the next row's number). A word stays where it is
/// when the document shows more places for it than there are such words.
pub fn move_to_works(rows: &mut [RawRow], bigrams: &Bigrams, log: &mut Log) {
    for r in 0..rows.len() {
        let strays = strays_of(&rows[r]);
        let words: Vec<Frag> = strays
            .iter()
            .map(|s| rows[r].cells[s.cell][s.at].clone())
            .collect();
        let mut placed = fill(
            &mut rows[r].cells[WORKS],
            &words,
            &vec![false; words.len()],
            bigrams,
            log,
        );
        if r > 0 {
            let skip: Vec<bool> = strays
                .iter()
                .zip(&placed)
                .map(|(s, &p)| p || !s.leading)
                .collect();
            let more = fill(&mut rows[r - 1].cells[WORKS], &words, &skip, bigrams, log);
            placed.iter_mut().zip(more).for_each(|(p, m)| *p |= m);
        }
        let mut gone: Vec<(usize, usize)> = strays
            .iter()
            .zip(&placed)
            .filter(|(_, &p)| p)
            .map(|(s, _)| (s.cell, s.at))
            .collect();
        gone.sort_unstable();
        for (cell, at) in gone.into_iter().rev() {
            rows[r].cells[cell].remove(at);
        }
    }
}

/// Rows back a block of stray words may belong to (the rows above it on
/// its page).
const BLOCK_REACH: usize = 3;
/// The most words a block of strays holds.
const BLOCK_WORDS: usize = 8;

/// A row's organization cell made only of lowercase words that pdftotext
/// printed together at a page's end ("аумағын" / "көмек" / "жиһазын" /
/// "көмек"): when every word has its one place in the kinds of work of a
/// row above, by the words the document prints around it, they all go
/// there (all or nothing). The row's own name, then read into its kinds of
/// work, comes back as the first lines before a blank line when they read
/// as a name.
pub fn move_word_blocks(rows: &mut [RawRow], bigrams: &Bigrams, log: &mut Log) {
    for r in 1..rows.len() {
        let words = block_words(&rows[r].cells[super::rows::ORG]);
        if words.is_empty() {
            continue;
        }
        for back in 1..=BLOCK_REACH.min(r) {
            if let Some((works, trial)) = fill_all(&rows[r - back].cells[WORKS], &words, bigrams) {
                rows[r - back].cells[WORKS] = works;
                rows[r].cells[super::rows::ORG].clear();
                log.append(trial);
                name_back(&mut rows[r], log);
                break;
            }
        }
    }
}

/// Each word of the cell as a fragment of its own line, so that words can be
/// put back one by one and each repair still names its line.
fn word_frags(cell: &[Frag]) -> Vec<Frag> {
    cell.iter()
        .flat_map(|f| {
            f.text.split_whitespace().map(move |w| Frag {
                text: w.to_string(),
                ..f.clone()
            })
        })
        .collect()
}

/// The cell's words when it is a short run of lowercase words (no name).
fn block_words(cell: &[Frag]) -> Vec<Frag> {
    let words = word_frags(cell);
    let lower = words
        .iter()
        .all(|w| w.text.chars().all(|c| c.is_lowercase()));
    if words.len() > BLOCK_WORDS || !lower {
        return Vec::new();
    }
    words
}

/// Moves the first lines of the kinds of work, up to a blank line, into the
/// emptied organization cell when they read as a name.
fn name_back(row: &mut RawRow, log: &mut Log) {
    let works = &row.cells[WORKS];
    let Some(k) = (1..works.len()).find(|&k| works[k].no > works[k - 1].no + 1) else {
        return;
    };
    let name = &works[..k];
    if !super::interleave::reads_as_name(name, super::apart::LEGAL, super::apart::WORK_WORDS) {
        return;
    }
    let to = format!("moved to row {}, column 2", row.number);
    row.cells[super::rows::ORG] = log.moved(&mut row.cells[WORKS], ..k, to);
}

/// A stray short word: where it is, and whether it comes before all other
/// text of its cell.
struct Stray {
    cell: usize,
    at: usize,
    leading: bool,
}

/// The row's stray words: in its conditions anywhere, before its kinds of
/// work only at the start.
fn strays_of(row: &RawRow) -> Vec<Stray> {
    let mut out: Vec<Stray> = stray_positions(&row.cells[WORKS], SHORT)
        .into_iter()
        .filter(|&(_, leading)| leading)
        .map(|(at, leading)| Stray {
            cell: WORKS,
            at,
            leading,
        })
        .collect();
    out.extend(
        stray_positions(&row.cells[CONDITIONS], SHORT)
            .into_iter()
            .map(|(at, leading)| Stray {
                cell: CONDITIONS,
                at,
                leading,
            }),
    );
    out
}

/// `cell` with every word put in by `fill`, and the repairs that did it, when
/// each word found its place: all or nothing, since a part put back would
/// leave the rest out of place.
fn fill_all(cell: &[Frag], words: &[Frag], bigrams: &Bigrams) -> Option<(Vec<Frag>, Log)> {
    let mut filled = cell.to_vec();
    let mut log = Log::default();
    let placed = fill(
        &mut filled,
        words,
        &vec![false; words.len()],
        bigrams,
        &mut log,
    );
    placed.iter().all(|&p| p).then_some((filled, log))
}

/// Puts the words not marked in `skip` into the works cell, each word at the
/// gaps the document shows for it when there are no more such gaps than
/// copies of the word. Returns which words were placed.
fn fill(
    works: &mut [Frag],
    words: &[Frag],
    skip: &[bool],
    bigrams: &Bigrams,
    log: &mut Log,
) -> Vec<bool> {
    let mut placed = skip.iter().map(|_| false).collect::<Vec<_>>();
    for k in 0..words.len() {
        if skip[k] || placed[k] {
            continue;
        }
        let core = word_core(&words[k].text);
        let copies: Vec<usize> = (k..words.len())
            .filter(|&c| !skip[c] && !placed[c] && word_core(&words[c].text) == core)
            .collect();
        let gaps = gaps_for(works, &core, bigrams);
        if gaps.is_empty() || gaps.len() > copies.len() {
            continue;
        }
        for &c in copies.iter().take(gaps.len()) {
            let gap = gaps_for(works, &core, bigrams)[0];
            insert(works, gap, &words[c], log);
            placed[c] = true;
        }
    }
    placed
}

/// The cell's fragments that are one short lowercase word printed alone on
/// its line, apart from the text around it (blank lines, or only other such
/// words between), with whether each comes before all other text of the
/// cell. A paragraph's own lines follow one another without gaps.
fn stray_positions(cell: &[Frag], max_letters: usize) -> Vec<(usize, bool)> {
    let tiny = |f: &Frag| {
        let n = f.text.chars().count();
        (1..=max_letters).contains(&n) && f.text.chars().all(char::is_lowercase)
    };
    // Runs of tiny fragments on consecutive lines, kept when set apart.
    let mut out = Vec::new();
    let mut text_seen = false;
    let mut k = 0;
    while k < cell.len() {
        if !tiny(&cell[k]) {
            text_seen = true;
            k += 1;
            continue;
        }
        let mut end = k + 1;
        while end < cell.len() && tiny(&cell[end]) && cell[end].no == cell[end - 1].no + 1 {
            end += 1;
        }
        let gap_before = k == 0 || cell[k - 1].no + 1 < cell[k].no;
        let gap_after = cell.get(end).is_none_or(|n| cell[end - 1].no + 1 < n.no);
        if gap_before && gap_after {
            out.extend((k..end).map(|at| (at, !text_seen)));
        } else {
            text_seen = true;
        }
        k = end;
    }
    out
}

/// The gaps (index of the word before) between neighbouring words of the
/// works cell that the document prints with `core` between them ("Помощь" +
/// "в" and "в" + "проведении" elsewhere).
fn gaps_for(works: &[Frag], core: &str, bigrams: &Bigrams) -> Vec<(usize, usize)> {
    let tokens: Vec<(usize, usize, String)> = works
        .iter()
        .enumerate()
        .flat_map(|(i, f)| {
            f.text
                .split_whitespace()
                .enumerate()
                .map(move |(j, t)| (i, j, word_core(t)))
        })
        .collect();
    tokens
        .windows(2)
        .filter(|p| {
            let (a, b) = (&p[0].2, &p[1].2);
            a != core && b != core && bigrams.has(a, core) && bigrams.has(core, b)
        })
        .map(|p| (p[0].0, p[0].1))
        .collect()
}

/// Inserts `word` after word `j` of fragment `i`, logging the repair.
pub(super) fn insert(works: &mut [Frag], (i, j): (usize, usize), word: &Frag, log: &mut Log) {
    let before = works[i].text.clone();
    let mut words: Vec<&str> = before.split_whitespace().collect();
    words.insert(j + 1, word.text.trim());
    works[i].text = words.join(" ");
    log.repair(
        RepairKind::ScatteredWords,
        word.no,
        format!("{before} / {}", word.text),
        works[i].text.clone(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frags(first: usize, texts: &[&str]) -> Vec<Frag> {
        texts
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.is_empty())
            .map(|(k, t)| Frag::new(first + k, t))
            .collect()
    }

    fn row(works: Vec<Frag>, conditions: Vec<Frag>) -> RawRow {
        let mut r = RawRow::numbered(1);
        r.cells[WORKS] = works;
        r.cells[CONDITIONS] = conditions;
        r
    }

    #[test]
    fn a_lone_preposition_in_the_conditions_goes_back_into_its_kind_of_work() {
        let seen = frags(1, &["Помощь в проведении учета"]);
        let bigrams = Bigrams::of(std::iter::once(seen.as_slice()));
        let works = frags(10, &["Помощь", "проведении", "подворного обхода"]);
        let cond = frags(20, &["согласия в порядке", "", "в", "", "очередности"]);
        let mut rows = vec![row(works, cond)];
        let mut log = Log::default();
        move_to_works(&mut rows, &bigrams, &mut log);
        let texts: Vec<&str> = rows[0].cells[WORKS]
            .iter()
            .map(|f| f.text.as_str())
            .collect();
        assert_eq!(texts, ["Помощь в", "проведении", "подворного обхода"]);
        assert_eq!(rows[0].cells[CONDITIONS].len(), 2);
        assert_eq!(log.repairs.len(), 1);
    }

    #[test]
    fn words_at_the_top_of_a_row_fill_the_row_before_when_copies_match_places() {
        let seen = frags(1, &["Помощь в организации", "Помощь в восстановлении"]);
        let bigrams = Bigrams::of(std::iter::once(seen.as_slice()));
        let works = frags(10, &["Помощь", "организации", "Помощь", "восстановлении"]);
        let first = row(works, frags(14, &["Общественные работы"]));
        let second = row(
            frags(30, &["Помощь в проведении"]),
            frags(20, &["в", "", "в", "", "Общественные работы"]),
        );
        let mut rows = vec![first, second];
        move_to_works(&mut rows, &bigrams, &mut Log::default());
        let texts: Vec<&str> = rows[0].cells[WORKS]
            .iter()
            .map(|f| f.text.as_str())
            .collect();
        assert_eq!(
            texts,
            ["Помощь в", "организации", "Помощь в", "восстановлении"]
        );
        assert_eq!(rows[1].cells[CONDITIONS].len(), 1);
    }

    #[test]
    fn a_funding_word_placed_twice_goes_to_the_row_before_that_lacks_it() {
        let pay = |funding: Vec<Frag>| RawPay {
            funding,
            ..RawPay::default()
        };
        let mut rows = vec![
            pay(frags(1, &["Средства", "местного", "бюджета"])),
            pay(frags(10, &["Средства", "бюджета"])),
            pay(vec![
                Frag::new(20, "Средства"),
                Frag::new(21, "местного"),
                Frag::new(24, "местного"),
                Frag::new(22, "бюджета"),
            ]),
        ];
        let mut log = Log::default();
        move_in_funding(&mut rows, &mut log);
        let texts = |r: &RawPay| r.funding.iter().map(|f| f.text.clone()).collect::<Vec<_>>();
        assert_eq!(texts(&rows[1]), ["Средства местного", "бюджета"]);
        assert_eq!(texts(&rows[2]), ["Средства", "местного", "бюджета"]);
        assert_eq!(log.repairs.len(), 1);
    }

    #[test]
    fn a_word_with_no_single_place_stays_where_it_was() {
        let seen = frags(1, &["Помощь в проведении учета"]);
        let bigrams = Bigrams::of(std::iter::once(seen.as_slice()));
        // Two gaps fit: a guess, so nothing moves.
        let works = frags(10, &["Помощь проведении", "Помощь проведении"]);
        let cond = frags(20, &["в", "", "Общественные работы"]);
        let mut rows = vec![row(works, cond.clone())];
        move_to_works(&mut rows, &bigrams, &mut Log::default());
        assert_eq!(rows[0].cells[CONDITIONS], cond);
        // A short word inside the paragraph's flow is the paragraph's own.
        let cond = frags(20, &["согласия", "в", "порядке"]);
        let works = frags(10, &["Помощь проведении"]);
        let mut rows = vec![row(works, cond.clone())];
        move_to_works(&mut rows, &bigrams, &mut Log::default());
        assert_eq!(rows[0].cells[CONDITIONS], cond);
    }

    #[test]
    fn pay_words_printed_apart_after_a_break_go_back_between_their_neighbours() {
        let pay = |pay: Vec<Frag>| RawPay {
            pay,
            ..RawPay::default()
        };
        let mut rows = vec![
            pay(frags(1, &["төменгі айлық", "жалақының 1,5", "мөлшерінде"])),
            pay(frags(10, &["төменгі айлық", "жалақының 2", "мөлшерінде"])),
            pay(frags(
                20,
                &["төменгі", "жалақының", "мөлшерінде", "", "айлық", "1,5"],
            )),
        ];
        let mut log = Log::default();
        move_in_pay(&mut rows, &mut log);
        let text = |r: &RawPay| {
            r.pay
                .iter()
                .map(|f| f.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(text(&rows[2]), "төменгі айлық жалақының 1,5 мөлшерінде");
        assert_eq!(log.repairs.len(), 2);
        // A word with no place stays where it was printed.
        let mut rows = vec![pay(frags(1, &["жалақының", "мөлшерінде", "", "басқа"]))];
        move_in_pay(&mut rows, &mut Log::default());
        assert_eq!(rows[0].pay.len(), 3);
    }

    #[test]
    fn fill_all_places_every_word_or_none() {
        let seen = frags(1, &["төменгі айлық жалақының 1,5 мөлшерінде"]);
        let bigrams = Bigrams::of(std::iter::once(seen.as_slice()));
        let cell = frags(10, &["төменгі", "жалақының", "мөлшерінде"]);
        let (filled, log) = fill_all(&cell, &frags(20, &["айлық", "1,5"]), &bigrams).unwrap();
        let texts: Vec<&str> = filled.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, ["төменгі айлық", "жалақының 1,5", "мөлшерінде"]);
        assert_eq!(log.repairs.len(), 2);
        // One word without a place: nothing is put in.
        assert!(fill_all(&cell, &frags(20, &["айлық", "басқа"]), &bigrams).is_none());
    }

    #[test]
    fn a_pay_printed_twice_in_one_row_gives_the_first_copy_to_the_row_before() {
        let pay = |pay: Vec<Frag>| RawPay {
            pay,
            ..RawPay::default()
        };
        let phrase = ["Қазақстан Республикасының", "айлық жалақы", "мөлшерінде"];
        let twice: Vec<&str> = phrase.iter().chain(phrase.iter()).copied().collect();
        let mut rows = vec![pay(frags(1, &phrase)), pay(vec![]), pay(frags(10, &twice))];
        let mut log = Log::default();
        split_doubled_pay(&mut rows, &mut log);
        assert_eq!(rows[1].pay.len(), 3);
        assert_eq!(rows[2].pay.len(), 3);
        assert_eq!(rows[1].pay[0].no, 10);
        // A row before with its own pay keeps it; the doubled cell stays.
        let mut rows = vec![pay(frags(1, &phrase)), pay(frags(10, &twice))];
        split_doubled_pay(&mut rows, &mut Log::default());
        assert_eq!(rows[1].pay.len(), 6);
    }

    #[test]
    fn a_torn_funding_cells_rest_at_the_end_of_the_pay_goes_back_to_funding() {
        let mut row = RawPay {
            pay: frags(
                1,
                &["Қазақстан", "жалақының 2", "мөлшерінде", "", "і бюджет"],
            ),
            funding: frags(10, &["Жергілікт"]),
            ..RawPay::default()
        };
        let mut log = Log::default();
        funding_rest_from_pay(std::slice::from_mut(&mut row), &mut log);
        assert_eq!(row.pay.len(), 3);
        assert_eq!(
            row.funding.last().map(|f| f.text.as_str()),
            Some("і бюджет")
        );
        // A pay that merely ends in a word is left alone.
        let mut row = RawPay {
            pay: frags(1, &["жалақының 2", "мөлшерінде"]),
            funding: frags(10, &["Жергілікті бюджет"]),
            ..RawPay::default()
        };
        funding_rest_from_pay(std::slice::from_mut(&mut row), &mut Log::default());
        assert_eq!(row.pay.len(), 2);
    }

    #[test]
    fn a_block_of_words_printed_at_a_page_end_fills_the_works_above() {
        let seen = frags(1, &["Мектеп аумағын жинауға көмек көрсету"]);
        let bigrams = Bigrams::of(std::iter::once(seen.as_slice()));
        let works = frags(10, &["Мектеп", "жинауға", "көрсету"]);
        let first = row(works, frags(14, &["Қоғамдық жұмыстар"]));
        let mut second = row(
            frags(
                30,
                &["\"Аудан орталығы\"", "мекемесі", "", "Құжаттарды тігу"],
            ),
            frags(40, &["Қоғамдық жұмыстар"]),
        );
        second.cells[0] = frags(20, &["аумағын", "көмек"]);
        let mut rows = vec![first, second];
        let mut log = Log::default();
        move_word_blocks(&mut rows, &bigrams, &mut log);
        let text = |cell: &[Frag]| {
            cell.iter()
                .map(|f| f.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(
            text(&rows[0].cells[WORKS]),
            "Мектеп аумағын жинауға көмек көрсету"
        );
        assert_eq!(text(&rows[1].cells[0]), "\"Аудан орталығы\" мекемесі");
        assert_eq!(text(&rows[1].cells[WORKS]), "Құжаттарды тігу");
        // A word with no place above keeps the whole block where it was.
        let mut rows = vec![
            row(frags(10, &["Мектеп", "жинауға", "көрсету"]), vec![]),
            row(vec![], vec![]),
        ];
        rows[1].cells[0] = frags(20, &["аумағын", "басқа"]);
        move_word_blocks(&mut rows, &bigrams, &mut Log::default());
        assert_eq!(rows[1].cells[0].len(), 2);
    }
}
