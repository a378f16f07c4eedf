//! The viewer's addresses. Every view is a real page (a folder with an `index.html` that the
//! site build writes), so any static server serves it without rewrite rules and the same path
//! works in the browser's history:
//!
//! | route | path under the bundle's folder |
//! |---|---|
//! | overview | `./` |
//! | 职能 | `duties/` |
//! | 绩效 | `performance/`, `performance/3/` (activity 3, 1-based), `performance/3/2/` |
//! | one 绩效目标表 / 自评表 | `targets/2/` (project 2, 1-based) |
//! | 指标, 资产, 其他, 核对, 搜索 | `indicators/`, `assets/`, `other/`, `checks/`, `search/` |
//! | one check | `checks/#check-expenditure.categories-sum` (an anchor on the checks page, the check's id percent-encoded; `#check-2`, a check's old number, still resolves) |
//! | 预算表 | `budget/`, `budget/201/` (类), `budget/20101/` (款), `budget/301/` (经济分类) |
//! | 全部部门, 对比 | `catalog/`, `compare/` |
//!
//! The bundle's folder ([`Address`]) is the site root for a site of one bundle, `b/<name>/` for
//! each bundle of a site of several (its catalog path without `.json`, `/` written `~`); English
//! pages are the same under `en/`. Links are written relative to the site root; every page
//! names the root in `<base href>` ("../../" two folders down), so a copy of the site under
//! `/budget/` works the same.

use crate::check::CheckId;
use crate::i18n::Lang;

/// A view of the viewer.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Route {
    Overview,
    Duties,
    /// The performance table; `Some(i)` opens activity `i` (0-based index into the bundle).
    Performance(Option<usize>),
    /// Sub-activity `j` of activity `i` (0-based), shown inside its activity.
    SubActivity(usize, usize),
    Indicators,
    /// One project's 绩效目标表 or 绩效自评表 (0-based index into
    /// `performance_targets.projects`); the list is on the 绩效 page.
    Target(usize),
    Assets,
    Other,
    /// 数据核对; `Some(id)` brings that check into view: its id (see [`CheckId`]), or, in links
    /// made before checks had ids, its 1-based number (kept for a transition period; the view
    /// resolves it with `crate::find_check`).
    Checks(Option<CheckId>),
    /// All departments and years of the site's catalog.
    Catalog,
    /// This year against another year of the same department.
    Compare,
    /// Search across the bundle.
    Search,
    /// The standard budget tables; `Some(code)` opens the breakdown under that 类 or 款: a 功能分类
    /// code (201, 20101) or a 经济分类 code (301).
    Budget(Option<u32>),
    /// 预算执行: each line's budget against its 决算; `Some(code)` opens the lines under a 功能分类
    /// 类 or 款 (201, 20101).
    Execution(Option<u32>),
}

impl Route {
    /// Reads a path below the bundle's folder ("performance/3/", "duties", "") and the
    /// fragment ("#check-balance", "#check-2", only meaningful on `checks/`). Unknown paths give
    /// `None`.
    pub fn from_path(path: &str, fragment: &str) -> Option<Route> {
        let path = path.trim_matches('/');
        let mut parts = path.split('/').filter(|p| !p.is_empty());
        let one_based = |s: &str| s.parse::<usize>().ok().filter(|n| *n >= 1).map(|n| n - 1);
        let route = match (parts.next(), parts.next(), parts.next()) {
            (None, ..) => Route::Overview,
            (Some("duties"), None, _) => Route::Duties,
            (Some("performance"), None, _) => Route::Performance(None),
            (Some("performance"), Some(i), None) => Route::Performance(Some(one_based(i)?)),
            (Some("performance"), Some(i), Some(j)) => Route::SubActivity(one_based(i)?, one_based(j)?),
            (Some("indicators"), None, _) => Route::Indicators,
            (Some("targets"), Some(i), None) => Route::Target(one_based(i)?),
            (Some("assets"), None, _) => Route::Assets,
            (Some("other"), None, _) => Route::Other,
            (Some("checks"), None, _) => {
                Route::Checks(check_in(fragment.trim_start_matches('#').strip_prefix("check-")))
            }
            (Some("catalog"), None, _) => Route::Catalog,
            (Some("compare"), None, _) => Route::Compare,
            (Some("search"), None, _) => Route::Search,
            (Some("budget"), None, _) => Route::Budget(None),
            (Some("budget"), Some(code), None) => Route::Budget(Some(budget_code(code)?)),
            (Some("execution"), None, _) => Route::Execution(None),
            (Some("execution"), Some(code), None) => Route::Execution(Some(budget_code(code)?)),
            _ => return None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(route)
    }

    /// Reads a hash address ("#/performance/3", "#/checks/balance", "#/checks/2"), as links made
    /// before views had their own pages and for bundles without pages. Unknown hashes give the
    /// overview.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.split('/');
        match (parts.next().unwrap_or(""), parts.next()) {
            ("checks", Some(id)) => Route::Checks(check_in(Some(id))),
            _ => Route::from_path(path, "").unwrap_or(Route::Overview),
        }
    }

    /// The path of the route's page below the bundle's folder: "" for the overview, else
    /// ending in "/".
    pub fn path(&self) -> String {
        match self {
            Route::Overview => String::new(),
            Route::Duties => "duties/".into(),
            Route::Performance(None) => "performance/".into(),
            Route::Performance(Some(i)) => format!("performance/{}/", i + 1),
            Route::SubActivity(i, j) => format!("performance/{}/{}/", i + 1, j + 1),
            Route::Indicators => "indicators/".into(),
            Route::Target(i) => format!("targets/{}/", i + 1),
            Route::Assets => "assets/".into(),
            Route::Other => "other/".into(),
            Route::Checks(_) => "checks/".into(),
            Route::Catalog => "catalog/".into(),
            Route::Compare => "compare/".into(),
            Route::Search => "search/".into(),
            Route::Budget(None) => "budget/".into(),
            Route::Budget(Some(code)) => format!("budget/{code}/"),
            Route::Execution(None) => "execution/".into(),
            Route::Execution(Some(code)) => format!("execution/{code}/"),
        }
    }

    /// The hash address of this route ("#/performance/8/3", "#/checks/2"), the form links take
    /// for a bundle the site has no pages of (a local file, a `?bundle=` from elsewhere).
    pub fn to_hash(&self) -> String {
        match self {
            Route::Checks(Some(id)) => format!("#/checks/{}", id.encoded()),
            r => format!("#/{}", r.path().trim_end_matches('/')),
        }
    }

    /// The place on the page a link to this route goes to: a check's row on the checks page
    /// ("#check-balance"), a sub-activity's section on its page ("#sub-2", 0-based as the page's ids),
    /// so a browser without scripts shows it too; "" for the others.
    pub fn anchor(&self) -> String {
        match self {
            Route::Checks(Some(id)) => format!("#check-{}", id.encoded()),
            Route::SubActivity(_, j) => format!("#sub-{j}"),
            _ => String::new(),
        }
    }

    /// The page this route is on (a check is an anchor on the checks page).
    pub fn page(&self) -> Route {
        match self {
            Route::Checks(Some(_)) => Route::Checks(None),
            r => r.clone(),
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

    /// Whether the viewer's first-view module shows this route (issue #27): the views a
    /// bundle's first pages show — its overview, duties, performance table and indicators,
    /// assets, other, checks — and a site's catalog. The others (绩效目标 projects, the standard
    /// tables, 预算执行, compare, search) are in the full app only: their pages start it, and
    /// the first-view module follows links to them as pages. The site build names the module of
    /// each page from this; the viewer is compiled to it (`Cargo.toml`, feature `full`).
    pub fn in_first_view(&self) -> bool {
        match self {
            Route::Overview
            | Route::Duties
            | Route::Performance(_)
            | Route::SubActivity(..)
            | Route::Indicators
            | Route::Assets
            | Route::Other
            | Route::Checks(_)
            | Route::Catalog => true,
            Route::Target(_) | Route::Compare | Route::Search | Route::Budget(_) | Route::Execution(_) => false,
        }
    }

    /// Whether the nav entry `nav` is the section this route is in.
    pub fn in_section(&self, nav: &Route) -> bool {
        matches!(
            (self, nav),
            (
                Route::Performance(_) | Route::SubActivity(..) | Route::Target(_),
                Route::Performance(_)
            ) | (Route::Checks(_), Route::Checks(_))
                | (Route::Budget(_), Route::Budget(_))
                | (Route::Execution(_), Route::Execution(_))
        ) || self == nav
    }

    /// One level up the drill path (Escape): sub-activity → activity → all activities.
    pub fn up(&self) -> Option<Route> {
        match self {
            Route::SubActivity(i, _) => Some(Route::Performance(Some(*i))),
            Route::Performance(Some(_)) | Route::Target(_) => Some(Route::Performance(None)),
            // 20101 → 201 → all.
            Route::Budget(Some(code)) => Some(Route::Budget(Some(code / 100).filter(|c| *c >= 100))),
            Route::Execution(Some(code)) => Some(Route::Execution(Some(code / 100).filter(|c| *c >= 100))),
            _ => None,
        }
    }
}

/// The check an address names (its id percent-encoded, or an old number); none when empty.
fn check_in(written: Option<&str>) -> Option<CheckId> {
    written.filter(|s| !s.is_empty()).map(CheckId::decode)
}

/// A 类 (3 digits) or 款 (5 digits) code as a route takes it.
fn budget_code(s: &str) -> Option<u32> {
    (matches!(s.len(), 3 | 5) && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// What links are written against (see [`LinkBase::href`]): the folders of the page's language
/// and bundle and the query links keep. The viewer provides it to its views as a context; the
/// site build makes it from the page it renders ([`Address::link_base`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkBase {
    /// Folder of the interface language below the site root: "" or "en/".
    pub lang: String,
    /// Folder of the current bundle below the language's: "" or "b/x/".
    pub bundle: String,
    /// The query kept on every link ("" or "?bundle=…&embed=1").
    pub query: String,
    /// Links are hash addresses on the bundle's one page: `./?bundle=x#/duties` for a bundle
    /// the site has no pages of, `b/x/#/duties` for a bundle of a province site (whose one page
    /// is the overview; the catalog link then goes to the province's home).
    pub hash: bool,
}

impl LinkBase {
    /// The link to `route` from any page of this base's bundle and language: the path relative
    /// to the site root (pages set `<base href>` to it) in this base's folders, with its query.
    /// Never empty.
    pub fn href(&self, route: Route) -> String {
        let b = self;
        if b.hash {
            // A province's bundle: its home is the province's catalog.
            if route == Route::Catalog && !b.bundle.is_empty() {
                return if b.lang.is_empty() { "./".into() } else { b.lang.clone() };
            }
            let page = format!("{}{}", b.lang, b.bundle);
            let page = if page.is_empty() { "./" } else { &page };
            return format!("{page}{}{}", b.query, route.to_hash());
        }
        // The catalog is the home page of its language (a site of several bundles opens on
        // it); every other view is in its bundle's folder.
        let path = match &route {
            Route::Catalog => b.lang.clone(),
            r => format!("{}{}{}", b.lang, b.bundle, r.path()),
        };
        let path = if path.is_empty() { "./".to_string() } else { path };
        format!("{path}{}{}", b.query, route.anchor())
    }

    /// `route` on another bundle's or language's page, for the year and language switches:
    /// `lang` is the language's folder ("" or "en/"), `bundle` the bundle's ("b/x/", "" for the
    /// site root's), with this base's query. On a province (hash links) a bundle has one page, so
    /// the view is its hash ("b/x/#/duties"; the overview is the page itself). Never empty.
    pub fn href_on(&self, route: Route, lang: &str, bundle: &str) -> String {
        let b = self;
        let href = if b.hash && !bundle.is_empty() {
            let view = if route == Route::Overview {
                String::new()
            } else {
                route.to_hash()
            };
            format!("{lang}{bundle}{}{view}", b.query)
        } else {
            format!("{lang}{bundle}{}{}", route.page().path(), b.query)
        };
        if href.is_empty() {
            "./".into()
        } else {
            href
        }
    }
}

/// A page of the site: its language, its bundle's folder and its route.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Address {
    pub lang: Lang,
    /// The bundle's folder name under `b/` ([`bundle_folder`]); `None`: the site root's bundle.
    pub bundle: Option<String>,
    pub route: Route,
}

impl Address {
    /// The folder prefix of this address's bundle and language: "", "en/", "b/x/", "en/b/x/".
    pub fn prefix(&self) -> String {
        let base = self.link_base();
        format!("{}{}", base.lang, base.bundle)
    }

    /// The folders links on this page are written against (no query).
    pub fn link_base(&self) -> LinkBase {
        LinkBase {
            lang: lang_folder(self.lang).into(),
            bundle: self.bundle.as_ref().map(|b| format!("b/{b}/")).unwrap_or_default(),
            query: String::new(),
            hash: false,
        }
    }

    /// The page's path relative to the site root, without any anchor: "", "en/duties/", …
    pub fn page_path(&self) -> String {
        let path = self.route.page().path();
        format!("{}{path}", self.prefix())
    }

    /// `<base href>` of this page: the way up to the site root ("./", "../", "../../").
    pub fn base_href(&self) -> String {
        let depth = self.page_path().matches('/').count();
        if depth == 0 {
            "./".into()
        } else {
            "../".repeat(depth)
        }
    }

    /// Reads a path relative to the site root ("en/b/x/performance/3/") and its fragment.
    /// `None`: not an address of the viewer.
    pub fn parse(path: &str, fragment: &str) -> Option<Address> {
        let mut rest = path.trim_start_matches('/');
        let rest_index = rest.strip_suffix("index.html").unwrap_or(rest);
        rest = rest_index;
        let lang = match rest.strip_prefix("en/").or_else(|| (rest == "en").then_some("")) {
            Some(r) => {
                rest = r;
                Lang::En
            }
            None => Lang::Zh,
        };
        let bundle = match rest.strip_prefix("b/") {
            Some(r) => {
                let (name, after) = r.split_once('/').unwrap_or((r, ""));
                if name.is_empty() {
                    return None;
                }
                rest = after;
                Some(name.to_string())
            }
            None => None,
        };
        let route = Route::from_path(rest, fragment)?;
        Some(Address { lang, bundle, route })
    }
}

/// A page of a province site that belongs to no bundle (see `gongkai_model::areas`): its home,
/// an area's page, the search across every bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteRoute {
    Home,
    Area(String),
    Search,
}

impl SiteRoute {
    /// The page of a path relative to the site root ("en/a/0123abcd/" → English, area), if it
    /// is one of a province site's own pages.
    pub fn parse(path: &str) -> Option<(Lang, SiteRoute)> {
        let path = path.strip_suffix("index.html").unwrap_or(path);
        let (lang, rest) = match path.strip_prefix("en/").or((path == "en").then_some("")) {
            Some(r) => (Lang::En, r),
            None => (Lang::Zh, path),
        };
        let parts: Vec<&str> = rest.split('/').filter(|p| !p.is_empty()).collect();
        let route = match parts.as_slice() {
            [] => SiteRoute::Home,
            ["search"] => SiteRoute::Search,
            ["a", key] if key.bytes().all(|b| b.is_ascii_alphanumeric()) => SiteRoute::Area(key.to_string()),
            _ => return None,
        };
        Some((lang, route))
    }
    /// Its path relative to the site root, in `lang`.
    pub fn path(&self, lang: Lang) -> String {
        let rest = match self {
            SiteRoute::Home => String::new(),
            SiteRoute::Area(k) => format!("a/{k}/"),
            SiteRoute::Search => "search/".into(),
        };
        let p = format!("{}{rest}", lang_folder(lang));
        if p.is_empty() {
            "./".into()
        } else {
            p
        }
    }
}

/// The folder of a language's pages below the site root: "" (中文) or "en/".
pub fn lang_folder(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "",
        Lang::En => "en/",
    }
}

/// The folder name of a catalog entry's bundle under `b/`: its path in the catalog without
/// `.json`, with `/` written `~` ("2017/fgj.json" → "2017~fgj").
pub fn bundle_folder(catalog_path: &str) -> String {
    catalog_path
        .strip_suffix(".json")
        .unwrap_or(catalog_path)
        .replace('/', "~")
}

/// Whether `b` has a 预算执行 view: a 决算, or a budget with standard tables (whose view compares it
/// with its 决算 when the site has one, and says so when it has none).
pub fn has_execution(b: &crate::Bundle) -> bool {
    b.meta.kind == crate::bundle::DocumentKind::FinalAccounts || !b.tables.is_empty()
}

/// The routes that are pages of `b`: every view (预算表 too, which says when there are no
/// tables), each activity and sub-activity, and each 类 and 款 of the budget tables' breakdowns; the catalog when the site lists several
/// bundles (`catalog`), the comparison when the department has other years (`compare`).
pub fn page_routes(b: &crate::Bundle, catalog: bool, compare: bool) -> Vec<Route> {
    let mut out = vec![Route::Overview, Route::Duties, Route::Performance(None)];
    for (i, a) in b.performance.activities.iter().enumerate() {
        out.push(Route::Performance(Some(i)));
        out.extend((0..a.sub_activities.len()).map(|j| Route::SubActivity(i, j)));
    }
    out.extend((0..b.performance_targets.projects.len()).map(Route::Target));
    out.extend([
        Route::Indicators,
        Route::Assets,
        Route::Other,
        Route::Checks(None),
        Route::Search,
        // 预算表 is a page even without tables (it says so): links to it keep working whichever
        // bundle a site shows.
        Route::Budget(None),
    ]);
    if !b.tables.is_empty() {
        let (functional, economic) = crate::chart::budget_chart_tables(b);
        for t in [functional, economic].into_iter().flatten() {
            let mut todo: Vec<Option<String>> = vec![None];
            while let Some(code) = todo.pop() {
                // Only the codes are used: the chart's texts (in either language) are not.
                let Some((_, codes)) = crate::chart::code_chart(Lang::Zh, b, &b.tables[t], code.as_deref()) else {
                    continue;
                };
                for (c, opens) in codes {
                    if let (true, Some(n)) = (opens, budget_code(&c)) {
                        out.push(Route::Budget(Some(n)));
                        todo.push(Some(c));
                    }
                }
            }
        }
    }
    // 预算执行 for a national-template document: its lines and each 类 and 款 that has lines under it.
    if has_execution(b) {
        out.push(Route::Execution(None));
        let e = crate::execution::execution(Some(b), Some(b));
        for r in e.rows.iter().flat_map(|r| r.walk()) {
            if let (false, Some(n)) = (r.children.is_empty(), r.code.as_deref().and_then(budget_code)) {
                out.push(Route::Execution(Some(n)));
            }
        }
    }
    if catalog {
        out.push(Route::Catalog);
    }
    if compare {
        out.push(Route::Compare);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_reads_back_from_its_path() {
        let routes = [
            Route::Overview,
            Route::Duties,
            Route::Performance(None),
            Route::Performance(Some(7)),
            Route::SubActivity(7, 2),
            Route::Target(4),
            Route::Indicators,
            Route::Assets,
            Route::Other,
            Route::Checks(None),
            Route::Checks(Some(CheckId::from_address("3"))),
            Route::Checks(Some(CheckId::of(&["balance"]))),
            Route::Checks(Some(CheckId::of(&["table", "general-public", "201-sum", "合计"]))),
            Route::Catalog,
            Route::Compare,
            Route::Search,
            Route::Budget(None),
            Route::Budget(Some(201)),
            Route::Budget(Some(20101)),
        ];
        for r in routes {
            let (p, frag) = (r.path(), r.anchor());
            let (path, frag) = (p.as_str(), frag.as_str());
            assert_eq!(Route::from_path(path, frag), Some(r.clone()), "{p}");
            assert_eq!(Route::from_hash(&r.to_hash()).page(), r.page(), "{p}");
            if matches!(r, Route::Checks(_)) {
                assert_eq!(Route::from_hash(&r.to_hash()), r, "{p}");
            }
            for lang in [Lang::Zh, Lang::En] {
                for bundle in [None, Some("2017~fgj".to_string())] {
                    let a = Address {
                        lang,
                        bundle,
                        route: r.clone(),
                    };
                    let back = Address::parse(&format!("{}{path}", a.prefix()), frag);
                    assert_eq!(back, Some(a.clone()), "{}", a.page_path());
                }
            }
        }
    }

    #[test]
    fn a_view_and_its_drill_downs_are_in_the_same_module() {
        // The first-view module holds a bundle's first pages and their drill-downs ...
        for r in [
            Route::Overview,
            Route::Duties,
            Route::Performance(None),
            Route::Performance(Some(3)),
            Route::SubActivity(3, 1),
            Route::Indicators,
            Route::Assets,
            Route::Other,
            Route::Checks(None),
            Route::Checks(Some(CheckId::from_address("balance"))),
            Route::Catalog,
        ] {
            assert!(r.in_first_view(), "{r:?}");
        }
        // ... and none of the views only the full app has, at any drill level: opening a 类
        // inside the budget tables never needs another module.
        for r in [
            Route::Target(0),
            Route::Compare,
            Route::Search,
            Route::Budget(None),
            Route::Budget(Some(201)),
            Route::Budget(Some(20101)),
            Route::Execution(None),
            Route::Execution(Some(212)),
        ] {
            assert!(!r.in_first_view(), "{r:?}");
        }
    }

    #[test]
    fn unknown_paths_are_not_addresses() {
        for p in [
            "nothing/",
            "performance/0/",
            "performance/x/",
            "budget/2010/",
            "duties/2/",
            "b//duties/",
        ] {
            assert_eq!(Address::parse(p, ""), None, "{p}");
        }
        assert_eq!(Address::parse("index.html", "").map(|a| a.route), Some(Route::Overview));
        assert_eq!(Address::parse("en", "").map(|a| a.lang), Some(Lang::En));
    }

    #[test]
    fn old_hash_links_still_name_their_view() {
        assert_eq!(Route::from_hash("#/performance/8/3"), Route::SubActivity(7, 2));
        // Old numbers are kept as written; the checks view resolves them (`find_check`).
        assert_eq!(
            Route::from_hash("#/checks/2"),
            Route::Checks(Some(CheckId::from_address("2")))
        );
        assert_eq!(
            Route::from_hash("#/checks/table.general-public.201-sum.%E5%90%88%E8%AE%A1"),
            Route::Checks(Some(CheckId::of(&["table", "general-public", "201-sum", "合计"])))
        );
        assert_eq!(Route::from_hash("#/checks/"), Route::Checks(None));
        assert_eq!(Route::from_hash("#/budget/20101"), Route::Budget(Some(20101)));
        assert_eq!(Route::from_hash("#/"), Route::Overview);
        assert_eq!(Route::from_hash("#/whatever"), Route::Overview);
    }

    #[test]
    fn links_are_relative_to_the_site_root_and_keep_the_query() {
        let root = LinkBase::default();
        assert_eq!(root.href(Route::Overview), "./");
        assert_eq!(root.href(Route::SubActivity(0, 1)), "performance/1/2/#sub-1");
        let en = LinkBase {
            lang: "en/".into(),
            bundle: "b/x/".into(),
            query: "?embed=1".into(),
            hash: false,
        };
        assert_eq!(en.href(Route::Overview), "en/b/x/?embed=1");
        assert_eq!(
            en.href(Route::Checks(Some(CheckId::of(&["balance"])))),
            "en/b/x/checks/?embed=1#check-balance"
        );
        assert_eq!(
            en.href(Route::Checks(Some(CheckId::of(&["table", "summary", "收入-sum"])))),
            "en/b/x/checks/?embed=1#check-table.summary.%E6%94%B6%E5%85%A5-sum"
        );
        assert_eq!(
            en.href(Route::Catalog),
            "en/?embed=1",
            "the catalog is the language's home"
        );
        // The same route against the other base: nothing is remembered between calls.
        assert_eq!(
            root.href(Route::Checks(Some(CheckId::of(&["balance"])))),
            "checks/#check-balance"
        );
        let hash = LinkBase {
            lang: "en/".into(),
            bundle: "b/x/".into(),
            query: String::new(),
            hash: true,
        };
        assert_eq!(hash.href(Route::Duties), "en/b/x/#/duties");
        assert_eq!(hash.href(Route::Catalog), "en/");
    }

    #[test]
    fn the_same_view_on_another_page_keeps_the_view() {
        let root = LinkBase::default();
        assert_eq!(root.href_on(Route::Overview, "", ""), "./");
        assert_eq!(root.href_on(Route::Duties, "en/", ""), "en/duties/");
        assert_eq!(
            root.href_on(Route::Checks(Some(CheckId::of(&["balance"]))), "", "b/y/"),
            "b/y/checks/"
        );
        let hash = LinkBase {
            lang: "".into(),
            bundle: "b/x/".into(),
            query: "?embed=1".into(),
            hash: true,
        };
        assert_eq!(hash.href_on(Route::Overview, "en/", "b/x/"), "en/b/x/?embed=1");
        assert_eq!(hash.href_on(Route::Duties, "", "b/y/"), "b/y/?embed=1#/duties");
        assert_eq!(
            hash.href_on(Route::Checks(Some(CheckId::of(&["balance"]))), "en/", "b/x/"),
            "en/b/x/?embed=1#/checks/balance"
        );
    }

    #[test]
    fn base_href_climbs_to_the_root() {
        let a = |lang, bundle: Option<&str>, route| Address {
            lang,
            bundle: bundle.map(String::from),
            route,
        };
        assert_eq!(a(Lang::Zh, None, Route::Overview).base_href(), "./");
        assert_eq!(a(Lang::Zh, None, Route::Duties).base_href(), "../");
        assert_eq!(a(Lang::En, None, Route::SubActivity(1, 1)).base_href(), "../../../../");
        assert_eq!(
            a(Lang::Zh, Some("x"), Route::Checks(Some(CheckId::of(&["balance"])))).base_href(),
            "../../../"
        );
    }

    #[test]
    fn province_site_routes_round_trip() {
        for (path, lang, route) in [
            ("", Lang::Zh, SiteRoute::Home),
            ("en/", Lang::En, SiteRoute::Home),
            ("a/0123abcdef01/", Lang::Zh, SiteRoute::Area("0123abcdef01".into())),
            ("en/search/", Lang::En, SiteRoute::Search),
        ] {
            assert_eq!(SiteRoute::parse(path), Some((lang, route.clone())), "{path}");
            let back = route.path(lang);
            assert_eq!(if back == "./" { "" } else { back.as_str() }, path);
        }
        assert_eq!(SiteRoute::parse("b/x/"), None);
        assert_eq!(SiteRoute::parse("a/../"), None);
    }
}
