//! The app shell: load the bundle, provide it, route to a view.

use crate::components::catalog::CatalogView;
use crate::components::embed_dialog::EmbedDialog;
use crate::components::fail_notice::FailNotice;
use crate::components::lang_switch::LangSwitch;
use crate::components::open_file::OpenFile;
use crate::components::source_line::SourceLine;
use crate::components::year_switch::YearSwitch;
use crate::components::{
    assets::AssetsView, checks::ChecksView, duties::DutiesView, error_view::ErrorView, indicators::IndicatorsView,
    nav::Nav, other::OtherView, overview::OverviewView, performance::PerformanceView,
};
use crate::hooks::use_bundle::{use_bundle, BundleCtx, LoadState, UseBundle};
use crate::hooks::use_kiosk::use_kiosk;
use crate::hooks::use_lang::{use_lang_state, LangCtx};
use crate::hooks::use_painted::{use_first_render, FirstRender};
use crate::hooks::use_post_height::use_post_height;
use crate::hooks::use_route::use_route;
use crate::mode::DisplayMode;
use crate::route::{use_link_base, LinkBase, Navigator, Route};
use gongkai_model::i18n::Lang;
use gongkai_model::route::lang_folder;
use gongkai_model::tr;
use yew::prelude::*;

/// What the app shows.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// A page rendered at build time (`gongkai site`): its bundle and route. `None` in the
    /// browser, which takes both from the page's address (and hydrates the build's HTML of it).
    #[prop_or_default]
    pub page: Option<ServerPage>,
    /// The page's language (the browser's: `use_lang::initial_lang`; the build's: the page's).
    #[prop_or_default]
    pub lang: Lang,
}

/// A page of the site as the build renders it (in the language of `AppProps::lang`).
#[derive(Debug, Clone, PartialEq)]
pub struct ServerPage {
    pub loaded: BundleCtx,
    pub route: Route,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    // First: every text below is rendered in this language (provided to the views as a context).
    let lang_ctx = use_lang_state(props.lang);
    let (lang, switch_lang) = (lang_ctx.lang, lang_ctx.switch.clone());
    let first_render = use_first_render();
    let UseBundle {
        state,
        open_file,
        retry_with,
    } = use_bundle(props.page.as_ref().map(|p| p.loaded.clone()));
    let mode = *use_memo((), |_| DisplayMode::current());
    // Views render everything at once on the first render of a page the build rendered (it has
    // all of it), progressively afterwards.
    {
        let first_render = first_render.clone();
        use_effect_with((), move |_| {
            first_render.done();
            crate::mark_app_ready();
        });
    }
    use_post_height(mode == DisplayMode::Embed);
    let kiosk = match mode {
        DisplayMode::Kiosk {
            idle_secs,
            advance_secs,
        } => Some((idle_secs, advance_secs)),
        _ => None,
    };
    // Offline copy: registered once the first view (or its error) is on screen.
    let settled = !matches!(state, LoadState::Loading(_));
    use_effect_with(settled, |settled| {
        if *settled {
            crate::register_service_worker();
        }
    });
    let mode_class = match mode {
        DisplayMode::Site => "mode-site",
        DisplayMode::Embed => "mode-embed",
        DisplayMode::Kiosk { .. } => "mode-kiosk",
    };
    let page = match state {
        LoadState::Loading(step) => html! {
            <main id="main" class="loading" aria-busy="true">
                <div class="spinner" aria-hidden="true"></div>
                <p role="status">{ step }</p>
            </main>
        },
        LoadState::Failed(err) => html! {
            <main id="main">
                <ErrorView error={err} on_facts={(mode == DisplayMode::Site).then_some(retry_with)} />
                { if mode == DisplayMode::Site { html! { <OpenFile on_file={open_file} /> } } else { html!{} } }
            </main>
        },
        LoadState::Loaded(ctx) => {
            let b = &ctx.0.bundle;
            let region = [&b.meta.region.province, &b.meta.region.city, &b.meta.region.county]
                .iter()
                .filter_map(|p| p.as_deref())
                .collect::<Vec<_>>()
                .join(" ");
            let title = tr!(
                lang,
                "app.bundle_title",
                b.meta.department,
                lang.fmt_year(b.meta.fiscal_year),
                b.meta.kind.label(lang)
            );
            let header = match mode {
                // An embed shows one view with a one-line title and a way to the full viewer.
                DisplayMode::Embed => html! {
                    <header class="embed-head">
                        <p>
                            <strong>{ &title }</strong>
                            { " · " }
                            <a href={full_viewer_url()} target="_blank" rel="noopener">{ tr!(lang, "app.open_full") }</a>
                        </p>
                    </header>
                },
                _ => html! {
                    <header class="site">
                        <p class="region" lang={crate::components::DATA_LANG}>{ region }</p>
                        <h1 lang={crate::components::DATA_LANG}>{ &b.meta.department }</h1>
                        <p class="doc">{ tr!(lang, "app.doc_line", lang.fmt_year(b.meta.fiscal_year), b.meta.kind.label(lang), lang.unit_label(&b.meta.unit)) }</p>
                        <div class="head-tools">
                            <YearSwitch />
                            <LangSwitch {lang} on_switch={switch_lang.clone()} />
                        </div>
                        <CurrentNav />
                    </header>
                },
            };
            // Links: this language's folder, the bundle's folder (the page's own when the bundle
            // has none: a local file, a `?bundle=` the site does not list), the query kept.
            let folder = ctx.0.folder();
            let base = LinkBase {
                lang: lang_folder(lang).into(),
                bundle: match &folder {
                    Some(f) => format!("b/{f}/"),
                    None => crate::route::here()
                        .and_then(|a| a.bundle)
                        .map(|b| format!("b/{b}/"))
                        .unwrap_or_default(),
                },
                query: crate::route::kept_query(folder.is_some()),
                // A bundle the site does not list (a local file, a `?bundle=` from elsewhere)
                // has no pages: its views are hash addresses on the page.
                hash: ctx.0.entry().is_none() || ctx.0.province,
            };
            let footer = match mode {
                DisplayMode::Embed => html! {},
                DisplayMode::Kiosk { .. } => html! {
                    <footer class="site">
                        <button type="button" class="fullscreen" onclick={Callback::from(|_| enter_fullscreen())}>{ tr!(lang, "app.fullscreen") }</button>
                        <SourceLine title={b.meta.title.clone()} />
                    </footer>
                },
                DisplayMode::Site => html! {
                    <footer class="site">
                        <OpenFile on_file={open_file} />
                        <EmbedDialog title={title.clone()} />
                        <SourceLine title={b.meta.title.clone()} />
                        <p>{ tr!(lang, "app.file", ctx.0.path) }</p>
                        <p>{ tr!(lang, "app.about") }</p>
                    </footer>
                },
            };
            html! {
                <ContextProvider<BundleCtx> context={ctx.clone()}>
                    <ContextProvider<LinkBase> context={base.clone()}>
                        <RouteScope initial={props.page.as_ref().map(|p| p.route.clone())} many={many(&ctx)} {base} {kiosk}>
                            <SkipLink />
                            { header }
                            <main id="main" tabindex="-1"><FailNotice /><CurrentView /></main>
                            { footer }
                        </RouteScope>
                    </ContextProvider<LinkBase>>
                </ContextProvider<BundleCtx>>
            }
        }
    };
    // Keyed by language: switching re-renders every view in the new language.
    html! {
        <ContextProvider<LangCtx> context={lang_ctx}>
            <ContextProvider<FirstRender> context={first_render}>
                <div class={classes!("app", mode_class)} key={lang.code()}>{ page }</div>
            </ContextProvider<FirstRender>>
        </ContextProvider<LangCtx>>
    }
}

/// Whether the site lists several bundles (its home page is then the catalog).
fn many(ctx: &BundleCtx) -> bool {
    ctx.0.province || ctx.0.catalog.as_ref().is_some_and(|c| c.bundles.len() > 1)
}

#[derive(Properties, PartialEq)]
struct RouteScopeProps {
    initial: Option<Route>,
    many: bool,
    /// What links and in-place navigation are written against.
    base: LinkBase,
    /// Kiosk mode's `(idle_secs, advance_secs)`, for its tour of the views.
    kiosk: Option<(u32, u32)>,
    children: Html,
}

/// Provides the current route and the [`Navigator`] that changes it. Only the view and the
/// navigation use the route, so a route change (a drill-down, a link) re-renders those two and
/// not the whole app shell. Keeps the page's title and address in step with it, and runs the
/// kiosk tour.
#[component]
fn RouteScope(props: &RouteScopeProps) -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    let (route, nav) = use_route(props.initial.clone(), props.many, props.base.clone());
    use_kiosk(props.kiosk, nav.clone());
    let ctx = crate::components::use_loaded();
    use_effect_with((route.clone(), ctx, lang), |(route, ctx, lang)| {
        crate::hooks::use_lang::set_title(&crate::page::title(*lang, &ctx.0.bundle, route.clone()));
    });
    html! {
        <ContextProvider<Navigator> context={nav}>
            <ContextProvider<Route> context={route}>{ props.children.clone() }</ContextProvider<Route>>
        </ContextProvider<Navigator>>
    }
}

#[component]
fn CurrentNav() -> Html {
    let route = use_context::<Route>().unwrap_or(Route::Overview);
    html! { <Nav {route} /> }
}

/// The skip link: to the main region of this page (a real address, so it works without
/// scripts too) without changing the route when scripts run.
#[component]
fn SkipLink() -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    let base = use_link_base();
    let route = use_context::<Route>().unwrap_or(Route::Overview);
    let page = base.href(route.page());
    let href = match page.split_once('#') {
        Some((p, _)) => format!("{p}#main"),
        None => format!("{page}#main"),
    };
    html! { <a class="skip" {href} onclick={skip_to_main()}>{ tr!(lang, "app.skip") }</a> }
}

/// The view of the current route. The first-view module (built without the feature `full`)
/// holds the views of [`Route::in_first_view`]; for another route it loads that route's page,
/// which starts the full app.
#[component]
fn CurrentView() -> Html {
    let route = use_context::<Route>().unwrap_or(Route::Overview);
    match route {
        Route::Overview => html! { <OverviewView /> },
        Route::Duties => html! { <DutiesView /> },
        Route::Performance(open) => html! { <PerformanceView {open} /> },
        Route::SubActivity(i, j) => html! { <PerformanceView open={Some(i)} sub={Some(j)} /> },
        Route::Indicators => html! { <IndicatorsView /> },
        Route::Assets => html! { <AssetsView /> },
        Route::Other => html! { <OtherView /> },
        Route::Checks(focus) => html! { <ChecksView {focus} /> },
        Route::Catalog => html! { <CatalogView /> },
        #[cfg(feature = "full")]
        Route::Target(index) => html! { <crate::components::performance_targets::TargetView {index} /> },
        #[cfg(feature = "full")]
        Route::Compare => html! { <crate::components::compare::CompareView /> },
        #[cfg(feature = "full")]
        Route::Search => html! { <crate::components::search::SearchView /> },
        #[cfg(feature = "full")]
        Route::Budget(code) => html! { <crate::components::budget_tables::BudgetTablesView {code} /> },
        #[cfg(feature = "full")]
        Route::Execution(code) => html! { <crate::components::execution::ExecutionView {code} /> },
        #[cfg(not(feature = "full"))]
        route => html! { <FullAppPage {route} /> },
    }
}

#[cfg(not(feature = "full"))]
#[derive(Properties, PartialEq)]
struct FullAppPageProps {
    route: Route,
}

/// In the first-view module, a route it does not hold (reached other than by a link, which the
/// browser follows as a page): that route's page is loaded, which starts the full app — on a
/// bundle whose views are hash addresses, this page again with `?app=full`. Says so meanwhile.
#[cfg(not(feature = "full"))]
#[component]
fn FullAppPage(props: &FullAppPageProps) -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    let base = use_link_base();
    let href = if base.hash {
        let view = base.href(props.route.clone());
        let fragment = view.find('#').map(|i| &view[i..]).unwrap_or("");
        format!(
            "{}{}{fragment}",
            crate::browser::pathname().unwrap_or_default(),
            crate::browser::query_with(&[("app", Some("full"))])
        )
    } else {
        base.href(props.route.clone())
    };
    {
        let href = href.clone();
        use_effect_with(href, |href| crate::browser::load(href));
    }
    html! {
        <div class="loading" aria-busy="true">
            <div class="spinner" aria-hidden="true"></div>
            <p role="status"><a {href}>{ tr!(lang, "app.loading_view") }</a></p>
        </div>
    }
}

/// This page without `embed=1`, for "open in the full viewer" ("./" outside the browser: embeds
/// are rendered in the browser only).
fn full_viewer_url() -> String {
    let Some(path) = crate::browser::pathname() else {
        return "./".into();
    };
    format!(
        "{path}{}{}",
        crate::browser::query_with(&[("embed", None)]),
        crate::browser::hash().unwrap_or_default()
    )
}

/// Kiosk: full screen (browsers allow it only from a touch or click, hence a button).
fn enter_fullscreen() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.request_fullscreen();
    }
}

/// The skip link moves focus to the main region without changing the hash route.
fn skip_to_main() -> Callback<MouseEvent> {
    Callback::from(|e: MouseEvent| {
        e.prevent_default();
        crate::components::focus_by_id("main", false);
    })
}
