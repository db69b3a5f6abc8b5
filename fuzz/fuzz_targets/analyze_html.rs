//! `analyze` on HTML: the input is made to look like a page, so that every run goes through
//! the tokenizer, the tree and the reader.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data);
    let page = if body.trim_start().starts_with('<') {
        body.into_owned()
    } else {
        format!("<!DOCTYPE html><html><body>{body}")
    };
    let _ = parallax::analyze(&page);
});
