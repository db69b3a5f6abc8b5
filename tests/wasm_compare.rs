//! The Comparison JavaScript receives, checked in a real wasm runtime by `wasm-pack test --node`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("property read")
}

fn slice(text: &str, loc: &JsValue) -> String {
    let (start, end) = (get(loc, "startUtf16"), get(loc, "endUtf16"));
    let (start, end) = (
        start.as_f64().expect("startUtf16"),
        end.as_f64().expect("endUtf16"),
    );
    JsString::from(text).slice(start as u32, end as u32).into()
}

const SHARED: &str = "Pezeshkian last month committed his country to deeper ties with Russia to counter Western sanctions.";

#[wasm_bindgen_test]
fn each_side_is_sliced_with_its_own_text() {
    // Different non-ASCII prefixes: A's and B's UTF-16 offsets differ from their byte offsets
    // and from each other.
    let a = format!("👋👋 Moscow said.\n{SHARED}");
    let b = format!("Téhéran — “quoted”.\n{SHARED}");
    let c = parallax::wasm::compare(&a, &b, JsValue::UNDEFINED).expect("comparison");
    let passage = get(&c, "passages").dyn_into::<Array>().unwrap().get(0);
    assert_eq!(
        slice(&a, &get(&passage, "a")),
        slice(&b, &get(&passage, "b"))
    );
    assert!(slice(&a, &get(&passage, "a")).starts_with("Pezeshkian last month"));
    // B adds two words of its own to the copied sentence: more than cut and paste allows.
    assert_eq!(get(&c, "verdict").as_string().as_deref(), Some("partly"));
    let piece = get(&passage, "pieces").dyn_into::<Array>().unwrap().get(0);
    assert_eq!(slice(&a, &get(&piece, "a")), slice(&b, &get(&piece, "b")));
    // Mentions inside each analysis are sliced with their own text too.
    let russia = get(&get(&c, "b"), "entities")
        .dyn_into::<Array>()
        .unwrap()
        .iter()
        .find(|e| get(e, "name").as_string().as_deref() == Some("Russia"))
        .expect("Russia in B");
    let mention = get(&russia, "mentions").dyn_into::<Array>().unwrap().get(0);
    assert_eq!(slice(&b, &mention), "Russia");
}

#[wasm_bindgen_test]
fn options_and_many() {
    let options = js_sys::Object::new();
    Reflect::set(&options, &"minMatchWords".into(), &40.into()).unwrap();
    let c = parallax::wasm::compare(SHARED, SHARED, options.into()).expect("comparison");
    assert_eq!(
        get(&get(&c, "settings"), "minMatchWords").as_f64(),
        Some(40.0)
    );
    // Sixteen words cannot make a 40-word aligned passage (the sentence is still restated).
    let aligned = get(&c, "passages")
        .dyn_into::<Array>()
        .unwrap()
        .iter()
        .filter(|p| get(p, "kind").as_string().as_deref() != Some("rewritten"))
        .count();
    assert_eq!(aligned, 0);

    let texts: Array = [SHARED, SHARED, "Something else entirely."]
        .iter()
        .map(|t| JsValue::from_str(t))
        .collect();
    let many = parallax::wasm::compare_many(texts.into(), JsValue::NULL).expect("many");
    let reuse = get(&many, "reuse").dyn_into::<Array>().unwrap();
    let row0 = reuse.get(0).dyn_into::<Array>().unwrap();
    assert_eq!(row0.get(1).as_f64(), Some(1.0));
    assert_eq!(row0.get(2).as_f64(), Some(0.0));
    assert!(get(&many, "entityOverlap").is_instance_of::<Array>());

    let bad =
        parallax::wasm::compare_many(JsValue::from(3), JsValue::NULL).expect_err("not an array");
    let message = get(&bad.into(), "message").as_string().unwrap_or_default();
    assert!(message.contains("array of strings"), "{message}");
}
