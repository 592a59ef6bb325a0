"""data/corrections.yaml: content corrected after it was published, with the reason.

A diff of two KBs shows what was added, removed or edited; only the author knows *why* a
figure or date changed. Each correction says what changed, why, when, and which records it
touched (`refs`, links the window can open), so the "What changed" view can show it.
"""

from __future__ import annotations

from desktop.content.checker import Checker, list_value, text_value
from desktop.content.yamlload import line_of

REF_KINDS = {"article": "articles", "therapy": "therapies", "trial": "trials", "outcome": "outcomes",
             "center": "centers", "glossary": "glossary", "rule": "rules", "source": "sources"}
"""Link prefix -> the table whose ids it names."""


def load_corrections(checker: Checker) -> None:
    """Read and check corrections.yaml (optional); run after every table a `ref` may name."""
    path = checker.data_dir / "corrections.yaml"
    if not path.exists():
        return
    items = checker.load_yaml(path)
    if items is None:
        return
    if not isinstance(items, list):
        checker.problem(path, 1, "corrections.yaml must be a list of corrections")
        return
    known = {kind: {str(r.get("id")) for r in checker.content.rows(table)} for kind, table in REF_KINDS.items()}
    seen: dict[str, int] = {}
    for item in items:
        line = line_of(item)
        if not isinstance(item, dict) or not checker.require(
                path, item, ("id", "date", "what_en", "reason_en"), "correction"):
            continue
        cid = checker.check_id(path, line, item["id"], "correction")
        if not checker.unique(seen, path, line, cid, "correction"):
            continue
        refs = list_value(item.get("refs"))
        for ref in refs:
            kind, _, ident = ref.partition(":")
            if kind not in known:
                checker.problem(path, line, f"correction `{cid}`: ref `{ref}` must start with one of "
                                            f"{', '.join(k + ':' for k in REF_KINDS)}")
            elif ident not in known[kind]:
                checker.problem(path, line, f"correction `{cid}`: ref `{ref}` names no {kind} in data/")
        checker.content.rows("corrections").append(
            {
                "id": cid,
                "date": checker.date(path, line, item.get("date"), "date"),
                "what_en": text_value(item.get("what_en")),
                "what_zh": text_value(item.get("what_zh")),
                "reason_en": text_value(item.get("reason_en")),
                "reason_zh": text_value(item.get("reason_zh")),
                "refs": refs,
                "source_ids": checker.cited(path, line, item.get("source_ids"), required=False),
            }
        )
