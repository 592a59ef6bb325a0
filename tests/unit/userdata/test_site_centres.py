"""The site's own centre list: validation, storage in one transaction, CSV round trip."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.userdata import db, site_centres
from desktop.userdata.site_centres import CentreFieldError, CsvImportError, Located, Phone, Tools


def _phone(text: str, region: str) -> Phone:
    label, _, number = text.rpartition("=")
    if not number.strip().startswith("+"):
        raise CentreFieldError("phones", "%(text)s has no country code", text=number)
    return Phone(label, number.replace(" ", ""), number)


def _locate(text: str) -> Located:
    if text.strip().lower() != "kunming":
        raise CentreFieldError("city", "no place called %(text)s", text=text)
    return Located(25.03889, 102.71833, "Kunming", "昆明", "Yunnan", "China")


TOOLS = Tools(_phone, _locate)


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    return db.open_user_db(tmp_path / "user.sqlite")


def test_validate_city_or_coordinates() -> None:
    c = site_centres.validate({"name_en": " Test  Hospital ", "city": "Kunming", "phones": ["ward=+86 871"]}, TOOLS)
    assert c.id == "site:test-hospital" and c.name_en == "Test Hospital" and c.city_zh == "昆明"
    assert c.coord_precision == "city" and c.phones[0].label == "ward"
    at = site_centres.validate({"name_en": "X", "lat": "25.5", "lon": "102.1"}, TOOLS)
    assert (at.lat, at.lon, at.coord_precision) == (25.5, 102.1, "site")
    for raw, field in [({"city": "Kunming"}, "name_en"), ({"name_en": "X"}, "city"),
                       ({"name_en": "X", "lat": "95", "lon": "1"}, "lat"), ({"name_en": "X", "lat": "1"}, "lon"),
                       ({"name_en": "X", "city": "Atlantis"}, "city"),
                       ({"name_en": "X", "city": "Kunming", "phones": "ward=871"}, "phones"),
                       ({"name_en": "X" * 300, "city": "Kunming"}, "name_en")]:
        with pytest.raises(CentreFieldError) as caught:
            site_centres.validate(raw, TOOLS)
        assert caught.value.field == field


def test_add_update_remove(conn: sqlite3.Connection) -> None:
    c = site_centres.validate({"name_en": "A", "city": "Kunming"}, TOOLS)
    saved = site_centres.add(conn, c)
    assert saved.updated_at and site_centres.get(conn, c.id) == saved
    with pytest.raises(CentreFieldError):
        site_centres.add(conn, c)
    site_centres.update(conn, site_centres.validate({"name_en": "A", "city": "Kunming", "notes": "ask Dr Li"}, TOOLS))
    assert site_centres.find(conn, "a") is not None and site_centres.find(conn, "A").notes == "ask Dr Li"  # type: ignore[union-attr]
    assert site_centres.remove(conn, c.id) and site_centres.list_all(conn) == []


def test_save_many_is_all_or_nothing(conn: sqlite3.Connection) -> None:
    good = site_centres.validate({"name_en": "A", "city": "Kunming"}, TOOLS)
    broken = site_centres.SiteCentre(id="site:b", name_en="B", lat=200.0, lon=0.0)  # the table's CHECK refuses it
    with pytest.raises(sqlite3.IntegrityError):
        site_centres.save_many(conn, [good, broken])
    assert site_centres.list_all(conn) == [] and not conn.in_transaction


def test_csv_reports_every_bad_row_and_round_trips(conn: sqlite3.Connection) -> None:
    text = ("name_en,city,lat,lon,phones\n"
            "A,Kunming,,,ward=+86 871\n"
            "B,Atlantis,,,\n"
            "\n"
            "C,,,,\n"
            "A,Kunming,,,\n")
    with pytest.raises(CsvImportError) as caught:
        site_centres.from_csv(text, TOOLS)
    assert [line for line, _ in caught.value.problems] == [3, 5, 6]
    assert "line 3" in str(caught.value) and "nothing was imported" in str(caught.value)
    zh = CsvImportError(caught.value.problems, "zh")
    assert "第 3 行" in str(zh)
    found = site_centres.from_csv("name_en,city,phones\nA,Kunming,ward=+86 871\n", TOOLS, origin="Hub")
    site_centres.save_many(conn, found)
    again = site_centres.from_csv(site_centres.to_csv(site_centres.list_all(conn)), TOOLS)
    assert [(c.id, c.name_en, c.origin, c.phones[0].label) for c in again] == [("site:a", "A", "Hub", "ward")]
    with pytest.raises(site_centres.UserInputError):
        site_centres.from_csv("name,city\nA,Kunming\n", TOOLS)


def test_as_center_is_kind_site() -> None:
    c = site_centres.validate({"name_en": "A", "city": "Kunming", "phones": ["ward=+86 871"]}, TOOLS)
    centre = c.as_center()
    assert centre.kind == "site" and centre.id == c.id and "ward=" in centre.phone and not centre.source_ids
