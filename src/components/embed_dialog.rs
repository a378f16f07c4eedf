//! "嵌入": a dialog with the iframe snippet for the current view and bundle, so a government
//! portal can show this view. The snippet includes the few lines that let the iframe follow the
//! height the embedded page reports.

use gongkai_model::tr;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The embed URL of the current page: same address (its language's page), `embed=1` added,
/// hash kept.
fn embed_url() -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let base = format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    );
    let search = loc.search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    if let Some(p) = &params {
        p.set("embed", "1");
        p.delete("kiosk");
    }
    let query = params
        .map(|p| String::from(p.to_string()))
        .unwrap_or_else(|| "embed=1".into());
    format!("{base}?{query}{}", loc.hash().unwrap_or_default())
}

/// The HTML a portal pastes: the iframe and a listener for the height messages.
pub fn snippet(url: &str, title: &str) -> String {
    let esc = |s: &str| s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    format!(
        "<iframe id=\"gongkai-frame\" src=\"{}\" title=\"{}\" width=\"100%\" height=\"640\" loading=\"lazy\" \
         referrerpolicy=\"no-referrer\"></iframe>\n<script>\nwindow.addEventListener('message', function (e) {{\n  \
         if (e.data && e.data.type === 'gongkai:height') document.getElementById('gongkai-frame').height = e.data.height;\n}});\n</script>",
        esc(url),
        esc(title)
    )
}

#[derive(Properties, PartialEq)]
pub struct EmbedDialogProps {
    /// Title of the embedded view, for the iframe's accessible name.
    pub title: AttrValue,
}

#[component]
pub fn EmbedDialog(props: &EmbedDialogProps) -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    let dialog = use_node_ref();
    // (embed URL, snippet), computed when the dialog opens so they match the current view.
    let code = use_state(|| (String::new(), String::new()));
    let open = {
        let (dialog, code, title) = (dialog.clone(), code.clone(), props.title.clone());
        Callback::from(move |_| {
            let url = embed_url();
            code.set((url.clone(), snippet(&url, &title)));
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                let _ = d.show_modal();
            }
        })
    };
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_| {
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                d.close();
            }
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(t) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            t.select();
        }
    });
    html! {
        <>
            <button type="button" class="embed-button" onclick={open}>{ tr!(lang, "embed.button") }</button>
            <dialog ref={dialog} class="embed-dialog" aria-labelledby="embed-title">
                <h2 id="embed-title">{ tr!(lang, "embed.title") }</h2>
                <p>{ tr!(lang, "embed.text") }</p>
                <label for="embed-code">{ tr!(lang, "embed.code") }</label>
                <textarea id="embed-code" readonly=true rows="7" value={code.1.clone()} onfocus={select_all} />
                <p><a href={code.0.clone()} target="_blank" rel="noopener">{ tr!(lang, "embed.preview") }</a></p>
                <button type="button" onclick={close}>{ tr!(lang, "common.close") }</button>
            </dialog>
        </>
    }
}
