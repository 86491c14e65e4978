//! PDF file syntax: numbered objects, streams, the cross-reference table and the
//! trailer, written straight into one byte buffer.
//!
//! Our documents need only a handful of object kinds (pages, fonts, content
//! streams), so writing them directly is simpler and several times faster than
//! building a general object tree and serializing it.

use sha2::{Digest, Sha256};
use std::fmt::Write as _;

/// A PDF file being written: the bytes so far and where each object starts.
pub struct Writer {
    out: Vec<u8>,
    /// Byte offset of object `i + 1`; 0 while it is reserved but not yet written.
    offsets: Vec<usize>,
}

impl Writer {
    /// A file with the PDF 1.7 header (and the binary-comment line that tells
    /// transfer tools the file is binary).
    pub fn new(capacity: usize) -> Writer {
        let mut out = Vec::with_capacity(capacity);
        out.extend_from_slice(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
        Writer {
            out,
            offsets: Vec::new(),
        }
    }

    /// Reserves the next object number (so others can refer to it before it is written).
    pub fn reserve(&mut self) -> u32 {
        self.offsets.push(0);
        self.offsets.len() as u32
    }

    /// Writes object `id` whose body is `body` (a dictionary, array, ...).
    pub fn object(&mut self, id: u32, body: &str) {
        self.open(id);
        self.out.extend_from_slice(body.as_bytes());
        self.out.extend_from_slice(b"\nendobj\n");
    }

    /// Writes object `id` as a stream; `dict` holds the entries besides `/Length`
    /// (e.g. `/Filter/FlateDecode`).
    pub fn stream(&mut self, id: u32, dict: &str, data: &[u8]) {
        self.open(id);
        let _ = write!(
            Vec8(&mut self.out),
            "<</Length {}{dict}>>\nstream\n",
            data.len()
        );
        self.out.extend_from_slice(data);
        self.out.extend_from_slice(b"\nendstream\nendobj\n");
    }

    fn open(&mut self, id: u32) {
        self.offsets[id as usize - 1] = self.out.len();
        let _ = writeln!(Vec8(&mut self.out), "{id} 0 obj");
    }

    /// The cross-reference table and the trailer; `/ID` is a hash of everything
    /// before it, so equal documents get equal IDs and different ones different IDs.
    pub fn finish(mut self, root: u32, info: u32) -> Vec<u8> {
        let hash = Sha256::digest(&self.out);
        let id: String = hash[..16].iter().fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        });
        let xref = self.out.len();
        let mut table = String::with_capacity(20 * (self.offsets.len() + 1) + 200);
        let _ = write!(
            table,
            "xref\n0 {}\n0000000000 65535 f \n",
            self.offsets.len() + 1
        );
        for off in &self.offsets {
            let _ = writeln!(table, "{off:010} 00000 n ");
        }
        let _ = write!(
            table,
            "trailer\n<</Size {}/Root {root} 0 R/Info {info} 0 R/ID[<{id}><{id}>]>>\nstartxref\n{xref}\n%%EOF\n",
            self.offsets.len() + 1
        );
        self.out.extend_from_slice(table.as_bytes());
        self.out
    }
}

/// `fmt::Write` into a byte vector.
struct Vec8<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for Vec8<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// Appends `v` rounded to 1/100 with no trailing zeros (`12`, `12.5`, `-0.25`):
/// short content streams, and no float noise between platforms.
pub fn num(out: &mut Vec<u8>, v: f32) {
    hundredths(out, to_hundredths(v));
}

/// `v` in whole hundredths, the precision of every coordinate we write.
pub fn to_hundredths(v: f32) -> i64 {
    (f64::from(v) * 100.0).round() as i64
}

/// Appends a number given in hundredths, with no trailing zeros.
pub fn hundredths(out: &mut Vec<u8>, v: i64) {
    if v < 0 {
        out.push(b'-');
    }
    let h = v.unsigned_abs();
    int(out, h / 100);
    let frac = h % 100;
    if frac != 0 {
        out.push(b'.');
        out.push(b'0' + (frac / 10) as u8);
        if !frac.is_multiple_of(10) {
            out.push(b'0' + (frac % 10) as u8);
        }
    }
}

/// Appends a non-negative integer in decimal.
pub fn int(out: &mut Vec<u8>, mut v: u64) {
    let mut digits = [0u8; 20];
    let mut n = 0;
    loop {
        digits[n] = b'0' + (v % 10) as u8;
        n += 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend(digits[..n].iter().rev());
}

/// A text string for the info dictionary: UTF-16BE with a byte-order mark, in hex.
pub fn text_string(s: &str) -> String {
    let mut out = String::with_capacity(6 + s.len() * 4);
    out.push_str("<FEFF");
    for unit in s.encode_utf16() {
        let _ = write!(out, "{unit:04X}");
    }
    out.push('>');
    out
}

/// A PDF name (`/Name`) with every byte outside the regular printable characters escaped.
pub fn name(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 1);
    out.push('/');
    for b in s.bytes() {
        let plain = b.is_ascii_graphic() && !b"#()<>[]{}/%".contains(&b);
        if plain {
            out.push(b as char);
        } else {
            let _ = write!(out, "#{b:02X}");
        }
    }
    out
}

/// A date as PDF writes it, `(D:YYYYMMDDHHmmSS+00'00')`, from seconds since 1970.
pub fn date(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "(D:{y:04}{m:02}{d:02}{:02}{:02}{:02}+00'00')",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Calendar date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(v: f32) -> String {
        let mut out = Vec::new();
        num(&mut out, v);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn writes_numbers_to_the_hundredth_without_trailing_zeros() {
        assert_eq!(n(0.0), "0");
        assert_eq!(n(12.0), "12");
        assert_eq!(n(12.5), "12.5");
        assert_eq!(n(70.866), "70.87");
        assert_eq!(n(-0.25), "-0.25");
        assert_eq!(n(841.8898), "841.89");
        assert_eq!(n(0.004), "0");
    }

    #[test]
    fn writes_dates_and_text_strings_as_pdf_does() {
        assert_eq!(date(16_254 * 86_400), "(D:20140703000000+00'00')");
        assert_eq!(date(0), "(D:19700101000000+00'00')");
        assert_eq!(date(951_782_400 + 3661), "(D:20000229010101+00'00')");
        assert_eq!(text_string("Қ a"), "<FEFF049A00200061>");
        assert_eq!(
            name("QAULYR+Liberation Serif"),
            "/QAULYR+Liberation#20Serif"
        );
    }

    #[test]
    fn cross_reference_offsets_point_at_their_objects() {
        let mut w = Writer::new(0);
        let (a, b) = (w.reserve(), w.reserve());
        w.object(b, "<</Type/Catalog>>");
        w.stream(a, "", b"abc");
        let bytes = w.finish(b, a);
        let at = |i: usize| String::from_utf8_lossy(&bytes[i..]).to_string();
        let text = at(0);
        let xref = bytes.windows(5).position(|w| w == b"xref\n").unwrap();
        let entries: Vec<usize> = at(xref)
            .lines()
            .skip(3)
            .take(2)
            .map(|l| l[..10].parse().unwrap())
            .collect();
        assert!(at(entries[0]).starts_with("1 0 obj\n<</Length 3>>\nstream\nabc"));
        assert!(at(entries[1]).starts_with("2 0 obj\n<</Type/Catalog>>"));
        assert!(text.ends_with(&format!("startxref\n{xref}\n%%EOF\n")));
    }
}
