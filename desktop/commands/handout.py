"""`cartref handout`: list the handouts, print one to PDF, or all of them into a folder.

PDF needs Qt's painter, so Qt is imported only when a PDF is made (`--list` stays light).
Errors (unknown name, bad date, unknown centre, unwritable path) are one line, exit 2, and
no partial file is left: the PDF is written to a temporary file and renamed.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop import outputs
from desktop.commands.common import (
    add_kb_option,
    lang_choice,
    lines_argument,
    open_for,
    print_json,
    print_table,
    text_argument,
)
from desktop.errors import UserInputError
from desktop.handouts import catalog

if TYPE_CHECKING:
    from desktop.handouts.render import Personal
    from desktop.kb.store import KnowledgeBase

# Plausible dates for a CAR-T handout (F17, F18): the calendar arithmetic never reaches the ends of
# the calendar, and a one-digit typo in a year is refused instead of printing a 40-page calendar or
# running for minutes. Leukapheresis to infusion is weeks, rarely months; a year covers every case.
EARLIEST = date(2000, 1, 1)
LATEST = date(2099, 12, 31)
MAX_LEUKAPHERESIS_DAYS = 365

# User-facing messages, in one place (to be moved into the message catalogues).
MESSAGES = {
    "out-of-range": "{0} {1} is not a plausible date (use a date from {2} to {3}); check the year",
    "leukapheresis-span": "--leukapheresis-date {0} is {1} days before the infusion date {2}; at most {3} days "
                          "are expected (check the year)",
}


def _plausible(option: str, value: date | None) -> date | None:
    if value is not None and not EARLIEST <= value <= LATEST:
        raise UserInputError(MESSAGES["out-of-range"].format(option, value.isoformat(), EARLIEST, LATEST))
    return value


def _check_leukapheresis(leukapheresis: date | None, infusion: date | None) -> None:
    if leukapheresis is None or infusion is None:
        return
    span = (infusion - leukapheresis).days
    if span > MAX_LEUKAPHERESIS_DAYS:
        raise UserInputError(MESSAGES["leukapheresis-span"].format(
            leukapheresis.isoformat(), span, infusion.isoformat(), MAX_LEUKAPHERESIS_DAYS))


def register(sub: Any) -> None:
    p = sub.add_parser("handout", help="print a patient or clinician handout to PDF")
    p.add_argument("name", nargs="?", help="handout name (see --list)")
    p.add_argument("--list", action="store_true", help="list the handouts")
    p.add_argument("--json", action="store_true", help="with --list: print a JSON list")
    p.add_argument("--all", action="store_true", help="print every handout in both languages into --out-dir")
    p.add_argument("--out", type=outputs.argument, default=None, help="PDF file to write")
    p.add_argument("--out-dir", type=outputs.dir_argument, default=None, help="folder for --all")
    p.add_argument("--lang", type=lang_choice, default=None, help="en or zh (default en; --all: both)")
    p.add_argument("--large-print", action="store_true", help="body text 16 pt or more")
    p.add_argument("--paper", choices=catalog.PAPERS, default="a4")
    p.add_argument("--patient", type=text_argument, default="", help="patient name (printed only, never stored)")
    p.add_argument("--infusion-date", default="", help="YYYY-MM-DD; fills the timeline dates")
    p.add_argument("--leukapheresis-date", default="", help="YYYY-MM-DD; marked on the recovery calendar")
    p.add_argument("--jurisdiction", default="",
                   help="whose dated rules the recovery calendar follows: a region id of the KB's rules (US, China; "
                        "aliases us, fda, china, nmpa); default: the product's (China for eque-cel)")
    p.add_argument("--center", default="", help="treating centre id (see `cartref centers`)")
    p.add_argument("--phone", type=text_argument, action="append", default=[], help="care-team phone (repeatable; the first is the 24-hour number)")
    p.add_argument("--note", type=lines_argument, default="", help="a free note printed on the handout")
    add_kb_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.list:
        return _list(args.json)
    from desktop.handouts.render import Options, Personal, parse_date

    infusion = _plausible("--infusion-date", parse_date(args.infusion_date) if args.infusion_date else None)
    leukapheresis = _plausible("--leukapheresis-date",
                               parse_date(args.leukapheresis_date) if args.leukapheresis_date else None)
    _check_leukapheresis(leukapheresis, infusion)
    personal = Personal(
        patient=args.patient,
        infusion_date=infusion,
        center_id=args.center.strip(),
        phones=tuple(args.phone),
        note=args.note,
        leukapheresis_date=leukapheresis,
        jurisdiction=args.jurisdiction.strip(),
    )
    if args.all:
        if args.name:
            raise UserInputError("give either a handout NAME or --all, not both")
        if args.out_dir is None:
            raise UserInputError("--all needs --out-dir DIR")
        return _all(args, personal, Options(paper=args.paper, large_print=args.large_print))
    if not args.name:
        raise UserInputError("name a handout (see `cartref handout --list`) or use --all")
    spec = catalog.get(args.name)
    if args.out is None:
        raise UserInputError("--out FILE.pdf is required")
    out: Path = outputs.check_output_file(args.out)  # before the rendering: a file (or new) in an existing folder
    kb = open_for(args)
    personal = _checked(kb, personal)
    from desktop.handouts.pdf import render_pdf
    from desktop.recovery.plan import plan_for

    options = Options(lang=args.lang or "en", paper=args.paper, large_print=args.large_print)
    result = render_pdf(kb, spec.name, out, plan_for(kb, personal), options, personal)
    for what in result.rendered.missing:
        sys.stderr.write(f"cartref: note: not in the knowledge base: {what}\n")
    sys.stdout.write(f"{out} ({result.pages} page{'s' if result.pages != 1 else ''})\n")
    return 0


def _checked(kb: KnowledgeBase, personal: Personal) -> Personal:
    """`personal` with its typed jurisdiction resolved to a region id; an unknown one is a one-line error."""
    if not personal.jurisdiction:
        return personal
    from desktop.recovery.plan import check_jurisdiction

    return replace(personal, jurisdiction=check_jurisdiction(kb, personal.jurisdiction))


def _list(as_json: bool) -> int:
    rows = [{"name": h.name, "title": h.title_en, "languages": ["en", "zh"]} for h in catalog.HANDOUTS]
    if as_json:
        print_json(rows)
    else:
        print_table(["name", "title", "languages"], [[h.name, f"{h.title_en} / {h.title('zh')}", "en, zh"] for h in catalog.HANDOUTS])
    return 0


def _all(args: argparse.Namespace, personal: Any, options: Any) -> int:
    from desktop.handouts.batch import all_jobs, run_jobs

    out_dir: Path = args.out_dir
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserInputError(f"cannot create {out_dir}: {exc.strerror or exc}") from None
    kb = open_for(args)
    langs = (args.lang,) if args.lang else None
    if personal.center_id and kb.center(personal.center_id) is None:
        raise UserInputError(f"unknown centre {personal.center_id!r} (see `cartref centers`)")
    personal = _checked(kb, personal)
    from desktop.recovery.plan import plan_for

    plan = plan_for(kb, personal)
    if plan.infusion is None:
        skipped = [h.name for h in catalog.HANDOUTS if h.needs_infusion]
        if skipped:
            sys.stderr.write(f"cartref: note: skipped {', '.join(skipped)} (needs --infusion-date)\n")
    written = run_jobs(kb, all_jobs(out_dir, personal, plan, options, langs))
    for path in written:
        sys.stdout.write(f"{path}\n")
    return 0
