//! 数据核对: every reconciliation check with ✓/✗ and its figures, and the import report.

use super::download::DownloadButton;
use super::{export_name, use_loaded};
use gongkai_model::CheckStatus;
use yew::prelude::*;

#[component]
pub fn ChecksView() -> Html {
    let ctx = use_loaded();
    let checks = &ctx.0.checks;
    let passed = checks.iter().filter(|c| c.status == CheckStatus::Pass).count();
    let failed = checks.iter().filter(|c| c.status == CheckStatus::Fail).count();
    html! {
        <>
            <h2>{ "数据核对" }</h2>
            <p class="lead">{ format!("共 {} 项核对：{passed} 项相符，{failed} 项不符，{} 项因原文未列无法核对。", checks.len(), checks.len() - passed - failed) }</p>
            <DownloadButton label="导出 CSV（核对结果）" file={export_name(&ctx.0.bundle, "数据核对")} make={{ let c = ctx.clone(); Callback::from(move |_| gongkai_model::csv::checks_csv(&c.0.checks)) }} />
            <div class="table-scroll" tabindex="0" role="region" aria-label="核对结果">
                <table class="checks">
                    <caption>{ "公开数字是否能相互对上" }</caption>
                    <thead><tr><th scope="col">{ "结果" }</th><th scope="col">{ "类别" }</th><th scope="col">{ "核对内容" }</th><th scope="col">{ "数字" }</th></tr></thead>
                    <tbody>
                        { for checks.iter().map(|c| {
                            let (mark, cls, word) = match c.status {
                                CheckStatus::Pass => ("✓", "pass", "相符"),
                                CheckStatus::Fail => ("✗", "fail", "不符"),
                                CheckStatus::NotApplicable => ("–", "na", "无法核对"),
                            };
                            html! {
                                <tr class={cls}>
                                    <td><span aria-hidden="true">{ mark }</span>{ " " }{ word }</td>
                                    <td>{ c.area }</td>
                                    <th scope="row">{ &c.label }</th>
                                    <td>{ &c.detail }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            { match &ctx.0.bundle.import_report {
                None => html!{},
                Some(r) => html! {
                    <section aria-labelledby="h-import">
                        <h3 id="h-import">{ "导入报告" }</h3>
                        <p>{ format!("输入格式：{}；读取 {} 行。", r.input, r.lines) }</p>
                        <p>{ format!("识别的部分：{}", r.sections_found.join("、")) }</p>
                        <p>{ if r.sections_missing.is_empty() { "未缺少任何部分。".to_string() } else { format!("原文缺少：{}", r.sections_missing.join("、")) } }</p>
                        { if r.skipped.is_empty() { html! { <p>{ "没有跳过的内容。" }</p> } } else { html! {
                            <ul>{ for r.skipped.iter().map(|s| html! { <li>{ format!("第 {} 行：{}（{}）", s.line, s.text, s.reason) }</li> }) }</ul>
                        } } }
                    </section>
                },
            } }
        </>
    }
}
