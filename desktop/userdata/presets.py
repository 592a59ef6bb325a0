"""Site presets for handouts: a site's centre, care-team phones and logo, saved once per site.

Patient details are never stored here (they live only in the form until printed).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from desktop.userdata.db import now_iso


@dataclass(frozen=True)
class SitePreset:
    name: str
    center_id: str = ""
    phones: tuple[str, ...] = ()
    logo: bytes | None = None
    updated_at: str = ""


def _row(r: sqlite3.Row) -> SitePreset:
    try:
        phones = tuple(str(p) for p in json.loads(r["phones"] or "[]"))
    except ValueError:
        phones = ()
    return SitePreset(r["name"], r["center_id"] or "", phones, r["logo"], r["updated_at"])


def save(conn: sqlite3.Connection, preset: SitePreset) -> None:
    """Insert or replace the preset with this name (names are unique; blank is refused)."""
    name = preset.name.strip()
    if not name:
        raise ValueError("a site preset needs a name")
    phones = json.dumps([p.strip() for p in preset.phones if p.strip()], ensure_ascii=False)
    conn.execute(
        "INSERT INTO site_presets (name, center_id, phones, logo, updated_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET center_id=excluded.center_id, phones=excluded.phones, "
        "logo=excluded.logo, updated_at=excluded.updated_at",
        (name, preset.center_id or None, phones, preset.logo, now_iso()),
    )
    conn.commit()


def get(conn: sqlite3.Connection, name: str) -> SitePreset | None:
    r = conn.execute("SELECT * FROM site_presets WHERE name=?", (name,)).fetchone()
    return _row(r) if r else None


def list_all(conn: sqlite3.Connection) -> list[SitePreset]:
    return [_row(r) for r in conn.execute("SELECT * FROM site_presets ORDER BY lower(name)")]


def delete(conn: sqlite3.Connection, name: str) -> None:
    conn.execute("DELETE FROM site_presets WHERE name=?", (name,))
    conn.commit()
