//! The JavaScript boundary: the only file that knows about wasm-bindgen.
//!
//! Results cross as plain objects (`Serializer::json_compatible`), with UTF-16 offsets
//! (`startUtf16`/`endUtf16`) added beside every byte span so that JS can `slice` the text.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    Ok(value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}

/// Analyses one article. `options` is optional: `{ restore?: [{ start, end }] }`, the UTF-8 byte
/// spans of removed passages to analyse as story (as `removed[].start/end` give them). Returns
/// the Analysis object; throws an `Error` for refused input or malformed options.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let mut analysis = crate::analyze_with(text, &options_or_default(options, "analysis")?)?;
    let indexed = analysis.indexed_text(text).to_string();
    crate::fill_utf16(&indexed, &mut analysis.locs_mut());
    to_js(&analysis)
}

/// Compares two articles. `options` is optional: `{ minMatchWords?: number,
/// distinctiveSkipsReused?: boolean, restoreA?: [{ start, end }], restoreB?: [{ start, end }] }`
/// (the restore lists as for `analyze`, one per article). Returns the Comparison object, every span of A with
/// UTF-16 offsets into `a` and every span of B into `b`; throws an `Error` for refused input.
#[wasm_bindgen]
pub fn compare(a: &str, b: &str, options: JsValue) -> Result<JsValue, JsError> {
    let mut comparison = crate::compare_with(a, b, options_or_default(options, "comparison")?)?;
    let (ia, ib) = (
        comparison.a.indexed_text(a).to_string(),
        comparison.b.indexed_text(b).to_string(),
    );
    crate::fill_utf16(&ia, &mut comparison.locs_mut_a());
    crate::fill_utf16(&ib, &mut comparison.locs_mut_b());
    to_js(&comparison)
}

/// Compares three or more articles pairwise. `texts` is an array of strings; `options` as for
/// `compare` (the restore lists are for a pair and ignored here). Returns the ComparisonMany
/// object.
#[wasm_bindgen(js_name = compareMany)]
pub fn compare_many(texts: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let texts: Vec<String> = serde_wasm_bindgen::from_value(texts)
        .map_err(|e| JsError::new(&format!("compareMany takes an array of strings: {e}")))?;
    let mut many = crate::compare_many(&texts, options_or_default(options, "comparison")?)?;
    for (analysis, text) in many.articles.iter_mut().zip(&texts) {
        let indexed = analysis.indexed_text(text).to_string();
        crate::fill_utf16(&indexed, &mut analysis.locs_mut());
    }
    to_js(&many)
}

/// Options from JS: `undefined` or `null` (or a missing argument) for the defaults, else an
/// object whose fields are all optional. `what` names them in the error.
fn options_or_default<T: Default + DeserializeOwned>(
    value: JsValue,
    what: &str,
) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("bad {what} options: {e}")))
}
