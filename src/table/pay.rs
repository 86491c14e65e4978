//! The multiple of the minimum monthly wage stated in the pay cell
//! ("… жалақының 1,5 мөлшерінде" → 1.5; no number but the wage named → 1).

/// Words that name the minimum wage (ең төменгі айлық жалақы / минимальная заработная плата).
const MIN_WAGE: &[&str] = &["төменгі айлық жалақы", "минимальн", "ең төменгі жалақы"];

/// The multiple of the minimum wage, when the pay text states one.
pub fn mzp_multiple(pay: &str) -> Option<f64> {
    let lower = pay.to_lowercase();
    if !MIN_WAGE.iter().any(|w| lower.contains(w)) {
        return None;
    }
    let numbers: Vec<f64> = pay
        .split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .map(|t| t.trim_matches([',', '.']))
        .filter(|t| t.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .filter_map(|t| t.replace(',', ".").parse().ok())
        .collect();
    match numbers.as_slice() {
        [] => Some(1.0),
        [n] => Some(*n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_multiple_in_both_languages() {
        let cases = [
            ("Қазақстан Республикасының заңнамасында белгіленген ең төменгі айлық жалақының 1,5 мөлшерінде", Some(1.5)),
            ("Қазақстан Республикасының заңнамасында белгіленген ең төменгі айлық жалақы мөлшерінде", Some(1.0)),
            ("В размере 2 минимальных заработных плат, установленных законодательством Республики Казахстан", Some(2.0)),
            ("В размере минимальной заработной платы, установленной законодательством Республики Казахстан", Some(1.0)),
            ("Келісім бойынша", None),
        ];
        for (text, want) in cases {
            assert_eq!(mzp_multiple(text), want, "{text}");
        }
    }
}
