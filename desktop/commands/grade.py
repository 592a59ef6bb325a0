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
    MaskedFeverWithoutCrs,
    crs_grade,
    icans_grade,
    ice_score,
    masked_without_crs_message,
)
from desktop.commands.common import lang_choice, print_json, whole_number
from desktop.i18n import N_, gettext


class _Graded(Protocol):
    @property
    def grade(self) -> int | None: ...
    @property
    def citation(self) -> str: ...

    def reasons(self, lang: str = "en") -> list[str]: ...
    def summary(self, lang: str = "en") -> str: ...
    def to_json(self, lang: str = "en") -> dict[str, Any]: ...


def register(sub: Any) -> None:
    p = sub.add_parser("grade", help=N_("ASTCT grading (ICE, CRS, ICANS); ICAHT counts; CAR-HEMATOTOX"),
                       description=N_("ASTCT consensus grading (Lee DW et al., Biol Blood Marrow Transplant 2019); "
                                   "haematotoxicity from a count log; CAR-HEMATOTOX (not available, see its help)."))
    tools = p.add_subparsers(dest="tool", metavar="{ice,crs,icans,icaht,hematotox}", required=True)

    ice = tools.add_parser("ice", help=N_("the 10-point ICE score"))
    ice.add_argument("--orientation", type=whole_number, required=True, help=N_("year, month, city, hospital: 0-4"))
    ice.add_argument("--naming", type=whole_number, required=True, help=N_("name 3 objects: 0-3"))
    ice.add_argument("--commands", type=whole_number, required=True, help=N_("follow simple commands: 0-1"))
    ice.add_argument("--writing", type=whole_number, required=True, help=N_("write a standard sentence: 0-1"))
    ice.add_argument("--attention", type=whole_number, required=True, help=N_("count back from 100 by 10: 0-1"))
    _common(ice)
    ice.set_defaults(func=run_ice)

    crs = tools.add_parser("crs", help=N_("ASTCT CRS grade"))
    crs.add_argument("--temp", type=_number, required=True, metavar="C", help=N_("temperature in °C (30-45)"))
    crs.add_argument("--fever-masked", action="store_true",
                     help=N_("fever masked by antipyretic or anti-cytokine treatment (e.g. tocilizumab, steroids); "
                          "needs --crs-already-diagnosed"))
    crs.add_argument("--crs-already-diagnosed", action="store_true",
                     help=N_("CRS was diagnosed before the antipyretic or anti-cytokine treatment that masks the fever"))
    crs.add_argument("--hypotension", choices=HYPOTENSION, required=True)
    crs.add_argument("--oxygen", choices=OXYGEN, required=True)
    crs.add_argument("--not-attributable-to-other-cause", action="store_true", dest="not_attributable",
                     help=N_("confirm the hypotension / hypoxia is not attributable to another cause (required for a "
                          "grade above 1; give a finding with another cause as none)"))
    _common(crs)
    crs.set_defaults(func=run_crs)

    icans = tools.add_parser("icans", help=N_("ASTCT ICANS grade (adults)"))
    which = icans.add_mutually_exclusive_group(required=True)
    which.add_argument("--ice", type=whole_number, metavar="N", help=N_("ICE score 0-10"))
    which.add_argument("--unarousable", action="store_true", help=N_("unarousable and unable to perform the ICE"))
    icans.add_argument("--consciousness", choices=CONSCIOUSNESS, required=True)
    icans.add_argument("--seizure", choices=SEIZURE, required=True)
    icans.add_argument("--motor", choices=MOTOR, required=True)
    icans.add_argument("--edema", choices=EDEMA, required=True, help=N_("raised ICP / cerebral oedema"))
    _common(icans)
    icans.set_defaults(func=run_icans)

    icaht = tools.add_parser("icaht", help=N_("haematotoxicity from a day,anc[,plt] count log (T-ICAHT platelets)"),
                             description=N_("Reads a day-by-day count CSV (header day,anc[,plt]; ANC per µL, platelets "
                                         "×10^9/L). The N-ICAHT grade is not given: the EHA/EBMT Table 1 was not "
                                         "read in the primary text. Platelets are graded by the T-ICAHT table."))
    icaht.add_argument("--counts", required=True, metavar="FILE.csv", help=N_("CSV with a header: day,anc[,plt]"))
    icaht.add_argument("--anc-unit", choices=("per-uL", "10^9/L"), default="per-uL")
    icaht.add_argument("--risk", choices=("unknown", "low", "high"), default="unknown",
                       help=N_("ICAHT risk profile (e.g. from CAR-HEMATOTOX) for the Table 3 management bundle"))
    _common(icaht)
    icaht.set_defaults(func=run_icaht)

    ht = tools.add_parser("hematotox", help=N_("CAR-HEMATOTOX: not available (per-item points not read)"),
                          description=N_("Refuses: the per-item points of Rejeski 2021 were not read in the primary "
                                      "source. The risk split (0-1 low, >=2 high) and unit conversions are in the "
                                      "window's HEMATOTOX tab."))
    for name in ("anc", "hb", "plt", "crp", "ferritin"):
        ht.add_argument(f"--{name}", type=float, required=True)
    ht.add_argument("--anc-unit", choices=("per-uL", "10^9/L"), default="per-uL")
    ht.add_argument("--hb-unit", choices=("g/dL", "g/L"), default="g/dL")
    ht.add_argument("--crp-unit", choices=("mg/dL", "mg/L"), default="mg/dL")
    _common(ht)
    ht.set_defaults(func=run_hematotox)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=N_("print JSON"))
    parser.add_argument("--lang", type=lang_choice, default="en", help=N_("en or zh (reasons and chart note)"))


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
    _ = gettext(args.lang)
    try:
        result = crs_grade(args.temp, fever_masked=args.fever_masked, crs_already_diagnosed=args.crs_already_diagnosed,
                           hypotension=args.hypotension, oxygen=args.oxygen, not_attributable=args.not_attributable)
    except MaskedFeverWithoutCrs:
        sys.stderr.write(_("cartref: %(why)s If so, add --crs-already-diagnosed.") % {
            "why": masked_without_crs_message(args.lang)} + "\n")
        return 2
    if result.grade is None:
        sys.stderr.write(_("cartref: CRS grade not assigned: hypotension and hypoxia count only when not attributable "
                           "to another cause; add --not-attributable-to-other-cause to confirm, or give a finding "
                           "with another cause as none.") + "\n")
        return 2
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


def run_icaht(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop.clinical.icaht import icaht, management_bundle, read_counts
    from desktop.errors import UserInputError

    try:
        text = Path(args.counts).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserInputError(f"cannot read {args.counts}: {getattr(exc, 'strerror', None) or exc}") from None
    rows = read_counts(text, anc_unit=args.anc_unit)
    result = icaht(rows)
    last_anc = next((r for r in reversed(rows) if r.anc is not None), None)
    bundle = management_bundle(args.risk, last_anc.anc if last_anc else None, rows[-1].day)
    lang = args.lang
    if args.json:
        print_json(result.to_json(lang) | {"bundle": bundle.reasons(lang)})
        return 0
    _ = gettext(lang)
    phases = {"early": _("early"), "late": _("late")}
    lines = [_("ICAHT (%(phase)s phase): N-ICAHT grade not available") % {"phase": phases.get(result.phase, result.phase)}]
    lines += [f"  - {reason}" for reason in result.reasons(lang)]
    lines.append(_("Management (EHA/EBMT consensus, Table 3), for the last logged day:"))
    lines += [f"  - {reason}" for reason in bundle.reasons(lang)]
    lines.append(_("Source: %(citation)s") % {"citation": result.citation})
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def run_hematotox(args: argparse.Namespace) -> int:
    from desktop.clinical.hematotox import hematotox_score

    hematotox_score(anc=args.anc, hb=args.hb, plt=args.plt, crp=args.crp, ferritin=args.ferritin)
