//! The shape JavaScript receives, checked in a real wasm runtime by `wasm-pack test --node`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("property read")
}

/// The first entity whose name is `name`.
fn entity(analysis: &JsValue, name: &str) -> JsValue {
    let entities: Array = get(analysis, "entities")
        .dyn_into()
        .expect("entities is an array");
    entities
        .iter()
        .find(|e| get(e, "name").as_string().as_deref() == Some(name))
        .unwrap_or_else(|| panic!("no entity {name}"))
}

#[wasm_bindgen_test]
fn utf16_offsets_slice_the_js_string() {
    let text = "👋 Reuters said the Kremlin agreed.";
    let analysis = parallax::wasm::analyze(text).expect("analysis");
    let mention = get(&entity(&analysis, "Reuters"), "mentions")
        .dyn_into::<Array>()
        .unwrap()
        .get(0);
    assert_eq!(get(&mention, "start").as_f64(), Some(5.0));
    assert_eq!(get(&mention, "end").as_f64(), Some(12.0));
    assert_eq!(get(&mention, "startUtf16").as_f64(), Some(3.0));
    assert_eq!(get(&mention, "endUtf16").as_f64(), Some(10.0));
    let js_text = js_sys::JsString::from(text);
    assert_eq!(js_text.slice(3, 10), "Reuters");
}

#[wasm_bindgen_test]
fn results_are_plain_objects_with_camel_case_fields() {
    let analysis = parallax::wasm::analyze("Vladimir Putin met Masoud Pezeshkian. Putin spoke.")
        .expect("analysis");
    // json_compatible: objects, not Maps.
    assert!(analysis.is_object() && !analysis.is_instance_of::<js_sys::Map>());
    assert!(get(&analysis, "wordCount").as_f64().is_some());
    let putin = entity(&analysis, "Vladimir Putin");
    assert_eq!(get(&putin, "count").as_f64(), Some(2.0));
    assert_eq!(get(&putin, "kind").as_string().as_deref(), Some("PER"));
}

#[wasm_bindgen_test]
fn refused_input_throws_an_error_with_a_message() {
    let huge = "a ".repeat(parallax::MAX_INPUT_BYTES / 2 + 1);
    let err = parallax::wasm::analyze(&huge).expect_err("too large");
    let err: JsValue = err.into();
    let message = get(&err, "message").as_string().unwrap_or_default();
    assert!(message.contains("MB"), "message: {message}");
}

#[wasm_bindgen_test]
fn compare_converts_each_side_with_its_own_text() {
    let comparison = parallax::wasm::compare("é Moscow.", "👋👋 Moscow.", JsValue::UNDEFINED)
        .expect("comparison");
    let a_mention = get(&entity(&get(&comparison, "a"), "Moscow"), "mentions")
        .dyn_into::<Array>()
        .unwrap()
        .get(0);
    let b_mention = get(&entity(&get(&comparison, "b"), "Moscow"), "mentions")
        .dyn_into::<Array>()
        .unwrap()
        .get(0);
    assert_eq!(get(&a_mention, "startUtf16").as_f64(), Some(2.0));
    assert_eq!(get(&b_mention, "startUtf16").as_f64(), Some(5.0));
}
