//! Fuzz target: any bytes given to the parser return a decree or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(decree) = qauly::parse::parse_decree(data, "fuzz.txt") {
        let _ = qauly::yaml::to_string(&decree);
    }
});
