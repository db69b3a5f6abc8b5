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
    let analysis = parallax::wasm::analyze(text, JsValue::UNDEFINED).expect("analysis");
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
    let analysis = parallax::wasm::analyze(
        "Vladimir Putin met Masoud Pezeshkian. Putin spoke.",
        JsValue::UNDEFINED,
    )
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
    let err = parallax::wasm::analyze(&huge, JsValue::UNDEFINED).expect_err("too large");
    let err: JsValue = err.into();
    let message = get(&err, "message").as_string().unwrap_or_default();
    assert!(message.contains("10 MiB"), "message: {message}");
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

/// An article with a donation appeal (naming Elon Musk) set aside as boilerplate.
const APPEAL: &str =
    include_str!("fixtures/seeds/2024-10-11-independent-putin-pezeshkian-ashgabat.txt");

fn names(analysis: &JsValue) -> Vec<String> {
    get(analysis, "entities")
        .dyn_into::<Array>()
        .unwrap()
        .iter()
        .filter_map(|e| get(&e, "name").as_string())
        .collect()
}

#[wasm_bindgen_test]
fn analyze_restores_the_spans_it_is_given() {
    // `undefined` is what JS passes for a missing second argument.
    let plain = parallax::wasm::analyze(APPEAL, JsValue::UNDEFINED).expect("analysis");
    let removed = get(&plain, "removed").dyn_into::<Array>().unwrap();
    assert!(removed.length() > 0, "the appeal is set aside");
    assert!(!names(&plain).iter().any(|n| n.contains("Musk")));
    // Restore every removed passage by its own byte span, as the page does.
    let spans = Array::new();
    for r in removed.iter() {
        let span = js_sys::Object::new();
        Reflect::set(&span, &"start".into(), &get(&r, "start")).unwrap();
        Reflect::set(&span, &"end".into(), &get(&r, "end")).unwrap();
        spans.push(&span);
    }
    let options = js_sys::Object::new();
    Reflect::set(&options, &"restore".into(), &spans).unwrap();
    let restored = parallax::wasm::analyze(APPEAL, options.into()).expect("analysis");
    assert_eq!(
        get(&restored, "removed")
            .dyn_into::<Array>()
            .unwrap()
            .length(),
        0
    );
    assert!(names(&restored).iter().any(|n| n == "Elon Musk"));
    assert!(
        get(&restored, "wordCount").as_f64().unwrap() > get(&plain, "wordCount").as_f64().unwrap()
    );
}

#[wasm_bindgen_test]
fn malformed_analysis_options_throw_a_message() {
    let options = js_sys::Object::new();
    Reflect::set(&options, &"restore".into(), &"everything".into()).unwrap();
    let err: JsValue = parallax::wasm::analyze("Putin spoke.", options.into())
        .expect_err("a string is not a list of spans")
        .into();
    let message = get(&err, "message").as_string().unwrap_or_default();
    assert!(message.contains("analysis options"), "message: {message}");
}

/// One tag with many quoted attributes overflowed the wasm stack from about 3,000 (issue 16;
/// the tokenizer fix is in `vendor/html5gum`): 30,000 must analyse, and the instance go on.
#[wasm_bindgen_test]
fn many_quoted_attributes_in_one_tag() {
    let attributes: String = (0..30_000).map(|i| format!(" a{i}=\"v\"")).collect();
    let page = format!("<!DOCTYPE html><html><body><div{attributes}>Putin met Pezeshkian.</div>");
    let analysis = parallax::wasm::analyze(&page, JsValue::UNDEFINED).expect("analysis");
    entity(&analysis, "Putin");
    let again = parallax::wasm::analyze("Putin met Pezeshkian.", JsValue::UNDEFINED);
    entity(&again.expect("analysis after"), "Putin");
}
