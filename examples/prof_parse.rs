//! Profiling driver: parses the fixture 20 times (for callgrind).
fn main() {
    let bytes = std::fs::read("fixtures/karasai-2014-public-works/input.txt").expect("fixture");
    for _ in 0..20 {
        let d = qauly::parse::parse_decree(&bytes, "input.txt").unwrap();
        std::hint::black_box(qauly::yaml::to_string(&d).unwrap());
    }
}
