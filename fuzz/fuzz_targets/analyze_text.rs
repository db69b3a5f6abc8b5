//! `analyze` on any text (invalid UTF-8 replaced, as the CLI does): no panic, spans on char
//! boundaries of the text they index.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(mut analysis) = parallax::analyze(&text) {
        let indexed = analysis.indexed_text(&text).to_string();
        for loc in analysis.locs_mut() {
            let (s, e) = (loc.start as usize, loc.end as usize);
            assert!(s <= e && e <= indexed.len());
            assert!(indexed.is_char_boundary(s) && indexed.is_char_boundary(e));
        }
    }
});
