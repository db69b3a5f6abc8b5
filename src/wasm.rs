//! The JavaScript boundary: the only file that knows about wasm-bindgen.
//!
//! Results cross as plain objects (`Serializer::json_compatible`), with UTF-16 offsets
//! (`startUtf16`/`endUtf16`) added beside every byte span so that JS can `slice` the text.

use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    Ok(value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}

/// Analyses one article. Returns the Analysis object; throws an `Error` for refused input.
#[wasm_bindgen]
pub fn analyze(text: &str) -> Result<JsValue, JsError> {
    let mut analysis = crate::analyze(text)?;
    let indexed = analysis.indexed_text(text).to_string();
    crate::fill_utf16(&indexed, &mut analysis.locs_mut());
    to_js(&analysis)
}

/// Compares two articles. Returns the Comparison object; throws an `Error` for refused input.
#[wasm_bindgen]
pub fn compare(a: &str, b: &str) -> Result<JsValue, JsError> {
    let mut comparison = crate::compare(a, b)?;
    let (ia, ib) = (
        comparison.a.indexed_text(a).to_string(),
        comparison.b.indexed_text(b).to_string(),
    );
    crate::fill_utf16(&ia, &mut comparison.a.locs_mut());
    crate::fill_utf16(&ib, &mut comparison.b.locs_mut());
    to_js(&comparison)
}
