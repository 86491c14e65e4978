//! Runs of unplaced text told as one warning.
//!
//! A scanned table that could not be read into rows leaves hundreds of its
//! lines in `residue`, each with a warning; a clerk reading a thousand
//! warnings that all say the same finds the one that matters in none of them.
//! Consecutive warnings for text kept in residue that give the same reason
//! become one warning naming the lines; the text itself stays, line by line,
//! in `residue`.

use crate::model::{Residue, Warning};
use std::collections::HashSet;

/// Groups runs of warnings that stand for residue text and give the same reason.
/// `warnings` must already be in line order.
pub fn group(warnings: Vec<Warning>, residue: &[Residue]) -> Vec<Warning> {
    let kept: HashSet<(usize, &str)> = residue.iter().map(|r| (r.line, r.text.as_str())).collect();
    let mut out: Vec<Warning> = Vec::with_capacity(warnings.len());
    let mut run: Option<Run> = None;
    for w in warnings {
        let why = reason(&w, &kept);
        match (&mut run, why) {
            (Some(r), Some(why)) if r.why == why => r.add(w.line),
            _ => {
                if let Some(r) = run.take() {
                    r.close(&mut out);
                }
                match why {
                    Some(why) => {
                        run = Some(Run {
                            why: why.to_string(),
                            last_line: w.line,
                            count: 1,
                            first: w,
                        })
                    }
                    None => out.push(w),
                }
            }
        }
    }
    if let Some(r) = run {
        r.close(&mut out);
    }
    out
}

/// The reason a warning gives for text it kept in residue (`why: "text"`),
/// or `None` for any other warning.
fn reason<'w>(w: &'w Warning, kept: &HashSet<(usize, &str)>) -> Option<&'w str> {
    let (why, quoted) = w.message.split_once(": \"")?;
    let text = quoted.strip_suffix('"')?;
    kept.contains(&(w.line, text)).then_some(why)
}

/// Consecutive warnings with one reason: the first, kept whole when alone.
struct Run {
    why: String,
    first: Warning,
    last_line: usize,
    count: usize,
}

impl Run {
    fn add(&mut self, line: usize) {
        self.last_line = line;
        self.count += 1;
    }

    fn close(self, out: &mut Vec<Warning>) {
        if self.count == 1 {
            out.push(self.first);
            return;
        }
        let lines = if self.last_line == self.first.line {
            format!("line {}", self.first.line)
        } else {
            format!("lines {}–{}", self.first.line, self.last_line)
        };
        out.push(Warning {
            line: self.first.line,
            message: format!(
                "{}: {} pieces of text on {lines}, kept in residue",
                self.why, self.count
            ),
        });
    }
}
