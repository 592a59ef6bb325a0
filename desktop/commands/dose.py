"""`cartref dose tocilizumab`: the dose for a weight and whether another may be given now.

`--json` prints {"dose_mg", "can_give", "reasons", "source"}. The limits and the safer readings
(no dose below 30 kg; the 3-in-24-hours rule needs `--dose-times`) are in desktop.clinical.tocilizumab.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.commands.common import lang_choice, print_json, whole_number
from desktop.errors import UserInputError
from desktop.i18n import N_, gettext


def register(sub: Any) -> None:
    p = sub.add_parser("dose", help=N_("drug dose calculators (tocilizumab for CRS)"),
                       description=N_("Dose calculators with the limits of the sources they cite."))
    drugs = p.add_subparsers(dest="drug", metavar="{tocilizumab}", required=True)
    t = drugs.add_parser("tocilizumab", help=N_("8 mg/kg, max 800 mg; q8h; max 3 in 24 h and 4 in total"),
                         description=N_("Tocilizumab for CRS: ASCO 2021 guideline (pocket guide) and the KYMRIAH label."))
    t.add_argument("--weight-kg", type=_number, required=True, metavar="W", help=N_("body weight, 20-300 kg"))
    t.add_argument("--doses-given", type=whole_number, default=0, metavar="N", help=N_("tocilizumab doses already given"))
    t.add_argument("--hours-since-last", type=_number, metavar="H", help=N_("hours since the last dose"))
    t.add_argument("--dose-times", type=_times, metavar="H,H,...",
                   help=N_("hours before now of each earlier dose (e.g. 24,16,8): checks the 3-in-24-hours limit"))
    t.add_argument("--json", action="store_true", help=N_("print JSON"))
    t.add_argument("--lang", type=lang_choice, default="en", help=N_("en or zh"))
    t.set_defaults(func=run_tocilizumab)


def _number(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"needs a number, not {value!r}") from None


def _times(value: str) -> list[float]:
    parts = [p.strip() for p in value.split(",") if p.strip()]
    try:
        return [float(p) for p in parts]
    except ValueError:
        raise argparse.ArgumentTypeError(f"needs hours separated by commas, not {value!r}") from None


def run_tocilizumab(args: argparse.Namespace) -> int:
    from desktop.clinical.tocilizumab import fmt, tocilizumab

    if args.doses_given < 0:
        raise UserInputError(f"doses given cannot be negative, not {args.doses_given}")
    result = tocilizumab(args.weight_kg, args.doses_given, args.hours_since_last, args.dose_times)
    if args.json:
        print_json(result.to_json(args.lang))
        return 0
    _ = gettext(args.lang)
    if result.dose_mg is None:
        head = _("Tocilizumab: no dose given by this calculator")
    elif result.can_give:
        head = _("Tocilizumab %(dose)s mg IV over 1 hour: may be given now") % {"dose": fmt(result.dose_mg)}
    else:
        head = _("Tocilizumab %(dose)s mg: not now") % {"dose": fmt(result.dose_mg)}
    lines = [head] + [f"  - {r}" for r in result.reasons(args.lang)]
    lines.append(_("Source: %(citation)s") % {"citation": result.citation})
    sys.stdout.write("\n".join(lines) + "\n")
    return 0
