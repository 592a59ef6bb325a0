"""Content not reviewed recently: sources, rules and label versions older than a number of days.

Each kind carries its own date: a source and a rule their `reviewed_on`, a label version its
`read_on` (data/therapies `labels:`). A missing date is stale too: nothing says it was reviewed.
Read from a built KB with plain sqlite3, so `cartref kb verify --stale` needs no Qt and no build.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import NamedTuple


class StaleItem(NamedTuple):
    kind: str
    """source, rule or label"""
    ident: str
    """The source or rule id; for a label `therapy/region`."""
    date: str
    """The review date found ('' when there is none)."""
    age_days: int | None
    """Days between `date` and the day of the check; None without a date."""

    def line(self, lang: str = "en") -> str:
        if lang.lower().startswith("zh"):
            return self._line_zh(lang)
        if not self.date:
            return f"{self.kind} {self.ident}: no review date"
        verb = "read" if self.kind == "label" else "reviewed"
        return f"{self.kind} {self.ident}: {verb} {self.date} ({self.age_days} days ago)"

    def _line_zh(self, lang: str) -> str:
        from desktop.i18n import N_, gettext

        _ = gettext(lang)
        kinds = {"source": N_("source"), "rule": N_("rule"), "label": N_("label")}
        kind = _(kinds[self.kind]) if self.kind in kinds else self.kind
        if not self.date:
            return _("%(kind)s %(id)s: no review date") % {"kind": kind, "id": self.ident}
        try:
            day = dt.date.fromisoformat(self.date[:10])
            when = f"{day.year}年{day.month}月{day.day}日"
        except ValueError:
            when = self.date
        if self.kind == "label":
            return _("%(kind)s %(id)s: read %(date)s (%(days)s days ago)") % {
                "kind": kind, "id": self.ident, "date": when, "days": self.age_days}
        return _("%(kind)s %(id)s: reviewed %(date)s (%(days)s days ago)") % {
            "kind": kind, "id": self.ident, "date": when, "days": self.age_days}


# kind -> (table, SQL giving (ident, date)); a table missing from an older KB is skipped.
_QUERIES = (
    ("source", "sources", "SELECT id, reviewed_on FROM sources ORDER BY id"),
    ("rule", "rules", "SELECT id, reviewed_on FROM rules ORDER BY id"),
    ("label", "therapy_labels",
     "SELECT therapy_id || '/' || region, read_on FROM therapy_labels ORDER BY therapy_id, rowid"),
)


def stale_items(path: Path, days: int, today: dt.date | None = None) -> list[StaleItem]:
    """Every source, rule and label whose date is more than `days` before `today` (or missing)."""
    if days < 0:
        raise ValueError("days must be 0 or more")
    today = today or dt.date.today()
    cutoff = today - dt.timedelta(days=days)
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        out: list[StaleItem] = []
        for kind, table, sql in _QUERIES:
            if table not in tables:
                continue
            for ident, raw in conn.execute(sql):
                date = _date(raw)
                if date is None:
                    out.append(StaleItem(kind, str(ident), "", None))
                elif date < cutoff:
                    out.append(StaleItem(kind, str(ident), date.isoformat(), (today - date).days))
        return out
    finally:
        conn.close()


def _date(raw: object) -> dt.date | None:
    """A full date, or a month (`YYYY-MM`, taken as its first day); anything else is no date."""
    text = str(raw or "").strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(text + "-01")
    except ValueError:
        return None
