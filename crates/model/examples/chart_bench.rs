//! Chart benchmark: time to build each chart spec, lay it out and render it to SVG (what the
//! browser does before inserting the SVG), for the seed bundle and for a generated bundle of
//! 2,000 activities (4,000 sub-activities, 10,000 indicators; generated, never shipped).
//! Run: `cargo run --release -p gongkai-model --example chart_bench` (bench/run does).

use gongkai_model::chart::*;
use gongkai_model::render::{bars_svg_selected, treemap_svg};
use gongkai_model::treemap::{activities_treemap, sub_activities_treemap, LabelMode};
use gongkai_model::*;
use rust_decimal::Decimal;
use std::time::Instant;

/// A bundle like the seed but with `n` activities of `subs` sub-activities and five indicators
/// each; amounts vary so the treemap has every size of cell.
pub fn generated(seed: &Bundle, n: usize, subs: usize) -> Bundle {
    let mut b = seed.clone();
    b.meta.department = format!("（生成的测试数据）{n} 项活动");
    let template = &seed.performance.activities[4];
    b.performance.activities = (0..n)
        .map(|i| {
            let cents = 100 + (i as i64 * 7919) % 500_000;
            let half = Decimal::new(cents / 2, 2);
            let mut a = template.clone();
            a.name = format!("生成活动{i:04}");
            a.amount = Some(half + half);
            a.sub_activities = (0..subs)
                .map(|j| {
                    let mut s = template.sub_activities[0].clone();
                    s.name = format!("生成子活动{i:04}-{j}");
                    s.amount = Some(if subs == 2 { half } else { half + half });
                    s.indicators = (0..5)
                        .map(|_| template.sub_activities[0].indicators[0].clone())
                        .collect();
                    s
                })
                .collect();
            a
        })
        .collect();
    let project: Decimal = b.performance.activities.iter().filter_map(|a| a.amount).sum();
    for c in b
        .expenditure
        .categories
        .iter_mut()
        .filter(|c| c.class == SpendingClass::Project)
    {
        c.amount = Some(project);
    }
    b.expenditure.total = b.expenditure.categories.iter().map(|c| c.amount).sum();
    b
}

fn median_ms(runs: usize, mut f: impl FnMut() -> usize) -> (f64, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut size = 0;
    for _ in 0..runs {
        let t = Instant::now();
        size = std::hint::black_box(f());
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    (times[runs / 2], size)
}

fn main() {
    let seed = parse_bundle(include_str!("../../../data/pingxiang-fgj-2017.json"), "seed").unwrap();
    // `--write DIR`: write the generated bundle for the browser benchmark (bench/browser.mjs).
    let args: Vec<String> = std::env::args().collect();
    if let Some(dir) = args.iter().position(|a| a == "--write").and_then(|i| args.get(i + 1)) {
        let b = generated(&seed, 2000, 1);
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(format!("{dir}/generated-2000.json"), to_json(&b)).unwrap();
        println!(
            "wrote {dir}/generated-2000.json: {} activities, {} indicators (generated test data)",
            b.performance.activities.len(),
            b.indicators().count()
        );
        return;
    }
    let big = generated(&seed, 2000, 2);
    let big_json = to_json(&big);
    println!(
        "{:<44} {:>9} {:>9} {:>10}",
        "chart (spec + layout + SVG), median of 15", "ms @360", "ms @900", "SVG bytes"
    );
    for (name, b) in [("seed", &seed), ("2,000 activities", &big)] {
        let row = |label: &str, f: &dyn Fn(u32) -> usize| {
            let (a, _) = median_ms(15, || f(360));
            let (c, size) = median_ms(15, || f(900));
            println!("{:<44} {:>9.2} {:>9.2} {:>10}", format!("{name}: {label}"), a, c, size);
        };
        row("expenditure by category (bars)", &|w| {
            bars_svg_selected(
                &layout_bars(
                    gongkai_model::i18n::Lang::Zh,
                    &expenditure_chart(gongkai_model::i18n::Lang::Zh, b),
                    w,
                ),
                Some(0),
            )
            .len()
        });
        row("activities (treemap)", &|w| {
            treemap_svg(
                &activities_treemap(gongkai_model::i18n::Lang::Zh, b, w, LabelMode::Amount),
                Some(0),
            )
            .len()
        });
        row("activities (bar alternative)", &|w| {
            bars_svg_selected(
                &layout_bars(
                    gongkai_model::i18n::Lang::Zh,
                    &activities_chart(gongkai_model::i18n::Lang::Zh, b),
                    w,
                ),
                Some(0),
            )
            .len()
        });
        row("sub-activities of the largest (treemap)", &|w| {
            let i = (0..b.performance.activities.len())
                .max_by_key(|i| b.performance.activities[*i].amount)
                .unwrap();
            sub_activities_treemap(gongkai_model::i18n::Lang::Zh, b, i, w, LabelMode::Amount)
                .map(|t| treemap_svg(&t, None).len())
                .unwrap_or(0)
        });
        row("三公 last vs this year (bars)", &|w| {
            bars_svg_selected(
                &layout_bars(
                    gongkai_model::i18n::Lang::Zh,
                    &three_public_chart(gongkai_model::i18n::Lang::Zh, b),
                    w,
                ),
                None,
            )
            .len()
        });
        row("assets start vs end (bars)", &|w| {
            bars_svg_selected(
                &layout_bars(
                    gongkai_model::i18n::Lang::Zh,
                    &assets_chart(gongkai_model::i18n::Lang::Zh, b),
                    w,
                ),
                None,
            )
            .len()
        });
        row("change on last year (bars)", &|w| {
            bars_svg_selected(
                &layout_bars(
                    gongkai_model::i18n::Lang::Zh,
                    &change_chart(gongkai_model::i18n::Lang::Zh, b),
                    w,
                ),
                None,
            )
            .len()
        });
    }
    let (parse, _) = median_ms(9, || {
        parse_bundle(&big_json, "big")
            .map(|b| b.performance.activities.len())
            .unwrap_or(0)
    });
    let (check, n) = median_ms(9, || reconcile(&big).len());
    println!(
        "\n2,000-activity bundle: {} bytes; parse + validate {parse:.1} ms; reconcile ({n} checks) {check:.1} ms",
        big_json.len()
    );
    search_bench(&seed, &generated(&seed, 2000, 1));
}

/// Search as you type: building the index once, then one keystroke = one search (limit 201, as
/// the viewer). Pinyin readings from the pinyin crate when built with `--features pinyin`.
fn search_bench(seed: &Bundle, big: &Bundle) {
    use gongkai_model::search::*;
    println!("\n{:<44} {:>9} {:>9}", "search, median of 15", "ms", "hits");
    for (name, b) in [("seed", seed), ("10,000 indicators", big)] {
        let (build, n) = median_ms(15, || SearchIndex::new(b).len());
        let chars: usize = {
            let mut n = 0;
            for a in &b.performance.activities {
                n += a.description.chars().count() + a.goal.chars().count();
                for s in &a.sub_activities {
                    n += s.description.chars().count() + s.goal.chars().count();
                    n += s.indicators.iter().map(|i| i.name.chars().count()).sum::<usize>();
                }
            }
            n
        };
        println!(
            "{:<44} {:>9.2} {:>9}",
            format!("{name}: build index ({n} things, ~{chars} chars)"),
            build,
            ""
        );
        #[allow(unused_mut)]
        let mut index = SearchIndex::new(b);
        #[cfg(feature = "pinyin")]
        {
            let (read, n) = median_ms(5, || Readings::for_chars(&han_characters(b)).len());
            println!(
                "{:<44} {:>9.2} {:>9}",
                format!("{name}: pinyin readings ({n} characters)"),
                read,
                ""
            );
            index.set_readings(std::rc::Rc::new(Readings::for_chars(&han_characters(b))));
        }
        for q in ["农村", "nongcun", "nc", "不存在的词语", "xyzzy"] {
            let (t, hits) = median_ms(15, || index.search(q, 201).len());
            println!("{:<44} {:>9.2} {:>9}", format!("{name}: keystroke \"{q}\""), t, hits);
        }
    }
}
