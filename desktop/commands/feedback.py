"""`cartref feedback export FILE | list [--json] | clear`: the offline feedback kept locally."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from typing import Any

from desktop import outputs
from desktop.commands.common import print_json, print_table, ui_lang
from desktop.i18n import N_, gettext


def register(sub: Any) -> None:
    p = sub.add_parser("feedback", help=N_("list, export or clear the feedback kept on this computer"))
    fsub = p.add_subparsers(dest="feedback_command", required=True)
    e = fsub.add_parser("export", help=N_("write all kept feedback to one small JSON file (e.g. on a USB stick)"))
    e.add_argument("file", type=outputs.argument)
    e.set_defaults(func=run_export)
    ls = fsub.add_parser("list", help=N_("show what is kept"))
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=run_list)
    c = fsub.add_parser("clear", help=N_("forget everything kept"))
    c.set_defaults(func=run_clear)


def _conn(*, write: bool = False) -> Any:
    """The user database; reading works from a file that cannot be written (full disk, read-only,
    newer program), with one line on stderr saying so, or saying what a repair kept (F10, F13).
    Writing where that is impossible is one line and exit 2, and the file is kept."""
    from desktop import paths
    from desktop.userdata import db

    try:
        conn = db.open_user_db(read_only_ok=not write)
    except db.UserDbError:
        if write or paths.user_db_path().exists():
            raise
        return db.open_temporary_db()  # no file and none can be made (read-only home): nothing kept
    notice = db.last_recovery()
    if notice:
        sys.stderr.write(f"cartref: {notice}\n")
    return conn


def _saving(action: Any) -> Any:
    """Run a write; a lock held by another program, a full disk or a read-only file is one line."""
    import sqlite3

    from desktop.userdata.db import classify

    try:
        return action()
    except sqlite3.IntegrityError:
        raise  # a bug, not the file's state: the last guard logs it
    except sqlite3.DatabaseError as exc:
        raise classify(exc) from None


def run_export(args: argparse.Namespace) -> int:
    from desktop.userdata.feedback import export_feedback

    conn = _conn()
    try:
        count = _saving(lambda: export_feedback(conn, args.file))
    finally:
        conn.close()
    _ = gettext(ui_lang(args))
    sys.stdout.write(_("exported %(n)s feedback item(s) to %(path)s") % {"n": count, "path": args.file} + "\n")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from desktop.userdata.feedback import list_feedback

    conn = _conn()
    try:
        items = _saving(lambda: list_feedback(conn))
    finally:
        conn.close()
    if args.json:
        print_json([asdict(i) for i in items])
        return 0
    _ = gettext(ui_lang(args))
    if not items:
        sys.stdout.write(_("no feedback kept") + "\n")
        return 0
    kinds = {"no-results": _("search found nothing"), "page-problem": _("problem on a page")}
    print_table(
        (_("id"), _("kind"), _("when"), _("KB"), _("page / query"), _("text")),
        [(i.id, kinds.get(i.kind, i.kind), i.created_at[:16], i.kb_version, i.page_id or i.query, i.text[:60])
         for i in items],
    )
    return 0


def run_clear(args: argparse.Namespace) -> int:
    from desktop.userdata.feedback import clear

    conn = _conn(write=True)
    try:
        removed = _saving(lambda: clear(conn))
    finally:
        conn.close()
    _ = gettext(ui_lang(args))
    sys.stdout.write(_("cleared %(n)s feedback item(s)") % {"n": removed} + "\n")
    return 0
