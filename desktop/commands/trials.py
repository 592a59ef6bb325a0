"""`cartref trials [--compare] [--json|--csv]`."""

from __future__ import annotations

import argparse
import csv
import sys
from typing import Any

from desktop.commands.common import add_kb_option, open_for, print_json, print_table
from desktop.kb.compare import build_comparison, metric_label


def register(sub: Any) -> None:
    p = sub.add_parser("trials", help="list trials, or compare their outcomes")
    p.add_argument("--compare", action="store_true", help="metrics × trials comparison")
    p.add_argument("--cohort", default="all", help="cohort to compare (all, car-t-naive, prior-car-t …)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true")
    out.add_argument("--csv", action="store_true")
    add_kb_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    kb = open_for(args)
    if not args.compare:
        trials = kb.trials()
        rows = [
            {"id": t.id, "name": t.name, "therapy_id": t.therapy_id, "phase": t.phase, "setting": t.setting,
             "registry_ids": list(t.registry_ids), "source_ids": list(t.source_ids)}
            for t in trials
        ]
        if args.json:
            print_json(rows)
        elif args.csv:
            writer = csv.writer(sys.stdout)
            writer.writerow(["id", "name", "therapy_id", "phase", "setting", "registry_ids"])
            for r in rows:
                writer.writerow([r["id"], r["name"], r["therapy_id"], r["phase"], r["setting"], ";".join(r["registry_ids"])])
        else:
            print_table(["id", "name", "therapy", "phase", "registry"], [[r["id"], r["name"], r["therapy_id"], r["phase"], ", ".join(r["registry_ids"])] for r in rows])
        return 0 if rows else 1
    comp = build_comparison(kb, cohort=args.cohort)
    if not comp.trials:
        sys.stderr.write(f"cartref: no outcomes for cohort {args.cohort!r}\n")
        if args.json:
            print_json([])
        return 1
    if args.json:
        out = []
        for metric in comp.metrics:
            for trial in comp.trials:
                o = comp.cell(metric, trial.id)
                if o is None:
                    continue
                out.append({
                    "trial_id": trial.id, "trial": trial.name, "metric": metric, "label": metric_label(metric),
                    "value": o.value, "value_text": o.value_text, "unit": o.unit, "numerator": o.numerator, "denominator": o.denominator,
                    "ci_low": o.ci_low, "ci_high": o.ci_high, "followup_months": o.followup_months,
                    "data_cut": o.data_cut, "cohort": o.cohort, "source_ids": list(o.source_ids), "grade": o.grade,
                    "note": o.note,
                })
        print_json(out)
        return 0
    header = ["metric", *[t.name for t in comp.trials]]
    body = [
        [metric_label(m), *[(c.display_value if (c := comp.cell(m, t.id)) else "—") for t in comp.trials]]
        for m in comp.metrics
    ]
    if args.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(header)
        writer.writerows(body)
        sources = sorted({s for o in comp.cells.values() for s in o.source_ids})
        writer.writerow(["sources", "; ".join(sources)])
    else:
        print_table(header, body)
        sys.stdout.write("\nCross-trial comparisons are not head-to-head: populations, follow-up and definitions differ.\n")
    return 0
