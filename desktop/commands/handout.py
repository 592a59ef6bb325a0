"""`cartref handout`: list the handouts, print one to PDF, or all of them into a folder.

PDF needs Qt's painter, so Qt is imported only when a PDF is made (`--list` stays light).
Errors (unknown name, bad date, unknown centre, unwritable path) are one line, exit 2, and
no partial file is left: the PDF is written to a temporary file and renamed.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop import outputs
from desktop.commands.common import (
    add_kb_option,
    is_zh,
    lang_choice,
    lines_argument,
    open_for,
    print_json,
    print_table,
    text_argument,
    ui_lang,
)
from desktop.errors import UserInputError
from desktop.handouts import catalog
from desktop.i18n import N_, Msg, gettext, ngettext, translate_line

if TYPE_CHECKING:
    from desktop.handouts.render import Personal
    from desktop.kb.store import KnowledgeBase

def register(sub: Any) -> None:
    p = sub.add_parser("handout", help=N_("print a patient or clinician handout to PDF"))
    p.add_argument("name", nargs="?", help=N_("handout name (see --list)"))
    p.add_argument("--list", action="store_true", help=N_("list the handouts"))
    p.add_argument("--json", action="store_true", help=N_("with --list: print a JSON list"))
    p.add_argument("--all", action="store_true", help=N_("print every handout in both languages into --out-dir"))
    p.add_argument("--out", type=outputs.argument, default=None, help=N_("PDF file to write"))
    p.add_argument("--out-dir", type=outputs.dir_argument, default=None, help=N_("folder for --all"))
    p.add_argument("--lang", type=lang_choice, default=None, help=N_("en or zh (default en; --all: both)"))
    p.add_argument("--large-print", action="store_true", help=N_("body text 16 pt or more"))
    p.add_argument("--paper", choices=catalog.PAPERS, default="a4")
    p.add_argument("--patient", type=text_argument, default="", help=N_("patient name (printed only, never stored)"))
    p.add_argument("--infusion-date", default="", help=N_("YYYY-MM-DD; fills the timeline dates"))
    p.add_argument("--leukapheresis-date", default="", help=N_("YYYY-MM-DD; marked on the recovery calendar"))
    p.add_argument("--jurisdiction", default="",
                   help=N_("whose dated rules the recovery calendar follows: a region id of the KB's rules (US, China; "
                        "aliases us, fda, china, nmpa); default: the product's (China for eque-cel)"))
    p.add_argument("--product", default="", help=N_("the CAR-T product, a therapy id (default eque-cel); "
                   "cilta-cel adds the weekly nerve check"))
    p.add_argument("--center", default="", help=N_("treating centre id (see `cartref centers`)"))
    p.add_argument("--contact", type=text_argument, action="append", default=[], metavar="LABEL=NUMBER",
                   help=N_("care-team contact, e.g. \"24-hour ward=+86 27 8366 0000\" (repeatable; the first is the 24-hour one)"))
    p.add_argument("--phone", type=text_argument, action="append", default=[], help=N_("a care-team number without a label, printed before the --contact ones (the first is the 24-hour number)"))
    p.add_argument("--note", type=lines_argument, default="", help=N_("a free note printed on the handout"))
    add_kb_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    lang = ui_lang(args)
    _ = gettext(lang)
    if args.list:
        return _list(args.json, lang)
    from desktop.handouts.render import Options, Personal
    from desktop.recovery.dates import FieldError, parse_dates

    try:
        infusion, leukapheresis = parse_dates(args.infusion_date, args.leukapheresis_date)
    except FieldError as exc:
        raise UserInputError(Msg("--%(field)s-date: %(message)s", field=exc.field, message=_field_message(exc))) from None
    patient = _cleaned("patient", "--patient", args.patient, lang)
    note = _cleaned("note", "--note", args.note, lang)
    personal = Personal(
        patient=patient,
        infusion_date=infusion,
        center_id=args.center.strip(),
        note=note,
        leukapheresis_date=leukapheresis,
        jurisdiction=args.jurisdiction.strip(),
        product=args.product.strip(),
    )
    if args.all:
        if args.name:
            raise UserInputError(Msg("give either a handout NAME or --all, not both"))
        if args.out_dir is None:
            raise UserInputError(Msg("--all needs --out-dir DIR"))
        return _all(args, personal, Options(paper=args.paper, large_print=args.large_print))
    if not args.name:
        raise UserInputError(Msg("name a handout (see `cartref handout --list`) or use --all"))
    spec = catalog.get(args.name)
    if args.out is None:
        raise UserInputError(Msg("--out FILE.pdf is required"))
    out: Path = outputs.check_output_file(args.out)  # before the rendering: a file (or new) in an existing folder
    kb = open_for(args)
    personal = _checked(kb, personal, args)
    from desktop.handouts.pdf import PdfResult
    from desktop.recovery.plan import plan_for

    options = Options(lang=args.lang or "en", paper=args.paper, large_print=args.large_print)
    from desktop.handouts.pdf import layout

    document = layout(kb, spec.name, plan_for(kb, personal), options, personal)
    if document.uncovered:
        sys.stderr.write("cartref: " + _("warning: no embedded font draws %(chars)s (printed blank)") % {
            "chars": "; ".join(document.uncovered)} + "\n")
    document.write_pdf(out)
    result = PdfResult(out, document.page_count, document.rendered)
    for what in result.rendered.missing:
        sys.stderr.write("cartref: " + _("note: not in the knowledge base: %(what)s") % {"what": what} + "\n")
    n_ = ngettext(lang)
    sys.stdout.write(n_("%(path)s (%(n)s page)", "%(path)s (%(n)s pages)", result.pages) % {
        "path": out, "n": result.pages} + "\n")
    return 0


def _cleaned(field: str, option: str, text: str, lang: str = "en") -> str:
    """A personal field without invisible direction controls (F19), with a note when any were removed."""
    from desktop.handouts.fields import FieldError, clean

    try:
        value, changed = clean(field, text)
    except FieldError as exc:
        raise UserInputError(Msg("%(option)s: %(message)s", option=option, message=_field_message(exc))) from None
    if changed:
        _ = gettext(lang)
        sys.stderr.write("cartref: " + _("note: %(option)s: removed invisible text-direction characters") % {
            "option": option} + "\n")
    return value


def _checked(kb: KnowledgeBase, personal: Personal, args: argparse.Namespace) -> Personal:
    """`personal` with its jurisdiction resolved to a region id and its contacts parsed.

    A number without a country code takes the region of the centre's country, else of the
    jurisdiction (the product's by default); an unknown jurisdiction or a number that cannot be
    dialled is a one-line error (exit 2) before anything is written.
    """
    from desktop.handouts.content import find_center
    from desktop.handouts.fields import (
        FieldError,
        check_contacts,
        parse_contact,
        parse_number,
        region_for,
    )
    from desktop.handouts.render import Contact
    from desktop.recovery.plan import check_jurisdiction, default_jurisdiction

    if personal.jurisdiction:
        personal = replace(personal, jurisdiction=check_jurisdiction(kb, personal.jurisdiction))
    if personal.product and kb.therapy(personal.product) is None:
        known = ", ".join(t.id for t in kb.therapies())
        raise UserInputError(Msg("unknown product %(name)s (one of: %(known)s)", name=repr(personal.product), known=known))
    center = find_center(kb, personal.center_id)
    if personal.center_id and center is None:
        raise UserInputError(Msg("unknown centre %(name)s (see `cartref centers`)", name=repr(personal.center_id)))
    region = region_for(center.country if center else "", personal.jurisdiction or default_jurisdiction(kb))
    contacts: list[Contact] = []
    try:
        for text in args.phone:  # unlabelled numbers first: --phone has always been the 24-hour number
            e164, display = parse_number(text, region)
            contacts.append(Contact("", e164, display))
        for text in args.contact:
            if "=" not in text:
                raise UserInputError(Msg("--contact %(text)s: use LABEL=NUMBER, e.g. \"24-hour ward=+86 27 8366 0000\"",
                                         text=repr(text)))
            contacts.append(parse_contact(text, region))
        return replace(personal, contacts=check_contacts(contacts))
    except FieldError as exc:
        raise UserInputError(Msg("%(option)s: %(message)s", option="--contact/--phone",
                                 message=_field_message(exc))) from None


def _field_message(exc: Any) -> Msg:
    """A form field's error (desktop.recovery.dates.FieldError) as a message to translate later."""
    return Msg(exc.msgid, **{k: v if isinstance(v, int | float) else str(v) for k, v in exc.values.items()})


def _list(as_json: bool, lang: str = "en") -> int:
    rows = [{"name": h.name, "title": h.title(lang) if is_zh(lang) else h.title_en, "languages": ["en", "zh"]}
            for h in catalog.HANDOUTS]
    if as_json:
        print_json(rows)
    elif is_zh(lang):
        _ = gettext(lang)
        print_table([_("name"), _("title"), _("languages")],
                    [[h.name, h.title(lang), _("English, Chinese")] for h in catalog.HANDOUTS])
    else:
        print_table(["name", "title", "languages"], [[h.name, f"{h.title_en} / {h.title('zh')}", "en, zh"] for h in catalog.HANDOUTS])
    return 0


def _all(args: argparse.Namespace, personal: Any, options: Any) -> int:
    from desktop.handouts.batch import all_jobs, run_jobs

    out_dir: Path = args.out_dir
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserInputError(f"cannot create {out_dir}: {exc.strerror or exc}") from None  # desktop.errortext
    kb = open_for(args)
    langs = (args.lang,) if args.lang else None
    personal = _checked(kb, personal, args)
    from desktop.handouts.batch import skipped
    from desktop.recovery.plan import plan_for

    plan = plan_for(kb, personal)
    _ = gettext(ui_lang(args))
    for name, why in skipped(kb, plan).items():
        sys.stderr.write("cartref: " + _("note: skipped %(name)s (%(why)s)") % {
            "name": name, "why": translate_line(why, ui_lang(args))} + "\n")
    written = run_jobs(kb, all_jobs(out_dir, personal, plan, options, langs, kb))
    for path in written:
        sys.stdout.write(f"{path}\n")
    return 0
