"""What changed between two KB files: articles, outcome values, centres, rules, meta, and the
content corrections (with their reasons) recorded in the newer KB since the older one.

Used after a content pack is applied (previous vs current KB) and by `cartref kb diff OLD NEW`
(desktop.commands.kb).
Both files are opened read-only with plain sqlite3, so two KBs of different schema versions
can still be compared as far as their common tables go.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from desktop.errors import KBError, UserInputError

# table -> (key columns, compared columns, title column)
_TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "articles": (("id", "lang"), ("title", "body_md", "source_ids", "audience", "section", "translation_status"), "title"),
    "outcomes": (("id",), ("value", "value_text", "unit", "ci_low", "ci_high", "numerator", "denominator", "followup_months", "source_ids", "note"), "id"),
    "centers": (("id",), ("name_en", "name_zh", "city", "country", "lat", "lon", "kind", "phone", "address", "therapies", "trials", "source_ids"), "name_en"),
    "therapies": (("id",), ("name_en", "name_zh", "brand", "status", "dose_en", "summary_en", "source_ids"), "name_en"),
    "trials": (("id",), ("name", "phase", "design_en", "population_en", "source_ids"), "name"),
    "rules": (("id",), ("text_en", "text_zh", "value", "unit", "valid_from", "valid_to", "jurisdiction", "source_ids"), "text_en"),
    "sources": (("id",), ("title", "authors", "journal", "year", "doi", "note"), "title"),
    "glossary": (("id",), ("term_en", "term_zh", "patient_en", "clinician_en", "patient_zh", "clinician_zh", "source_ids"), "term_en"),
}
_VALUE_FIELDS = ("value", "value_text", "ci_low", "ci_high", "numerator", "denominator", "unit")
SECTIONS = tuple(_TABLES)


@dataclass(frozen=True)
class Change:
    """One added, removed or edited record; for outcomes, `old`/`new` hold the values."""

    table: str
    key: str
    change: str  # added | removed | edited | value-changed
    title: str
    fields: tuple[str, ...] = ()
    old: dict[str, Any] = field(default_factory=dict)
    new: dict[str, Any] = field(default_factory=dict)
    old_sources: tuple[str, ...] = ()
    new_sources: tuple[str, ...] = ()

    def summary(self) -> str:
        """One line: `outcome fumanba-1/...: value 96.0 → 96.3 [R1a → R12]`."""
        if self.change == "value-changed":
            pairs = ", ".join(f"{k} {_show(self.old.get(k))} → {_show(self.new.get(k))}" for k in self.fields if k in _VALUE_FIELDS)
            src = f" [{'; '.join(self.old_sources) or '-'} → {'; '.join(self.new_sources) or '-'}]"
            return f"{self.key}: {pairs}{src}"
        if self.change == "edited":
            return f"{self.key} ({self.title}): {', '.join(self.fields)} changed"
        return f"{self.key} ({self.title})"


@dataclass
class KBDiff:
    old_path: str
    new_path: str
    old_meta: dict[str, str]
    new_meta: dict[str, str]
    meta_changes: dict[str, tuple[str, str]] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    corrections: list[dict[str, Any]] = field(default_factory=list)
    """Corrections (data/corrections.yaml) in the newer KB and not, or not so worded, in the older:
    {id, date, what_en, what_zh, reason_en, reason_zh, refs, source_ids}, newest first."""

    def of(self, table: str, change: str | None = None) -> list[Change]:
        return [c for c in self.changes if c.table == table and (change is None or c.change == change)]

    @property
    def is_empty(self) -> bool:
        return not self.changes and not self.meta_changes and not self.corrections

    def counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for c in self.changes:
            out.setdefault(c.table, {}).setdefault(c.change, 0)
            out[c.table][c.change] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["meta_changes"] = {k: {"old": v[0], "new": v[1]} for k, v in self.meta_changes.items()}
        data["counts"] = self.counts()
        return data

    def as_text(self, lang: str = "en") -> str:
        """The report for a reader, in `lang` (ids, values and sources stay as they are)."""
        from desktop.i18n import N_, gettext

        _ = gettext(lang)
        zh = lang.lower().startswith("zh")

        def side(label: str, path: str, meta: dict[str, str]) -> str:
            return _("%(side)s: %(path)s (version %(version)s, %(date)s, %(hash)s)") % {
                "side": label, "path": path, "version": meta.get("kb_version", "?"),
                "date": meta.get("content_date", "?"), "hash": meta.get("content_hash", "")[:12]}

        lines = [side(_("old"), self.old_path, self.old_meta), side(_("new"), self.new_path, self.new_meta)]
        if self.is_empty:
            lines.append(_("no differences"))
            return "\n".join(lines)
        for key, (old, new) in sorted(self.meta_changes.items()):
            lines.append(f"meta {key}: {_short(old)} → {_short(new)}")
        if self.corrections:
            lines.append(_("corrections (%(n)s):") % {"n": len(self.corrections)})
            for c in self.corrections:
                what = (c.get("what_zh") if zh else "") or c["what_en"]
                why = (c.get("reason_zh") if zh else "") or c["reason_en"]
                lines.append(f"  {c['date']} {c['id']}: {what}")
                lines.append("    " + _("why: %(reason)s") % {"reason": why}
                             + (f" [{'; '.join(c['source_ids'])}]" if c["source_ids"] else ""))
        labels = {"added": N_("%(table)s added (%(n)s):"), "removed": N_("%(table)s removed (%(n)s):"),
                  "edited": N_("%(table)s edited (%(n)s):"), "value-changed": N_("%(table)s values changed (%(n)s):")}
        for table in SECTIONS:
            for change in ("value-changed", "added", "removed", "edited"):
                items = self.of(table, change)
                if not items:
                    continue
                lines.append(_(labels[change]) % {"table": table, "n": len(items)})
                lines.extend(f"  {c.summary()}" for c in items)
        return "\n".join(lines)


def _short(value: str) -> str:
    return value[:12] if len(value) == 64 else value


def _show(value: Any) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _open(path: Path) -> sqlite3.Connection:
    path = Path(path)
    if not path.is_file():
        raise UserInputError(f"KB file not found: {path}")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        conn.execute("SELECT count(*) FROM meta").fetchone()
    except sqlite3.DatabaseError as exc:
        raise KBError(f"not a readable knowledge base ({exc}): {path}") from None
    return conn


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")}


def _load(conn: sqlite3.Connection, table: str, keys: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    if table not in _tables(conn):
        return {}
    cols = _columns(conn, table)
    if not all(k in cols for k in keys):
        return {}
    order = ", ".join(keys)
    return {"/".join(str(r[k]) for k in keys) if len(keys) > 1 else str(r[keys[0]]): dict(r) for r in conn.execute(f"SELECT * FROM [{table}] ORDER BY {order}")}


def _sources(row: dict[str, Any]) -> tuple[str, ...]:
    raw = row.get("source_ids")
    try:
        return tuple(json.loads(raw)) if raw else ()
    except (TypeError, ValueError):
        return ()


def diff_kbs(old_path: Path, new_path: Path) -> KBDiff:
    """Compare two KB files; raises UserInputError / KBError when one cannot be read."""
    old, new = _open(Path(old_path)), _open(Path(new_path))
    try:
        old_meta = {r["key"]: str(r["value"]) for r in old.execute("SELECT key, value FROM meta")}
        new_meta = {r["key"]: str(r["value"]) for r in new.execute("SELECT key, value FROM meta")}
        result = KBDiff(str(old_path), str(new_path), old_meta, new_meta)
        for key in sorted(set(old_meta) | set(new_meta)):
            if old_meta.get(key, "") != new_meta.get(key, ""):
                result.meta_changes[key] = (old_meta.get(key, ""), new_meta.get(key, ""))
        for table, (keys, compared, title_col) in _TABLES.items():
            before, after = _load(old, table, keys), _load(new, table, keys)
            for key in sorted(after.keys() - before.keys()):
                row = after[key]
                result.changes.append(Change(table, key, "added", str(row.get(title_col) or key), new=_pick(row, compared), new_sources=_sources(row)))
            for key in sorted(before.keys() - after.keys()):
                row = before[key]
                result.changes.append(Change(table, key, "removed", str(row.get(title_col) or key), old=_pick(row, compared), old_sources=_sources(row)))
            for key in sorted(before.keys() & after.keys()):
                a, b = before[key], after[key]
                changed = tuple(c for c in compared if c in a and c in b and a[c] != b[c])
                if not changed:
                    continue
                kind = "value-changed" if table == "outcomes" and any(c in _VALUE_FIELDS for c in changed) else "edited"
                result.changes.append(
                    Change(
                        table,
                        key,
                        kind,
                        str(b.get(title_col) or key),
                        changed,
                        _pick(a, changed),
                        _pick(b, changed),
                        _sources(a),
                        _sources(b),
                    )
                )
        result.corrections = _new_corrections(old, new)
        return result
    except sqlite3.DatabaseError as exc:
        raise KBError(f"knowledge base is damaged ({exc})") from None
    finally:
        old.close()
        new.close()


_CORRECTION_FIELDS = ("id", "date", "what_en", "what_zh", "reason_en", "reason_zh")


def _new_corrections(old: sqlite3.Connection, new: sqlite3.Connection) -> list[dict[str, Any]]:
    """Corrections the newer KB records that the older does not (a reworded one counts again)."""
    before = _load(old, "corrections", ("id",))
    out = []
    for key, row in _load(new, "corrections", ("id",)).items():
        seen = before.get(key)
        if seen is not None and all(seen.get(f) == row.get(f) for f in _CORRECTION_FIELDS):
            continue
        item: dict[str, Any] = {f: str(row.get(f) or "") for f in _CORRECTION_FIELDS}
        item["refs"] = list(_list(row.get("refs")))
        item["source_ids"] = list(_sources(row))
        out.append(item)
    return sorted(out, key=lambda c: (c["date"], c["id"]), reverse=True)


def _list(raw: Any) -> tuple[str, ...]:
    try:
        value = json.loads(raw) if raw else []
    except (TypeError, ValueError):
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def _pick(row: dict[str, Any], columns: tuple[str, ...]) -> dict[str, Any]:
    return {c: row[c] for c in columns if c in row}

