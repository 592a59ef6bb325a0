"""`cartref watch neuro`: the BCMA delayed-neurotoxicity check (CARVYKTI Medication Guide call-now list).

`--json` prints {"call_now", "day", "reasons", "source"}.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.commands.common import lang_choice, print_json
from desktop.i18n import N_, gettext


def register(sub: Any) -> None:
    from desktop.clinical.neurowatch import SIGNS

    p = sub.add_parser("watch", help=N_("after-discharge watches (BCMA delayed neurotoxicity)"))
    kinds = p.add_subparsers(dest="kind", metavar="{neuro}", required=True)
    n = kinds.add_parser("neuro", help=N_("call-now signs of the CARVYKTI Medication Guide; weekly check"))
    n.add_argument("--day", type=int, metavar="N", help=N_("days since infusion"))
    temp = n.add_mutually_exclusive_group()
    temp.add_argument("--temp-c", type=float, metavar="C", help=N_("temperature in °C"))
    temp.add_argument("--temp-f", type=float, metavar="F", help=N_("temperature in °F"))
    n.add_argument("--sign", action="append", default=[], choices=list(SIGNS), help=N_("a sign seen (repeatable)"))
    n.add_argument("--json", action="store_true", help=N_("print JSON"))
    n.add_argument("--lang", type=lang_choice, default="en", help=N_("en or zh"))
    n.set_defaults(func=run_neuro)


def run_neuro(args: argparse.Namespace) -> int:
    from desktop.clinical.neurowatch import WEEKLY_CHECK, neuro_watch

    result = neuro_watch(day=args.day, temp_c=args.temp_c, temp_f=args.temp_f, signs=args.sign)
    if args.json:
        print_json(result.to_json(args.lang))
        return 0
    _ = gettext(args.lang)
    lines = [_("CALL NOW") if result.call_now else _("No call-now sign entered")]
    lines += [f"  - {r}" for r in result.reasons(args.lang)]
    lines.append(_("Weekly check:"))
    lines += [f"  - {_(text)}" for _key, text in WEEKLY_CHECK]
    lines.append(_("Source: %(citation)s") % {"citation": result.citation})
    sys.stdout.write("\n".join(lines) + "\n")
    return 0
