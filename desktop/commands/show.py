"""`cartref show KIND ID`: one record with its sources."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.commands.common import add_kb_option, lang_choice, open_for, print_json
from desktop.errors import NotFoundError
from desktop.kb import schema
from desktop.kb.store import KnowledgeBase


def register(sub: Any) -> None:
    p = sub.add_parser("show", help="show one record (therapy, article, trial, outcome, center, glossary)")
    p.add_argument("kind", choices=schema.KINDS)
    p.add_argument("id")
    p.add_argument("--lang", type=lang_choice, default="en")
    p.add_argument("--json", action="store_true")
    add_kb_option(p)
    p.set_defaults(func=run)


def record_for(kb: KnowledgeBase, kind: str, ident: str, lang: str) -> Any:
    lookup = {
        "therapy": kb.therapy,
        "trial": kb.trial,
        "outcome": kb.outcome,
        "center": kb.center,
        "glossary": kb.glossary_term,
    }
    if kind == "article":
        return kb.article(ident, lang)
    return lookup[kind](ident)


APPROVAL_EVENT_WORDS = {
    "designation": "designation",
    "filing": "application filed or accepted",
    "opinion": "opinion",
    "approval": "approval",
    "indication-change": "indication change",
}
"""The row's kind as the line's lead word (like `warning:`), then the row's own event text."""


def approval_line(a: dict[str, Any], lang: str = "en") -> str:
    """'indication change: 2024-04-05 United States FDA: label expansion (...) - Adults with ...'."""
    kind = str(a.get("kind") or "approval")
    lead = APPROVAL_EVENT_WORDS.get(kind, kind)
    indication = (a.get("indication_zh") if lang != "en" else "") or a.get("indication_en", "")
    where = " ".join(x for x in (a.get("date", ""), a.get("region", ""), a.get("agency", "")) if x)
    event = a.get("event") or kind
    return f"{lead}: {where}: {event}" + (f" - {indication}" if indication else "")


def run(args: argparse.Namespace) -> int:
    kb = open_for(args)
    record = record_for(kb, args.kind, args.id, args.lang)
    if record is None:
        if args.json:
            print_json(None)
        raise NotFoundError(f"no {args.kind} with id {args.id!r}")
    data = record._asdict()
    sources = [s._asdict() | {"citation": s.citation} for s in kb.sources_for(list(getattr(record, "source_ids", ())))]
    if args.kind == "therapy":
        data["approvals"] = [a._asdict() for a in kb.approvals(args.id)]
        data["warnings"] = [w._asdict() for w in kb.warnings(args.id)]
        data["labels"] = [lb._asdict() for lb in kb.labels(args.id)]
    if args.kind == "trial":
        data["outcomes"] = [o._asdict() for o in kb.outcomes(args.id)]
    data["sources"] = sources
    if args.json:
        print_json(data)
        return 0
    out = sys.stdout
    for key, value in data.items():
        if key in ("sources", "approvals", "warnings", "labels", "outcomes", "body_md") or value in ("", (), [], None):
            continue
        out.write(f"{key}: {', '.join(value) if isinstance(value, list | tuple) else value}\n")
    if "body_md" in data:
        out.write("\n" + data["body_md"] + "\n")
    for a in data.get("approvals", []):
        out.write(approval_line(a, args.lang) + "\n")
    for lb in data.get("labels", []):
        via = f"; read via {lb['read_via']}" if lb["read_via"] else ""
        out.write(f"label: {lb['region']}: {lb['version']} (read on {lb['read_on']}{via}) [{', '.join(lb['source_ids'])}]\n")
    for w in data.get("warnings", []):
        out.write(f"warning: {w['text_en']}\n")
    for o in data.get("outcomes", []):
        out.write(f"outcome: {o['cohort']} {o['metric']} = {o['value']} {o['unit']} ({o['data_cut']})\n")
    out.write("\nSources:\n")
    for s in sources:
        out.write(f"  [{s['id']}] {s['citation']} ({s['grade']})\n")
    return 0
