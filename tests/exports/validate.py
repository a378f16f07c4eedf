"""Checks every export with implementations that are not the project's own (run by scripts/test).

- Bundles: every bundle in data/ and every bundle the importer makes of the test fixtures,
  against static/bundle.schema.json (the `jsonschema` package, draft 2020-12).
- Fiscal Data Package (`gongkai export --fdp`, and the browser's ZIP when its path is given):
  the descriptor against the Data Package and Fiscal Data Package profiles (tests/exports/profiles,
  draft-04), then the whole package, tables included, by the Frictionless Framework's `validate`.
- CSV (`gongkai export --csv`): read back with Python's csv module (UTF-8 with BOM); the rows and
  cells must be the bundle's, recomputed here from the bundle JSON.
- Self-test: a descriptor with a Chinese name and a null source path must be refused by both.

Usage: python tests/exports/validate.py [BROWSER_FDP.zip]    exit 0 valid, 1 not.
"""
import csv
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import frictionless
import jsonschema

ROOT = Path(__file__).resolve().parents[2]
PROFILES = Path(__file__).resolve().parent / "profiles"
failures = []
passed = 0


def check(ok, what):
    global passed
    if ok:
        passed += 1
    else:
        failures.append(what)
        print(f"FAIL {what}")


def gongkai(*args):
    return subprocess.run(["cargo", "run", "--quiet", "-p", "gongkai-cli", "--", *args], cwd=ROOT, capture_output=True, text=True)


def schema_errors(validator, doc):
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:160]}" for e in validator.iter_errors(doc)]


bundle_schema = jsonschema.Draft202012Validator(json.loads((ROOT / "static/bundle.schema.json").read_text()))
profiles = {
    name: jsonschema.Draft4Validator(json.loads((PROFILES / f"{name}.json").read_text()))
    for name in ("data-package", "fiscal-data-package")
}


def check_package(folder, label):
    """The descriptor against both profiles, then frictionless on the whole package."""
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    for name, validator in profiles.items():
        errors = schema_errors(validator, descriptor)
        check(not errors, f"{label}: descriptor against the {name} profile: {errors}")
    report = frictionless.validate(str(folder / "datapackage.json"))
    errors = [] if report.valid else [e["message"] for e in report.flatten(["message"])][:5]
    check(report.valid, f"{label}: frictionless validate: {errors}")
    return descriptor


def undefused(cell):
    """A CSV cell as the bundle has it (the export puts ' before formula-like text)."""
    if cell.startswith("'") and cell[1:2] in ("=", "+", "@", "\t", "\r", "-"):
        return cell[1:]
    return cell


def read_csv(path, label):
    raw = path.read_bytes()
    check(raw.startswith(b"\xef\xbb\xbf"), f"{label}: {path.name} starts with the UTF-8 BOM")
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = [[undefused(c) for c in r] for r in csv.reader(f)]
    widths = {len(r) for r in rows}
    check(len(widths) == 1, f"{label}: {path.name} has rows of one width ({widths})")
    return rows


def amount(v):
    return "" if v is None else v


def expected_tables(b):
    """The four CSV tables recomputed from the bundle JSON (not by the project's code)."""
    grades = ("excellent", "good", "fair", "poor")
    indicators, activities, assets = [], [], []
    for a in b["performance"]["activities"]:
        activities.append([a["name"], "", amount(a["amount"]), a["description"], a["goal"]])
        for i in a["indicators"]:
            indicators.append([a["name"], "", i["name"], *[i.get(g) or "" for g in grades]])
        for s in a["sub_activities"]:
            activities.append([a["name"], s["name"], amount(s["amount"]), s["description"], s["goal"]])
            for i in s["indicators"]:
                indicators.append([a["name"], s["name"], i["name"], *[i.get(g) or "" for g in grades]])

    def walk(r, depth):
        assets.append([r["name"], str(depth), r.get("quantity_unit") or "", amount(r.get("quantity_start")), amount(r.get("quantity_end")), amount(r.get("value_start")), amount(r.get("value_end"))])
        for c in r.get("children", []):
            walk(c, depth + 1)

    for r in b["assets"]["rows"]:
        walk(r, 0)
    return {"绩效指标.csv": indicators, "职责活动.csv": activities, "国有资产.csv": assets}


def check_bundle(path, label, work):
    b = json.loads(path.read_text(encoding="utf-8"))
    errors = schema_errors(bundle_schema, b)
    check(not errors, f"{label}: bundle against static/bundle.schema.json: {errors[:5]}")
    out = work / label
    r = gongkai("export", str(path), "--csv", str(out / "csv"))
    check(r.returncode == 0, f"{label}: export --csv exits 0 ({r.stderr.strip()})")
    for name, rows in expected_tables(b).items():
        got = read_csv(out / "csv" / name, label)
        check(got[1:] == rows, f"{label}: {name} has the bundle's {len(rows)} rows cell for cell (read {len(got) - 1})")
    v = gongkai("validate", str(path))
    n_checks = next((int(line.split()[0]) for line in v.stdout.splitlines() if " checks: " in line), None)
    got = read_csv(out / "csv" / "数据核对.csv", label)
    check(n_checks is not None and len(got) - 1 == n_checks, f"{label}: 数据核对.csv has the {n_checks} checks validate lists ({len(got) - 1})")
    if b["meta"]["unit"] in ("元", "万元", "亿元"):
        r = gongkai("export", str(path), "--fdp", str(out / "fdp"))
        check(r.returncode == 0, f"{label}: export --fdp exits 0 ({r.stderr.strip()})")
        d = check_package(out / "fdp", f"{label} (CLI package)")
        with (out / "fdp" / "budget.csv").open(encoding="utf-8", newline="") as f:
            lines = list(csv.DictReader(f))
        check(all(x["fiscal_year"] == str(b["meta"]["fiscal_year"]) for x in lines) and lines, f"{label}: budget.csv lines carry the fiscal year")
        coded = [x for x in lines if x["functional_classification_code"]]
        if any(t.get("kind") in ("general_public", "fiscal_expenditure") for t in b.get("tables", [])):
            check(coded and all(len(x["functional_classification_code"]) in (3, 5, 7) for x in coded), f"{label}: budget.csv rows carry their 功能分类 codes ({len(coded)})")
        check(d["title"] == b["meta"]["title"], f"{label}: the Chinese title is the package title")


def self_test(work):
    """The validators must refuse what issue 18 found: a Chinese name and a null source path."""
    global passed
    folder = work / "planted"
    r = gongkai("export", str(ROOT / "data/pingxiang-fgj-2017.json"), "--fdp", str(folder))
    d = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    d["name"] = "gongkai-2017-部门预算"
    d["sources"][0]["path"] = None
    (folder / "datapackage.json").write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    for name, validator in profiles.items():
        check(len(schema_errors(validator, d)) >= 2, f"self-test: the {name} profile refuses a planted bad descriptor")
    check(not frictionless.validate(str(folder / "datapackage.json")).valid, "self-test: frictionless refuses a planted bad descriptor")
    broken = json.loads((ROOT / "data/pingxiang-fgj-2017.json").read_text(encoding="utf-8"))
    broken["revenue"]["total"] = 3719.45
    check(bool(schema_errors(bundle_schema, broken)), "self-test: the bundle schema refuses an amount written as a number")


def main():
    with tempfile.TemporaryDirectory(prefix="gongkai-exports-") as tmp:
        work = Path(tmp)
        catalog = json.loads((ROOT / "data/index.json").read_text(encoding="utf-8"))
        for entry in catalog["bundles"]:
            check_bundle(ROOT / "data" / entry["path"], entry["path"].removesuffix(".json"), work)
        fixtures = ROOT / "crates/import/tests/fixtures"
        # The county template's fixtures, and the national standard tables (Jiangsu, as laid-out
        # PDF text, Excel and Word), whose packages carry the 功能分类 and 经济分类 codes.
        documents = sorted(fixtures.iterdir()) + sorted((fixtures / "jiangsu").glob("*公开表*"))
        for doc in documents:
            if doc.suffix not in (".txt", ".docx", ".xlsx") or doc.name.endswith(".raw.txt"):
                continue
            out = work / f"imported-{doc.name}.json"
            r = gongkai("import", str(doc), "-o", str(out))
            check(r.returncode in (0, 1) and out.exists(), f"{doc.name}: imports ({r.returncode}: {r.stderr.strip()[-200:]})")
            if out.exists():
                check_bundle(out, f"imported-{doc.name}", work)
        for arg in sys.argv[1:]:
            z = Path(arg)
            if not z.exists():
                check(False, f"{z}: the browser's package is missing")
                continue
            folder = work / "browser-zip"
            with zipfile.ZipFile(z) as f:
                f.extractall(folder)
            check_package(folder, f"browser ZIP {z.name}")
        self_test(work)
    print(f"\nexports: {passed} checks passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


main()
