"""`cartref kb build|verify|info|diff`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from desktop import __version__, outputs, paths
from desktop.commands.common import is_zh, long_date, print_json, ui_lang
from desktop.errors import ContentError, KBError
from desktop.i18n import N_, error_line, gettext, translate_line
from desktop.kb.store import open_kb


def register(sub: Any) -> None:
    p = sub.add_parser("kb", help=N_("build, verify or describe the knowledge base"))
    kbsub = p.add_subparsers(dest="kb_command", required=True)
    b = kbsub.add_parser("build", help=N_("build kb.sqlite from data/"))
    b.add_argument("--data", type=Path, default=None, help=N_("content folder (default: data/)"))
    b.add_argument("--out", type=outputs.argument, default=None, help=N_("output file (default: the bundled KB)"))
    b.set_defaults(func=run_build)
    v = kbsub.add_parser("verify", help=N_("integrity check and content rules"))
    v.add_argument("path", type=Path, nargs="?", default=None)
    v.add_argument("--stale", type=_days, default=None, metavar="DAYS",
                   help=N_("also list every source, rule and label not reviewed within DAYS; exit 1 if any"))
    v.add_argument("--as-of", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                   help=N_("the day --stale counts back from (default: today)"))
    v.set_defaults(func=run_verify)
    i = kbsub.add_parser("info", help=N_("version, content date, counts and hash"))
    i.add_argument("path", type=Path, nargs="?", default=None)
    i.add_argument("--json", action="store_true")
    i.set_defaults(func=run_info)
    d = kbsub.add_parser("diff", help=N_("what changed between two KB files"))
    d.add_argument("old", type=Path, help=N_("the older KB file (`cartref pack list --json` gives the previous one)"))
    d.add_argument("new", type=Path, help=N_("the newer KB file (e.g. the installed one, from `cartref pack list --json`)"))
    d.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    d.set_defaults(func=run_diff)


def run_build(args: argparse.Namespace) -> int:
    from desktop.content.build import build_kb

    lang = ui_lang(args)
    _ = gettext(lang)
    data = args.data or paths.data_dir()
    out = args.out or paths.bundled_kb_path()
    try:
        result = build_kb(data, out)
    except ContentError as exc:
        for problem in exc.problems:
            sys.stderr.write(translate_line(problem, lang) + "\n")
        sys.stderr.write("cartref: " + _("kb build refused: %(n)s problem(s)") % {"n": len(exc.problems)} + "\n")
        return 2
    counts = _(", ").join(f"{_table_label(k, lang)} {v}" for k, v in result.counts.items())
    sys.stdout.write(_("built %(path)s (version %(version)s, hash %(hash)s) in %(seconds)s s: %(counts)s") % {
        "path": result.path, "version": result.kb_version, "hash": result.content_hash[:12],
        "seconds": f"{result.seconds:.2f}", "counts": counts} + "\n")
    return 0


TABLE_LABELS = {
    "sources": N_("sources"), "therapies": N_("therapies"), "approvals": N_("approvals"),
    "therapy_labels": N_("labels read"), "warnings": N_("warnings"), "trials": N_("trials"),
    "outcomes": N_("outcomes"), "articles": N_("articles"), "glossary": N_("glossary terms"),
    "synonyms": N_("synonyms"), "centers": N_("centres"), "corrections": N_("corrections"),
    "search_docs": N_("search entries"), "places": N_("places"), "place_names": N_("place names"),
    "rules": N_("rules"), "regulatory_events": N_("regulatory events"),
}
"""The KB's tables as a reader names them (build summary, `kb info`)."""


def _table_label(table: str, lang: str) -> str:
    label = TABLE_LABELS.get(table)
    return gettext(lang)(label) if label and lang != "en" else table


def run_diff(args: argparse.Namespace) -> int:
    import json

    from desktop.kb.diff import diff_kbs

    result = diff_kbs(args.old, args.new)
    if args.json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(result.as_text(ui_lang(args)) + "\n")
    return 0


def _in_use() -> tuple[Path, str, str | None]:
    """(path of the KB the program uses, "installed"/"bundled"/"explicit", why the installed one is not used)."""
    opened = open_kb()
    kb_path = opened.kb.path
    opened.kb.close()
    return kb_path, opened.source, opened.installed_problem


SOURCE_LABELS = {
    "installed": N_("installed from a content pack"),
    "bundled": N_("the copy shipped with the program"),
    "explicit": N_("given explicitly"),
}


def _source_label(source: str, lang: str = "en") -> str:
    return gettext(lang)(SOURCE_LABELS.get(source, SOURCE_LABELS["explicit"]))


def _days(value: str) -> int:
    try:
        days = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"needs a whole number of days, not {value!r}") from None
    if days < 0:
        raise argparse.ArgumentTypeError(f"needs 0 or more days, not {days}")
    return days


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"needs a date YYYY-MM-DD, not {value!r}") from None


def _report_stale(target: Path, days: int, today: dt.date | None, lang: str = "en") -> int:
    """List what was not reviewed within `days` on stdout; 1 when anything is, else 0."""
    from desktop.kb.stale import stale_items

    _ = gettext(lang)
    items = stale_items(target, days, today)
    for item in items:
        sys.stdout.write(_("stale: %(item)s") % {"item": item.line(lang)} + "\n")
    if items:
        sys.stderr.write("cartref: " + _("%(n)s item(s) not reviewed within %(days)s days")
                         % {"n": len(items), "days": days} + "\n")
        return 1
    sys.stdout.write(_("%(path)s: every source, rule and label reviewed within %(days)s days") % {
        "path": target, "days": days} + "\n")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    """With no path: the KB in use, and the installed one even when it is not in use (review F8)."""
    from desktop.kb import seal
    from desktop.kb.verify import verify_kb

    installed_problem: str | None = None
    if args.path is not None:
        target, source = args.path, "explicit"
    else:
        target, source, installed_problem = _in_use()
    lang = ui_lang(args)
    _ = gettext(lang)
    problems = verify_kb(target)
    if not problems and seal.is_installed_path(target) and target.is_file():
        try:
            seal.authenticate(target)
        except KBError as exc:
            problems = [error_line(exc, lang)]
    for problem in problems:
        sys.stderr.write(f"{target}: {translate_line(problem, lang)}\n")
    if installed_problem:
        sys.stderr.write("cartref: " + _("the installed knowledge base is damaged (%(why)s); the program is using the "
                                         "copy shipped with it. `cartref pack rollback` or applying the pack again "
                                         "repairs it.") % {"why": installed_problem} + "\n")
    if problems or installed_problem:
        count = len(problems) + (1 if installed_problem else 0)
        sys.stderr.write("cartref: " + _("kb verify failed: %(n)s problem(s)")
                         % {"n": count} + "\n")
        return 2
    if args.path is not None:
        sys.stdout.write(_("%(path)s: ok") % {"path": target} + "\n")
    else:
        sys.stdout.write(_("%(path)s: ok (in use: %(source)s)") % {"path": target, "source": _source_label(source, lang)}
                         + "\n")
    if args.stale is not None:
        return _report_stale(target, args.stale, args.as_of, lang)
    return 0


def run_info(args: argparse.Namespace) -> int:
    opened = open_kb(args.path)
    kb = opened.kb
    meta = kb.meta()
    counts = kb.counts()
    info: dict[str, object] = {
        "path": str(kb.path),
        "source": opened.source,
        "installed_problem": opened.installed_problem,
        "kb_version": meta.kb_version,
        "schema_version": meta.schema_version,
        "content_date": meta.content_date,
        "content_hash": meta.content_hash,
        "counts": counts,
    }
    if args.json:
        print_json(info)
    else:
        lang = ui_lang(args)
        _ = gettext(lang)
        sys.stdout.write(_("in use: %(source)s") % {"source": _source_label(opened.source, lang)} + "\n")
        if opened.installed_problem:
            sys.stdout.write(_("installed: DAMAGED (%(why)s); not used") % {"why": opened.installed_problem} + "\n")
        if is_zh(lang):
            rows = [(_("path"), info["path"]), (_("KB version"), meta.kb_version),
                    (_("schema version"), meta.schema_version), (_("content date"), long_date(meta.content_date, lang)),
                    (_("content hash"), meta.content_hash)]
        else:  # the keys scripts have always read
            rows = [(key, info[key]) for key in ("path", "kb_version", "schema_version", "content_date", "content_hash")]
        rows += [(_table_label(key, lang), value) for key, value in counts.items()]
        for label, value in rows:
            sys.stdout.write(_("%(label)s: %(value)s") % {"label": label, "value": value} + "\n")
    return 0


def print_version(lang: str = "en") -> int:
    _ = gettext(lang)
    sys.stdout.write(f"cartref {__version__}\n")
    try:
        opened = open_kb()
    except KBError as exc:
        sys.stdout.write(_("knowledge base: unavailable (%(why)s)") % {"why": error_line(exc, lang)} + "\n")
        return 0
    meta = opened.kb.meta()
    source = {"installed": _("installed pack"), "bundled": _("bundled")}.get(opened.source, str(opened.kb.path))
    sys.stdout.write(_("knowledge base %(version)s (%(date)s, %(hash)s; %(source)s)") % {
        "version": meta.kb_version, "date": long_date(meta.content_date, lang), "hash": meta.short_hash,
        "source": source} + "\n")
    if opened.installed_problem:
        sys.stdout.write(_("installed knowledge base: DAMAGED, not used (%(why)s)") % {"why": opened.installed_problem}
                         + "\n")
    return 0
