//! A panic in wasm would otherwise leave a frozen or blank page: show it on screen instead.

use wasm_bindgen::JsCast;

/// Installs a panic hook that writes the panic message into a visible alert box.
pub fn install() {
    crate::browser::set_panic_hook(Box::new(|info| {
        let message = format!("{info}");
        web_sys::console::error_1(&format!("Gongkai panicked: {message}").into());
        // The page's start script holds nothing more for an app that will not run.
        crate::browser::dispatch_window_event("gongkai:failed");
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(body) = doc.body() else { return };
        // The document's language (`<html lang>`, which the app keeps in step with its own):
        // a panic has no component to take it from.
        let lang = doc
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|l| gongkai_model::i18n::Lang::parse(&l))
            .unwrap_or_default();
        let Ok(box_el) = doc.create_element("div") else { return };
        box_el.set_id("panic");
        box_el.set_class_name("panic");
        let _ = box_el.set_attribute("role", "alert");
        // Text only (set_text_content), so nothing in the message can become markup.
        box_el.set_text_content(Some(&format!(
            "{}\nInternal error: {message}",
            gongkai_model::tr!(lang, "panic.message")
        )));
        if let Some(el) = box_el.dyn_ref::<web_sys::HtmlElement>() {
            el.set_tab_index(-1);
        }
        let _ = body.prepend_with_node_1(&box_el);
    }));
}

/// Panics on purpose, so the on-screen panic display can be checked (the browser tests call it
/// from the console as `wasmBindings.panic_self_test()`). Nothing in the app calls it.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn panic_self_test() {
    panic!("panic_self_test: the on-screen panic display works");
}
