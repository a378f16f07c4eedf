//! The one seam between the viewer and the browser. The same components compile twice: for
//! `wasm32`, where they run in the browser, and natively, where `gongkai site` renders every page
//! with Yew's server renderer and there is no window, document or history (web-sys and js-sys
//! compile natively but panic when called). Everything the viewer asks of the browser goes
//! through the functions here, so the rest of the crate has no target switches of its own.
//!
//! Each function says what it gives in the browser and what it gives during server rendering:
//! there a question has no answer (`None`, `false`, an empty string) and an action does nothing.

pub use imp::*;

#[cfg(target_arch = "wasm32")]
mod imp {
    use gloo_events::EventListener;
    use gloo_timers::callback::Timeout;

    fn document() -> Option<web_sys::Document> {
        web_sys::window()?.document()
    }

    /// The page's `location.origin` ("https://x.gov.cn"). Server rendering: `None`.
    pub fn origin() -> Option<String> {
        web_sys::window()?.location().origin().ok()
    }

    /// The page's `location.pathname` ("/budget/en/duties/"). Server rendering: `None`.
    pub fn pathname() -> Option<String> {
        web_sys::window()?.location().pathname().ok()
    }

    /// The page's `location.search` ("?embed=1", or ""). Server rendering: `None`.
    pub fn search() -> Option<String> {
        web_sys::window()?.location().search().ok()
    }

    /// The page's `location.hash` ("#/duties", "#check-2", or ""). Server rendering: `None`.
    pub fn hash() -> Option<String> {
        web_sys::window()?.location().hash().ok()
    }

    /// The document's base URL (`document.baseURI`: the page's `<base href>` resolved, e.g.
    /// "https://x.gov.cn/budget/"). Server rendering: `None`.
    pub fn base_uri() -> Option<String> {
        document()?.base_uri().ok().flatten()
    }

    /// `decodeURIComponent(text)`; `None` when `text` is not valid percent-encoding. Server
    /// rendering: `None`.
    pub fn decode_uri_component(text: &str) -> Option<String> {
        js_sys::decode_uri_component(text).ok().map(String::from)
    }

    /// The value of parameter `name` in the page's query (`location.search`, read as
    /// `URLSearchParams`); `None` when absent. Server rendering: `None`.
    pub fn query_param(name: &str) -> Option<String> {
        let params = web_sys::UrlSearchParams::new_with_str(&search()?).ok()?;
        params.get(name)
    }

    /// The page's query string ("?a=1&b=2", or "" when nothing is left) with each `(name,
    /// value)` of `changes` applied, as `URLSearchParams` does: `Some(value)` sets the parameter,
    /// `None` deletes it. Server rendering: "".
    pub fn query_with(changes: &[(&str, Option<&str>)]) -> String {
        let search = search().unwrap_or_default();
        let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
            return String::new();
        };
        for (name, value) in changes {
            match value {
                Some(v) => params.set(name, v),
                None => params.delete(name),
            }
        }
        let q = String::from(params.to_string());
        if q.is_empty() {
            q
        } else {
            format!("?{q}")
        }
    }

    /// Adds a history entry for `href` (resolved against the document's base) without loading
    /// it (`history.pushState`); where the browser refuses, loads `href` instead. Server
    /// rendering: does nothing.
    pub fn push_state(href: &str) {
        if let Some(w) = web_sys::window() {
            let pushed = w
                .history()
                .and_then(|h| h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href)));
            if pushed.is_err() {
                let _ = w.location().set_href(href);
            }
        }
    }

    /// Replaces the current history entry's address with `href` (`history.replaceState`),
    /// without loading it. Server rendering: does nothing.
    pub fn replace_state(href: &str) {
        if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
        }
    }

    /// Loads `href` (`location.href = href`). Server rendering: does nothing.
    pub fn load(href: &str) {
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_href(href);
        }
    }

    /// Whether the document has a `<meta name="{name}">`. Server rendering: `false`.
    pub fn has_meta(name: &str) -> bool {
        meta(name).is_some()
    }

    /// The `content` of the document's `<meta name="{name}">`; `None` when there is none (or it
    /// has no `content`). Server rendering: `None`.
    pub fn meta_content(name: &str) -> Option<String> {
        meta(name)?.get_attribute("content")
    }

    fn meta(name: &str) -> Option<web_sys::Element> {
        document()?.query_selector(&format!("meta[name={name}]")).ok().flatten()
    }

    /// Sets attribute `name` of the document element (`<html>`) to `value`. Server rendering:
    /// does nothing.
    pub fn set_root_attribute(name: &str, value: &str) {
        if let Some(root) = document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute(name, value);
        }
    }

    /// Whether the document element (`<html>`) has class `class`. Server rendering: `false`.
    pub fn root_has_class(class: &str) -> bool {
        document()
            .and_then(|d| d.document_element())
            .is_some_and(|h| h.class_name().split_whitespace().any(|c| c == class))
    }

    /// Sets the document's title (`document.title`). Server rendering: does nothing (the build
    /// writes each page's `<title>` itself).
    pub fn set_title(title: &str) {
        if let Some(doc) = document() {
            doc.set_title(title);
        }
    }

    /// The element with id `id`. Server rendering: `None`.
    pub fn element_by_id(id: &str) -> Option<web_sys::Element> {
        document()?.get_element_by_id(id)
    }

    /// Whether some element matches the CSS `selector`. Server rendering: `false`.
    pub fn matches_any(selector: &str) -> bool {
        document().is_some_and(|d| d.query_selector(selector).ok().flatten().is_some())
    }

    /// Dispatches a plain event `name` on the window (`new Event(name)`). Server rendering: does
    /// nothing.
    pub fn dispatch_window_event(name: &str) {
        if let Some(w) = web_sys::window() {
            if let Ok(e) = web_sys::Event::new(name) {
                let _ = w.dispatch_event(&e);
            }
        }
    }

    /// Hands local files to the full app (issue #27): the first-view module keeps them on the
    /// window (`self.gongkaiFiles`), leaves `#app` showing `status` (a loading line: the page is
    /// no longer the one the build wrote, so `<html>` loses its class `ssr` and the full app
    /// renders afresh) and asks for the full app (event `gongkai:full`, answered by the page's
    /// start script, crates/cli/src/site/render.rs, which says so on the page if it cannot load
    /// it), which opens them ([`take_handed_files`]). Server rendering: does nothing.
    pub fn hand_files_to_full_app(files: &[web_sys::File], status: &str) {
        let Some(w) = web_sys::window() else { return };
        if let Some(d) = document() {
            if let Some(html) = d.document_element() {
                let _ = html.class_list().replace("ssr", "no-ssr");
                // No app runs until the full app marks the page again.
                let _ = html.remove_attribute("data-app");
            }
            // A file dropped meanwhile is not opened by the browser in place of the page (the
            // first module's drop zone is gone with it; the full app's has not come yet).
            for name in ["dragover", "drop"] {
                EventListener::new_with_options(
                    &d,
                    name,
                    gloo_events::EventListenerOptions::enable_prevent_default(),
                    |e| e.prevent_default(),
                )
                .forget();
            }
            if let Some(app) = d.get_element_by_id("app") {
                let _ = app.remove_attribute("data-page");
                app.set_inner_html("<main id=\"main\" class=\"loading\" aria-busy=\"true\"><div class=\"spinner\" aria-hidden=\"true\"></div><p role=\"status\"></p></main>");
                if let Ok(Some(p)) = app.query_selector("p[role=status]") {
                    p.set_text_content(Some(status));
                }
            }
        }
        let list = js_sys::Array::new();
        for f in files {
            list.push(f);
        }
        let _ = js_sys::Reflect::set(&w, &"gongkaiFiles".into(), &list);
        dispatch_window_event("gongkai:full");
    }

    /// Whether the first-view module handed local files over that are not taken yet (see
    /// [`hand_files_to_full_app`]). Server rendering: `false`.
    pub fn files_handed_over() -> bool {
        web_sys::window().is_some_and(|w| js_sys::Reflect::has(&w, &"gongkaiFiles".into()).unwrap_or(false))
    }

    /// The local files the first-view module handed over, taken once (see
    /// [`hand_files_to_full_app`]); empty when there are none. Server rendering: empty.
    pub fn take_handed_files() -> Vec<web_sys::File> {
        use wasm_bindgen::JsCast;
        let Some(w) = web_sys::window() else { return Vec::new() };
        let Ok(list) = js_sys::Reflect::get(&w, &"gongkaiFiles".into()) else {
            return Vec::new();
        };
        let _ = js_sys::Reflect::delete_property(&w, &"gongkaiFiles".into());
        match list.dyn_into::<js_sys::Array>() {
            Ok(list) => list.iter().filter_map(|f| f.dyn_into::<web_sys::File>().ok()).collect(),
            Err(_) => Vec::new(),
        }
    }

    /// Calls `f` on each window event `name` (e.g. "resize") while the listener returned is
    /// kept. Server rendering: `None` (no window, no events).
    pub fn on_window_event(name: &'static str, mut f: impl FnMut() + 'static) -> Option<EventListener> {
        let w = web_sys::window()?;
        Some(EventListener::new(&w, name, move |_| f()))
    }

    /// Calls `f` with each click anywhere in the document (a listener on `document` that may
    /// `prevent_default`), while the listener returned is kept. Server rendering: `None`.
    pub fn on_document_click(mut f: impl FnMut(&web_sys::MouseEvent) + 'static) -> Option<EventListener> {
        use gloo_events::EventListenerOptions;
        use wasm_bindgen::JsCast;
        let doc = document()?;
        Some(EventListener::new_with_options(
            &doc,
            "click",
            EventListenerOptions::enable_prevent_default(),
            move |e| {
                if let Some(e) = e.dyn_ref::<web_sys::MouseEvent>() {
                    f(e);
                }
            },
        ))
    }

    /// The value stored under `key` in the origin's `localStorage`; `None` when absent or when
    /// storage is unavailable (blocked, private mode). Server rendering: `None`.
    pub fn stored(key: &str) -> Option<String> {
        local_storage()?.get_item(key).ok().flatten()
    }

    /// Stores `value` under `key` in `localStorage`, silently failing where storage is
    /// unavailable. Server rendering: does nothing.
    pub fn store(key: &str, value: &str) {
        if let Some(s) = local_storage() {
            let _ = s.set_item(key, value);
        }
    }

    fn local_storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    /// Calls `f` once after `ms` milliseconds (`setTimeout`), unless the timeout returned is
    /// dropped first (`.forget()` it to keep it regardless). Server rendering: `None`, and `f`
    /// never runs.
    pub fn after(ms: u32, f: impl FnOnce() + 'static) -> Option<Timeout> {
        Some(Timeout::new(ms, f))
    }

    /// The window's inner width in CSS pixels (`window.innerWidth`); `None` when the browser
    /// does not say. Server rendering: `None`.
    pub fn window_width() -> Option<f64> {
        web_sys::window()?.inner_width().ok()?.as_f64()
    }

    /// Records a Performance API mark `name` (`performance.mark`) unless one of that name exists
    /// already. Server rendering: does nothing.
    pub fn mark_once(name: &str) {
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            if p.get_entries_by_name(name).length() == 0 {
                let _ = p.mark(name);
            }
        }
    }

    /// Registers the service worker at `url` (`navigator.serviceWorker.register`), not waiting
    /// for the outcome. Server rendering: does nothing.
    pub fn register_service_worker(url: &str) {
        if let Some(w) = web_sys::window() {
            let _ = w.navigator().service_worker().register(url);
        }
    }

    /// Installs `hook` as the panic hook (Yew's, so it also reaches the console). Server
    /// rendering: does nothing (a panic there unwinds into the build, which reports it).
    pub fn set_panic_hook(hook: Box<dyn Fn(&std::panic::PanicHookInfo<'_>) + Sync + Send + 'static>) {
        yew::set_custom_panic_hook(hook);
    }
}

/// Server rendering: no browser. The same functions, answering nothing and doing nothing.
#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use gloo_events::EventListener;
    use gloo_timers::callback::Timeout;

    pub fn origin() -> Option<String> {
        None
    }
    pub fn pathname() -> Option<String> {
        None
    }
    pub fn search() -> Option<String> {
        None
    }
    pub fn hash() -> Option<String> {
        None
    }
    pub fn base_uri() -> Option<String> {
        None
    }
    pub fn decode_uri_component(_: &str) -> Option<String> {
        None
    }
    pub fn query_param(_: &str) -> Option<String> {
        None
    }
    pub fn query_with(_: &[(&str, Option<&str>)]) -> String {
        String::new()
    }
    pub fn push_state(_: &str) {}
    pub fn replace_state(_: &str) {}
    pub fn load(_: &str) {}
    pub fn hand_files_to_full_app(_: &[web_sys::File], _: &str) {}
    pub fn files_handed_over() -> bool {
        false
    }
    pub fn take_handed_files() -> Vec<web_sys::File> {
        Vec::new()
    }
    pub fn has_meta(_: &str) -> bool {
        false
    }
    pub fn meta_content(_: &str) -> Option<String> {
        None
    }
    pub fn set_root_attribute(_: &str, _: &str) {}
    pub fn root_has_class(_: &str) -> bool {
        false
    }
    pub fn set_title(_: &str) {}
    pub fn element_by_id(_: &str) -> Option<web_sys::Element> {
        None
    }
    pub fn matches_any(_: &str) -> bool {
        false
    }
    pub fn dispatch_window_event(_: &str) {}
    pub fn on_window_event(_: &'static str, _: impl FnMut() + 'static) -> Option<EventListener> {
        None
    }
    pub fn on_document_click(_: impl FnMut(&web_sys::MouseEvent) + 'static) -> Option<EventListener> {
        None
    }
    pub fn stored(_: &str) -> Option<String> {
        None
    }
    pub fn store(_: &str, _: &str) {}
    pub fn after(_: u32, _: impl FnOnce() + 'static) -> Option<Timeout> {
        None
    }
    pub fn window_width() -> Option<f64> {
        None
    }
    pub fn mark_once(_: &str) {}
    pub fn register_service_worker(_: &str) {}
    pub fn set_panic_hook(_: Box<dyn Fn(&std::panic::PanicHookInfo<'_>) + Sync + Send + 'static>) {}
}
