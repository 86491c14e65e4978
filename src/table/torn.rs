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
use crate::model::RepairKind;

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
    let moved: Vec<Frag> = prev.cells[col].split_off(cut + 1);
    let text: Vec<&str> = moved.iter().map(|f| f.text.as_str()).collect();
    log.repair(
        RepairKind::PageBreakRow,
        moved[0].no,
        text.join(" "),
        format!("moved to row {}, column {}", next.number, col + 2),
    );
    next.cells[col].splice(0..0, moved);
    next.before_number[col] = true;
}

#[cfg(test)]
mod tests {
    use super::*;

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
