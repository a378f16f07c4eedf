//! The pages of a province site that belong to no bundle: the home page (every area, filtered
//! as you type, paged), an area's page (its departments and years) and the search across every
//! bundle. Rendered at build time by `gongkai site` and hydrated in the browser like the
//! bundles' pages; each reads only its own small file (`data/areas/…`) or, for search, the
//! sharded index (`search-index/…`).

use crate::components::area_view::AreaView;
use crate::components::site_home::SiteHome;
use crate::components::site_search::SiteSearchView;
use crate::hooks::use_lang::LangCtx;
use crate::hooks::use_painted::{use_first_render, FirstRender};
use gongkai_model::areas::AreaIndex;
use gongkai_model::i18n::Lang;
use gongkai_model::{tr, Catalog};
use std::rc::Rc;
use yew::prelude::*;

/// Which page, with the data its first render needs.
#[derive(Debug, Clone, PartialEq)]
pub enum SitePage {
    /// `./`, `en/`: every area.
    Home(Rc<AreaIndex>),
    /// `a/<key>/`: one area's catalog.
    Area { key: String, catalog: Rc<Catalog> },
    /// `search/`: search every bundle.
    Search,
}

pub use gongkai_model::route::SiteRoute;

impl SitePage {
    fn route(&self) -> SiteRoute {
        match self {
            SitePage::Home(_) => SiteRoute::Home,
            SitePage::Area { key, .. } => SiteRoute::Area(key.clone()),
            SitePage::Search => SiteRoute::Search,
        }
    }
    /// The page's title in `lang`.
    pub fn title(&self, lang: Lang) -> String {
        match self {
            SitePage::Home(_) => tr!(lang, "site.home_title").to_string(),
            SitePage::Area { catalog, .. } => catalog
                .bundles
                .first()
                .map(|e| e.region.clone())
                .filter(|r| !r.is_empty())
                .unwrap_or_else(|| tr!(lang, "catalog.no_region").to_string()),
            SitePage::Search => tr!(lang, "site.search_title").to_string(),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct SiteAppProps {
    pub page: SitePage,
    /// The page's language (its folder: "" or "en/").
    #[prop_or_default]
    pub lang: Lang,
}

/// A province site's own page.
#[component]
pub fn SiteApp(props: &SiteAppProps) -> Html {
    let lang = props.lang;
    // The other language is another page (a plain link): nothing switches in place.
    let lang_ctx = LangCtx {
        lang,
        switch: Callback::noop(),
    };
    let first_render = use_first_render();
    {
        let first_render = first_render.clone();
        use_effect_with((), move |_| {
            first_render.done();
            crate::mark_app_ready();
            crate::register_service_worker();
        });
    }
    let route = props.page.route();
    let other = match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let home = SiteRoute::Home.path(lang);
    let search = SiteRoute::Search.path(lang);
    let view = match &props.page {
        SitePage::Home(index) => html! { <SiteHome index={index.clone()} /> },
        SitePage::Area { catalog, .. } => html! { <AreaView catalog={catalog.clone()} /> },
        SitePage::Search => html! { <SiteSearchView /> },
    };
    let current = |r: SiteRoute| (route == r).then_some("page");
    // The other language's page with this page's query (a search's `?q=` as typed so far); the
    // plain link, without scripts, opens the page without it.
    let keep_query_on_switch = Callback::from(|e: MouseEvent| {
        let query = crate::route::page_query();
        if query.is_empty() {
            return;
        }
        let target: web_sys::HtmlAnchorElement = e.target_unchecked_into();
        e.prevent_default();
        crate::browser::load(&format!("{}{query}", target.href()));
    });
    html! {
        <ContextProvider<LangCtx> context={lang_ctx}>
        <ContextProvider<FirstRender> context={first_render}>
        <div class="app mode-site site-pages">
            <a class="skip" href={format!("{}#main", route.path(lang))}>{ tr!(lang, "app.skip") }</a>
            <header class="site">
                <p class="region">{ tr!(lang, "app.site_name") }</p>
                <h1 lang={matches!(props.page, SitePage::Area { .. }).then_some(crate::components::DATA_LANG)}>{ props.page.title(lang) }</h1>
                <div class="head-tools">
                    <a class="lang-switch" lang={other.code()} hreflang={other.code()} href={route.path(other)} onclick={keep_query_on_switch}>{ other.native_name() }</a>
                </div>
                <nav class="sections" aria-label={tr!(lang, "nav.label")}>
                    <ul>
                        <li><a href={home} aria-current={current(SiteRoute::Home)} class={classes!(current(SiteRoute::Home).map(|_| "current"))}>{ tr!(lang, "site.all_areas") }</a></li>
                        <li><a href={search} aria-current={current(SiteRoute::Search)} class={classes!(current(SiteRoute::Search).map(|_| "current"))}>{ tr!(lang, "site.search_all") }</a></li>
                    </ul>
                </nav>
            </header>
            <main id="main" tabindex="-1">{ view }</main>
            <footer class="site"><p>{ tr!(lang, "app.about") }</p></footer>
        </div>
        </ContextProvider<FirstRender>>
        </ContextProvider<LangCtx>>
    }
}

/// Fingerprint of a site page's data, as the build writes it into the page (`gongkai-data`):
/// the browser hydrates only when the data it read is the same.
pub fn site_data_fingerprint(page: &SitePage) -> String {
    let json = match page {
        SitePage::Home(i) => serde_json::to_string(&**i).unwrap_or_default(),
        SitePage::Area { catalog, .. } => serde_json::to_string(&**catalog).unwrap_or_default(),
        SitePage::Search => String::new(),
    };
    format!("{:016x}", gongkai_model::catalog::fnv1a64(&[json.as_bytes()]))
}

/// In the browser: whether this page is a province site's own page (the build marks them with
/// `<meta name="gongkai-site-page">`), and which.
pub fn this_site_page() -> Option<(Lang, SiteRoute)> {
    if !crate::browser::has_meta("gongkai-site-page") {
        return None;
    }
    SiteRoute::parse(&crate::route::here_relative()?)
}

/// Reads the data of a site page (in the browser).
pub async fn load_site_page(route: &SiteRoute) -> Result<SitePage, gongkai_model::LoadError> {
    match route {
        SiteRoute::Home => {
            let url = format!("{}index.json", gongkai_model::areas::AREAS_DIR);
            let bytes = crate::loader::fetch_bytes(&url).await?;
            let index = gongkai_model::areas::parse_area_index(&String::from_utf8_lossy(&bytes), &url)?;
            Ok(SitePage::Home(Rc::new(index)))
        }
        SiteRoute::Area(key) => {
            let url = format!("{}{key}.json", gongkai_model::areas::AREAS_DIR);
            let catalog = crate::loader::fetch_catalog(&url).await?;
            Ok(SitePage::Area {
                key: key.clone(),
                catalog: Rc::new(catalog),
            })
        }
        SiteRoute::Search => Ok(SitePage::Search),
    }
}
