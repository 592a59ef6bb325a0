"""Nearest-centre ranking: order by distance, filters, JSON rows, errors."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from desktop.errors import NotFoundError, UserInputError
from desktop.geo.distance import haversine_km
from desktop.geo.nearest import CentreFinder
from desktop.kb.records import Center, PlaceKey, PlaceRow, Therapy
from desktop.kb.store import KnowledgeBase


class FakeKB:
    """Synthetic centres on top of the real gazetteer tables, so the test owns the data."""

    def __init__(self, real: KnowledgeBase, centers: list[Center]) -> None:
        self.real = real
        self._centers = centers

    def centers(self) -> list[Center]:
        return list(self._centers)

    def therapies(self) -> list[Therapy]:
        return [
            Therapy(id="eque-cel", name_en="Equecabtagene autoleucel", name_zh="伊基奥仑赛", brand="FUCASO", codes=("CT103A",)),
            Therapy(id="cilta-cel", name_en="Ciltacabtagene autoleucel", brand="CARVYKTI"),
        ]

    def places_named(self, norm: str, limit: int) -> list[PlaceRow]:
        return self.real.places_named(norm, limit)

    def country_codes_named(self, norms: Iterable[str]) -> set[str]:
        return self.real.country_codes_named(norms)

    def country_names(self, codes: Iterable[str]) -> list[str]:
        return self.real.country_names(codes)

    def place_keys(self, min_population: int) -> list[PlaceKey]:
        return self.real.place_keys(min_population)

    def has_table(self, name: str) -> bool:
        return self.real.has_table(name)


def _c(cid: str, lat: float, lon: float, country: str = "China", kind: str = "trial",
       therapies: tuple[str, ...] = ("eque-cel",)) -> Center:
    return Center(id=cid, name_en=cid.title(), country=country, lat=lat, lon=lon, kind=kind, therapies=therapies,
                  city=cid, source_ids=("S1",), reviewed_on="2026-11-25")


CENTRES = [
    _c("wuhan", 30.58, 114.27),
    _c("beijing", 39.91, 116.40, kind="certified"),
    _c("shanghai", 31.22, 121.46, therapies=("eque-cel", "cilta-cel")),
    _c("guangzhou", 23.12, 113.25, kind="certified"),
    _c("newyork", 40.71, -74.01, country="United States", therapies=("cilta-cel",)),
    _c("hongkong", 22.28, 114.17, country="Hong Kong", kind="certified"),
]


@pytest.fixture(scope="module")
def finder(real_kb: Path) -> CentreFinder:
    return CentreFinder(FakeKB(KnowledgeBase(real_kb), CENTRES))


def test_sorted_by_distance_from_a_named_place(finder: CentreFinder) -> None:
    result = finder.find("武汉")
    ids = [h.center.id for h in result.hits]
    assert ids[0] == "wuhan" and ids[-1] == "newyork"
    dists = [h.distance_km for h in result.hits]
    assert all(d is not None for d in dists)
    assert dists == sorted(dists)  # type: ignore[type-var]
    assert result.origin is not None and result.origin.place is not None
    o = result.origin
    assert result.hits[1].distance_km == pytest.approx(haversine_km(o.lat, o.lon, result.hits[1].center.lat, result.hits[1].center.lon))


def test_coordinates_as_origin(finder: CentreFinder) -> None:
    hits = finder.find("40.7,-74.0").hits
    assert hits[0].center.id == "newyork" and hits[0].distance_km is not None and hits[0].distance_km < 5


def test_without_origin_sorted_by_place_and_no_distance(finder: CentreFinder) -> None:
    hits = finder.find().hits
    assert all(h.distance_km is None for h in hits)
    assert [h.center.country for h in hits] == sorted(h.center.country for h in hits)


@pytest.mark.parametrize(("therapy", "expected"), [
    ("cilta-cel", {"shanghai", "newyork"}), ("CARVYKTI", {"shanghai", "newyork"}),
    ("fucaso", {"wuhan", "beijing", "shanghai", "guangzhou", "hongkong"}), ("CT103A", {"wuhan", "beijing", "shanghai", "guangzhou", "hongkong"}),
])
def test_therapy_filter_accepts_id_brand_and_code(finder: CentreFinder, therapy: str, expected: set[str]) -> None:
    assert {h.center.id for h in finder.find("Wuhan", therapy=therapy).hits} == expected


def test_kind_and_country_filters(finder: CentreFinder) -> None:
    assert {h.center.id for h in finder.find(kind="certified").hits} == {"beijing", "guangzhou", "hongkong"}
    for country in ("China", "CN", "中国", "china", "CHN"):
        assert {h.center.id for h in finder.find(country=country).hits} == {"wuhan", "beijing", "shanghai", "guangzhou"}
    assert {h.center.id for h in finder.find(country="USA").hits} == {"newyork"}
    assert {h.center.id for h in finder.find(country="香港").hits} == {"hongkong"}
    both = finder.find("Shanghai", kind="certified", country="China").hits
    assert [h.center.id for h in both] == ["beijing", "guangzhou"]  # 1,070 km vs 1,210 km from Shanghai


def test_limit(finder: CentreFinder) -> None:
    hits = finder.find("Beijing", limit=3).hits
    assert len(hits) == 3 and hits[0].center.id == "beijing"
    with pytest.raises(UserInputError):
        finder.find("Beijing", limit=0)


def test_errors(finder: CentreFinder) -> None:
    with pytest.raises(UserInputError, match="unknown therapy"):
        finder.find(therapy="nonsense-cel")
    with pytest.raises(UserInputError):
        finder.find(kind="hospital")
    with pytest.raises(UserInputError):
        finder.find("12,abc")
    with pytest.raises(NotFoundError):
        finder.find("qwzxqwzx")


def test_json_row_contract(finder: CentreFinder) -> None:
    row = finder.find("Wuhan", limit=1).hits[0].to_json()
    assert set(row) >= {"id", "name_en", "name_zh", "city", "province", "country", "lat", "lon", "coord_precision",
                        "kind", "therapies", "trials", "phone", "address", "source_ids", "reviewed_on", "distance_km"}
    assert row["id"] == "wuhan" and isinstance(row["distance_km"], float)
    assert isinstance(row["therapies"], list) and isinstance(row["source_ids"], list)


def test_real_centres_are_sourced_and_placed(real_kb: Path) -> None:
    kb = KnowledgeBase(real_kb)
    finder = CentreFinder(kb)
    centres = finder.centers
    assert centres, "data/centers/centers.yaml should give at least one centre"
    known_sources = {s.id for s in kb.sources()}
    for c in centres:
        assert c.source_ids and set(c.source_ids) <= known_sources
        assert c.reviewed_on and c.coord_precision in ("city", "site") and c.kind in ("trial", "treating", "certified")
        # a city-precision coordinate must be where the gazetteer puts that city
        if c.coord_precision == "city":
            origin = finder.gazetteer.resolve(f"{c.city}, {c.province}" if c.province else c.city)
            assert haversine_km(origin.lat, origin.lon, c.lat, c.lon) < 25, c.id


def test_site_centres_are_listed_beside_sourced_ones_and_win_ties(real_kb: Path) -> None:
    """Issue 22: the site's own centres are ranked with the KB's; at the same place they come
    first; the JSON says who added each and that it is not sourced."""
    from desktop.geo.nearest import SiteEntry

    own = Center(id="site:zz", name_en="Zz Clinic", country="China", lat=30.58, lon=114.27, kind="site")
    pack = Center(id="site:hub", name_en="Hub Clinic", country="China", lat=31.22, lon=121.46, kind="site")
    finder = CentreFinder(FakeKB(KnowledgeBase(real_kb), CENTRES),
                          [SiteEntry(own, "", ({"label": "ward", "number": "+8627", "display": "+86 27"},)),
                           SiteEntry(pack, "Hub Hospital")])
    hits = finder.find("30.58,114.27").hits
    assert [h.center.id for h in hits[:2]] == ["site:zz", "wuhan"]  # same place: the site's own first
    first = hits[0].to_json()
    assert first["added_at_this_site"] is True and first["sourced"] is False and first["phones"][0]["label"] == "ward"
    by_pack = next(h for h in hits if h.center.id == "site:hub").to_json()
    assert by_pack["from_site"] == "Hub Hospital" and by_pack["added_at_this_site"] is False
    assert next(h for h in hits if h.center.id == "wuhan").to_json()["sourced"] is True
    assert {h.center.id for h in finder.find(kind="site").hits} == {"site:zz", "site:hub"}
    # distances agree with haversine (the finder uses cached trigonometry)
    for h in hits:
        assert h.distance_km == pytest.approx(haversine_km(30.58, 114.27, h.center.lat, h.center.lon), abs=0.01)
    finder.set_site([])
    assert all(h.added is None for h in finder.find("Wuhan").hits)
