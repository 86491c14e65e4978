//! Amounts of money in tenge and tiyn: in figures ("29 949") and in words.

use super::numwords;
use crate::model::Language;

/// An amount in tiyn (1 tenge = 100 tiyn), so pay is exact to the tiyn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Amount {
    pub tiyn: u64,
}

impl Amount {
    /// `multiple` × `base` tenge, rounded to the nearest tiyn.
    pub fn times(multiple: f64, base: f64) -> Amount {
        Amount {
            tiyn: (multiple * base * 100.0).round().max(0.0) as u64,
        }
    }

    pub fn tenge(self) -> u64 {
        self.tiyn / 100
    }

    pub fn tiyn_part(self) -> u64 {
        self.tiyn % 100
    }

    /// Whole tenge with a space between thousands, tiyn after a comma when
    /// there are any: "29 949", "23 998,50" (the manifest's pay column).
    pub fn figures(self) -> String {
        let whole = group_thousands(self.tenge());
        match self.tiyn_part() {
            0 => whole,
            t => format!("{whole},{t:02}"),
        }
    }

    /// The figures with the currency: "29 949 теңге", "23 998 теңге 50 тиын".
    pub fn figures_with_currency(self, lang: Language) -> String {
        let whole = group_thousands(self.tenge());
        with_currency(&whole, self.tiyn_part(), lang)
    }

    /// Figures and words as a contract writes pay:
    /// "29 949 (жиырма тоғыз мың тоғыз жүз қырық тоғыз) теңге";
    /// with tiyn, "23 998 теңге 50 тиын (жиырма үш мың … сегіз теңге 50 тиын)".
    pub fn in_words(self, lang: Language) -> String {
        let words = match lang {
            Language::Kk => numwords::kk(self.tenge()),
            Language::Ru => numwords::ru(self.tenge()),
        };
        let whole = group_thousands(self.tenge());
        match self.tiyn_part() {
            0 => format!("{whole} ({words}) {}", currency(lang)),
            t => format!(
                "{} ({})",
                with_currency(&whole, t, lang),
                with_currency(&words, t, lang)
            ),
        }
    }
}

fn currency(lang: Language) -> &'static str {
    match lang {
        Language::Kk => "теңге",
        Language::Ru => "тенге",
    }
}

fn with_currency(whole: &str, tiyn: u64, lang: Language) -> String {
    match tiyn {
        0 => format!("{whole} {}", currency(lang)),
        t => format!("{whole} {} {t:02} тиын", currency(lang)),
    }
}

/// 1234567 → "1 234 567" (a space between groups, as Kazakh documents print).
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_with_spaces() {
        let got: Vec<String> = [0, 100, 1_000, 21_364, 1_000_000]
            .iter()
            .map(|&n| group_thousands(n))
            .collect();
        assert_eq!(got, ["0", "100", "1 000", "21 364", "1 000 000"]);
    }

    #[test]
    fn one_and_a_half_minimum_wages_of_2014_in_words() {
        let pay = Amount::times(1.5, 19_966.0);
        assert_eq!(pay.figures(), "29 949");
        assert_eq!(
            pay.in_words(Language::Kk),
            "29 949 (жиырма тоғыз мың тоғыз жүз қырық тоғыз) теңге"
        );
        assert_eq!(
            pay.in_words(Language::Ru),
            "29 949 (двадцать девять тысяч девятьсот сорок девять) тенге"
        );
    }

    #[test]
    fn fractional_pay_is_written_with_tiyn() {
        let pay = Amount::times(1.5, 15_999.0);
        assert_eq!(pay.figures(), "23 998,50");
        assert_eq!(
            pay.figures_with_currency(Language::Kk),
            "23 998 теңге 50 тиын"
        );
        assert_eq!(
            pay.in_words(Language::Kk),
            "23 998 теңге 50 тиын (жиырма үш мың тоғыз жүз тоқсан сегіз теңге 50 тиын)"
        );
        assert!(pay
            .in_words(Language::Ru)
            .contains("двадцать три тысячи девятьсот девяносто восемь тенге 50 тиын"));
    }

    #[test]
    fn zero_and_round_amounts() {
        assert_eq!(
            Amount::times(0.0, 85_000.0).in_words(Language::Kk),
            "0 (нөл) теңге"
        );
        assert_eq!(
            Amount::times(2.0, 500_000.0).in_words(Language::Ru),
            "1 000 000 (один миллион) тенге"
        );
    }
}
