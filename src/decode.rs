//! Raw bytes → text: encoding detection (UTF-8 with or without BOM, UTF-16 with
//! BOM), line ends unified to `\n`, NFC normalization.

use crate::error::{Error, Result};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Decodes raw input bytes into NFC text with `\n` line ends; form feeds are kept
/// (the line model reads them as page breaks). `path` names the file in errors.
pub fn decode(bytes: &[u8], path: &str) -> Result<String> {
    let text = match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => utf8(rest, 3, path)?,
        [0xFF, 0xFE, rest @ ..] => utf16(rest, path, u16::from_le_bytes)?,
        [0xFE, 0xFF, rest @ ..] => utf16(rest, path, u16::from_be_bytes)?,
        _ => {
            reject_nul(bytes, path)?;
            utf8(bytes, 0, path)?
        }
    };
    reject_binary(&text, path)?;
    let text = unify_line_ends(text);
    // Most files are already NFC: the quick checks spare the full pass.
    if surely_nfc(&text) || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return Ok(text);
    }
    Ok(text.nfc().collect())
}

/// Strict UTF-8; the error names the first bad byte (offset counted in the raw file).
fn utf8(bytes: &[u8], skip: usize, path: &str) -> Result<String> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let good = e.valid_up_to();
            Err(decode_error(
                path,
                &bytes[..good],
                skip + good,
                &format!(
                    "byte 0x{:02X} is not UTF-8 text (is the file in Windows-1251 or another \
                     legacy encoding? save it as UTF-8)",
                    bytes[good]
                ),
            ))
        }
    }
}

/// UTF-16 after its byte order mark; unpaired surrogates and an odd byte count are errors.
fn utf16(bytes: &[u8], path: &str, unit: fn([u8; 2]) -> u16) -> Result<String> {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    let mut out = String::with_capacity(units.len());
    for (i, r) in char::decode_utf16(units.iter().copied()).enumerate() {
        match r {
            Ok(c) => out.push(c),
            Err(_) => {
                return Err(decode_error(
                    path,
                    out.as_bytes(),
                    2 + 2 * i,
                    "broken UTF-16 (unpaired surrogate)",
                ))
            }
        }
    }
    if bytes.len() % 2 == 1 {
        let offset = 2 + bytes.len() - 1;
        return Err(decode_error(
            path,
            out.as_bytes(),
            offset,
            "UTF-16 text with an odd number of bytes",
        ));
    }
    Ok(out)
}

/// A NUL byte outside UTF-16 means a binary file (checked before UTF-8, so the
/// message says "binary" rather than "not UTF-8").
fn reject_nul(bytes: &[u8], path: &str) -> Result<()> {
    match memchr::memchr(0, bytes) {
        None => Ok(()),
        Some(at) => Err(decode_error(
            path,
            &bytes[..at],
            at,
            "NUL byte: this looks like a binary file, not decree text",
        )),
    }
}

/// NUL and other control characters mean a binary file, not decree text.
/// (C0 controls and DEL are single bytes in UTF-8, so a byte scan finds them.)
fn reject_binary(text: &str, path: &str) -> Result<()> {
    // Tab, LF, VT, FF and CR are 9..=13, the controls a text may hold.
    let is_bad = |b: u8| b < 9 || b.wrapping_sub(14) < 0x20 - 14 || b == 0x7f;
    // One pass without an early exit first (vectorized): most files are clean.
    if !text.bytes().fold(false, |acc, b| acc | is_bad(b)) {
        return Ok(());
    }
    let bad = text.bytes().position(is_bad);
    match bad {
        None => Ok(()),
        Some(i) => Err(decode_error(
            path,
            &text.as_bytes()[..i],
            i,
            &format!(
                "control character U+{:04X}: this looks like a binary file, not decree text",
                text.as_bytes()[i]
            ),
        )),
    }
}

/// Builds a decode error with the line and column of the bad byte, counted in the
/// text decoded so far (`before`).
fn decode_error(path: &str, before: &[u8], offset: usize, what: &str) -> Error {
    let before = String::from_utf8_lossy(before);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Error::Decode {
        path: path.to_string(),
        line,
        col,
        message: format!("byte offset {offset}: {what}"),
    }
}

/// Whether every character is one NFC leaves alone whatever follows it: Latin-1
/// and Latin Extended-A/B (below U+0300), Cyrillic without its combining marks
/// U+0483..=U+0489 (all Kazakh letters), general punctuation U+2002..=U+206F,
/// and "№". Read on the UTF-8 bytes before the table lookups, in passes the
/// compiler vectorizes: every byte of the file passes here.
fn surely_nfc(text: &str) -> bool {
    let b = text.as_bytes();
    // Lead bytes of U+0300..=U+03FF, U+0500..=U+1FFF and of U+3000 on.
    let other_lead = b.iter().fold(false, |acc, &c| {
        acc | (c.wrapping_sub(0xCC) < 4) | (c.wrapping_sub(0xD4) < 0xE2 - 0xD4) | (c >= 0xE3)
    });
    // U+0483..=U+0489 are D2 83..=D2 89.
    let marks = b
        .iter()
        .zip(&b[1.min(b.len())..])
        .fold(false, |acc, (&x, &y)| {
            acc | ((x == 0xD2) & (y.wrapping_sub(0x83) < 7))
        });
    if other_lead || marks {
        return false;
    }
    // Lead byte E2 (U+2000..=U+2FFF) is rare: U+2002..=U+206F and U+2116 "№" pass.
    // `text` is valid UTF-8, so a lead byte has its two continuation bytes.
    memchr::memchr_iter(0xE2, b).all(|i| {
        matches!(
            (b[i + 1], b[i + 2]),
            (0x80, 0x82..) | (0x81, ..=0xAF) | (0x84, 0x96)
        )
    })
}

/// CRLF and lone CR become LF.
fn unify_line_ends(text: String) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_utf8_bom_and_unifies_line_ends() {
        let bytes = b"\xEF\xBB\xBFa\r\nb\rc\n";
        assert_eq!(decode(bytes, "f").unwrap(), "a\nb\nc\n");
    }

    #[test]
    fn decodes_utf16_both_byte_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Қаулы".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Қаулы".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le, "f").unwrap(), "Қаулы");
        assert_eq!(decode(&be, "f").unwrap(), "Қаулы");
    }

    #[test]
    fn windows_1251_bytes_name_their_offset_line_and_column() {
        let err = decode(b"ok\nab\xCA\xE0", "d.txt").unwrap_err().to_string();
        assert!(err.starts_with("d.txt:2:3:"), "{err}");
        assert!(err.contains("byte offset 5"), "{err}");
    }

    #[test]
    fn nul_bytes_are_a_binary_file() {
        let err = decode(b"PK\x03\x04\x00\x00", "z.zip")
            .unwrap_err()
            .to_string();
        assert!(err.contains("binary"), "{err}");
    }

    #[test]
    fn surely_nfc_reads_the_bytes_as_the_character_ranges_say() {
        let by_chars = |t: &str| {
            t.chars().all(|c| {
                c < '\u{300}'
                    || ('\u{400}'..='\u{482}').contains(&c)
                    || ('\u{48A}'..='\u{4FF}').contains(&c)
                    || ('\u{2002}'..='\u{206F}').contains(&c)
                    || c == '№'
            })
        };
        let fixture = std::fs::read_to_string("fixtures/karasai-2014-public-works/input.txt")
            .expect("fixture");
        assert!(surely_nfc(&fixture));
        let edges = [
            '\u{7f}', '\u{80}', '\u{2ff}', '\u{300}', '\u{3ff}', '\u{400}', '\u{482}', '\u{483}',
            '\u{489}', '\u{48a}', '\u{4ff}', '\u{500}', '\u{2001}', '\u{2002}', '\u{203f}',
            '\u{2040}', '\u{206f}', '\u{2070}', '\u{2115}', '№', '\u{2117}', '\u{e9}', 'й',
            '\u{306}', '\u{10000}', '\u{ac00}',
        ];
        for c in edges {
            let t = format!("аб{c}в");
            assert_eq!(surely_nfc(&t), by_chars(&t), "{c:?}");
        }
    }

    #[test]
    fn composes_to_nfc() {
        // "й" written as "и" + combining breve becomes one code point.
        assert_eq!(decode("и\u{306}".as_bytes(), "f").unwrap(), "й");
    }
}
