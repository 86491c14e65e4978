//! Whole numbers in words, Kazakh and Russian, as contracts write amounts.
//!
//! Kazakh words do not change with the following noun. Russian thousands are
//! feminine ("одна тысяча", "две тысячи") and the scale word agrees with the
//! last digits ("тысяча / тысячи / тысяч"), so Russian works group by group.

const KK_ONES: [&str; 10] = [
    "",
    "бір",
    "екі",
    "үш",
    "төрт",
    "бес",
    "алты",
    "жеті",
    "сегіз",
    "тоғыз",
];
const KK_TENS: [&str; 10] = [
    "",
    "он",
    "жиырма",
    "отыз",
    "қырық",
    "елу",
    "алпыс",
    "жетпіс",
    "сексен",
    "тоқсан",
];
/// Scale words for 10^3, 10^6, 10^9, 10^12.
const KK_SCALES: [&str; 4] = ["мың", "миллион", "миллиард", "триллион"];

const RU_ONES_M: [&str; 10] = [
    "",
    "один",
    "два",
    "три",
    "четыре",
    "пять",
    "шесть",
    "семь",
    "восемь",
    "девять",
];
const RU_ONES_F: [&str; 10] = [
    "",
    "одна",
    "две",
    "три",
    "четыре",
    "пять",
    "шесть",
    "семь",
    "восемь",
    "девять",
];
const RU_TEENS: [&str; 10] = [
    "десять",
    "одиннадцать",
    "двенадцать",
    "тринадцать",
    "четырнадцать",
    "пятнадцать",
    "шестнадцать",
    "семнадцать",
    "восемнадцать",
    "девятнадцать",
];
const RU_TENS: [&str; 10] = [
    "",
    "",
    "двадцать",
    "тридцать",
    "сорок",
    "пятьдесят",
    "шестьдесят",
    "семьдесят",
    "восемьдесят",
    "девяносто",
];
const RU_HUNDREDS: [&str; 10] = [
    "",
    "сто",
    "двести",
    "триста",
    "четыреста",
    "пятьсот",
    "шестьсот",
    "семьсот",
    "восемьсот",
    "девятьсот",
];
/// Scale words (one, few, many) and whether the scale noun is feminine.
const RU_SCALES: [([&str; 3], bool); 4] = [
    (["тысяча", "тысячи", "тысяч"], true),
    (["миллион", "миллиона", "миллионов"], false),
    (["миллиард", "миллиарда", "миллиардов"], false),
    (["триллион", "триллиона", "триллионов"], false),
];

/// Splits a number into groups of three digits, lowest first.
fn groups(mut n: u64) -> Vec<u16> {
    let mut out = Vec::new();
    while n > 0 {
        out.push((n % 1000) as u16);
        n /= 1000;
    }
    out
}

/// Kazakh words for 1..=999 ("тоғыз жүз қырық тоғыз"); 100 alone is "жүз".
fn kk_group(n: u16, words: &mut Vec<&'static str>) {
    let (h, t, o) = (
        (n / 100) as usize,
        (n / 10 % 10) as usize,
        (n % 10) as usize,
    );
    if h > 1 {
        words.push(KK_ONES[h]);
    }
    if h > 0 {
        words.push("жүз");
    }
    if t > 0 {
        words.push(KK_TENS[t]);
    }
    if o > 0 {
        words.push(KK_ONES[o]);
    }
}

/// A whole number in Kazakh words: 29949 → "жиырма тоғыз мың тоғыз жүз қырық тоғыз".
///
/// Thousands and larger scales always carry their count ("бір мың", "бір
/// миллион"), as amounts in words are written in Kazakh payment documents.
pub fn kk(n: u64) -> String {
    if n == 0 {
        return "нөл".to_string();
    }
    let mut words = Vec::new();
    for (i, &g) in groups(n).iter().enumerate().rev() {
        if g == 0 {
            continue;
        }
        if i > 0 && g == 1 {
            words.push("бір");
        } else {
            kk_group(g, &mut words);
        }
        if i > 0 {
            words.push(KK_SCALES[i - 1]);
        }
    }
    words.join(" ")
}

/// Russian words for 1..=999 in the given gender.
fn ru_group(n: u16, feminine: bool, words: &mut Vec<&'static str>) {
    let (h, t, o) = (
        (n / 100) as usize,
        (n / 10 % 10) as usize,
        (n % 10) as usize,
    );
    if h > 0 {
        words.push(RU_HUNDREDS[h]);
    }
    if t == 1 {
        words.push(RU_TEENS[o]);
        return;
    }
    if t > 1 {
        words.push(RU_TENS[t]);
    }
    if o > 0 {
        words.push(if feminine { RU_ONES_F[o] } else { RU_ONES_M[o] });
    }
}

/// Which of the three Russian plural forms a count takes (1, 2–4, 5+ and 11–14).
pub fn ru_plural_form(n: u64) -> usize {
    let (tens, ones) = (n / 10 % 10, n % 10);
    match (tens, ones) {
        (1, _) => 2,
        (_, 1) => 0,
        (_, 2..=4) => 1,
        _ => 2,
    }
}

/// A whole number in Russian words, masculine units ("двадцать одна тысяча
/// один"): 29949 → "двадцать девять тысяч девятьсот сорок девять".
pub fn ru(n: u64) -> String {
    if n == 0 {
        return "ноль".to_string();
    }
    let mut words = Vec::new();
    for (i, &g) in groups(n).iter().enumerate().rev() {
        if g == 0 {
            continue;
        }
        let feminine = i > 0 && RU_SCALES[i - 1].1;
        ru_group(g, feminine, &mut words);
        if i > 0 {
            words.push(RU_SCALES[i - 1].0[ru_plural_form(u64::from(g))]);
        }
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_words_on_the_table_of_values() {
        let table: &[(u64, &str)] = &[
            (0, "нөл"),
            (1, "бір"),
            (10, "он"),
            (11, "он бір"),
            (12, "он екі"),
            (13, "он үш"),
            (14, "он төрт"),
            (15, "он бес"),
            (16, "он алты"),
            (17, "он жеті"),
            (18, "он сегіз"),
            (19, "он тоғыз"),
            (40, "қырық"),
            (100, "жүз"),
            (101, "жүз бір"),
            (245, "екі жүз қырық бес"),
            (1_000, "бір мың"),
            (1_100, "бір мың жүз"),
            (19_966, "он тоғыз мың тоғыз жүз алпыс алты"),
            (21_364, "жиырма бір мың үш жүз алпыс төрт"),
            (29_949, "жиырма тоғыз мың тоғыз жүз қырық тоғыз"),
            (100_000, "жүз мың"),
            (1_000_000, "бір миллион"),
            (2_005_000, "екі миллион бес мың"),
        ];
        for &(n, want) in table {
            assert_eq!(kk(n), want, "{n}");
        }
    }

    #[test]
    fn russian_words_on_the_table_of_values() {
        let table: &[(u64, &str)] = &[
            (0, "ноль"),
            (1, "один"),
            (2, "два"),
            (10, "десять"),
            (11, "одиннадцать"),
            (12, "двенадцать"),
            (13, "тринадцать"),
            (14, "четырнадцать"),
            (15, "пятнадцать"),
            (16, "шестнадцать"),
            (17, "семнадцать"),
            (18, "восемнадцать"),
            (19, "девятнадцать"),
            (100, "сто"),
            (212, "двести двенадцать"),
            (1_000, "одна тысяча"),
            (2_000, "две тысячи"),
            (5_000, "пять тысяч"),
            (11_000, "одиннадцать тысяч"),
            (21_000, "двадцать одна тысяча"),
            (21_364, "двадцать одна тысяча триста шестьдесят четыре"),
            (22_859, "двадцать две тысячи восемьсот пятьдесят девять"),
            (29_949, "двадцать девять тысяч девятьсот сорок девять"),
            (1_000_000, "один миллион"),
            (2_000_000, "два миллиона"),
            (5_001_001, "пять миллионов одна тысяча один"),
        ];
        for &(n, want) in table {
            assert_eq!(ru(n), want, "{n}");
        }
    }

    #[test]
    fn russian_plural_forms_follow_the_last_two_digits() {
        let forms: Vec<usize> = [1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 111, 101]
            .iter()
            .map(|&n| ru_plural_form(n))
            .collect();
        assert_eq!(forms, [0, 1, 1, 2, 2, 2, 2, 0, 1, 2, 2, 0]);
    }
}
