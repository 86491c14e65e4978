//! Rows torn by a page break whose first lines were printed at the bottom of
//! the previous page, glued to the end of the previous row's cell.
//!
//! When a row's number opens a page and one of its cells there starts in the
//! middle of a sentence (a lowercase word), while the previous row's cell in
//! that column ends the page with an unfinished sentence after a finished one,
//! the unfinished lines are the torn row's first lines.

use super::blocks::Frag;
use super::rows::{RawRow, NCOLS};
use super::Log;

/// Moves the first lines of torn rows back from the previous row.
pub fn reattach(rows: &mut [RawRow], log: &mut Log) {
    for i in 1..rows.len() {
        if !rows[i].number_after_break {
            continue;
        }
        for col in 0..NCOLS {
            if rows[i].before_number[col] || !starts_mid_sentence(&rows[i].cells[col]) {
                continue;
            }
            let (head, tail) = rows.split_at_mut(i);
            move_tail(&mut head[i - 1], &mut tail[0], col, log);
        }
    }
}

/// The conditions column's column index.
const CONDITIONS: usize = NCOLS - 1;

/// A conditions paragraph's rest printed among a later row's cells (pdftotext
/// put it after another row's blocks): a run of lines opening mid-sentence in
/// a row whose own paragraph opens with a capital goes back to the nearest
/// row before whose conditions stop mid-sentence, when the run ends its
/// sentence there.
pub fn return_rests(rows: &mut [RawRow], log: &mut Log) {
    for r in 1..rows.len() {
        let cell = &rows[r].cells[CONDITIONS];
        let runs = super::weave::runs(cell);
        let opens = |k: usize| cell[runs[k].start].text.chars().next();
        let rest = (0..runs.len()).find(|&k| opens(k).is_some_and(char::is_lowercase));
        // Its own paragraph whole: a rest of it would continue it instead.
        let whole = |k: usize| cell[runs[k].end - 1].text.trim_end().ends_with('.');
        let own = (0..runs.len()).any(|k| opens(k).is_some_and(char::is_uppercase) && whole(k));
        let (Some(k), true) = (rest, own) else {
            continue;
        };
        if !whole(k) {
            continue;
        }
        let range = runs[k].clone();
        let Some(q) = (0..r)
            .rev()
            .find(|&q| unfinished(&rows[q].cells[CONDITIONS]))
        else {
            continue;
        };
        let to = format!("moved to row {}, column {}", rows[q].number, CONDITIONS + 2);
        let moved = log.moved(&mut rows[r].cells[CONDITIONS], range, to);
        rows[q].cells[CONDITIONS].extend(moved);
    }
}

/// A cell that stops in the middle of a sentence.
pub(super) fn unfinished(cell: &[Frag]) -> bool {
    cell.last().is_some_and(|f| !ends_sentence(&f.text))
}

fn starts_mid_sentence(cell: &[Frag]) -> bool {
    cell.first()
        .and_then(|f| f.text.chars().next())
        .is_some_and(char::is_lowercase)
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '!', '?'])
}

/// Moves the lines after `prev`'s last finished sentence to `next`, if `prev`'s
/// cell was the last thing printed before the break and ends unfinished.
fn move_tail(prev: &mut RawRow, next: &mut RawRow, col: usize, log: &mut Log) {
    let cell = &prev.cells[col];
    let Some(last) = cell.last() else { return };
    if last.no != prev.tail_line || ends_sentence(&last.text) {
        return;
    }
    let Some(cut) = cell.iter().rposition(|f| ends_sentence(&f.text)) else {
        log.warn(
            last.no,
            format!(
                "row {} may begin with text printed in row {} before the page break",
                next.number, prev.number
            ),
        );
        return;
    };
    let to = format!("moved to row {}, column {}", next.number, col + 2);
    let moved = log.moved(&mut prev.cells[col], cut + 1.., to);
    next.cells[col].splice(0..0, moved);
    next.before_number[col] = true;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RepairKind;

    fn row(number: u32, cond: &[(usize, &str)], after_break: bool, tail: usize) -> RawRow {
        let mut r = RawRow::numbered(number);
        r.cells[3] = cond.iter().map(|(no, t)| Frag::new(*no, t)).collect();
        r.number_after_break = after_break;
        r.tail_line = tail;
        r
    }

    #[test]
    fn unfinished_lines_before_a_break_go_to_the_next_row() {
        let mut rows = vec![
            row(
                6,
                &[
                    (280, "шарты жасалады."),
                    (282, "Уақытылы еңбекақысы төленеді."),
                    (283, "Қоғамдық жұмыстар уақытша жұмыс"),
                ],
                false,
                283,
            ),
            row(
                7,
                &[(302, "орындарын ашу жолымен ұйымдастырылады")],
                true,
                310,
            ),
        ];
        let mut log = Log::default();
        reattach(&mut rows, &mut log);
        assert_eq!(rows[0].cells[3].len(), 2);
        assert_eq!(rows[1].cells[3][0].text, "Қоғамдық жұмыстар уақытша жұмыс");
        assert_eq!(log.repairs[0].kind, RepairKind::PageBreakRow);
        assert_eq!(log.repairs[0].line, 283);
        assert_eq!(log.repairs[0].before, "Қоғамдық жұмыстар уақытша жұмыс");
        assert_eq!(log.repairs[0].after, "moved to row 7, column 5");
    }

    #[test]
    fn a_paragraphs_rest_printed_in_a_later_row_goes_back_to_the_unfinished_one() {
        let mut rows = vec![
            row(18, &[(10, "Общественные работы для")], false, 10),
            row(
                19,
                &[(20, "Общественные работы."), (21, "Плата.")],
                false,
                21,
            ),
            row(
                20,
                &[
                    (30, "безработных. Направление"),
                    (31, "своевременно."),
                    (40, "Общественные работы."),
                    (41, "Плата."),
                ],
                false,
                41,
            ),
        ];
        let mut log = Log::default();
        return_rests(&mut rows, &mut log);
        assert_eq!(rows[0].cells[3].len(), 3);
        assert_eq!(rows[2].cells[3][0].no, 40);
        // A row's own paragraph torn in two keeps its rest.
        let mut rows = vec![
            row(1, &[(10, "Общественные работы для")], false, 10),
            row(
                2,
                &[(20, "Общественные работы для"), (30, "безработных.")],
                false,
                30,
            ),
        ];
        return_rests(&mut rows, &mut log);
        assert_eq!(rows[1].cells[3].len(), 2);
    }

    #[test]
    fn a_finished_cell_keeps_its_lines() {
        let mut rows = vec![
            row(1, &[(10, "Уақытылы еңбекақысы төленеді.")], false, 10),
            row(2, &[(20, "орындарын ашу")], true, 30),
        ];
        let mut log = Log::default();
        reattach(&mut rows, &mut log);
        assert_eq!(rows[0].cells[3].len(), 1);
        assert!(log.repairs.is_empty());
    }
}
