"""Offline place lookup: English, Chinese, pinyin, alternates, namesakes, coordinates, junk."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.errors import NotFoundError, UserInputError
from desktop.geo.gazetteer import Gazetteer, normalise, parse_coordinates
from desktop.kb.store import KnowledgeBase


@pytest.fixture(scope="module")
def gaz(real_kb: Path) -> Gazetteer:
    g = Gazetteer(KnowledgeBase(real_kb))
    assert g.available, "the real KB should carry the GeoNames place tables"
    return g


# -- normalising --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Wuhan", "wuhan"), ("WUHAN", "wuhan"), ("  wu-han ", "wuhan"), ("Ｗｕｈａｎ", "wuhan"),
        ("São Paulo", "saopaulo"), ("Zürich", "zurich"), ("Xi’an", "xian"), ("Xi'an", "xian"),
        ("武汉", "武汉"), ("Łódź", "lodz"), ("Ålesund", "alesund"),
    ],
)
def test_normalise_ignores_case_accents_width_and_punctuation(text: str, key: str) -> None:
    assert normalise(text) == key


# -- lookups ------------------------------------------------------------------------------
@pytest.mark.parametrize("query", ["Wuhan", "wuhan", "WUHAN", "武汉", "武汉市", "Wuhan, China", "wuhan, 中国",
                                   "Wuhan, Hubei", "Ｗｕｈａｎ", "Wu-han"])
def test_wuhan_in_every_spelling(gaz: Gazetteer, query: str) -> None:
    origin = gaz.resolve(query)
    assert origin.place is not None
    assert origin.place.name == "Wuhan" and origin.place.country_code == "CN"
    assert origin.lat == pytest.approx(30.58, abs=0.05) and origin.lon == pytest.approx(114.27, abs=0.05)


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Peking", "Beijing"),          # alternate name
        ("北京", "Beijing"),
        ("beijing", "Beijing"),
        ("上海", "Shanghai"),
        ("xian", "Xi’an"),              # pinyin without tones or apostrophe
        ("西安", "Xi’an"),
        ("chongqing", "Chongqing"),     # polyphonic 重 read as chong
        ("重庆", "Chongqing"),
        ("changsha", "Changsha"),
        ("sao paulo", "São Paulo"),
        ("Zurich", "Zürich"),
    ],
)
def test_alternate_chinese_and_pinyin_names(gaz: Gazetteer, query: str, name: str) -> None:
    place = gaz.resolve(query).place
    assert place is not None and place.name == name


def test_ambiguous_name_ranks_by_population_and_lists_others(gaz: Gazetteer) -> None:
    origin = gaz.resolve("Suzhou")
    assert origin.place is not None and origin.place.admin1.startswith("Jiangsu")
    assert origin.ambiguous
    provinces = [p.admin1 for p in origin.alternatives]
    assert any(a.startswith("Anhui") for a in provinces)
    pops = [origin.place.population, *(p.population for p in origin.alternatives)]
    assert pops == sorted(pops, reverse=True)


def test_qualifier_picks_the_namesake(gaz: Gazetteer) -> None:
    anhui = gaz.resolve("Suzhou, Anhui").place
    assert anhui is not None and anhui.admin1.startswith("Anhui")
    assert gaz.resolve("Suzhou, 安徽").place == anhui
    paris_tx = gaz.resolve("Paris, Texas").place
    assert paris_tx is not None and paris_tx.country_code == "US"
    paris = gaz.resolve("Paris, France").place
    assert paris is not None and paris.country_code == "FR"


def test_chinese_label(gaz: Gazetteer) -> None:
    place = gaz.resolve("wuhan").place
    assert place is not None
    assert place.label("zh-Hans") == "武汉，湖北，中国"
    assert place.label("en") == "Wuhan, Hubei, China"
    shanghai = gaz.resolve("Shanghai").place
    assert shanghai is not None and shanghai.name_zh == "上海"  # not the one-letter 沪


@pytest.mark.parametrize(
    ("text", "expected"),
    [("30.58,114.27", (30.58, 114.27)), (" -33.9 , 151.2 ", (-33.9, 151.2)), ("30.58 114.27", (30.58, 114.27)),
     ("30.58°, 114.27°", (30.58, 114.27)), ("３０.５,１１４.３", (30.5, 114.3))],
)
def test_coordinates(text: str, expected: tuple[float, float]) -> None:
    assert parse_coordinates(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["12,abc", "91,200", "30.5,", "1,2,3", "30.5;;114", "-", "..", "45,-181"])
def test_malformed_coordinates_are_input_errors(gaz: Gazetteer, text: str) -> None:
    with pytest.raises(UserInputError):
        gaz.resolve(text)


def test_coordinates_resolve_without_a_place(gaz: Gazetteer) -> None:
    origin = gaz.resolve("30.5, 114.3")
    assert origin.place is None and (origin.lat, origin.lon) == (30.5, 114.3)
    assert origin.label() == "30.5000, 114.3000"


@pytest.mark.parametrize("text", ["qwzxqwzx", "wuhann", "xyz, China", "Wuhan, Atlantis"])
def test_unknown_places_are_not_found_with_suggestions(gaz: Gazetteer, text: str) -> None:
    with pytest.raises(NotFoundError) as info:
        gaz.resolve(text)
    message = str(info.value)
    assert "\n" not in message and "no place called" in message
    if text == "wuhann":
        assert "did you mean: Wuhan, Hubei, China" in message


@pytest.mark.parametrize("text", ["", "   ", "\t"])
def test_empty_is_an_input_error(gaz: Gazetteer, text: str) -> None:
    with pytest.raises(UserInputError):
        gaz.resolve(text)


@pytest.mark.parametrize("junk", ["'; DROP TABLE places; --", "%", "_", "NEAR(", "😀", "a" * 500, "\x00"])
def test_garbage_never_crashes(gaz: Gazetteer, junk: str) -> None:
    with pytest.raises((NotFoundError, UserInputError)):
        gaz.resolve(junk)


def test_kb_without_place_tables_still_takes_coordinates(mini_kb: Path) -> None:
    g = Gazetteer(KnowledgeBase(mini_kb))  # built with extra=False: no places
    assert not g.available
    assert g.resolve("30,114").lat == 30
    with pytest.raises(NotFoundError):
        g.resolve("Wuhan")
