//! Views, one per file. Each reads the bundle from context and renders model output.

#[cfg(feature = "site")]
pub mod area_view;
pub mod assets;
pub mod bar_chart;
pub mod budget_tables;
pub mod catalog;
pub mod chart_surface;
pub mod checks;
pub mod compare;
pub mod download;
pub mod duties;
pub mod embed_dialog;
pub mod error_view;
pub mod execution;
pub mod fail_mark;
pub mod fail_notice;
pub mod indicators;
pub mod lang_switch;
pub mod nav;
pub mod open_file;
pub mod other;
pub mod overview;
pub mod pager;
pub mod performance;
pub mod performance_targets;
pub mod search;
#[cfg(feature = "site")]
pub mod site_home;
#[cfg(feature = "site")]
pub mod site_search;
pub mod source_line;
pub mod term;
pub mod treemap_view;
pub mod year_switch;

use crate::hooks::use_bundle::BundleCtx;
use yew::prelude::*;

/// Gives keyboard focus to the element with `id` (scrolled into view first when `scroll`);
/// false when there is no such element.
pub fn focus_by_id(id: &str, scroll: bool) -> bool {
    use wasm_bindgen::JsCast;
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(el) = el else { return false };
    if scroll {
        el.scroll_into_view();
    }
    el.focus().is_ok()
}

/// Language of the published data (the disclosures are Chinese), set on the elements that show
/// it, so that with the English interface a screen reader reads them in Chinese (WCAG 3.1.2).
pub const DATA_LANG: &str = "zh-CN";

/// The loaded bundle; views are only mounted under the provider, so it is always there.
#[hook]
pub fn use_loaded() -> BundleCtx {
    use_context::<BundleCtx>().expect("views are rendered inside the bundle provider")
}

/// File name of an export: "平乡县发展改革局-2017-绩效指标.csv".
pub fn export_name(b: &gongkai_model::Bundle, what: &str) -> String {
    let dept: String = b
        .meta
        .department
        .chars()
        .filter(|c| !"/\\:*?\"<>|".contains(*c))
        .collect();
    format!("{dept}-{}-{what}.csv", b.meta.fiscal_year)
}
