"""The site's own referral list: centres the staff know, kept in the user database (issue 22).

The KB's centres are the ones a source names; these are the ones a site adds itself (or
receives from another site inside a signed pack). They are never mixed into the KB: they live
in the `site_centres` table, are marked "added at this site" (or with the pack's origin)
wherever they are shown, and their ids start with `site:` so they never collide with a KB id.

Validation is here, once, for the command line, the window and the CSV import: every error is
a `CentreFieldError` naming its field (the window shows it beside the field; the CLI prints one
line). Phone parsing and place lookup live in higher layers (handouts.fields, geo.gazetteer),
so the caller passes them in (`Tools`). A change is one SQLite transaction: a full disk or a
kill in the middle leaves the previous list as it was.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from desktop import i18n
from desktop.errors import CartrefError, UserInputError
from desktop.i18n import N_
from desktop.kb.records import Center
from desktop.userdata.db import now_iso

ID_PREFIX = "site:"
KIND = "site"
"""The kind a site centre has in lists and on the map ("added at this site")."""

MAX_LENGTH = {"name_en": 200, "name_zh": 100, "city": 100, "city_zh": 60, "country": 60, "notes": 1000,
              "products": 300, "label": 40}
MAX_PHONES = 6
MAX_IMPORT_ROWS = 20_000

CSV_COLUMNS = ("id", "name_en", "name_zh", "city", "city_zh", "province", "country", "lat", "lon",
               "phones", "products", "notes", "origin")
"""The export's columns; the import needs name_en and city or lat+lon, the rest may be absent."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class CentreFieldError(UserInputError):
    """A value that cannot be saved; `field` names the form field (or CSV column) it belongs to."""

    def __init__(self, field: str, msgid: str, /, **values: object) -> None:
        self.field = field
        self.msgid = msgid
        self.values = values
        super().__init__(f"{field}: {msgid % values}")

    def text(self, lang: str | None) -> str:
        """The message alone, in `lang` (shown beside the field)."""
        return i18n.gettext(lang)(self.msgid) % self.values


class CsvImportError(UserInputError):
    """A CSV import refused; `problems` are (line, message) pairs, every bad row."""

    def __init__(self, problems: list[tuple[int, CentreFieldError]], lang: str | None = "en") -> None:
        self.problems = problems
        _, p_ = i18n.gettext(lang), i18n.pgettext(lang)
        shown = [_("line %(line)s: %(problem)s") % {"line": line, "problem": f"{e.field}: {e.text(lang)}"}
                 for line, e in problems[:5]]
        message = p_("list separator", "; ").join(shown)
        if len(problems) > 5:
            message += p_("list separator", "; ") + _("%(n)s more bad rows") % {"n": len(problems) - 5}
        message += " " + _("(nothing was imported)")
        super().__init__(message)


@dataclass(frozen=True)
class Phone:
    """A labelled number, normalised by `phonenumbers` when it was typed."""

    label: str
    number: str  # E.164
    display: str  # international format

    def as_text(self) -> str:
        return f"{self.label}={self.display}" if self.label else self.display


@dataclass(frozen=True)
class SiteCentre:
    id: str
    name_en: str
    lat: float
    lon: float
    name_zh: str = ""
    city: str = ""
    city_zh: str = ""
    province: str = ""
    country: str = ""
    coord_precision: str = "city"
    phones: tuple[Phone, ...] = ()
    products: tuple[str, ...] = ()
    notes: str = ""
    origin: str = ""
    """'' when added at this site; else the site (pack origin) it came from."""
    updated_at: str = ""

    def as_center(self) -> Center:
        """The centre as the finder and the views list it (kind `site`)."""
        return Center(
            id=self.id, name_en=self.name_en, name_zh=self.name_zh, country=self.country, lat=self.lat,
            lon=self.lon, city=self.city, city_zh=self.city_zh, province=self.province,
            coord_precision=self.coord_precision, kind=KIND, therapies=self.products,
            role_en=self.notes, role_zh=self.notes, phone="; ".join(p.as_text() for p in self.phones),
            reviewed_on=self.updated_at[:10],
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "name_en": self.name_en, "name_zh": self.name_zh, "city": self.city,
            "city_zh": self.city_zh, "province": self.province, "country": self.country,
            "lat": self.lat, "lon": self.lon, "coord_precision": self.coord_precision,
            "phones": [{"label": p.label, "number": p.number, "display": p.display} for p in self.phones],
            "products": list(self.products), "notes": self.notes, "origin": self.origin,
            "updated_at": self.updated_at,
        }


@dataclass(frozen=True)
class Located:
    """Where a typed city or LAT,LON is (what the caller's place lookup returns)."""

    lat: float
    lon: float
    city: str = ""
    city_zh: str = ""
    province: str = ""
    country: str = ""
    precise: bool = False  # typed coordinates (a site position), not a city centre


@dataclass(frozen=True)
class Tools:
    """What validation needs from higher layers: phone parsing (`LABEL=NUMBER`, region) and
    place lookup (a city name or `LAT,LON`), each raising an error with a one-line message."""

    parse_phone: Callable[[str, str], Phone]
    locate: Callable[[str], Located]
    region_for: Callable[[str], str] = field(default=lambda _country: "")


# -- validation --------------------------------------------------------------------------
def _text(name: str, value: object) -> str:
    text = unicodedata.normalize("NFC", _CONTROL.sub("", str(value or ""))).strip()
    text = re.sub(r"\s+", " ", text) if name != "notes" else text
    limit = MAX_LENGTH.get(name)
    if limit is not None and len(text) > limit:
        raise CentreFieldError(name, N_("too long: %(n)s characters, at most %(limit)s"), n=len(text), limit=limit)
    return text


def slug(name: str) -> str:
    """`Test Hospital` -> `site:test-hospital` (ASCII letters and digits; else a hash-free fallback)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    core = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")[:60]
    if not core:
        core = "centre-" + "".join(f"{ord(ch):x}" for ch in name[:6])
    return ID_PREFIX + core


def _coordinate(name: str, value: str, bound: float) -> float:
    try:
        number = float(value.replace("，", ","))
    except ValueError:
        raise CentreFieldError(name, N_("%(text)s is not a number"), text=value[:40]) from None
    if not math.isfinite(number) or abs(number) > bound:
        raise CentreFieldError(name, N_("%(text)s is out of range (-%(bound)s to %(bound)s)"), text=value[:40],
                               bound=int(bound))
    return number


def _wrapped(field_name: str, exc: CartrefError) -> CentreFieldError:
    """An error from the caller's tools, kept translatable when it carries a message id."""
    if isinstance(exc, CentreFieldError):
        return exc
    msgid = getattr(exc, "msgid", None)
    if isinstance(msgid, str):
        return CentreFieldError(field_name, msgid, **getattr(exc, "values", {}))
    msg = getattr(exc, "msg", None)  # a CartrefError raised with a desktop.i18n.Msg (the gazetteer's)
    if msg is not None and isinstance(getattr(msg, "msgid", None), str):
        return CentreFieldError(field_name, msg.msgid, **{k: v for k, v in msg.args})
    return CentreFieldError(field_name, "%(text)s", text=str(exc))


def validate(raw: Mapping[str, Any], tools: Tools, *, centre_id: str = "", origin: str = "") -> SiteCentre:
    """A SiteCentre from typed or imported fields; CentreFieldError names the first bad field.

    Fields: name_en (required), name_zh, city (a place the gazetteer knows) and/or lat + lon,
    country, phones (a list of `LABEL=NUMBER`, or one string split at `;`), products, notes.
    """
    name_en = _text("name_en", raw.get("name_en"))
    if not name_en:
        raise CentreFieldError("name_en", N_("a name is needed"))
    name_zh = _text("name_zh", raw.get("name_zh"))
    city = _text("city", raw.get("city"))
    country = _text("country", raw.get("country"))
    lat_text, lon_text = _text("lat", raw.get("lat")), _text("lon", raw.get("lon"))
    if bool(lat_text) != bool(lon_text):
        missing = "lon" if lat_text else "lat"
        raise CentreFieldError(missing, N_("give both latitude and longitude, or neither"))
    where: Located
    if lat_text:
        lat, lon = _coordinate("lat", lat_text, 90.0), _coordinate("lon", lon_text, 180.0)
        where = Located(lat, lon, city=city, country=country, precise=True)
        if city:
            try:
                found = tools.locate(city)
                where = replace(where, city=found.city or city, city_zh=found.city_zh, province=found.province,
                                country=country or found.country)
            except CartrefError:  # an unknown city beside given coordinates: the coordinates stand
                pass
    elif city:
        try:
            where = tools.locate(city)
        except CartrefError as exc:
            raise _wrapped("city", exc) from None
        if country:
            where = replace(where, country=country)
    else:
        raise CentreFieldError("city", N_("give a city or coordinates (LAT,LON)"))
    phones_raw = raw.get("phones") or ()
    if isinstance(phones_raw, str):
        phones_raw = [p for p in re.split(r"[;\n]", phones_raw) if p.strip()]
    phones: list[Phone] = []
    region = tools.region_for(where.country)
    for text in phones_raw:
        try:
            phones.append(tools.parse_phone(str(text), region))
        except CartrefError as exc:
            raise _wrapped("phones", exc) from None
    if len(phones) > MAX_PHONES:
        raise CentreFieldError("phones", N_("at most %(n)s phone numbers"), n=MAX_PHONES)
    products_raw = raw.get("products") or ()
    if isinstance(products_raw, str):
        products_raw = re.split(r"[;,，；]", products_raw)
    products = tuple(dict.fromkeys(p for p in (_text("products", x) for x in products_raw) if p))
    notes = _text("notes", raw.get("notes"))
    return SiteCentre(
        id=centre_id or _text("id", raw.get("id")) or slug(name_en),
        name_en=name_en, name_zh=name_zh, lat=round(where.lat, 5), lon=round(where.lon, 5),
        city=where.city, city_zh=where.city_zh, province=where.province, country=where.country,
        coord_precision="site" if where.precise else "city", phones=tuple(phones), products=products,
        notes=notes, origin=origin,
    )


# -- storage -----------------------------------------------------------------------------
def _row(r: sqlite3.Row) -> SiteCentre:
    try:
        phones = tuple(Phone(str(p.get("label", "")), str(p.get("number", "")), str(p.get("display", "")))
                       for p in json.loads(r["phones"] or "[]"))
    except (ValueError, AttributeError):
        phones = ()
    try:
        products = tuple(str(p) for p in json.loads(r["products"] or "[]"))
    except ValueError:
        products = ()
    return SiteCentre(
        id=r["id"], name_en=r["name_en"], name_zh=r["name_zh"], lat=float(r["lat"]), lon=float(r["lon"]),
        city=r["city"], city_zh=r["city_zh"], province=r["province"], country=r["country"],
        coord_precision=r["coord_precision"], phones=phones, products=products, notes=r["notes"],
        origin=r["origin"], updated_at=r["updated_at"],
    )


def _values(c: SiteCentre) -> tuple[Any, ...]:
    phones = json.dumps([{"label": p.label, "number": p.number, "display": p.display} for p in c.phones],
                        ensure_ascii=False)
    return (c.id, c.name_en, c.name_zh, c.city, c.city_zh, c.province, c.country, c.lat, c.lon,
            c.coord_precision, phones, json.dumps(list(c.products), ensure_ascii=False), c.notes, c.origin,
            c.updated_at or now_iso())


_COLUMNS = ("id, name_en, name_zh, city, city_zh, province, country, lat, lon, coord_precision, phones, "
            "products, notes, origin, updated_at")
_UPSERT = (f"INSERT INTO site_centres ({_COLUMNS}) VALUES ({', '.join('?' * 15)}) ON CONFLICT (id) DO UPDATE SET "
           + ", ".join(f"{c}=excluded.{c}" for c in _COLUMNS.split(", ")[1:]))


def list_all(conn: sqlite3.Connection) -> list[SiteCentre]:
    try:
        rows = conn.execute("SELECT * FROM site_centres ORDER BY lower(name_en), id").fetchall()
    except sqlite3.OperationalError:
        return []  # a read-only file from before the table existed: no site centres yet
    return [_row(r) for r in rows]


def get(conn: sqlite3.Connection, centre_id: str) -> SiteCentre | None:
    try:
        r = conn.execute("SELECT * FROM site_centres WHERE id=?", (centre_id,)).fetchone()
    except sqlite3.OperationalError:
        return None
    return _row(r) if r else None


def find(conn: sqlite3.Connection, key: str) -> SiteCentre | None:
    """A centre by id (`site:x` or `x`) or by its exact English or Chinese name."""
    key = key.strip()
    for candidate in (key, ID_PREFIX + key):
        found = get(conn, candidate)
        if found is not None:
            return found
    folded = key.casefold()
    return next((c for c in list_all(conn) if folded in (c.name_en.casefold(), c.name_zh.casefold())), None)


def _transaction(conn: sqlite3.Connection, work: Callable[[], object]) -> None:
    """`work` in one write transaction: all of it or, on any error (a full disk), none."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        work()
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def add(conn: sqlite3.Connection, centre: SiteCentre) -> SiteCentre:
    """Save a new centre; a centre with the same id is refused (edit it instead)."""
    if get(conn, centre.id) is not None:
        raise CentreFieldError("name_en", N_("a centre called %(name)s is already on the list (edit it instead)"),
                               name=centre.name_en)
    saved = replace(centre, updated_at=now_iso())
    _transaction(conn, lambda: conn.execute(_UPSERT, _values(saved)))
    return saved


def update(conn: sqlite3.Connection, centre: SiteCentre) -> SiteCentre:
    saved = replace(centre, updated_at=now_iso())
    _transaction(conn, lambda: conn.execute(_UPSERT, _values(saved)))
    return saved


def remove(conn: sqlite3.Connection, centre_id: str) -> bool:
    cur = conn.execute("DELETE FROM site_centres WHERE id=?", (centre_id,))
    return cur.rowcount > 0


def save_many(conn: sqlite3.Connection, centres: Iterable[SiteCentre]) -> int:
    """Insert or update every centre in one transaction (an import: all rows or none)."""
    stamp = now_iso()
    rows = [_values(replace(c, updated_at=c.updated_at or stamp)) for c in centres]
    _transaction(conn, lambda: conn.executemany(_UPSERT, rows))
    return len(rows)


# -- CSV -----------------------------------------------------------------------------------
def to_csv(centres: Iterable[SiteCentre]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in centres:
        lat_lon = ("", "") if c.coord_precision == "city" and c.city else (repr(c.lat), repr(c.lon))
        writer.writerow([c.id, c.name_en, c.name_zh, c.city, c.city_zh, c.province, c.country, *lat_lon,
                         "; ".join(p.as_text() for p in c.phones), "; ".join(c.products), c.notes, c.origin])
    return out.getvalue()


def from_csv(text: str, tools: Tools, *, lang: str | None = "en", origin: str = "") -> list[SiteCentre]:
    """Every row validated; CsvImportError lists every bad row by its line number (nothing saved).

    Line numbers are the file's (the header is line 1). A row's own `origin` column is kept
    (a list exported from another site); `origin` fills it when empty.
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in (reader.fieldnames or [])]
    if "name_en" not in header:
        _ = i18n.gettext(lang)
        raise UserInputError(_("the CSV needs a header row with at least name_en and city (or lat and lon); "
                               "columns: %(columns)s") % {"columns": ", ".join(CSV_COLUMNS)})
    reader.fieldnames = header
    found: list[SiteCentre] = []
    problems: list[tuple[int, CentreFieldError]] = []
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if len(found) + len(problems) >= MAX_IMPORT_ROWS:
            problems.append((line, CentreFieldError("rows", N_("more than %(n)s rows"), n=MAX_IMPORT_ROWS)))
            break
        if not any((v or "").strip() for k, v in row.items() if k is not None):
            continue  # a blank line
        if row.get(None):
            problems.append((line, CentreFieldError("row", N_("more cells than columns"))))
            continue
        try:
            centre = validate({k: v for k, v in row.items() if k}, tools,
                              origin=_text("origin", row.get("origin")) or origin)
        except CentreFieldError as exc:
            problems.append((line, exc))
            continue
        if centre.id in seen:
            problems.append((line, CentreFieldError("id", N_("the same centre as line %(line)s"), line=seen[centre.id])))
            continue
        seen[centre.id] = line
        found.append(centre)
    if problems:
        raise CsvImportError(problems, lang)
    return found
