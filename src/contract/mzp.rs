//! The minimum monthly wage table (ЕТЖ / МЗП) by year, shipped as
//! `assets/mzp.csv` with its sources and embedded in the binary.

use crate::error::{Error, Result};

const TABLE: &str = include_str!("../../assets/mzp.csv");

/// The minimum monthly wage in tenge in force from 1 January of `year`.
pub fn for_year(year: u16) -> Result<f64> {
    entries()
        .find(|&(y, _)| y == year)
        .map(|(_, tenge)| tenge as f64)
        .ok_or_else(|| {
            let (first, last) = range();
            Error::Usage(format!(
                "no minimum monthly wage for {year} in the built-in table ({first}–{last}); \
                 give it with --mzp AMOUNT"
            ))
        })
}

/// (year, tenge) pairs of the table, in file order.
fn entries() -> impl Iterator<Item = (u16, u64)> {
    TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("year,") && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.split(',');
            Some((f.next()?.parse().ok()?, f.next()?.parse().ok()?))
        })
}

fn range() -> (u16, u16) {
    let years: Vec<u16> = entries().map(|(y, _)| y).collect();
    (years[0], years[years.len() - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_holds_the_published_wages() {
        let want = [
            (2010, 14_952.0),
            (2011, 15_999.0),
            (2014, 19_966.0),
            (2015, 21_364.0),
            (2018, 28_284.0),
            (2020, 42_500.0),
            (2022, 60_000.0),
            (2023, 70_000.0),
            (2026, 85_000.0),
        ];
        for (year, tenge) in want {
            assert_eq!(for_year(year).unwrap(), tenge, "{year}");
        }
    }

    #[test]
    fn every_data_line_parses_and_years_are_consecutive() {
        let data_lines = TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("year,") && !l.trim().is_empty())
            .count();
        let years: Vec<u16> = entries().map(|(y, _)| y).collect();
        assert_eq!(years.len(), data_lines);
        assert!(years.windows(2).all(|w| w[1] == w[0] + 1));
    }

    #[test]
    fn a_year_outside_the_table_asks_for_mzp() {
        let err = for_year(1999).unwrap_err().to_string();
        assert!(err.contains("--mzp"), "{err}");
    }
}
