"""Dated, jurisdiction-tagged rules (monitoring, staying near the centre, driving, ...).

A rule that is printed for a patient must say *whose* rule it is and *since when*: US labels
changed on 26 June 2025 while FUCASO's rules come from China and the trial protocol. So the
build refuses a rule without `jurisdiction`, `valid_from` or `source_ids`, and the KB keeps
every version of a rule (old ones carry `valid_to`) so views can show both, never one silently.

This module holds the records and the queries (`rules_for()`, `regions()`,
`regulatory_timeline()`); `desktop.content.rules` checks data/rules/*.yaml and writes the
`rules`, `rule_regions` and `regulatory_events` tables.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.kb.text import in_language

if TYPE_CHECKING:
    from desktop.kb.store import KnowledgeBase


# -- records -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Rule:
    """One dated rule as stored in the KB."""

    id: str
    topic: str
    jurisdiction: str
    region: str
    valid_from: str
    text_en: str
    text_zh: str = ""
    jurisdiction_zh: str = ""
    therapy_ids: tuple[str, ...] = ()
    value: float | None = None
    unit: str = ""
    day_from: int | None = None
    day_to: int | None = None
    valid_to: str = ""
    supersedes: str = ""
    note: str = ""
    note_zh: str = ""
    source_ids: tuple[str, ...] = ()
    reviewed_on: str = ""

    def text(self, lang: str = "en") -> str:
        return in_language(lang, self.text_en, self.text_zh)

    def note_text(self, lang: str = "en") -> str:
        """The reviewer's note on where the rule's dates come from, in the reader's language."""
        return in_language(lang, self.note, self.note_zh)

    def jurisdiction_label(self, lang: str = "en") -> str:
        return in_language(lang, self.jurisdiction, self.jurisdiction_zh)

    def in_force(self, on: dt.date | str) -> bool:
        """True when `on` lies in [valid_from, valid_to); a month-only date counts from its first day."""
        day = on.isoformat() if isinstance(on, dt.date) else str(on)
        if start_of(self.valid_from) > day:
            return False
        return not self.valid_to or day < start_of(self.valid_to)

    @property
    def period_label(self) -> str:
        """`since 2025-06-26` or `2021-03 – 2025-06-26`: how a view prints validity."""
        if self.valid_to:
            return f"{self.valid_from} – {self.valid_to}"
        return f"since {self.valid_from}"

    @property
    def value_text(self) -> str:
        if self.value is None:
            return ""
        number = f"{self.value:g}"
        return f"{number} {self.unit}".strip()


@dataclass(frozen=True)
class RegulatoryEvent:
    """A dated regulatory fact for one product: approval, label change, safety programme ..."""

    therapy_id: str
    date: str
    kind: str
    jurisdiction: str
    text_en: str
    text_zh: str = ""
    origin: str = ""
    ref_id: str = ""
    source_ids: tuple[str, ...] = ()

    def text(self, lang: str = "en") -> str:
        return in_language(lang, self.text_en, self.text_zh)


@dataclass(frozen=True)
class Region:
    id: str
    name_en: str
    name_zh: str = ""
    note_en: str = ""
    note_zh: str = ""

    def name(self, lang: str = "en") -> str:
        return in_language(lang, self.name_en, self.name_zh)

    def note(self, lang: str = "en") -> str:
        return in_language(lang, self.note_en, self.note_zh)


def start_of(partial: str) -> str:
    """`2021-03` -> `2021-03-01`; full dates unchanged (string order == date order)."""
    return partial if len(partial) == 10 else f"{partial}-01"


# -- reading (through the store's private row reader: the SQL stays inside kb/) -------------
def rules_for(
    kb: KnowledgeBase,
    topic: str | None = None,
    therapy_id: str | None = None,
    on: dt.date | str | None = None,
    region: str | None = None,
) -> list[Rule]:
    """Rules by topic / product / region; with `on`, only those in force that day.

    A rule with no `therapy_ids` is class-wide and applies to every product.
    Ordered by topic, region, then validity, so old and new versions sit together.
    """
    if not kb.has_table("rules"):
        return []
    sql = "SELECT * FROM rules WHERE 1=1"
    params: list[Any] = []
    if topic:
        sql += " AND topic=?"
        params.append(topic)
    if region:
        sql += " AND (region=? OR jurisdiction=?)"
        params.extend([region, region])
    if therapy_id:
        sql += " AND (therapy_ids='[]' OR EXISTS (SELECT 1 FROM json_each(rules.therapy_ids) WHERE value=?))"
        params.append(therapy_id)
    rows = kb._records(Rule, sql + " ORDER BY topic, region, valid_from, id", tuple(params))
    if on is not None:
        rows = [r for r in rows if r.in_force(on)]
    return rows


def regions(kb: KnowledgeBase) -> list[Region]:
    """The jurisdictions a recovery calendar can be computed for."""
    if not kb.has_table("rule_regions"):
        return []
    return kb._records(Region, "SELECT * FROM rule_regions ORDER BY id")


def regulatory_timeline(kb: KnowledgeBase, therapy_id: str) -> list[RegulatoryEvent]:
    """Dated regulatory events for one product, oldest first."""
    if not kb.has_table("regulatory_events"):
        return []
    return kb._records(
        RegulatoryEvent, "SELECT * FROM regulatory_events WHERE therapy_id=? ORDER BY date, origin, ref_id", (therapy_id,)
    )


def differing(rules: list[Rule]) -> dict[str, list[Rule]]:
    """Topics where more than one rule exists (by jurisdiction or over time): show them all."""
    by_topic: dict[str, list[Rule]] = {}
    for rule in rules:
        by_topic.setdefault(rule.topic, []).append(rule)
    return {topic: items for topic, items in by_topic.items() if len(items) > 1}
