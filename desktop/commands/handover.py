"""`cartref handover`: the bilingual one-page emergency handover sheet as PDF (the window's Handover tab).

The options mirror the tab's form; the page, its "what not to miss" lines and their sources are
desktop.clinical.handover's, printed by desktop.handouts.sheets (the same PDF the window saves).
`--json` prints the facts and the watch list instead of (or as well as) writing the PDF.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from desktop.commands.common import lang_choice, print_json, text_argument, whole_number
from desktop.errors import UserInputError
from desktop.i18n import N_, gettext


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"needs a date as YYYY-MM-DD, not {value!r}") from None


def register(sub: Any) -> None:
    p = sub.add_parser("handover", help=N_("one-page bilingual emergency handover sheet (PDF with a QR of the centre)"),
                       description=N_("Emergency handover for a department new to CAR-T: product, day, grades, "
                                   "tocilizumab, steroids, counts, prophylaxis, the centre's number as a QR code."))
    p.add_argument("--product", choices=("cilta-cel", "ide-cel", "other"), required=True)
    p.add_argument("--infusion-date", type=_iso_date, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--today", type=_iso_date, default=None, metavar="YYYY-MM-DD", help=N_("default: today"))
    p.add_argument("--crs", type=whole_number, default=0, metavar="G", help=N_("current CRS grade (ASTCT), 0-4"))
    p.add_argument("--icans", type=whole_number, default=0, metavar="G", help=N_("current ICANS grade (ASTCT), 0-4"))
    p.add_argument("--tocilizumab", action="append", default=[], type=text_argument, metavar="TEXT",
                   help=N_("one dose given, e.g. '2026-12-01 08:00 640 mg' (repeatable)"))
    p.add_argument("--steroids", type=text_argument, default="", metavar="TEXT")
    p.add_argument("--counts", type=text_argument, default="", metavar="TEXT")
    p.add_argument("--prophylaxis", type=text_argument, default="", metavar="TEXT")
    p.add_argument("--centre", type=text_argument, default="", metavar="TEXT", help=N_("treating centre"))
    p.add_argument("--phone", type=text_argument, default="", metavar="NUMBER", help=N_("centre phone, 24 h (QR code)"))
    p.add_argument("--out", type=Path, metavar="FILE.pdf", help=N_("write the sheet here"))
    p.add_argument("--json", action="store_true", help=N_("print JSON"))
    p.add_argument("--lang", type=lang_choice, default="en", help=N_("en or zh (messages; the sheet is bilingual)"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from desktop.clinical.handover import handover

    if args.out is None and not args.json:
        from desktop.i18n import Msg

        raise UserInputError(Msg("--out FILE.pdf is required (or --json)"))
    h = handover(product=args.product, infusion=args.infusion_date, today=args.today or date.today(),
                 crs_grade=args.crs, icans_grade=args.icans, tocilizumab=args.tocilizumab, steroids=args.steroids,
                 counts=args.counts, prophylaxis=args.prophylaxis, centre=args.centre, phone=args.phone)
    written = None
    if args.out is not None:
        from desktop import outputs
        from desktop.fileio import write_bytes_atomic
        from desktop.handouts.sheets import handover_pdf

        target = outputs.check_output_file(str(args.out))
        write_bytes_atomic(target, handover_pdf(h))
        written = str(target)
    if args.json:
        print_json({"product": h.product, "infusion_date": h.infusion.isoformat(), "day": h.day,
                    "crs_grade": h.crs_grade, "icans_grade": h.icans_grade, "tocilizumab": list(h.tocilizumab),
                    "steroids": h.steroids, "counts": h.counts, "prophylaxis": h.prophylaxis, "centre": h.centre,
                    "phone": h.phone, "watch": [{"text": w.message.text(args.lang), "sources": list(w.source_ids)}
                                                for w in h.watch],
                    "out": written})
        return 0
    _ = gettext(args.lang)
    sys.stdout.write(_("Handover sheet written: %(path)s (day %(day)s since infusion)") % {"path": written,
                                                                                          "day": h.day} + "\n")
    return 0
