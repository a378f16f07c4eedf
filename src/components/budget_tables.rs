//! 预算表: the standard tables of the national template. Expenditure by 功能分类 as bars that drill
//! 类 → 款 → 项 (`#/budget/201`, `#/budget/20101`), basic expenditure by 经济分类 drilling 类 → 款
//! (`#/budget/301`); Enter or click opens, Escape or the breadcrumb goes up. Then every table as
//! published (HTML table, CSV export, blank cells 未列, failing checks marked).

use super::bar_chart::BarChartView;
use super::download::DownloadButton;
use super::fail_mark::FailMark;
use super::{export_name, use_loaded};
use crate::hooks::use_failing::use_failing;
use crate::route::Route;
use gongkai_model::chart::{budget_chart_tables, code_chart};
use gongkai_model::i18n::Lang;
use gongkai_model::tables::BudgetTable;
use gongkai_model::tr;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BudgetTablesViewProps {
    /// The 类 or 款 whose lines a chart shows: a 功能分类 code (2…) for the first chart, a 经济分类
    /// code (3…, 5…) for the second (`None`: both show their 类).
    pub code: Option<u32>,
}

#[component]
pub fn BudgetTablesView(props: &BudgetTablesViewProps) -> Html {
    let nav = crate::route::use_navigator();
    let base = crate::route::use_link_base();
    let lang = crate::hooks::use_lang::use_lang();
    let ctx = use_loaded();
    let failing = use_failing();
    let b = &ctx.0.bundle;
    let code = props.code.map(|c| c.to_string());
    // The same tables the overview's 功能分类 and 经济分类 charts open into.
    let (functional, economic) = budget_chart_tables(b);
    // One code drills one chart: 功能分类 codes start with 2 (201…), 经济分类 codes with 3 or 5.
    let economic_code = code
        .as_deref()
        .is_some_and(|c| c.starts_with('3') || c.starts_with('5'));
    let f_code = code.clone().filter(|_| !economic_code);
    let e_code = code.clone().filter(|_| economic_code);
    let f_chart = use_memo((ctx.clone(), functional, f_code.clone()), |(c, t, code)| {
        t.and_then(|i| code_chart(lang, &c.0.bundle, &c.0.bundle.tables[i], code.as_deref()))
            .map(|(chart, codes)| (Rc::new(chart), Rc::new(codes)))
    });
    let e_chart = use_memo((ctx.clone(), economic, e_code.clone()), |(c, t, code)| {
        t.and_then(|i| code_chart(lang, &c.0.bundle, &c.0.bundle.tables[i], code.as_deref()))
            .map(|(chart, codes)| (Rc::new(chart), Rc::new(codes)))
    });
    if b.tables.is_empty() {
        return html! { <><h2>{ tr!(lang, "nav.budget") }</h2><p class="blank">{ tr!(lang, "budget.none") }</p></> };
    }
    let functional_section = functional.map(|ti| {
        let d = Drill {
            id: "functional",
            heading: tr!(lang, "budget.functional").to_string(),
            chart_title: tr!(lang, "budget.functional_chart", b.tables[ti].title),
        };
        d.view(
            nav.clone(),
            &base,
            lang,
            &b.tables[ti],
            f_code.as_deref(),
            (*f_chart).clone(),
        )
    });
    let economic_section = economic.map(|ti| {
        let d = Drill {
            id: "economic",
            heading: tr!(lang, "budget.economic").to_string(),
            chart_title: tr!(lang, "budget.economic_chart", b.tables[ti].title),
        };
        d.view(
            nav.clone(),
            &base,
            lang,
            &b.tables[ti],
            e_code.as_deref(),
            (*e_chart).clone(),
        )
    });
    html! {
        <>
            <h2>{ tr!(lang, "nav.budget") }</h2>
            <p>{ tr!(lang, "budget.intro") }</p>
            { functional_section.unwrap_or_default() }
            { economic_section.unwrap_or_default() }
            <h3>{ tr!(lang, "budget.tables") }</h3>
            { for b.tables.iter().enumerate().map(|(ti, t)| {
                let heading = format!("table-{ti}");
                // The 收支预算总表 is printed in parts side by side: each part opens with a heading
                // row. Tables without codes (the 总表) have no code column.
                let coded = t.lines.iter().any(|l| l.code.is_some());
                let span = (t.columns.len() + 1 + usize::from(coded)).to_string();
                let make = { let c = ctx.clone(); Callback::from(move |_| gongkai_model::csv::budget_table_csv(lang, &c.0.bundle.tables[ti])) };
                html! {
                    <section class="budget-table" aria-labelledby={heading.clone()}>
                        <h4 id={heading} lang={super::DATA_LANG}>{ &t.title }</h4>
                        { if t.lines.is_empty() { html! { <p class="blank">{ tr!(lang, "budget.no_lines") }</p> } } else { html! {
                            <div class="table-scroll" tabindex="0" role="region" aria-label={t.title.clone()}>
                            <table class="budget">
                                <caption>{ tr!(lang, "budget.caption", t.title, lang.unit_label(&t.unit)) }</caption>
                                <thead><tr>
                                    if coded { <th scope="col">{ tr!(lang, "tables.code") }</th> }
                                    <th scope="col">{ tr!(lang, "tables.name") }</th>
                                    { for t.columns.iter().map(|c| html! { <th scope="col" class="num" lang={super::DATA_LANG}>{ c }</th> }) }
                                </tr></thead>
                                <tbody>
                                    { for t.lines.iter().enumerate().map(|(li, l)| {
                                        let depth = match l.code.as_deref().map(str::len) { Some(5) => 1, Some(7) => 2, _ => 0 };
                                        let checks: Vec<Vec<usize>> = (0..l.amounts.len()).map(|c| failing.of_figure(&format!("tables[{ti}].lines[{li}].amounts[{c}]")).to_vec()).collect();
                                        let failing_row = checks.iter().any(|c| !c.is_empty());
                                        let part_starts = l.part.is_some() && (li == 0 || t.lines[li - 1].part != l.part);
                                        html! {
                                            <>
                                            if part_starts {
                                                <tr class="part"><th scope="colgroup" colspan={span.clone()} lang={super::DATA_LANG}>{ l.part.clone().unwrap_or_default() }</th></tr>
                                            }
                                            <tr class={classes!(format!("depth-{depth}"), l.is_total().then_some("total"), failing_row.then_some("failing"))}>
                                                if coded { <td class="code">{ l.code.clone().unwrap_or_default() }</td> }
                                                // A one-row table (支出预算总表, “三公” table) prints no name for its row.
                                                <th scope="row" lang={super::DATA_LANG}>{ if l.name.is_empty() { tr!(lang, "budget.row").to_string() } else { l.name.clone() } }</th>
                                                { for l.amounts.iter().zip(checks).map(|(a, c)| html! {
                                                    <td class={classes!("num", a.0.is_none().then_some("blank"))}>{ lang.fmt_opt(a.0) }<FailMark checks={c} /></td>
                                                }) }
                                            </tr>
                                            </>
                                        }
                                    }) }
                                </tbody>
                            </table>
                            </div>
                        } } }
                        { for t.notes.iter().map(|n| html! { <p class="hint" lang={super::DATA_LANG}>{ n }</p> }) }
                        <DownloadButton label={tr!(lang, "budget.export")} file={export_name(b, &t.title)} {make} />
                    </section>
                }
            }) }
        </>
    }
}

/// One classification's section: heading, breadcrumb (全部 › 201 一般公共服务支出 › 20101 …) and the
/// bar chart of the lines under `code`, whose rows open the next level (Enter, click) and whose
/// Escape goes back up.
struct Drill {
    id: &'static str,
    heading: String,
    chart_title: String,
}

type CodeChart = Option<(Rc<gongkai_model::chart::BarChart>, Rc<Vec<(String, bool)>>)>;

impl Drill {
    fn view(
        self,
        nav: crate::route::Navigator,
        base: &crate::route::LinkBase,
        lang: Lang,
        t: &BudgetTable,
        code: Option<&str>,
        chart: CodeChart,
    ) -> Html {
        let mut crumbs = vec![html! { <a href={base.href(Route::Budget(None))}>{ tr!(lang, "budget.all") }</a> }];
        if let Some(c) = code {
            let prefixes: Vec<&str> = [3, 5].iter().filter(|n| **n <= c.len()).map(|n| &c[..*n]).collect();
            for (k, p) in prefixes.iter().enumerate() {
                let name = t
                    .lines
                    .iter()
                    .find(|l| l.code.as_deref() == Some(*p))
                    .map(|l| l.name.clone())
                    .unwrap_or_default();
                let label = format!("{p} {name}");
                crumbs.push(html! { <span aria-hidden="true">{ " › " }</span> });
                crumbs.push(if k + 1 == prefixes.len() {
                    html! { <span aria-current="page">{ label }</span> }
                } else {
                    html! { <a href={base.href(Route::Budget(p.parse().ok()))}>{ label }</a> }
                });
            }
        }
        let body = match chart {
            Some((chart, codes)) => {
                let on_activate = {
                    let nav = nav.clone();
                    Callback::from(move |i: usize| {
                        if let Some((code, true)) = codes.get(i) {
                            nav.go(Route::Budget(code.parse().ok()));
                        }
                    })
                };
                let here = code.and_then(|c| c.parse::<u32>().ok());
                let on_escape = here.map(|c| {
                    Callback::from(move |_| {
                        if let Some(up) = Route::Budget(Some(c)).up() {
                            nav.go(up);
                        }
                    })
                });
                html! { <BarChartView id={self.id} title={self.chart_title} {chart} {on_activate} {on_escape} /> }
            }
            None => html! { <p class="blank">{ tr!(lang, "budget.no_such", code.unwrap_or_default()) }</p> },
        };
        let heading_id = format!("h-{}", self.id);
        html! {
            <section aria-labelledby={heading_id.clone()}>
                <h3 id={heading_id}>{ self.heading }</h3>
                <nav class="breadcrumb" aria-label={tr!(lang, "budget.breadcrumb")}>{ for crumbs }</nav>
                { body }
            </section>
        }
    }
}
