//! Lines of a conditions cell that a page break carried into a later row:
//! the end of row N's conditions printed after the break, read into row N+1
//! (or a few rows on), before, inside or after that row's own conditions.
//!
//! The conditions repeat from row to row and wrap the same way in the same
//! column, so the document itself says which line follows which. A run of a
//! row's lines that breaks that order where it sits, while the lines around
//! it follow each other, is foreign there; it goes back to the nearest row
//! before whose conditions stop at a line the run's first line follows.

use super::blocks::Frag;
use super::rows::RawRow;
use super::Log;
use crate::model::RepairKind;
use rustc_hash::FxHashMap;

/// Column of the conditions in a part 1 row.
const COND: usize = 3;
/// How many rows back a torn run of lines may belong.
const REACH: usize = 3;
/// How often the document must show a line order to trust it.
const SEEN: usize = 2;

/// The line order of the conditions cells: which line follows which, and
/// which lines open and close a cell. Each distinct line is an id, so the
/// questions below (asked for every line of every row) compare numbers.
struct Order {
    /// How many rows have conditions.
    cells: usize,
    /// The id of each distinct line (its key).
    ids: FxHashMap<String, u32>,
    /// How often the line with the second id follows the one with the first.
    pairs: FxHashMap<(u32, u32), usize>,
    firsts: FxHashMap<u32, usize>,
    lasts: FxHashMap<u32, usize>,
}

/// A line of the conditions as `Order` knows it: `None` for a line no
/// conditions cell holds at the time the order is learned.
type Id = Option<u32>;

impl Order {
    fn of(rows: &[RawRow]) -> Order {
        let mut o = Order {
            cells: 0,
            ids: FxHashMap::default(),
            pairs: FxHashMap::default(),
            firsts: FxHashMap::default(),
            lasts: FxHashMap::default(),
        };
        for cell in rows.iter().map(|r| &r.cells[COND]) {
            let ids: Vec<u32> = cell.iter().map(|f| o.intern(f)).collect();
            if let (Some(&first), Some(&last)) = (ids.first(), ids.last()) {
                o.cells += 1;
                *o.firsts.entry(first).or_default() += 1;
                *o.lasts.entry(last).or_default() += 1;
            }
            for w in ids.windows(2) {
                *o.pairs.entry((w[0], w[1])).or_default() += 1;
            }
        }
        o
    }

    /// The id of a line, a new one for a line not seen yet.
    fn intern(&mut self, f: &Frag) -> u32 {
        let next = self.ids.len() as u32;
        let k = f.key();
        match self.ids.get(k.as_ref()) {
            Some(&id) => id,
            None => {
                self.ids.insert(k.into_owned(), next);
                next
            }
        }
    }

    /// The id of a line, if the order knows it.
    fn id(&self, f: &Frag) -> Id {
        self.ids.get(f.key().as_ref()).copied()
    }

    /// The ids of a cell's lines.
    fn ids(&self, cell: &[Frag]) -> Vec<Id> {
        cell.iter().map(|f| self.id(f)).collect()
    }

    /// Whether the document prints `b` right after `a` inside a cell; a
    /// line that opens cells never continues one (a torn tail glued before
    /// the next row's conditions may repeat, row after row).
    fn follows(&self, a: Id, b: Id) -> bool {
        let (Some(a), Some(b)) = (a, b) else {
            return false;
        };
        !self.opens(Some(b)) && self.pairs.get(&(a, b)).is_some_and(|n| *n >= SEEN)
    }

    /// Whether cells open with this line: in a quarter of the rows at least,
    /// more than a torn tail repeated on a few pages.
    fn opens(&self, id: Id) -> bool {
        self.count(&self.firsts, id)
            .is_some_and(|n| n >= SEEN && 4 * n >= self.cells)
    }

    /// Whether cells close with this line, in the same sense as `opens`.
    fn ends(&self, id: Id) -> bool {
        self.count(&self.lasts, id)
            .is_some_and(|n| n >= SEEN && 4 * n >= self.cells)
    }

    /// Whether some cells close with this line (a paragraph's optional last
    /// sentence closes fewer of them than its usual end).
    fn may_end(&self, id: Id) -> bool {
        self.count(&self.lasts, id).is_some_and(|n| n >= SEEN)
    }

    fn count(&self, counts: &FxHashMap<u32, usize>, id: Id) -> Option<usize> {
        counts.get(&id?).copied()
    }
}

/// Moves torn runs of conditions lines back to the row they end, and drops
/// row numbers printed inside a conditions cell (the row keeps its number).
pub fn return_to_rows(rows: &mut [RawRow], log: &mut Log) {
    for row in rows.iter_mut() {
        drop_numbers(row, log);
    }
    let order = Order::of(rows);
    for m in 1..rows.len() {
        let ids = order.ids(&rows[m].cells[COND]);
        let Some((s, e)) = foreign_run(&ids, &order) else {
            continue;
        };
        let first = ids[s];
        let owner = (m.saturating_sub(REACH)..m).rev().find(|&n| {
            rows[n].cells[COND].last().is_some_and(|l| {
                let l = order.id(l);
                !order.ends(l) && order.follows(l, first)
            })
        });
        let Some(n) = owner else { continue };
        let to = format!("moved back to row {}, column 5", rows[n].number);
        let run = log.moved(&mut rows[m].cells[COND], s..e, to);
        rows[n].cells[COND].extend(run);
    }
}

/// A line holding only this row's number or the next one's, right after a
/// finished sentence: the row number printed among the conditions.
fn drop_numbers(row: &mut RawRow, log: &mut Log) {
    let own = [row.number, row.number + 1];
    let cell = &mut row.cells[COND];
    let mut k = 1;
    while k < cell.len() {
        let number = cell[k].text.trim().parse::<u32>().ok();
        let after_sentence = cell[k - 1].text.trim_end().ends_with('.');
        if after_sentence && number.is_some_and(|n| own.contains(&n)) {
            let f = cell.remove(k);
            log.repair(
                RepairKind::PageBreakRow,
                f.no,
                f.text.clone(),
                format!("the number of row {}, not conditions", f.text.trim()),
            );
        } else {
            k += 1;
        }
    }
}

/// The first run of lines `[s, e)` that breaks the document's line order
/// where it sits while the lines around it follow each other: at the cell's
/// start before an opening line, inside, or at its end after a closing line.
fn foreign_run(cell: &[Id], order: &Order) -> Option<(usize, usize)> {
    let n = cell.len();
    let breaks: Vec<usize> = (1..n)
        .filter(|&i| !order.follows(cell[i - 1], cell[i]))
        .collect();
    let mut starts = breaks.clone();
    starts.insert(0, 0);
    starts.into_iter().find_map(|s| {
        let e = breaks.iter().copied().find(|&b| b > s).unwrap_or(n);
        let fits = match (s, e) {
            (0, e) if e < n => !order.opens(cell[0]) && order.opens(cell[e]),
            (0, _) => false,
            (s, e) if e < n => order.follows(cell[s - 1], cell[e]),
            (s, _) => order.may_end(cell[s - 1]),
        };
        fits.then_some((s, e))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARAGRAPH: &[&str] = &[
        "Қоғамдық жұмыстар уақытша",
        "жолымен ұйымдастырылады",
        "жеке еңбек шарты жасалады.",
        "Уақытылы еңбекақысы",
        "төленеді.",
    ];

    fn row(number: u32, first: usize, lines: &[&str]) -> RawRow {
        let mut r = RawRow::numbered(number);
        r.cells[COND] = lines
            .iter()
            .enumerate()
            .map(|(i, t)| Frag::new(first + i, t))
            .collect();
        r
    }

    fn texts(r: &RawRow) -> Vec<&str> {
        r.cells[COND].iter().map(|f| f.text.as_str()).collect()
    }

    #[test]
    fn a_torn_tail_read_into_the_next_row_goes_back() {
        let tail = ["Уақытылы еңбекақысы", "төленеді.", "3"];
        let next: Vec<&str> = tail.iter().chain(PARAGRAPH).copied().collect();
        let mut rows = vec![
            row(1, 1, PARAGRAPH),
            row(2, 10, &PARAGRAPH[..3]),
            row(3, 20, &next),
            row(4, 40, PARAGRAPH),
        ];
        let mut log = Log::default();
        return_to_rows(&mut rows, &mut log);
        assert_eq!(texts(&rows[1]), PARAGRAPH);
        assert_eq!(texts(&rows[2]), PARAGRAPH);
        assert_eq!(log.repairs.len(), 2);
    }

    #[test]
    fn a_torn_tail_inside_a_later_row_goes_back_past_whole_rows() {
        let mut inside: Vec<&str> = PARAGRAPH[..2].to_vec();
        inside.extend(&PARAGRAPH[3..]);
        inside.extend(&PARAGRAPH[2..]);
        let mut rows = vec![
            row(1, 1, &PARAGRAPH[..3]),
            row(2, 10, PARAGRAPH),
            row(3, 20, &inside),
            row(4, 40, PARAGRAPH),
        ];
        return_to_rows(&mut rows, &mut Log::default());
        assert_eq!(texts(&rows[0]), PARAGRAPH);
        assert_eq!(texts(&rows[2]), PARAGRAPH);
    }

    #[test]
    fn cells_in_the_documents_order_stay_as_they_are() {
        let mut rows = vec![
            row(1, 1, PARAGRAPH),
            row(2, 10, &PARAGRAPH[..3]),
            row(3, 20, PARAGRAPH),
            row(4, 40, &["Басқа шарттар", "40", "сағаттан аспайды."]),
        ];
        let mut log = Log::default();
        return_to_rows(&mut rows, &mut log);
        assert_eq!(texts(&rows[1]), &PARAGRAPH[..3]);
        assert_eq!(texts(&rows[3]).len(), 3);
        assert!(log.repairs.is_empty());
    }

    #[test]
    fn the_same_tear_repeated_on_two_pages_is_still_a_tear() {
        let tail: Vec<&str> = PARAGRAPH[2..].to_vec();
        let torn: Vec<&str> = tail.iter().chain(PARAGRAPH).copied().collect();
        let mut rows: Vec<RawRow> = (0..12)
            .map(|i| row(i + 1, 10 * i as usize, PARAGRAPH))
            .collect();
        for &at in &[2, 5] {
            rows[at - 1] = row(at as u32, 10 * at - 10, &PARAGRAPH[..2]);
            rows[at] = row(at as u32 + 1, 10 * at, &torn);
        }
        return_to_rows(&mut rows, &mut Log::default());
        for r in &rows {
            assert_eq!(texts(r), PARAGRAPH, "row {}", r.number);
        }
    }
}
