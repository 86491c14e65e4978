//! Views made for output: the decree as templates and the PDF builders see it
//! (header rows with spans, cells as lines), built from `&Decree`, never written back.

use crate::model::{Appendix, Decree, Row, Status, Table};
use serde::Serialize;

/// A header cell: text with its spans and the HTML `scope` it heads.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeaderCell {
    pub text: String,
    pub colspan: usize,
    pub rowspan: usize,
    /// `col` for a column header, `colgroup` for a header over several columns.
    pub scope: &'static str,
}

/// A body cell: one line per item (each kind of work on its own line).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellView {
    pub lines: Vec<String>,
    /// `num` for centred numeric cells, `text` otherwise (a CSS class).
    pub kind: &'static str,
}

impl CellView {
    fn text(s: &str) -> CellView {
        CellView {
            lines: vec![s.to_string()],
            kind: "text",
        }
    }

    fn num(s: String) -> CellView {
        CellView {
            lines: vec![s],
            kind: "num",
        }
    }

    /// The cell's text with a line break between items.
    pub fn joined(&self) -> String {
        self.lines.join("\n")
    }
}

/// The appendix table as rows of header cells and body cells.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableView {
    pub header_rows: Vec<Vec<HeaderCell>>,
    pub rows: Vec<Vec<CellView>>,
    /// Each column's printed header (group title prefixed), labelling cells on a phone.
    pub labels: Vec<String>,
    /// Each column's share of the table width, as CSS percentages ("13.5%").
    pub widths: Vec<String>,
    /// Number of grid columns.
    pub columns: usize,
}

/// An appendix (қосымша): approval block, title, table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppendixView {
    pub approval: String,
    pub title: String,
    pub table: TableView,
}

/// A numbered clause.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClauseView {
    pub number: String,
    pub text: String,
}

/// The whole decree for the templates.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecreeView {
    pub lang: &'static str,
    pub title: String,
    pub status_text: String,
    pub repealed: bool,
    pub header_text: String,
    pub notes: Vec<String>,
    pub preamble: String,
    pub clauses: Vec<ClauseView>,
    pub signatory_position: String,
    pub signatory_name: String,
    pub appendices: Vec<AppendixView>,
}

impl DecreeView {
    pub fn new(d: &Decree) -> DecreeView {
        DecreeView {
            lang: d.language.code(),
            title: d.title.clone(),
            status_text: d.status_text.clone(),
            repealed: d.status == Status::Repealed,
            header_text: d.header_text.clone(),
            notes: d.notes.clone(),
            preamble: d.preamble.clone(),
            clauses: d
                .clauses
                .iter()
                .map(|c| ClauseView {
                    number: c.number.clone(),
                    text: c.text.clone(),
                })
                .collect(),
            signatory_position: d.signatory.position.clone(),
            signatory_name: d.signatory.name.clone(),
            appendices: d.appendices.iter().map(AppendixView::new).collect(),
        }
    }
}

impl AppendixView {
    pub fn new(a: &Appendix) -> AppendixView {
        AppendixView {
            approval: a.approval.clone(),
            title: a.title.clone(),
            table: TableView::new(&a.table),
        }
    }
}

/// The nine columns every appendix row fills, in printed order.
pub const COLUMNS: usize = 9;

/// Relative widths of the nine columns (№, organization, works, volume, conditions,
/// pay, funding, demand, supply): the long conditions text widest, counts narrow.
/// HTML and PDF share them so both print the same table.
pub const COLUMN_WIDTHS: [f32; COLUMNS] = [3.0, 13.0, 14.0, 9.5, 24.0, 11.5, 8.5, 6.5, 6.5];

impl TableView {
    pub fn new(t: &Table) -> TableView {
        TableView {
            header_rows: header_rows(t),
            rows: t.rows.iter().map(row_cells).collect(),
            labels: labels(t),
            widths: css_widths(),
            columns: COLUMNS,
        }
    }
}

/// The printed headers, padded to nine columns.
fn column_names(t: &Table) -> Vec<String> {
    let mut names = t.columns.clone();
    names.resize(COLUMNS.max(names.len()), String::new());
    names
}

fn css_widths() -> Vec<String> {
    let total: f32 = COLUMN_WIDTHS.iter().sum();
    COLUMN_WIDTHS
        .iter()
        .map(|w| format!("{:.1}%", w * 100.0 / total))
        .collect()
}

/// Column labels for stacked (phone) display: "group: column" under a group header.
fn labels(t: &Table) -> Vec<String> {
    let mut names = column_names(t);
    for (start, n, title) in groups(t, names.len()) {
        for name in &mut names[start..start + n] {
            *name = format!("{title}: {name}");
        }
    }
    names
}

/// 0-based (first column, width) of each usable group: consecutive, in range, not overlapping.
fn groups(t: &Table, ncols: usize) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    for g in &t.column_groups {
        let Some(&first) = g.columns.first().filter(|&&f| f >= 1) else {
            continue;
        };
        let consecutive = g.columns.windows(2).all(|w| w[1] == w[0] + 1);
        let last = first + g.columns.len() - 1;
        let overlaps = out.iter().any(|(s, n, _)| first - 1 < s + n && *s < last);
        if last <= ncols && consecutive && !overlaps {
            out.push((first - 1, g.columns.len(), g.title.clone()));
        }
    }
    out.sort_by_key(|g| g.0);
    out
}

/// One header row, or two when a group header spans columns (the others span both rows).
fn header_rows(t: &Table) -> Vec<Vec<HeaderCell>> {
    let names = column_names(t);
    let groups = groups(t, names.len());
    let rowspan = if groups.is_empty() { 1 } else { 2 };
    let mut top = Vec::new();
    let mut second = Vec::new();
    let mut i = 0;
    while i < names.len() {
        if let Some((start, n, title)) = groups.iter().find(|g| g.0 == i) {
            top.push(head(title, *n, 1, "colgroup"));
            second.extend(
                names[*start..start + n]
                    .iter()
                    .map(|s| head(s, 1, 1, "col")),
            );
            i += n;
        } else {
            top.push(head(&names[i], 1, rowspan, "col"));
            i += 1;
        }
    }
    if second.is_empty() {
        vec![top]
    } else {
        vec![top, second]
    }
}

fn head(text: &str, colspan: usize, rowspan: usize, scope: &'static str) -> HeaderCell {
    HeaderCell {
        text: text.to_string(),
        colspan,
        rowspan,
        scope,
    }
}

fn count(n: Option<u32>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

/// A row's nine cells; kinds of work and their volumes one per line, side by side.
fn row_cells(r: &Row) -> Vec<CellView> {
    vec![
        CellView::num(r.number.to_string()),
        CellView::text(&r.organization),
        CellView {
            lines: r.works.iter().map(|w| w.kind.clone()).collect(),
            kind: "text",
        },
        CellView {
            lines: r.works.iter().map(|w| w.volume.clone()).collect(),
            kind: "text",
        },
        CellView::text(&r.conditions),
        CellView::text(&r.pay),
        CellView::text(&r.funding),
        CellView::num(count(r.demand)),
        CellView::num(count(r.supply)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decree() -> Decree {
        crate::yaml::gold_decree("t0001")
    }

    #[test]
    fn builds_two_header_rows_with_the_group_over_columns_4_and_5() {
        let v = DecreeView::new(&decree());
        let h = &v.appendices[0].table.header_rows;
        assert_eq!(h.len(), 2);
        assert_eq!(h[0].iter().map(|c| c.colspan).sum::<usize>(), 9);
        let group = &h[0][3];
        assert_eq!((group.colspan, group.scope), (2, "colgroup"));
        assert_eq!(
            group.text,
            "Қоғамдық жұмыстардың көлемі мен нақты жағдайлары"
        );
        assert_eq!(h[0][0].rowspan, 2);
        assert_eq!(
            h[1].iter().map(|c| c.text.as_str()).collect::<Vec<_>>(),
            ["Көлемі (бір қатысушыға)", "Нақты жағдайлары"]
        );
    }

    #[test]
    fn keeps_every_row_and_pairs_works_with_volumes() {
        let d = decree();
        let v = DecreeView::new(&d);
        let rows = &v.appendices[0].table.rows;
        assert_eq!(rows.len(), d.appendices[0].table.rows.len());
        for (r, cells) in d.appendices[0].table.rows.iter().zip(rows) {
            assert_eq!(cells.len(), 9);
            assert_eq!(cells[2].lines.len(), r.works.len());
            assert_eq!(cells[3].lines.len(), r.works.len());
            assert_eq!(cells[1].lines[0], r.organization);
        }
    }

    #[test]
    fn ignores_a_group_that_is_not_consecutive() {
        let mut d = decree();
        d.appendices[0].table.column_groups[0].columns = vec![4, 6];
        let v = DecreeView::new(&d);
        assert_eq!(v.appendices[0].table.header_rows.len(), 1);
        assert_eq!(v.appendices[0].table.header_rows[0].len(), 9);
    }
}
