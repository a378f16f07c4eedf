//! Embed mode: tell the parent page (a government portal) the document height whenever it
//! changes, so its iframe can fit the content: `{type: "gongkai:height", height}`.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use yew::prelude::*;

fn post_height() {
    let Some(w) = web_sys::window() else { return };
    let Some(height) = w
        .document()
        .and_then(|d| d.document_element())
        .map(|e| e.scroll_height())
    else {
        return;
    };
    let Ok(Some(parent)) = w.parent() else { return };
    if parent == w {
        return; // not in a frame
    }
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &"gongkai:height".into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &JsValue::from(height));
    // The height is not a secret; any embedding page may read it.
    let _ = parent.post_message(&msg, "*");
}

/// Posts the height now and on every size change of the page body.
#[hook]
pub fn use_post_height(enabled: bool) {
    use_effect_with(enabled, |enabled| {
        let observer = enabled.then(|| {
            let cb = Closure::<dyn FnMut(JsValue)>::new(|_| post_height());
            let observer = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(body)) = (
                &observer,
                web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()),
            ) {
                o.observe(&body);
            }
            post_height();
            (observer, cb)
        });
        move || {
            if let Some((Some(o), _cb)) = observer {
                o.disconnect();
            }
        }
    });
}
