//! The search worker: says `{ready: true}` once loaded, then answers each `{chars: "农村…"}`
//! with `{readings: "农 nong\n村 cun\n…"}` (see `gongkai_model::search::Readings`), the plain
//! pinyin of those characters from the `pinyin` crate. The viewer fetches this worker only
//! when a person first searches, so the reading tables are not part of the first view.

use gongkai_model::search::Readings;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let chars = js_sys::Reflect::get(&e.data(), &"chars".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let answer = js_sys::Object::new();
        let text = Readings::for_chars(&chars).to_text();
        let _ = js_sys::Reflect::set(&answer, &"readings".into(), &text.into());
        let _ = reply_to.post_message(&answer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let ready = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&ready, &"ready".into(), &true.into());
    let _ = scope.post_message(&ready);
}
