//! IIN / BIN (ЖСН / БСН, ИИН / БИН) validation: 12 digits and the official
//! two-pass mod-11 check digit.
//!
//! The first six digits of an IIN used to be the birth date; that binding was
//! removed in 2013, so a number is never rejected for an implausible date.

/// Weights of the first pass (1..11) and of the second (3..11, 1, 2).
const PASS1: [u32; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const PASS2: [u32; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/// The check digit the first 11 digits call for, or `None` when both passes
/// give 10 (no valid number has these 11 digits).
pub fn check_digit(first11: &[u8; 11]) -> Option<u8> {
    let pass = |w: &[u32; 11]| -> u32 {
        first11
            .iter()
            .zip(w)
            .map(|(&d, &w)| u32::from(d) * w)
            .sum::<u32>()
            % 11
    };
    match pass(&PASS1) {
        10 => match pass(&PASS2) {
            10 => None,
            d => Some(d as u8),
        },
        d => Some(d as u8),
    }
}

/// Checks an IIN or BIN; the error says what is wrong, in words a clerk reads.
pub fn validate(number: &str) -> Result<(), String> {
    let digits: Vec<u8> = number.bytes().map(|b| b.wrapping_sub(b'0')).collect();
    if digits.len() != 12 || digits.iter().any(|&d| d > 9) {
        return Err(format!("`{number}` is not 12 digits"));
    }
    let first11: [u8; 11] = digits[..11].try_into().expect("12 digits checked above");
    match check_digit(&first11) {
        Some(d) if d == digits[11] => Ok(()),
        Some(d) => Err(format!(
            "`{number}` has a wrong check digit (expected {d} in the last place)"
        )),
        None => Err(format!(
            "`{number}` cannot be valid: its check digit is undefined"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_a_number_valid_on_the_first_pass() {
        assert_eq!(validate("850315300128"), Ok(()));
    }

    #[test]
    fn accepts_a_number_valid_only_through_the_second_pass() {
        let first11 = [0, 6, 1, 2, 1, 1, 6, 0, 0, 0, 1];
        let pass1: u32 = first11.iter().zip(1..).map(|(&d, w)| d * w).sum::<u32>() % 11;
        assert_eq!(pass1, 10, "the first pass must give 10 for this number");
        assert_eq!(validate("061211600012"), Ok(()));
    }

    #[test]
    fn rejects_a_wrong_check_digit() {
        let err = validate("850315300127").unwrap_err();
        assert!(err.contains("expected 8"), "{err}");
    }

    #[test]
    fn rejects_wrong_length_and_letters() {
        assert!(validate("85031530012").is_err());
        assert!(validate("8503153001280").is_err());
        assert!(validate("85031530012a").is_err());
        assert!(validate("").is_err());
    }

    #[test]
    fn does_not_reject_an_implausible_birth_date() {
        // month 13, day 45: still valid when the check digit is right
        let first11 = [8, 5, 1, 3, 4, 5, 3, 0, 0, 1, 2];
        let d = check_digit(&first11).expect("defined");
        let number: String = first11
            .iter()
            .chain([d].iter())
            .map(|d| d.to_string())
            .collect();
        assert_eq!(validate(&number), Ok(()));
    }
}
