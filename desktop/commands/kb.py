"""`cartref kb build|verify|info|diff`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from desktop import __version__, outputs, paths
from desktop.commands.common import print_json
from desktop.errors import ContentError, KBError
from desktop.kb.store import open_kb


def register(sub: Any) -> None:
    p = sub.add_parser("kb", help="build, verify or describe the knowledge base")
    kbsub = p.add_subparsers(dest="kb_command", required=True)
    b = kbsub.add_parser("build", help="build kb.sqlite from data/")
    b.add_argument("--data", type=Path, default=None, help="content folder (default: data/)")
    b.add_argument("--out", type=outputs.argument, default=None, help="output file (default: the bundled KB)")
    b.set_defaults(func=run_build)
    v = kbsub.add_parser("verify", help="integrity check and content rules")
    v.add_argument("path", type=Path, nargs="?", default=None)
    v.add_argument("--stale", type=_days, default=None, metavar="DAYS",
                   help="also list every source, rule and label not reviewed within DAYS; exit 1 if any")
    v.add_argument("--as-of", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                   help="the day --stale counts back from (default: today)")
    v.set_defaults(func=run_verify)
    i = kbsub.add_parser("info", help="version, content date, counts and hash")
    i.add_argument("path", type=Path, nargs="?", default=None)
    i.add_argument("--json", action="store_true")
    i.set_defaults(func=run_info)
    d = kbsub.add_parser("diff", help="what changed between two KB files")
    d.add_argument("old", type=Path, help="the older KB file (`cartref pack list --json` gives the previous one)")
    d.add_argument("new", type=Path, help="the newer KB file (e.g. the installed one, from `cartref pack list --json`)")
    d.add_argument("--json", action="store_true", help="machine-readable output")
    d.set_defaults(func=run_diff)


def run_build(args: argparse.Namespace) -> int:
    from desktop.content.build import build_kb

    data = args.data or paths.data_dir()
    out = args.out or paths.bundled_kb_path()
    try:
        result = build_kb(data, out)
    except ContentError as exc:
        for problem in exc.problems:
            sys.stderr.write(problem + "\n")
        sys.stderr.write(f"cartref: kb build refused: {len(exc.problems)} problem(s)\n")
        return 2
    counts = ", ".join(f"{k} {v}" for k, v in result.counts.items())
    sys.stdout.write(f"built {result.path} (version {result.kb_version}, hash {result.content_hash[:12]}) in {result.seconds:.2f} s: {counts}\n")
    return 0


def run_diff(args: argparse.Namespace) -> int:
    import json

    from desktop.kb.diff import diff_kbs

    result = diff_kbs(args.old, args.new)
    if args.json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(result.as_text() + "\n")
    return 0


def _in_use() -> tuple[Path, str, str | None]:
    """(path of the KB the program uses, "installed"/"bundled"/"explicit", why the installed one is not used)."""
    opened = open_kb()
    kb_path = opened.kb.path
    opened.kb.close()
    return kb_path, opened.source, opened.installed_problem


def _source_label(source: str) -> str:
    return {"installed": "installed from a content pack", "bundled": "the copy shipped with the program"}.get(source, "given explicitly")


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


def _report_stale(target: Path, days: int, today: dt.date | None) -> int:
    """List what was not reviewed within `days` on stdout; 1 when anything is, else 0."""
    from desktop.kb.stale import stale_items

    items = stale_items(target, days, today)
    for item in items:
        sys.stdout.write(f"stale: {item.line()}\n")
    if items:
        sys.stderr.write(f"cartref: {len(items)} item(s) not reviewed within {days} days\n")
        return 1
    sys.stdout.write(f"{target}: every source, rule and label reviewed within {days} days\n")
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
    problems = verify_kb(target)
    if not problems and seal.is_installed_path(target) and target.is_file():
        try:
            seal.authenticate(target)
        except KBError as exc:
            problems = [str(exc)]
    for problem in problems:
        sys.stderr.write(f"{target}: {problem}\n")
    if installed_problem:
        sys.stderr.write(f"cartref: the installed knowledge base is damaged ({installed_problem}); "
                         "the program is using the copy shipped with it. `cartref pack rollback` or applying the pack again repairs it.\n")
    if problems or installed_problem:
        count = len(problems) + (1 if installed_problem else 0)
        sys.stderr.write(f"cartref: kb verify failed: {count} problem(s)\n")
        return 2
    suffix = "" if args.path is not None else f" (in use: {_source_label(source)})"
    sys.stdout.write(f"{target}: ok{suffix}\n")
    if args.stale is not None:
        return _report_stale(target, args.stale, args.as_of)
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
        sys.stdout.write(f"in use: {_source_label(opened.source)}\n")
        if opened.installed_problem:
            sys.stdout.write(f"installed: DAMAGED ({opened.installed_problem}); not used\n")
        sys.stdout.write(
            f"path: {info['path']}\nkb_version: {meta.kb_version}\nschema_version: {meta.schema_version}\n"
            f"content_date: {meta.content_date}\ncontent_hash: {meta.content_hash}\n"
        )
        for key, value in counts.items():
            sys.stdout.write(f"{key}: {value}\n")
    return 0


def print_version() -> int:
    sys.stdout.write(f"cartref {__version__}\n")
    try:
        opened = open_kb()
    except KBError as exc:
        sys.stdout.write(f"knowledge base: unavailable ({exc})\n")
        return 0
    meta = opened.kb.meta()
    source = {"installed": "installed pack", "bundled": "bundled"}.get(opened.source, str(opened.kb.path))
    sys.stdout.write(f"knowledge base {meta.kb_version} ({meta.content_date}, {meta.short_hash}; {source})\n")
    if opened.installed_problem:
        sys.stdout.write(f"installed knowledge base: DAMAGED, not used ({opened.installed_problem})\n")
    return 0
