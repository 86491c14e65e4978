//! Individual employment contracts (жеке еңбек шарты / индивидуальный трудовой
//! договор), one per participant slot of the decree's appendix rows.
//!
//! Data flows one way: decree + roster + employers → [`view::ContractView`]s
//! ([`plan`]) → HTML from a tera template ([`render_html`]) → a
//! [`crate::flow::FlowDoc`] ([`to_flow`]) that the PDF engine lays out.

pub mod csv;
pub mod dates;
pub mod employers;
pub mod iin;
pub mod manifest;
pub mod money;
pub mod mzp;
pub mod numwords;
pub mod roster;
pub mod slug;
pub mod tera;
pub mod view;

use crate::error::{Error, Result};
use crate::flow::{Block, FlowDoc};
use crate::model::{Date, Decree, Language, Row};
use employers::Employers;
use roster::{Assignment, Person};
use view::{ContractView, Slot};

/// What the contracts depend on besides the decree and the roster.
#[derive(Debug, Clone, Default)]
pub struct PlanOptions {
    pub lang: Language,
    pub start: Option<Date>,
    pub end: Option<Date>,
    /// Minimum monthly wage in tenge, overriding the built-in table.
    pub mzp: Option<f64>,
}

/// The contracts to write, in row then participant order, and what the user
/// should know about rows that produced none or no amount.
#[derive(Debug, Clone)]
pub struct Plan {
    pub contracts: Vec<ContractView>,
    pub warnings: Vec<String>,
}

/// One contract per demand slot of every row (or per roster person when a
/// roster is given), with the pay computed for the contract's year.
pub fn plan(
    decree: &Decree,
    roster: Option<&Assignment>,
    employers: &Employers,
    opts: &PlanOptions,
) -> Result<Plan> {
    check_options(opts)?;
    let mut plan = Plan {
        contracts: Vec::new(),
        warnings: Vec::new(),
    };
    for row in decree.rows() {
        let people: Vec<Option<&Person>> = match roster {
            Some(r) => r
                .get(&row.number)
                .map_or(Vec::new(), |p| p.iter().map(Some).collect()),
            None => demand_slots(row, &mut plan.warnings),
        };
        if row.pay_mzp_multiple.is_none() && !people.is_empty() {
            plan.warnings.push(format!(
                "row {}: the pay cell states no multiple of the minimum wage; the amount is left blank",
                row.number
            ));
        }
        for (i, person) in people.into_iter().enumerate() {
            let slot = slot(
                decree,
                row,
                i as u32 + 1,
                person,
                employers.get(&row.number),
                opts,
            )?;
            plan.contracts.push(view::build(decree, &slot, opts.lang));
        }
    }
    check_unique_files(&plan.contracts)?;
    Ok(plan)
}

fn option_error(message: String) -> Error {
    Error::Usage(message)
}

/// `--end` not before `--start`; `--mzp` a positive amount.
fn check_options(opts: &PlanOptions) -> Result<()> {
    if let (Some(s), Some(e)) = (opts.start, opts.end) {
        if e < s {
            return Err(option_error(format!("--end {e} is before --start {s}")));
        }
    }
    match opts.mzp {
        Some(m) if !(m.is_finite() && m > 0.0) => Err(option_error(format!(
            "--mzp {m} is not a positive amount of tenge"
        ))),
        _ => Ok(()),
    }
}

/// Two contracts with one file name (a row number printed twice) would overwrite each other.
fn check_unique_files(contracts: &[ContractView]) -> Result<()> {
    let mut seen = std::collections::BTreeSet::new();
    match contracts.iter().find(|c| !seen.insert((c.row, c.k))) {
        Some(c) => Err(option_error(format!(
            "appendix row number {} appears twice in the decree, so contract {} would be written twice; fix the row numbers",
            c.row, c.number
        ))),
        None => Ok(()),
    }
}

fn demand_slots<'a>(row: &Row, warnings: &mut Vec<String>) -> Vec<Option<&'a Person>> {
    match row.demand {
        Some(n) => vec![None; n as usize],
        None => {
            warnings.push(format!(
                "row {} ({}): no demand in the decree, so no contracts",
                row.number, row.organization
            ));
            Vec::new()
        }
    }
}

/// The inputs of contract `k` of `row`: dates from the roster, else the options;
/// the minimum wage from `--mzp`, else the table for the contract's year.
fn slot<'a>(
    decree: &Decree,
    row: &'a Row,
    k: u32,
    person: Option<&'a Person>,
    employer: Option<&'a employers::Employer>,
    opts: &PlanOptions,
) -> Result<Slot<'a>> {
    let start = person.and_then(|p| p.start).or(opts.start);
    let end = person.and_then(|p| p.end).or(opts.end);
    let year = start.or(decree.act.date).map(|d| d.year);
    let mzp = match (opts.mzp, row.pay_mzp_multiple, year) {
        (Some(m), _, _) => Some(m),
        (None, None, _) => None,
        (None, Some(_), Some(y)) => Some(mzp::for_year(y)?),
        (None, Some(_), None) => {
            return Err(option_error(format!(
                "{}: the decree has no act date, so the contract year is unknown: \
                 give --start or --mzp",
                decree.source.file
            )))
        }
    };
    Ok(Slot {
        row,
        k,
        person,
        employer,
        start,
        end,
        mzp,
        mzp_year: year,
    })
}

/// The HTML of one contract from its language's template.
pub fn render_html(tera: &::tera::Tera, c: &ContractView) -> Result<String> {
    let name = if c.lang == "ru" {
        tera::template_name(Language::Ru)
    } else {
        tera::template_name(Language::Kk)
    };
    let mut ctx = ::tera::Context::new();
    ctx.insert("c", c);
    tera_render(tera, name, &ctx)
}

fn tera_render(t: &::tera::Tera, name: &str, ctx: &::tera::Context) -> Result<String> {
    t.render(name, ctx)
        .map_err(|e| crate::templates::template_error(name, &e))
}

/// The contract's HTML as a flow for the PDF engine (A4 portrait, page numbers).
pub fn to_flow(html: &str, c: &ContractView) -> Result<FlowDoc> {
    let name = tera::template_name(if c.lang == "ru" {
        Language::Ru
    } else {
        Language::Kk
    });
    crate::flow_html::convert(html, name)
}

/// One employer's contracts as a single document for printing: the contracts'
/// flows one after another, each starting on a new page.
pub fn combine(docs: Vec<FlowDoc>, title: &str) -> Option<FlowDoc> {
    let mut it = docs.into_iter();
    let mut first = it.next()?;
    first.title = title.to_string();
    for doc in it {
        first.blocks.push(Block::PageBreak);
        first.blocks.extend(doc.blocks);
    }
    Some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::{Para, Run};

    fn doc(text: &str) -> FlowDoc {
        crate::flow_html::convert(&format!("<p>{text}</p>"), "t").unwrap()
    }

    #[test]
    fn combine_puts_each_contract_on_a_new_page_in_order() {
        let all = combine(vec![doc("a"), doc("b"), doc("c")], "Employer").unwrap();
        let p = |t: &str| {
            Block::Para(Para {
                runs: vec![Run::plain(t)],
                ..match &doc(t).blocks[0] {
                    Block::Para(p) => p.clone(),
                    _ => unreachable!(),
                }
            })
        };
        assert_eq!(all.title, "Employer");
        assert_eq!(
            all.blocks,
            [p("a"), Block::PageBreak, p("b"), Block::PageBreak, p("c")]
        );
        assert!(combine(Vec::new(), "x").is_none());
    }
}
