"""The checker core: what every loader of data/ shares.

A `Checker` collects each problem as `file:line: message`, so an author sees all of them at
once, and offers the common checks (required keys, dates, ids, citations, numbers). The per-table
loaders (tables, products, outcomes, articles, rules) fill `checker.content` with plain rows
ready for the database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.content.yamlload import YamlProblem, line_of, load_yaml_file

ID_RE = re.compile(r"^[a-z0-9][a-z0-9.\-]*$")
SOURCE_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-_]*$")


@dataclass
class Content:
    """Everything in data/, checked, as rows keyed by table name."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    content_hash: str = ""
    kb_version: str = ""
    content_date: str = ""

    def rows(self, table: str) -> list[dict[str, Any]]:
        return self.tables.setdefault(table, [])


class Checker:
    """Problems found so far, the ids known so far, and the checks the loaders share."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.content = Content()
        self.source_ids: set[str] = set()
        self.therapy_ids: set[str] = set()
        self.trial_ids: set[str] = set()

    # -- helpers -----------------------------------------------------------------------
    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.data_dir.parent))
        except ValueError:
            return str(path)

    def problem(self, path: Path, line: int, message: str) -> None:
        self.content.problems.append(f"{self.rel(path)}:{line}: {message}")

    def load_yaml(self, path: Path) -> Any:
        try:
            return load_yaml_file(path)
        except YamlProblem as exc:
            self.problem(path, exc.line, exc.message)
        except (OSError, UnicodeDecodeError) as exc:
            self.problem(path, 1, f"cannot read: {exc}")
        return None

    def require(self, path: Path, item: dict[str, Any], keys: tuple[str, ...], what: str) -> bool:
        ok = True
        for key in keys:
            value = item.get(key)
            if value is None or (isinstance(value, str) and not value.strip()):
                self.problem(path, line_of(item), f"{what} is missing `{key}`")
                ok = False
        return ok

    def date(self, path: Path, line: int, value: Any, key: str, required: bool = True) -> str:
        if value is None or value == "":
            if required:
                self.problem(path, line, f"missing `{key}`")
            return ""
        if isinstance(value, dt.date):
            return value.isoformat()
        try:
            return dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            self.problem(path, line, f"`{key}` is not a date (YYYY-MM-DD): {value!r}")
            return ""

    def ids_list(self, path: Path, line: int, value: Any, key: str) -> list[str]:
        if value is None:
            return []
        if isinstance(value, str):
            value = [v.strip() for v in re.split(r"[;,]", value) if v.strip()]
        if not isinstance(value, list):
            self.problem(path, line, f"`{key}` must be a list")
            return []
        return [str(v).strip() for v in value]

    def cited(self, path: Path, line: int, value: Any, required: bool = True) -> list[str]:
        ids = self.ids_list(path, line, value, "source_ids")
        if required and not ids:
            self.problem(path, line, "no `source_ids`: every fact needs a citation")
        for sid in ids:
            if sid not in self.source_ids:
                self.problem(path, line, f"unknown source id `{sid}` (not in data/sources.yaml)")
        return ids

    def unique(self, seen: dict[str, int], path: Path, line: int, ident: str, what: str) -> bool:
        if ident in seen:
            self.problem(path, line, f"duplicate {what} id `{ident}` (first at line {seen[ident]})")
            return False
        seen[ident] = line
        return True

    def check_id(self, path: Path, line: int, ident: Any, what: str) -> str:
        text = str(ident or "").strip()
        if not ID_RE.match(text):
            self.problem(path, line, f"bad {what} id {text!r}: use lower-case letters, digits, '-' and '.'")
        return text

    # -- the parts of data/ -------------------------------------------------------------

    def number(self, path: Path, line: int, text: str, key: str) -> float | None:
        if text == "":
            return None
        try:
            return float(text)
        except ValueError:
            self.problem(path, line, f"`{key}` is not a number: {text!r}")
            return None


def content_hash(data_dir: Path) -> str:
    """sha256 over every file's relative path and bytes, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(data_dir).as_posix()
        if rel.startswith(".") or "/." in rel:
            continue
        digest.update(rel.encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()



def text_value(value: Any) -> str:
    """A YAML/CSV scalar as trimmed text (dates as ISO); None is empty."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def list_value(value: Any) -> list[str]:
    """A YAML list, or a `;`/`,`-separated string, as a list of trimmed texts."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [v.strip() for v in re.split(r"[;,]", value) if v.strip()]
    if isinstance(value, list):
        return [text_value(v) for v in value]
    return [text_value(value)]


def slug(text: str) -> str:
    """`2024-01 data cut` -> `2024-01-data-cut`: a fragment of an outcome id."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
