"""`cartref plan infections`: the dated infection-prophylaxis and immune-recovery plan.

`--json` prints {"edition", "ld_date", "infusion_date", "lines", "reasons", "scope", "source"}; each line has
its start date and, in the clinician edition, one variant per source ("sources_differ" when they disagree).
`--out FILE.pdf` prints the same one-page sheet as the window's Infections tab.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.commands.common import lang_choice, print_json, whole_number
from desktop.commands.handover import _iso_date
from desktop.i18n import N_, gettext


def _number(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"needs a number, not {value!r}") from None


def register(sub: Any) -> None:
    from desktop.clinical.infections import ANC_UNITS, EDITIONS, HBV, IGG_UNITS, RISKS

    p = sub.add_parser("plan", help=N_("dated care plans (infection prophylaxis and immune recovery)"))
    kinds = p.add_subparsers(dest="kind", metavar="{infections}", required=True)
    i = kinds.add_parser("infections", help=N_("HSV/VZV, PJP, neutropenic-phase, HBV, CMV, IgG, vaccines: dated, sourced"),
                         description=N_("Infection prophylaxis and immune-recovery plan from the ASH tables (CT11-CT14) "
                                     "and the EHA/EBMT ICAHT consensus (CT4); where sources differ, each is shown."))
    i.add_argument("--ld-date", type=_iso_date, required=True, metavar="YYYY-MM-DD", help=N_("first day of lymphodepletion"))
    i.add_argument("--infusion-date", type=_iso_date, required=True, metavar="YYYY-MM-DD")
    i.add_argument("--hbv", choices=HBV, required=True, help=N_("HBsAg / HBcAb / HBV DNA: any positive, all negative, "
                                                            "or not known"))
    i.add_argument("--hematotox", choices=RISKS, default="unknown", help=N_("CAR-HEMATOTOX (ICAHT) risk class"))
    i.add_argument("--steroid-days", type=whole_number, default=0, metavar="N", help=N_("days of corticosteroids so far"))
    i.add_argument("--prior-bmt", action="store_true", help=N_("prior bone-marrow (stem-cell) transplant"))
    i.add_argument("--day", type=whole_number, metavar="N", help=N_("day after infusion of the ANC below"))
    i.add_argument("--anc", type=_number, metavar="A", help=N_("absolute neutrophil count on that day"))
    i.add_argument("--anc-unit", choices=ANC_UNITS, default="per-uL")
    i.add_argument("--igg", type=_number, metavar="V", help=N_("latest serum IgG"))
    i.add_argument("--igg-unit", choices=IGG_UNITS, default="mg/dL")
    i.add_argument("--recurrent-infections", action="store_true", help=N_("recurrent sinopulmonary infections"))
    i.add_argument("--weight-kg", type=_number, metavar="W", help=N_("for the IVIG dose, 20-300 kg"))
    i.add_argument("--edition", choices=EDITIONS, default="clinician")
    i.add_argument("--out", type=Path, metavar="FILE.pdf", help=N_("also write the printable sheet"))
    i.add_argument("--json", action="store_true", help=N_("print JSON"))
    i.add_argument("--lang", type=lang_choice, default="en", help=N_("en or zh"))
    i.set_defaults(func=run_infections)


def run_infections(args: argparse.Namespace) -> int:
    from desktop.clinical.infections import LABELS, infection_plan

    plan = infection_plan(ld_date=args.ld_date, infusion=args.infusion_date, hbv=args.hbv, risk=args.hematotox,
                          steroid_days=args.steroid_days, prior_bmt=args.prior_bmt, day=args.day, anc=args.anc,
                          anc_unit=args.anc_unit, igg=args.igg, igg_unit=args.igg_unit,
                          recurrent_infections=args.recurrent_infections, weight_kg=args.weight_kg)
    if args.out is not None:
        from desktop import outputs
        from desktop.fileio import write_bytes_atomic
        from desktop.handouts.sheets import infection_plan_pdf

        target = outputs.check_output_file(str(args.out))
        write_bytes_atomic(target, infection_plan_pdf(plan, args.lang, args.edition))
    if args.json:
        print_json(plan.to_json(args.lang, args.edition))
        return 0
    _ = gettext(args.lang)
    data = plan.to_json(args.lang, args.edition)
    lines = [_("Infection prophylaxis and immune recovery plan (%(edition)s edition)") % {"edition": _(LABELS[args.edition])}]
    for line in data["lines"]:
        lines.append(f"{line['start'] or '—':10}  {line['title']}")
        if args.edition == "patient":
            lines.append(f"            {line['text']}")
            continue
        for v in line["variants"]:
            until = f" → {v['until']}" if v["until"] else ""
            lines.append(f"            - {v['text']}{until} [{', '.join(v['sources'])}]")
    lines += [f"  * {r}" for r in data["reasons"]]
    lines.append(data["scope"])
    if args.out is not None:
        lines.append(_("Sheet written: %(path)s") % {"path": args.out})
    lines.append(_("Source: %(citation)s") % {"citation": data["source"]})
    sys.stdout.write("\n".join(lines) + "\n")
    return 0
