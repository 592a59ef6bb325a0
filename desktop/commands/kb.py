"""`cartref kb build|verify|info|diff`."""

from __future__ import annotations

import argparse
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
    v.set_defaults(func=run_verify)
    i = kbsub.add_parser("info", help="version, content date, counts and hash")
    i.add_argument("path", type=Path, nargs="?", default=None)
    i.add_argument("--json", action="store_true")
    i.set_defaults(func=run_info)
    d = kbsub.add_parser("diff", help="what changed between two KB files")
    d.add_argument("old", type=Path, help="the older KB file (e.g. previous.sqlite)")
    d.add_argument("new", type=Path, help="the newer KB file (e.g. current.sqlite)")
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


def _target(path: Path | None) -> Path:
    if path is not None:
        return path
    opened = open_kb()
    kb_path = opened.kb.path
    opened.kb.close()
    return kb_path


def run_verify(args: argparse.Namespace) -> int:
    from desktop.kb.verify import verify_kb

    target = _target(args.path)
    problems = verify_kb(target)
    for problem in problems:
        sys.stderr.write(f"{target}: {problem}\n")
    if problems:
        sys.stderr.write(f"cartref: kb verify failed: {len(problems)} problem(s)\n")
        return 2
    sys.stdout.write(f"{target}: ok\n")
    return 0


def run_info(args: argparse.Namespace) -> int:
    opened = open_kb(args.path)
    kb = opened.kb
    meta = kb.meta()
    counts = kb.counts()
    info: dict[str, object] = {
        "path": str(kb.path),
        "kb_version": meta.kb_version,
        "schema_version": meta.schema_version,
        "content_date": meta.content_date,
        "content_hash": meta.content_hash,
        "counts": counts,
    }
    if args.json:
        print_json(info)
    else:
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
    sys.stdout.write(f"knowledge base {meta.kb_version} ({meta.content_date}, {meta.short_hash})\n")
    return 0
