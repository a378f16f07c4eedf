//! Every failing check names the figures it compares, so the viewer can mark them where they are
//! shown; passing and not-applicable checks mark nothing.

use gongkai_model::*;

const SEED: &str = include_str!("../../../data/pingxiang-fgj-2017.json");

fn seed() -> Bundle {
    parse_bundle(SEED, "seed").unwrap()
}

#[test]
fn the_seed_marks_nothing() {
    let f = FailingFigures::of(&reconcile(&seed()));
    assert!(f.is_empty(), "{f:?}");
    assert!(f.of_figure("expenditure.total").is_empty());
}

#[test]
fn a_wrong_category_marks_its_sums_and_nothing_else() {
    let mut b = seed();
    b.expenditure.categories[0].amount = Some("716.46".parse().unwrap());
    let checks = reconcile(&b);
    let f = FailingFigures::of(&checks);
    let labels: Vec<String> = f.checks.iter().map(|c| c.label.show(i18n::Lang::Zh)).collect();
    assert_eq!(
        labels,
        vec!["支出各经济分类之和 = 支出合计", "基本支出 + 项目支出 = 支出合计"],
        "{checks:#?}"
    );
    let (sum, split) = (f.checks[0].number, f.checks[1].number);
    assert_eq!(
        checks[sum - 1].status,
        CheckStatus::Fail,
        "numbers are 1-based positions"
    );
    assert_eq!(f.id(sum).map(CheckId::as_str), Some("expenditure.categories-sum"));
    assert_eq!(f.id(split).map(CheckId::as_str), Some("expenditure.basic-project"));
    assert!(f.label(split, i18n::Lang::En).unwrap().contains("expenditure"));
    assert_eq!(f.id(1), None, "check 1 passes");
    assert_eq!(f.of_figure("expenditure.categories[0].amount"), &[sum]);
    assert_eq!(f.of_figure("expenditure.categories[3].amount"), &[sum]);
    assert_eq!(f.of_figure("expenditure.total"), &[sum, split]);
    assert_eq!(f.of_figure("expenditure.basic"), &[split]);
    assert!(
        f.of_figure("revenue.total").is_empty(),
        "revenue = expenditure still holds"
    );
    assert!(f.of_figure("performance.activities[0].amount").is_empty());
    assert_eq!(f.under("expenditure.categories"), vec![sum]);
    assert!(f.under("expenditure.cat").is_empty(), "a prefix is a whole path step");
}

#[test]
fn a_blank_part_is_not_a_failure_and_marks_nothing() {
    let mut b = seed();
    b.expenditure.total = None;
    b.revenue.total = None;
    let checks = reconcile(&b);
    let f = FailingFigures::of(&checks);
    assert!(f.is_empty(), "{:?}", f.checks);
}

#[test]
fn activities_sub_activities_three_public_and_assets_mark_their_rows() {
    let mut b = seed();
    b.performance.activities[7].sub_activities[0].amount = Some("1.00".parse().unwrap());
    b.three_public.items[1].amount = Some("7.08".parse().unwrap());
    let row = &mut b.assets.rows[0];
    row.value_end = row.value_end.map(|v| v + rust_decimal::Decimal::ONE);
    let f = FailingFigures::of(&reconcile(&b));
    assert_eq!(f.checks.len(), 3, "{:?}", f.checks);
    assert!(!f
        .of_figure("performance.activities[7].sub_activities[0].amount")
        .is_empty());
    assert!(!f.of_figure("performance.activities[7].amount").is_empty());
    assert!(f.of_figure("performance.activities[6].amount").is_empty());
    assert!(!f.under("performance.activities[7]").is_empty());
    assert!(f.under("performance.activities[6]").is_empty());
    assert!(!f.of_figure("three_public.items[1].amount").is_empty());
    assert!(!f.of_figure("three_public.total").is_empty());
    assert!(!f.of_figure("assets.rows[0]").is_empty());
}

#[test]
fn repeated_names_mark_the_rows_that_repeat() {
    let mut b = seed();
    b.performance.activities[2].name = b.performance.activities[1].name.clone();
    let f = FailingFigures::of(&reconcile(&b));
    assert!(
        !f.of_figure("performance.activities[1].name").is_empty(),
        "{:?}",
        f.checks
    );
    assert!(!f.of_figure("performance.activities[2].name").is_empty());
    assert!(f.of_figure("performance.activities[0].name").is_empty());
    // Two activities of one name: their checks' ids are told apart by what they say.
    let checks = reconcile(&b);
    let name = &b.performance.activities[1].name;
    let twins: Vec<&str> = checks
        .iter()
        .map(|c| c.id.as_str())
        .filter(|id| id.starts_with(&format!("performance.{name}.subs-sum")))
        .collect();
    assert_eq!(twins.len(), 2, "{twins:?}");
    assert_ne!(twins[0], twins[1]);
    assert!(twins.iter().all(|id| id.contains('~')), "{twins:?}");
}
