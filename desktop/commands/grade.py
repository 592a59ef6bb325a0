"""`cartref grade ice|crs|icans`: the ASTCT grading tools on the command line.

Text output shows the grade, the findings that set it, a one-line chart note and the
citation; `--json` prints {"grade", "score" (ICE only), "reasons", "source"}. Ranges are
checked by desktop.clinical (one source of truth); bad values exit 2 with one line.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, Protocol

from desktop.clinical import (
    CONSCIOUSNESS,
    EDEMA,
    HYPOTENSION,
    MOTOR,
    OXYGEN,
    SEIZURE,
    SOURCE_ID,
    crs_grade,
    icans_grade,
    ice_score,
)
from desktop.commands.common import lang_choice, print_json
from desktop.i18n import gettext


class _Graded(Protocol):
    @property
    def grade(self) -> int: ...
    @property
    def citation(self) -> str: ...

    def reasons(self, lang: str = "en") -> list[str]: ...
    def summary(self, lang: str = "en") -> str: ...
    def to_json(self, lang: str = "en") -> dict[str, Any]: ...


def register(sub: Any) -> None:
    p = sub.add_parser("grade", help="ASTCT grading: ICE score, CRS grade, ICANS grade",
                       description="ASTCT consensus grading (Lee DW et al., Biol Blood Marrow Transplant 2019).")
    tools = p.add_subparsers(dest="tool", metavar="{ice,crs,icans}", required=True)

    ice = tools.add_parser("ice", help="the 10-point ICE score")
    ice.add_argument("--orientation", type=_whole, required=True, help="year, month, city, hospital: 0-4")
    ice.add_argument("--naming", type=_whole, required=True, help="name 3 objects: 0-3")
    ice.add_argument("--commands", type=_whole, required=True, help="follow simple commands: 0-1")
    ice.add_argument("--writing", type=_whole, required=True, help="write a standard sentence: 0-1")
    ice.add_argument("--attention", type=_whole, required=True, help="count back from 100 by 10: 0-1")
    _common(ice)
    ice.set_defaults(func=run_ice)

    crs = tools.add_parser("crs", help="ASTCT CRS grade")
    crs.add_argument("--temp", type=_number, required=True, metavar="C", help="temperature in °C (30-45)")
    crs.add_argument("--fever-masked", action="store_true",
                     help="fever masked by antipyretic or anti-cytokine treatment (e.g. tocilizumab, steroids)")
    crs.add_argument("--hypotension", choices=HYPOTENSION, required=True)
    crs.add_argument("--oxygen", choices=OXYGEN, required=True)
    _common(crs)
    crs.set_defaults(func=run_crs)

    icans = tools.add_parser("icans", help="ASTCT ICANS grade (adults)")
    which = icans.add_mutually_exclusive_group(required=True)
    which.add_argument("--ice", type=_whole, metavar="N", help="ICE score 0-10")
    which.add_argument("--unarousable", action="store_true", help="unarousable and unable to perform the ICE")
    icans.add_argument("--consciousness", choices=CONSCIOUSNESS, required=True)
    icans.add_argument("--seizure", choices=SEIZURE, required=True)
    icans.add_argument("--motor", choices=MOTOR, required=True)
    icans.add_argument("--edema", choices=EDEMA, required=True, help="raised ICP / cerebral oedema")
    _common(icans)
    icans.set_defaults(func=run_icans)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--lang", type=lang_choice, default="en", help="en or zh (reasons and chart note)")


def _whole(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"needs a whole number, not {value!r}") from None


def _number(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"needs a number in °C, not {value!r}") from None


def run_ice(args: argparse.Namespace) -> int:
    result = ice_score(args.orientation, args.naming, args.commands, args.writing, args.attention)
    _ = gettext(args.lang)
    head = _("ICE score %(score)s/10 (ICANS grade %(grade)s by the ICE domain)") % {
        "score": result.score, "grade": result.grade}
    return _emit(args, result, head)


def run_crs(args: argparse.Namespace) -> int:
    result = crs_grade(args.temp, fever_masked=args.fever_masked, hypotension=args.hypotension, oxygen=args.oxygen)
    _ = gettext(args.lang)
    return _emit(args, result, _("ASTCT CRS grade %(grade)s") % {"grade": result.grade})


def run_icans(args: argparse.Namespace) -> int:
    result = icans_grade(ice=args.ice, unarousable=args.unarousable, consciousness=args.consciousness,
                         seizure=args.seizure, motor=args.motor, edema=args.edema)
    _ = gettext(args.lang)
    return _emit(args, result, _("ASTCT ICANS grade %(grade)s") % {"grade": result.grade})


def _emit(args: argparse.Namespace, result: _Graded, head: str) -> int:
    lang = args.lang
    if args.json:
        print_json(result.to_json(lang))
        return 0
    _ = gettext(lang)
    lines = [head]
    lines += [f"  - {reason}" for reason in result.reasons(lang)]
    lines.append(_("Chart note: %(summary)s") % {"summary": result.summary(lang)})
    lines.append(_("Source: %(citation)s") % {"citation": f"{result.citation} [{SOURCE_ID}]"})
    sys.stdout.write("\n".join(lines) + "\n")
    return 0
