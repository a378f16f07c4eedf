//! `gongkai generate`: a made-up province for benchmarks and tests, derived from real bundles.
//!
//! Bundle `i` of `n` takes real bundle `i % sources`, and becomes department `(i / 3) % 40` of
//! the list below in county `i / 120` (eight counties a city) of 样例省, fiscal year
//! `2017 + i % 3`. Every money amount (keys `amount`, `total`, `basic`, `project`, `change`,
//! `total_change`, `value_start`, `value_end`, and the standard tables' `amounts`) is multiplied
//! by `1 + i % 4`: a whole number, so every sum, and so every check, still holds exactly.
//! Names of the source's department, county, city and province and its years are replaced in
//! every text. Each bundle says what it is: its title starts with 【生成数据】 and a note says it
//! is not a real disclosure. The output is a folder with `index.json`, for `gongkai site`; it is
//! never written into the repository's data/.

use gongkai_model::i18n::Lang;
use gongkai_model::{parse_bundle, reconcile, CatalogEntry, CheckStatus};
use serde_json::Value;
use std::path::Path;

/// Departments of a county, as most counties name them.
const DEPARTMENTS: [&str; 40] = [
    "发展和改革局",
    "财政局",
    "教育局",
    "科学技术局",
    "工业和信息化局",
    "公安局",
    "民政局",
    "司法局",
    "人力资源和社会保障局",
    "自然资源和规划局",
    "生态环境分局",
    "住房和城乡建设局",
    "交通运输局",
    "水利局",
    "农业农村局",
    "商务局",
    "文化广电和旅游局",
    "卫生健康局",
    "退役军人事务局",
    "应急管理局",
    "审计局",
    "市场监督管理局",
    "统计局",
    "医疗保障局",
    "林业局",
    "城市管理综合行政执法局",
    "行政审批局",
    "信访局",
    "机关事务服务中心",
    "档案馆",
    "妇女联合会",
    "共青团委员会",
    "总工会",
    "科学技术协会",
    "残疾人联合会",
    "供销合作社",
    "粮食和物资储备局",
    "气象局",
    "地方志办公室",
    "融媒体中心",
];

const MONEY_KEYS: [&str; 9] = [
    "amount",
    "total",
    "basic",
    "project",
    "change",
    "total_change",
    "value_start",
    "value_end",
    "amounts",
];

/// Province, city and county of generated bundle `i`.
fn place(i: usize) -> (String, String, String) {
    let county = i / 120;
    let city = county / 8;
    (
        "样例省".into(),
        format!("样例{:02}市", city + 1),
        format!("样例{:02}{:02}县", city + 1, county % 8 + 1),
    )
}

fn scale(v: &mut Value, factor: rust_decimal::Decimal) {
    match v {
        Value::String(s) => {
            // A whole factor keeps the decimals as published ("12.50" × 2 → "25.00").
            if let Ok(d) = s.parse::<rust_decimal::Decimal>() {
                *s = (d * factor).to_string();
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|x| scale(x, factor)),
        Value::Object(map) => {
            // A standard table's amount cell may be an object or a plain string.
            for (_, x) in map.iter_mut() {
                scale(x, factor);
            }
        }
        _ => {}
    }
}

fn walk(v: &mut Value, factor: rust_decimal::Decimal, replace: &[(String, String)]) {
    match v {
        Value::Object(map) => {
            for (k, x) in map.iter_mut() {
                if MONEY_KEYS.contains(&k.as_str()) {
                    scale(x, factor);
                } else {
                    walk(x, factor, replace);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|x| walk(x, factor, replace)),
        Value::String(s) => {
            for (from, to) in replace {
                if s.contains(from.as_str()) {
                    *s = s.replace(from.as_str(), to);
                }
            }
        }
        _ => {}
    }
}

/// Writes `count` generated bundles and their `index.json` into `out`.
pub fn generate(sources: &[String], count: usize, out: &Path) -> Result<usize, String> {
    if sources.is_empty() {
        return Err("give at least one real bundle to derive from (--from data/x.json)".into());
    }
    let mut originals = Vec::new();
    for s in sources {
        let text = std::fs::read_to_string(s).map_err(|e| format!("{s}: {e}"))?;
        let b = parse_bundle(&text, s).map_err(|e| e.message(Lang::En))?;
        let value: Value = serde_json::from_str(&text).map_err(|e| format!("{s}: {e}"))?;
        originals.push((b, value));
    }
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut entries = Vec::with_capacity(count);
    let progress = crate::progress::Stage::new("generate", count);
    for i in 0..count {
        let (source, value) = &originals[i % originals.len()];
        let (province, city, county) = place(i);
        let department = format!("{county}{}", DEPARTMENTS[(i / 3) % DEPARTMENTS.len()]);
        let year = 2017 + (i % 3) as i32;
        let m = &source.meta;
        let mut replace: Vec<(String, String)> = vec![(m.department.clone(), department.clone())];
        let pairs = [
            (&m.region.county, &county),
            (&m.region.city, &city),
            (&m.region.province, &province),
        ];
        for (from, to) in pairs {
            if let Some(from) = from.as_ref().filter(|f| !f.is_empty()) {
                replace.push((from.clone(), to.clone()));
            }
        }
        // Years: the source's and the one before, in that order (2017 → 2019 before 2016 → 2018).
        let shift = year - m.fiscal_year;
        replace.push((format!("{}年", m.fiscal_year), format!("{year}年")));
        replace.push((format!("{}年", m.fiscal_year - 1), format!("{}年", year - 1)));
        let mut v = value.clone();
        let factor = rust_decimal::Decimal::from(1 + (i % 4) as i64);
        walk(&mut v, factor, &replace);
        let meta = v["meta"].as_object_mut().ok_or("bundle without meta")?;
        meta.insert("department".into(), department.clone().into());
        meta.insert("fiscal_year".into(), year.into());
        meta.insert(
            "region".into(),
            serde_json::json!({ "province": province, "city": city, "county": county }),
        );
        let title = meta.get("title").and_then(Value::as_str).unwrap_or("").to_string();
        meta.insert("title".into(), format!("【生成数据】{title}").into());
        if let Some(base) = v.pointer_mut("/change/base_year").filter(|b| b.is_i64()) {
            *base = (base.as_i64().unwrap_or_default() + i64::from(shift)).into();
        }
        if let Some(notes) = v.get_mut("notes").and_then(Value::as_array_mut) {
            notes.push(
                format!(
                    "本预算公开为 gongkai generate 生成的样例数据（由{}{}年的真实公开改名、改年份、金额乘以 {factor} 得来），仅用于测试和性能基准，不是真实的预算公开。",
                    m.department, m.fiscal_year
                )
                .into(),
            );
        }
        let text = serde_json::to_string(&v).expect("json");
        let path = format!(
            "c{:02}/x{:03}/d{:02}-{year}.json",
            (i / 120) / 8 + 1,
            i / 120 + 1,
            (i / 3) % 40 + 1
        );
        let b = parse_bundle(&text, &path).map_err(|e| format!("generated {path}: {}", e.message(Lang::En)))?;
        let failing = reconcile(&b)
            .into_iter()
            .filter(|c| c.status == CheckStatus::Fail)
            .count();
        let source_failing = reconcile(source)
            .into_iter()
            .filter(|c| c.status == CheckStatus::Fail)
            .count();
        if failing > source_failing {
            return Err(format!(
                "generated {path}: {failing} check(s) fail (the source has {source_failing})"
            ));
        }
        let file = out.join(&path);
        std::fs::create_dir_all(file.parent().expect("has a folder"))
            .map_err(|e| format!("{}: {e}", file.display()))?;
        std::fs::write(&file, text).map_err(|e| format!("{}: {e}", file.display()))?;
        progress.step(&path);
        entries.push(CatalogEntry {
            department,
            fiscal_year: year,
            kind: b.meta.kind,
            region: format!("{province} {city} {county}"),
            path,
        });
    }
    let catalog = gongkai_model::Catalog {
        format: "gongkai-catalog".into(),
        version: 1,
        bundles: entries,
    };
    let json = serde_json::to_string_pretty(&catalog).expect("catalog serialises");
    std::fs::write(out.join("index.json"), json + "\n").map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(count)
}
