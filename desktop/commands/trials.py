"""`cartref trials [--compare] [--json|--csv] [--lang en|zh]`.

Text and CSV follow `--lang` (headers, trial names, labels, units, "not reached"); JSON keeps
machine keys and ids, with its human-readable values (`trial`, `label`, `setting_label`,
`display`) in the language.
"""

from __future__ import annotations

import argparse
import csv
import sys
from typing import Any

from desktop.commands.common import (
    add_kb_option,
    is_zh,
    lang_choice,
    open_for,
    print_json,
    print_table,
    ui_lang,
)
from desktop.i18n import N_, gettext
from desktop.kb.compare import (
    build_comparison,
    cohort_label,
    display_value,
    metric_label,
    phase_label,
    setting_label,
    therapy_short_name,
    trial_name,
)


def register(sub: Any) -> None:
    p = sub.add_parser("trials", help=N_("list trials, or compare their outcomes"))
    p.add_argument("--compare", action="store_true", help=N_("metrics × trials comparison"))
    p.add_argument("--cohort", default="all", help=N_("cohort to compare (all, car-t-naive, prior-car-t …)"))
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true")
    out.add_argument("--csv", action="store_true")
    p.add_argument("--lang", type=lang_choice, default=None, help=N_("en or zh (headers, names, labels)"))
    add_kb_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    kb = open_for(args)
    lang = ui_lang(args)
    _ = gettext(lang)
    if not args.compare:
        trials = kb.trials()
        therapies = {t.id: t for t in kb.therapies()}
        rows: list[dict[str, Any]] = [
            {"id": t.id, "name": trial_name(t, lang), "therapy_id": t.therapy_id, "phase": t.phase, "setting": t.setting,
             "setting_label": setting_label(t.setting, lang),
             "registry_ids": list(t.registry_ids), "source_ids": list(t.source_ids)}
            for t in trials
        ]
        if args.json:
            print_json(rows)
        elif args.csv and not is_zh(lang):  # the English CSV as scripts have always read it: ids as values
            writer = csv.writer(sys.stdout)
            writer.writerow(["id", "name", "therapy_id", "phase", "setting", "registry_ids"])
            for r in rows:
                writer.writerow([r["id"], r["name"], r["therapy_id"], r["phase"], r["setting"], ";".join(r["registry_ids"])])
        elif args.csv:
            writer = csv.writer(sys.stdout)
            writer.writerow([_("id"), _("name"), _("therapy"), _("phase"), _("setting"), _("registry")])
            for r in rows:
                writer.writerow([r["id"], r["name"], therapy_short_name(therapies.get(r["therapy_id"]), r["therapy_id"], lang),
                                 phase_label(r["phase"], lang), r["setting_label"], ";".join(r["registry_ids"])])
        else:
            print_table([_("id"), _("name"), _("therapy"), _("phase"), _("registry")],
                        [[r["id"], r["name"], therapy_short_name(therapies.get(r["therapy_id"]), r["therapy_id"], lang),
                          phase_label(r["phase"], lang), ", ".join(r["registry_ids"])] for r in rows])
        return 0 if rows else 1
    comp = build_comparison(kb, cohort=args.cohort)
    if not comp.trials:
        sys.stderr.write("cartref: " + _("no outcomes for cohort %(cohort)s") % {"cohort": repr(args.cohort)} + "\n")
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
                    "trial_id": trial.id, "trial": trial_name(trial, lang), "metric": metric,
                    "label": metric_label(metric, lang), "value": o.value, "value_text": o.value_text, "unit": o.unit,
                    "display": display_value(o, lang), "numerator": o.numerator, "denominator": o.denominator,
                    "ci_low": o.ci_low, "ci_high": o.ci_high, "followup_months": o.followup_months,
                    "data_cut": o.data_cut, "cohort": o.cohort, "cohort_label": cohort_label(o.cohort, lang),
                    "source_ids": list(o.source_ids), "grade": o.grade, "note": o.note,
                })
        print_json(out)
        return 0
    header = [_("metric"), *[trial_name(t, lang) for t in comp.trials]]
    body = [
        [metric_label(m, lang), *[(display_value(c, lang) if (c := comp.cell(m, t.id)) else "—") for t in comp.trials]]
        for m in comp.metrics
    ]
    if args.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(header)
        writer.writerows(body)
        sources = sorted({s for o in comp.cells.values() for s in o.source_ids})
        writer.writerow([_("sources"), "; ".join(sources)])
    else:
        if is_zh(lang):
            sys.stdout.write(_("Cohort: %(cohort)s") % {"cohort": cohort_label(comp.cohort, lang)} + "\n")
        print_table(header, body)
        sys.stdout.write("\n" + _("Cross-trial comparisons are not head-to-head: populations, follow-up and definitions "
                                  "differ.") + "\n")
    return 0
