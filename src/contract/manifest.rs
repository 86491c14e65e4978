//! `manifest.csv`: one line per contract (number, file, employer, participant, IIN, pay).

use super::csv::quote;
use super::view::{ContractView, BLANK};

/// The manifest's header line.
pub const HEADER: &str = "number,file,employer,participant,iin,pay";

/// The manifest text; `file` names each contract's main output file.
/// Unknown participants and IINs are left empty (not the blank line of the contract).
pub fn manifest(contracts: &[ContractView], file: impl Fn(&ContractView) -> String) -> String {
    let mut out = String::from(HEADER);
    out.push('\n');
    for c in contracts {
        let fields = [
            c.number.clone(),
            file(c),
            c.employer.name.clone(),
            known(&c.employee.full_name),
            known(&c.employee.iin),
            known(&c.pay.figures),
        ];
        let line: Vec<String> = fields.iter().map(|f| quote(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

fn known(s: &str) -> String {
    if s == BLANK {
        String::new()
    } else {
        s.to_string()
    }
}
