//! What a page says about itself: its title and its description (the browser tab, search
//! results, a shared link's preview). The build writes them into each page's `<head>`; the app
//! keeps the title in step as views change.

use crate::route::Route;
use gongkai_model::i18n::Lang;
use gongkai_model::{tr, Bundle};

/// "平乡县发展改革局 2017年部门预算".
pub fn bundle_title(lang: Lang, b: &Bundle) -> String {
    tr!(
        lang,
        "app.bundle_title",
        b.meta.department,
        lang.fmt_year(b.meta.fiscal_year),
        b.meta.kind.label(lang)
    )
}

/// The name of the view `route` shows: "绩效预算", an activity's name, "201 一般公共服务支出".
pub fn view_name(lang: Lang, b: &Bundle, route: Route) -> String {
    let acts = &b.performance.activities;
    match route {
        Route::Performance(Some(i)) => acts.get(i).map(|a| a.name.clone()),
        Route::SubActivity(i, j) => acts
            .get(i)
            .and_then(|a| a.sub_activities.get(j).map(|s| format!("{} › {}", a.name, s.name))),
        Route::Target(i) => b.performance_targets.projects.get(i).map(|p| p.name.clone()),
        Route::Budget(Some(code)) => {
            let code = code.to_string();
            let name = b
                .tables
                .iter()
                .flat_map(|t| &t.lines)
                .find(|l| l.code.as_deref() == Some(code.as_str()))
                .map(|l| l.name.clone());
            Some(
                format!("{} {} {}", tr!(lang, "nav.budget"), code, name.unwrap_or_default())
                    .trim_end()
                    .to_string(),
            )
        }
        _ => None,
    }
    .unwrap_or_else(|| {
        let key = match route {
            Route::Overview => "nav.overview",
            Route::Duties => "nav.duties",
            Route::Performance(_) | Route::SubActivity(..) | Route::Target(_) => "nav.performance",
            Route::Indicators => "nav.indicators",
            Route::Assets => "nav.assets",
            Route::Other => "nav.other",
            Route::Checks(_) => "nav.checks",
            Route::Catalog => "catalog.title",
            Route::Compare => "year.compare",
            Route::Search => "nav.search",
            Route::Budget(_) => "nav.budget",
            Route::Execution(_) => "nav.execution",
        };
        lang.t(key).to_string()
    })
}

/// The page's `<title>`: "绩效预算 · 平乡县发展改革局 2017年部门预算 · 公开".
pub fn title(lang: Lang, b: &Bundle, route: Route) -> String {
    tr!(lang, "page.title", view_name(lang, b, route), bundle_title(lang, b))
}

/// The page's meta description: the overview's headline figures, an activity's own
/// description, or what the view is.
pub fn description(lang: Lang, b: &Bundle, route: Route) -> String {
    let acts = &b.performance.activities;
    let own = match route {
        Route::Performance(Some(i)) => acts.get(i).map(|a| (a.name.clone(), a.description.clone())),
        Route::SubActivity(i, j) => acts
            .get(i)
            .and_then(|a| a.sub_activities.get(j))
            .map(|s| (s.name.clone(), s.description.clone())),
        _ => None,
    };
    match (route.clone(), own) {
        (Route::Overview, _) => {
            let f = gongkai_model::overview::key_figures(lang, b);
            tr!(
                lang,
                "page.desc_overview",
                bundle_title(lang, b),
                f.revenue,
                f.expenditure,
                lang.unit_label(&b.meta.unit)
            )
        }
        (_, Some((name, text))) if !text.trim().is_empty() => {
            let text: String = text.chars().take(150).collect();
            format!("{} · {name}：{text}", bundle_title(lang, b))
        }
        _ => tr!(lang, "page.desc_view", bundle_title(lang, b), view_name(lang, b, route)),
    }
}
