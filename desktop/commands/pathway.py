"""`cartref pathway`: CRS/ICANS grade -> management steps, each source side by side, dated.

`--json` prints {"crs_grade", "icans_grade", "protocol", "reasons" (the chosen protocol's steps),
"source", "sections": [{"topic", "grade", "columns": [...]}]}. Content: desktop.clinical.pathway.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.commands.common import lang_choice, print_json
from desktop.i18n import N_, gettext


def register(sub: Any) -> None:
    from desktop.clinical.pathway import PRODUCTS, PROTOCOLS

    p = sub.add_parser("pathway", help=N_("CRS/ICANS grade -> management steps by source (ASCO, NCCN, label)"),
                       description=N_("Management by grade from the sources read: ASCO 2021 (pocket guide), "
                                   "NCCN v2.2026 (secondary copy), CARVYKTI label."))
    p.add_argument("--crs", type=_grade, default=0, metavar="G", help=N_("ASTCT CRS grade 0-4"))
    p.add_argument("--icans", type=_grade, default=0, metavar="G", help=N_("ASTCT ICANS grade 0-4"))
    p.add_argument("--protocol", choices=PROTOCOLS, default="asco", help=N_("the site's protocol, shown first"))
    p.add_argument("--product", choices=PRODUCTS, default="other", help=N_("cilta-cel adds the label column"))
    p.add_argument("--high-risk", action="store_true", help=N_("high-risk product or patient (ICANS grade 2)"))
    p.add_argument("--persistent", action="store_true", help=N_("ICANS grade 3 or more persisting"))
    p.add_argument("--weight-kg", type=float, metavar="W", help=N_("weight for mg/kg steroid doses (20-300 kg)"))
    p.add_argument("--json", action="store_true", help=N_("print JSON"))
    p.add_argument("--lang", type=lang_choice, default="en", help=N_("en or zh"))
    p.set_defaults(func=run)


def _grade(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"needs a grade 0-4, not {value!r}") from None


def run(args: argparse.Namespace) -> int:
    from desktop.clinical.pathway import pathway

    result = pathway(args.crs, args.icans, protocol=args.protocol, high_risk=args.high_risk,
                     persistent=args.persistent, weight_kg=args.weight_kg, product=args.product)
    lang = args.lang
    if args.json:
        print_json(result.to_json(lang))
        return 0
    _ = gettext(lang)
    lines: list[str] = []
    if not result.sections:
        lines.append(_("CRS grade 0 and ICANS grade 0: no management pathway."))
    for section in result.sections:
        title = _("CRS grade %(grade)s") if section.topic == "crs" else _("ICANS grade %(grade)s")
        lines.append(title % {"grade": section.grade})
        for col in section.columns:
            lines.append(f"  [{col.name.text(lang)}] ({col.dated}; {', '.join(col.source_ids)})")
            lines += [f"    - {m.text(lang)}" for m in col.steps]
            lines += [f"    ! {m.text(lang)}" for m in col.not_read]
    lines.append(_("Source: %(citation)s") % {"citation": result.citation})
    sys.stdout.write("\n".join(lines) + "\n")
    return 0
