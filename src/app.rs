//! The app shell: load the bundle, provide it, route to a view.

use crate::components::open_file::OpenFile;
use crate::components::{
    assets::AssetsView, checks::ChecksView, duties::DutiesView, error_view::ErrorView, indicators::IndicatorsView,
    nav::Nav, other::OtherView, overview::OverviewView, performance::PerformanceView,
};
use crate::hooks::use_bundle::{use_bundle, BundleCtx, LoadState, UseBundle};
use crate::hooks::use_route::use_route;
use crate::route::Route;
use yew::prelude::*;

#[component]
pub fn App() -> Html {
    let UseBundle { state, open_file } = use_bundle();
    let route = use_route();
    match state {
        LoadState::Loading(step) => html! {
            <main id="main" class="loading" aria-busy="true">
                <div class="spinner" aria-hidden="true"></div>
                <p role="status">{ step }</p>
            </main>
        },
        LoadState::Failed(err) => html! {
            <main id="main">
                <ErrorView error={err} />
                <OpenFile on_file={open_file} />
            </main>
        },
        LoadState::Loaded(ctx) => {
            let b = &ctx.0.bundle;
            let view = match route {
                Route::Overview => html! { <OverviewView /> },
                Route::Duties => html! { <DutiesView /> },
                Route::Performance(open) => html! { <PerformanceView {open} /> },
                Route::SubActivity(i, j) => html! { <PerformanceView open={Some(i)} sub={Some(j)} /> },
                Route::Indicators => html! { <IndicatorsView /> },
                Route::Assets => html! { <AssetsView /> },
                Route::Other => html! { <OtherView /> },
                Route::Checks => html! { <ChecksView /> },
            };
            let region = [&b.meta.region.province, &b.meta.region.city, &b.meta.region.county]
                .iter()
                .filter_map(|p| p.as_deref())
                .collect::<Vec<_>>()
                .join(" ");
            html! {
                <ContextProvider<BundleCtx> context={ctx.clone()}>
                    <a class="skip" href="#main" onclick={skip_to_main()}>{ "跳到正文" }</a>
                    <header class="site">
                        <p class="region">{ region }</p>
                        <h1>{ &b.meta.department }</h1>
                        <p class="doc">{ format!("{} 年{}公开 · 金额单位：{}", b.meta.fiscal_year, b.meta.kind.label_zh(), b.meta.unit) }</p>
                        <Nav {route} />
                    </header>
                    <main id="main" tabindex="-1">{ view }</main>
                    <footer class="site">
                        <OpenFile on_file={open_file} />
                        <p>{ format!("数据来源：{}", b.meta.title) }</p>
                        <p>{ format!("数据文件：{}", ctx.0.path) }</p>
                        <p>{ "公开 Gongkai · 预算公开查看器。数据保持原文，空白金额显示为“未列”。" }</p>
                    </footer>
                </ContextProvider<BundleCtx>>
            }
        }
    }
}

/// The skip link moves focus to the main region without changing the hash route.
fn skip_to_main() -> Callback<MouseEvent> {
    Callback::from(|e: MouseEvent| {
        e.prevent_default();
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("main"))
        {
            use wasm_bindgen::JsCast;
            if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    })
}
