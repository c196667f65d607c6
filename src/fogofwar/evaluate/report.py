"""Render an evaluation result: Rich tables (terminal), JSON and Markdown (``--report PATH``)."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

NO_ROWS_KEYS = ("rows",)


def _pct(x) -> str:
    return "–" if x is None else f"{100 * x:.1f}%"


def _num(x, nd: int = 1) -> str:
    return "–" if x is None else f"{x:.{nd}f}"


def headline(res: dict) -> list[tuple[str, str, str]]:
    """(section, measure, value) rows: the overall numbers, in one place for the table and the page."""
    rows: list[tuple[str, str, str]] = []
    det = res["detection"]
    n_note = f" (tn {det['tn']})" if "tn" in det else ""
    rows.append(("detection", "precision / recall / F1", f"{_pct(det['precision'])} / {_pct(det['recall'])} / {_pct(det['f1'])}{n_note}"))
    rows.append(("detection", "tp / fp / fn", f"{det['tp']} / {det['fp']} / {det['fn']}"))
    if "detection_date_only" in res:
        dd = res["detection_date_only"]
        rows.append(("detection", "date-only P / R (no place check)", f"{_pct(dd['precision'])} / {_pct(dd['recall'])}"))
    et, st = res["event_type"], res["sub_event_type"]
    rows.append(("type", f"event type accuracy (n={et['n']})", _pct(et["accuracy"] if et["n"] else None)))
    rows.append(("type", f"sub-type accuracy (n={st['n']})", _pct(st["accuracy"] if st["n"] else None)))
    rows.append(("type", "sub-type weighted F1 / macro F1", f"{_pct(st['weighted']['f1'])} / {_pct(st['macro']['f1'])}"))
    ps = res["primary_sub_event_type"]
    if res["format"] != "case2021":
        rows.append(("type", f"primary-event sub-type accuracy, every row (n={ps['n']})", _pct(ps["accuracy"] if ps["n"] else None)))
    if "case_acled25" in res:
        c = res["case_acled25"]
        rows.append(("CASE", f"weighted F1, 25 ACLED classes (n={c['n']}; reference 83.9%)", _pct(c["weighted"]["f1"])))
        rows.append(("CASE", "macro F1, 25 ACLED classes", _pct(c["macro"]["f1"])))
        rows.append(("CASE", "accuracy, 25 ACLED classes", _pct(c["accuracy"])))
        a = res["case_all"]
        rows.append(("CASE", f"accuracy, all 30 classes, non-ACLED = no event (n={a['n']})", _pct(a["accuracy"])))
    if "actors" in res:
        a = res["actors"]
        rows.append(("actors", f"pair match, either order (n={a['n']})", _pct(a["pair"])))
        rows.append(("actors", "at least one actor right", _pct(a["overlap"])))
        rows.append(("actors", f"interaction code (n={a['n_inter']})", _pct(a["interaction"])))
        rows.append(("actors", "gold inter1 among predicted inter codes", _pct(a["inter1_either"])))
    if "location" in res:
        lo = res["location"]
        rows.append(("place", f"admin1 accuracy, date-only matches (n={lo['n']})", _pct(lo["admin1"])))
        rows.append(("place", "admin2 accuracy, date-only matches", _pct(lo.get("admin2"))))
        rows.append(("place", "predicted event without a place", _pct(lo.get("predicted_without_place"))))
        rows.append(("place", "location accuracy", _pct(lo["location"])))
        d = lo["distance"]
        rows.append(("place", f"distance median / ≤{d['within_km']:.0f} km (n={d['n']})", f"{_num(d['median_km'])} km / {_pct(d['share_within_km'])}"))
    if "fatalities" in res:
        f = res["fatalities"]
        rows.append(("fatalities", f"exact / within claimed range (n={f['n']})", f"{_pct(f['exact'])} / {_pct(f['in_range'])}"))
        rows.append(("fatalities", "mean absolute error", _num(f["mae"], 2)))
    if "ucdp" in res:
        u = res["ucdp"]
        rows.append(("UCDP", f"type_of_violence accuracy (n={u['n']}, predicted {u['with_prediction']})", _pct(u["type_of_violence_accuracy"])))
        rows.append(("UCDP", "type_of_violence accuracy, rows with a predicted event", _pct(u["type_of_violence_accuracy_when_predicted"])))
        rows.append(("UCDP", "type_of_violence weighted F1 (1/2/3)", _pct(u["type_of_violence"]["weighted"]["f1"])))
        rows.append(("UCDP", "side_a / side_b / both found", f"{_pct(u['side_a'])} / {_pct(u['side_b'])} / {_pct(u['both_sides'])}"))
        rows.append(("UCDP", "side_a / side_b, when an event is predicted", f"{_pct(u['side_a_when_predicted'])} / {_pct(u['side_b_when_predicted'])}"))
    if "claims" in res:
        c = res["claims"]
        rows.append(("claims", f"recall: number / +claimant / +victims (n={c['n']})", f"{_pct(c['number'])} / {_pct(c['number_claimant'])} / {_pct(c['full'])}"))
        b = res["background"]
        rows.append(("background", "gold background events predicted as live", f"{b['gold_background_predicted_live']} of {b['gold_background']}"))
        rows.append(("background", "live predictions dated on a background-only day", f"{b['pred_live_on_background_date']} of {b['pred_live']}"))
    rows.append(("run", "items / pipeline errors", f"{res['items']} / {sum(res['pipeline_errors'].values())} {res['pipeline_errors'] or ''}".strip()))
    rows.append(("run", "runtime / ms per item", f"{res['runtime_s']} s / {res['ms_per_item']} ms"))
    if res.get("model"):
        m = res["model"]
        rows.append(("model", "sub-types changed by the classifier", f"{m['changed_sub_types']} (min_prob {m['min_prob']}, weak_below {m['weak_below']})"))
        wm = res.get("without_model") or {}
        if wm:
            if res["format"] == "case2021":
                rows.append(("model", "CASE weighted F1 (25 classes): rules → with model", f"{_pct(wm['case_acled25']['weighted']['f1'])} → {_pct(res['case_acled25']['weighted']['f1'])}"))
            else:
                ps, ps0 = res["primary_sub_event_type"], wm["primary_sub_event_type"]
                if ps0["n"]:
                    rows.append(("model", "primary-event sub-type accuracy: rules → with model", f"{_pct(ps0['accuracy'])} → {_pct(ps['accuracy'])}"))
                st, st0 = res["sub_event_type"], wm["sub_event_type"]
                if st0["n"]:
                    rows.append(("model", "matched sub-type accuracy: rules → with model", f"{_pct(st0['accuracy'])} → {_pct(st['accuracy'])}"))
            if "ucdp" in wm:
                rows.append(("model", "UCDP type_of_violence accuracy: rules → with model", f"{_pct(wm['ucdp']['type_of_violence_accuracy'])} → {_pct(res['ucdp']['type_of_violence_accuracy'])}"))
    if res.get("skipped"):
        rows.append(("run", "rows skipped", json.dumps(res["skipped"])))
    return rows


def _class_rows(rep: dict, min_support: int = 1) -> list[tuple]:
    out = []
    for c, d in sorted(rep["per_class"].items(), key=lambda kv: (-kv[1]["support"], kv[0])):
        if d["support"] < min_support and d["tp"] + d["fp"] == 0:
            continue
        out.append((c, d["support"], d["tp"] + d["fp"], d["precision"], d["recall"], d["f1"]))
    return out


def _class_report_for(res: dict) -> tuple[str, dict]:
    if res["format"] == "case2021":
        return "sub-event type, 25 ACLED classes (CASE)", res["case_acled25"]
    if res["sub_event_type"]["n"]:
        return "sub-event type, matched events", res["sub_event_type"]
    return "sub-event type, primary event per row", res["primary_sub_event_type"]


def print_report(res: dict, console: Console | None = None, title: str = "") -> None:
    console = console or Console()
    t = Table(title=title or f"fogofwar eval — {res['format']}", show_lines=False)
    t.add_column("section", style="cyan")
    t.add_column("measure")
    t.add_column("value", justify="right", style="bold")
    for row in headline(res):
        t.add_row(*row)
    console.print(t)
    name, rep = _class_report_for(res)
    ct = Table(title=f"per class: {name} (weighted F1 {_pct(rep['weighted']['f1'])}, macro F1 {_pct(rep['macro']['f1'])})")
    for col in ("class", "gold", "pred", "P", "R", "F1"):
        ct.add_column(col, justify="left" if col == "class" else "right")
    for c, sup, npred, p, r, f in _class_rows(rep):
        ct.add_row(c, str(sup), str(npred), _pct(p), _pct(r), _pct(f))
    console.print(ct)
    conf = res["primary_sub_event_type"]["top_confusions"] if res["format"] == "case2021" or not res["sub_event_type"]["n"] else res["sub_event_type"]["top_confusions"]
    if conf:
        cf = Table(title="most frequent confusions (gold → predicted)")
        cf.add_column("gold")
        cf.add_column("predicted")
        cf.add_column("n", justify="right")
        for g, p, n in conf[:12]:
            cf.add_row(g, p, str(n))
        console.print(cf)


def markdown(res: dict, title: str = "") -> str:
    lines = [f"# {title or 'fogofwar eval — ' + res['format']}", ""]
    if res.get("command"):
        lines += ["```", res["command"], "```", ""]
    lines += ["| section | measure | value |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in headline(res)]
    name, rep = _class_report_for(res)
    lines += ["", f"## Per class: {name}", "", f"weighted F1 {_pct(rep['weighted']['f1'])}, macro F1 {_pct(rep['macro']['f1'])}", ""]
    lines += ["| class | gold | predicted | P | R | F1 |", "|---|---:|---:|---:|---:|---:|"]
    lines += [f"| {c} | {s} | {n} | {_pct(p)} | {_pct(r)} | {_pct(f)} |" for c, s, n, p, r, f in _class_rows(rep)]
    conf_rep = res["primary_sub_event_type"] if res["format"] == "case2021" or not res["sub_event_type"]["n"] else res["sub_event_type"]
    matrix = conf_rep["confusion"]
    labels = sorted(set(matrix) | {p for row in matrix.values() for p in row})
    if labels:
        short = {lb: f"c{i}" for i, lb in enumerate(labels)}
        lines += ["", "## Confusion matrix (rows gold, columns predicted)", ""]
        lines += ["Columns: " + ", ".join(f"{short[lb]} = {lb}" for lb in labels), ""]
        lines += ["| gold \\ pred | " + " | ".join(short[lb] for lb in labels) + " |", "|---|" + "---:|" * len(labels)]
        for g in labels:
            row = matrix.get(g, {})
            if not row:
                continue
            lines.append(f"| {g} | " + " | ".join(str(row.get(p, "")) for p in labels) + " |")
    if "ucdp" in res:
        lines += ["", "## UCDP type_of_violence mapping", "", res["ucdp"]["mapping_table"], "", "## UCDP side normaliser (most frequent gold sides)", ""]
        lines += ["| UCDP side | normalised | found in predicted pair | rows |", "|---|---|---|---:|"]
        lines += [f"| {s['ucdp']} | {s['normalised']} | {s['matched']} | {s['count']} |" for s in res["ucdp"]["side_normaliser"]]
    return "\n".join(lines) + "\n"


def write_report(res: dict, path: Path, title: str = "") -> tuple[Path, Path]:
    """PATH.json (everything, with per-row labels but no input text) and PATH.md."""
    path = Path(path)
    base = path.with_suffix("") if path.suffix in (".json", ".md") else path
    base.parent.mkdir(parents=True, exist_ok=True)
    jp, mp = Path(f"{base}.json"), Path(f"{base}.md")
    jp.write_text(json.dumps(res, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    mp.write_text(markdown(res, title), encoding="utf-8")
    return jp, mp
