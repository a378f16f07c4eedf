//! Hash routes, so deep links work on any static server without rewrite rules:
//! `#/`, `#/duties`, `#/performance`, `#/performance/3` (activity 3, 1-based), `#/indicators`,
//! `#/assets`, `#/other`, `#/checks`, `#/checks/2` (check 2 of 数据核对, 1-based).

/// A view of the viewer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Overview,
    Duties,
    /// The performance table; `Some(i)` opens activity `i` (0-based index into the bundle).
    Performance(Option<usize>),
    /// Sub-activity `j` of activity `i` (0-based), shown inside its activity.
    SubActivity(usize, usize),
    Indicators,
    Assets,
    Other,
    /// 数据核对; `Some(n)` brings check number `n` (1-based, as the view numbers them) into view.
    Checks(Option<usize>),
    /// All departments and years of the site's catalog.
    Catalog,
    /// This year against another year of the same department.
    Compare,
    /// Search across the bundle.
    Search,
    /// The standard budget tables; `Some(code)` opens the breakdown under that 类 or 款: a 功能分类
    /// code (201, 20101) or a 经济分类 code (301): `#/budget`, `#/budget/20101`, `#/budget/301`.
    Budget(Option<u32>),
}

impl Route {
    /// Parses a location hash such as "#/performance/3". Unknown hashes give the overview.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.split('/');
        match (parts.next().unwrap_or(""), parts.next()) {
            ("duties", _) => Route::Duties,
            ("performance", Some(n)) => {
                let one_based = |s: &str| s.parse::<usize>().ok().filter(|n| *n >= 1).map(|n| n - 1);
                match (one_based(n), parts.next().and_then(one_based)) {
                    (Some(i), Some(j)) => Route::SubActivity(i, j),
                    (i, _) => Route::Performance(i),
                }
            }
            ("performance", None) => Route::Performance(None),
            ("indicators", _) => Route::Indicators,
            ("assets", _) => Route::Assets,
            ("other", _) => Route::Other,
            ("checks", n) => Route::Checks(n.and_then(|s| s.parse::<usize>().ok()).filter(|n| *n >= 1)),
            ("catalog", _) => Route::Catalog,
            ("compare", _) => Route::Compare,
            ("search", _) => Route::Search,
            ("budget", code) => Route::Budget(
                code.and_then(|c| c.parse::<u32>().ok())
                    .filter(|c| matches!(c.to_string().len(), 3 | 5)),
            ),
            _ => Route::Overview,
        }
    }

    /// The hash for this route, e.g. "#/performance/3".
    pub fn to_hash(self) -> String {
        match self {
            Route::Overview => "#/".into(),
            Route::Duties => "#/duties".into(),
            Route::Performance(None) => "#/performance".into(),
            Route::Performance(Some(i)) => format!("#/performance/{}", i + 1),
            Route::SubActivity(i, j) => format!("#/performance/{}/{}", i + 1, j + 1),
            Route::Indicators => "#/indicators".into(),
            Route::Assets => "#/assets".into(),
            Route::Other => "#/other".into(),
            Route::Checks(None) => "#/checks".into(),
            Route::Checks(Some(n)) => format!("#/checks/{n}"),
            Route::Catalog => "#/catalog".into(),
            Route::Compare => "#/compare".into(),
            Route::Search => "#/search".into(),
            Route::Budget(None) => "#/budget".into(),
            Route::Budget(Some(code)) => format!("#/budget/{code}"),
        }
    }

    /// The navigation entries, in order, with the keys of their names (see `i18n`).
    pub const NAV: [(Route, &'static str); 8] = [
        (Route::Overview, "nav.overview"),
        (Route::Duties, "nav.duties"),
        (Route::Performance(None), "nav.performance"),
        (Route::Indicators, "nav.indicators"),
        (Route::Assets, "nav.assets"),
        (Route::Other, "nav.other"),
        (Route::Checks(None), "nav.checks"),
        (Route::Search, "nav.search"),
    ];

    /// Whether the nav entry `nav` is the section this route is in.
    pub fn in_section(self, nav: Route) -> bool {
        matches!(
            (self, nav),
            (Route::Performance(_) | Route::SubActivity(..), Route::Performance(_))
                | (Route::Checks(_), Route::Checks(_))
                | (Route::Budget(_), Route::Budget(_))
        ) || self == nav
    }

    /// One level up the drill path (Escape): sub-activity → activity → all activities.
    pub fn up(self) -> Option<Route> {
        match self {
            Route::SubActivity(i, _) => Some(Route::Performance(Some(i))),
            Route::Performance(Some(_)) => Some(Route::Performance(None)),
            // 20101 → 201 → all.
            Route::Budget(Some(code)) => Some(Route::Budget(Some(code / 100).filter(|c| *c >= 100))),
            _ => None,
        }
    }

    /// Goes to this route: pushes a history entry with its hash (so the back button and deep
    /// links follow) and shows the view at once, in this task, without waiting for a
    /// `hashchange` event.
    pub fn go(self) {
        if let Some(w) = web_sys::window() {
            let hash = self.to_hash();
            // A history entry like a followed link, without the fragment navigation (anchor
            // lookup, scrolling, a later `hashchange`) that setting `location.hash` costs.
            let pushed = w
                .history()
                .and_then(|h| h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash)));
            if pushed.is_err() {
                let _ = w.location().set_hash(&hash);
            }
        }
        crate::hooks::use_route::show_now(self);
    }
}
