//! Short words (a preposition "в", a conjunction "и") that pdftotext printed
//! on a line of their own, away from their kind of work, so that the row
//! reading put them into the conditions cell: each is moved back into a kinds
//! of work cell when the document shows exactly one place there for it.

use super::blocks::Frag;
use super::rows::RawRow;
use super::works::Bigrams;
use super::Log;
use crate::model::RepairKind;
use crate::repair::split_word::word_core;

/// Column of the kinds of work in a part 1 row.
const WORKS: usize = 1;
/// Column of the conditions in a part 1 row.
const CONDITIONS: usize = 3;

/// Moves each stray short word of the conditions cells into the kinds of work
/// of its own row, or of the row before when it was printed at the top of its
/// row (the words of a narrow cell run on past the next row's number). A word
/// stays where it is when no single place fits.
pub fn move_to_works(rows: &mut [RawRow], bigrams: &Bigrams, log: &mut Log) {
    for r in 0..rows.len() {
        let strays = stray_positions(&rows[r].cells[CONDITIONS]);
        let mut moved = Vec::new();
        for (k, leading) in strays {
            let word = rows[r].cells[CONDITIONS][k].clone();
            let mut targets = vec![r];
            if leading && r > 0 {
                targets.push(r - 1);
            }
            let placed = targets
                .into_iter()
                .find(|&t| insert_at_gap(&mut rows[t].cells[WORKS], &word, bigrams, log));
            if placed.is_some() {
                moved.push(k);
            }
        }
        for k in moved.into_iter().rev() {
            rows[r].cells[CONDITIONS].remove(k);
        }
    }
}

/// The conditions cell's fragments that are one short lowercase word printed
/// alone between blank lines, with whether each comes before all other text
/// of the cell. A paragraph's own lines follow one another without gaps.
fn stray_positions(cell: &[Frag]) -> Vec<(usize, bool)> {
    let tiny = |f: &Frag| {
        let n = f.text.chars().count();
        (1..=2).contains(&n) && f.text.chars().all(char::is_lowercase)
    };
    let mut out = Vec::new();
    let mut text_seen = false;
    for (k, f) in cell.iter().enumerate() {
        let gap_before = k == 0 || cell[k - 1].no + 1 < f.no;
        let gap_after = cell.get(k + 1).is_none_or(|n| f.no + 1 < n.no);
        if tiny(f) && gap_before && gap_after {
            out.push((k, !text_seen));
        } else {
            text_seen = true;
        }
    }
    out
}

/// Inserts `word` between two neighbouring words of the works cell that the
/// document prints with it between them ("Помощь" + "в" and "в" +
/// "проведении" elsewhere). Only when exactly one such gap exists: two would
/// be a guess. Returns whether it was placed.
fn insert_at_gap(works: &mut [Frag], word: &Frag, bigrams: &Bigrams, log: &mut Log) -> bool {
    let core = word_core(&word.text);
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
    let fits = |pair: &[(usize, usize, String)]| {
        let (a, b) = (&pair[0].2, &pair[1].2);
        a != &core && b != &core && bigrams.has(a, &core) && bigrams.has(&core, b)
    };
    let mut gaps = tokens.windows(2).filter(|p| fits(p));
    let (Some(gap), None) = (gaps.next(), gaps.next()) else {
        return false;
    };
    let (i, j) = (gap[0].0, gap[0].1);
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
    true
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
}
