"""Top-3 hit rate of search over a relevance set (tests/unit/kb/relevance_set.yaml).

Shared by the test that holds the bar and the bench row that reports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.kb.store import KnowledgeBase

GROUPS = ("zh-lay", "zh-clin", "en-lay", "en-clin")


@dataclass(frozen=True)
class Case:
    group: str
    query: str
    expect: tuple[str, ...]


def load_cases(path: Path) -> list[Case]:
    import yaml  # only tests and the bench read the set

    rows = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Case(str(r["group"]), str(r["q"]), tuple(str(e) for e in r["expect"])) for r in rows]


def top3(kb: KnowledgeBase, query: str) -> list[str]:
    return [f"{h.kind}:{h.id}" for h in kb.search(query, limit=3).hits[:3]]


def hit_rates(kb: KnowledgeBase, cases: list[Case]) -> tuple[dict[str, float], list[tuple[Case, list[str]]]]:
    """Hit rate per group and overall ("all"), and the misses with what came back instead."""
    hits: dict[str, list[bool]] = {g: [] for g in GROUPS}
    misses: list[tuple[Case, list[str]]] = []
    for case in cases:
        got = top3(kb, case.query)
        ok = any(e in got for e in case.expect)
        hits.setdefault(case.group, []).append(ok)
        if not ok:
            misses.append((case, got))
    rates = {g: (sum(v) / len(v) if v else 0.0) for g, v in hits.items()}
    every = [x for v in hits.values() for x in v]
    rates["all"] = sum(every) / len(every) if every else 0.0
    return rates, misses
