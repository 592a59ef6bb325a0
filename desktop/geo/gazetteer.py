"""Offline place names, looked up in the KB without a network.

The `places` / `place_names` tables come from GeoNames cities at build time
(`desktop.content.places`); this module holds the name normalisation both sides share and the
run-time lookup.

Lookups are case-, accent- and width-insensitive, accept Chinese (武汉), pinyin without tones
(wuhan), "City, Country" and "City, Province", rank ambiguous names by population, and parse
`LAT,LON`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from desktop.errors import NotFoundError, UserInputError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from desktop.kb.records import PlaceKey, PlaceRow

COUNTRY_ZH: dict[str, str] = {
    "CN": "中国", "HK": "中国香港", "MO": "中国澳门", "TW": "台湾", "US": "美国", "GB": "英国",
    "JP": "日本", "KR": "韩国", "SG": "新加坡",
}
# Country names as the KB's centres write them (GeoNames English), in Chinese.
COUNTRY_NAME_ZH: dict[str, str] = {
    "China": "中国", "Hong Kong": "中国香港", "Macao": "中国澳门", "Macau": "中国澳门", "Taiwan": "台湾",
    "United States": "美国", "United Kingdom": "英国", "Japan": "日本", "South Korea": "韩国",
    "Singapore": "新加坡", "Germany": "德国", "France": "法国", "Italy": "意大利", "Spain": "西班牙",
    "Netherlands": "荷兰", "Belgium": "比利时", "Switzerland": "瑞士", "Austria": "奥地利", "Canada": "加拿大",
    "Australia": "澳大利亚", "Israel": "以色列", "Sweden": "瑞典", "Denmark": "丹麦", "Norway": "挪威",
    "Finland": "芬兰", "Poland": "波兰", "Czechia": "捷克", "Portugal": "葡萄牙", "Ireland": "爱尔兰",
    "Greece": "希腊", "Turkey": "土耳其", "India": "印度", "Brazil": "巴西", "Mexico": "墨西哥",
    "Russia": "俄罗斯", "Indonesia": "印度尼西亚", "Malaysia": "马来西亚", "Thailand": "泰国", "Vietnam": "越南",
    "Philippines": "菲律宾", "Pakistan": "巴基斯坦", "Bangladesh": "孟加拉国", "Iran": "伊朗", "Iraq": "伊拉克",
    "Saudi Arabia": "沙特阿拉伯", "United Arab Emirates": "阿联酋", "Egypt": "埃及", "Nigeria": "尼日利亚",
    "South Africa": "南非", "Argentina": "阿根廷", "Chile": "智利", "Colombia": "哥伦比亚", "Peru": "秘鲁",
    "New Zealand": "新西兰", "Ukraine": "乌克兰", "Romania": "罗马尼亚", "Hungary": "匈牙利", "Mongolia": "蒙古",
    "Kazakhstan": "哈萨克斯坦", "Myanmar": "缅甸", "Cambodia": "柬埔寨", "Laos": "老挝", "Nepal": "尼泊尔",
    "Sri Lanka": "斯里兰卡", "North Korea": "朝鲜", "Morocco": "摩洛哥", "Algeria": "阿尔及利亚", "Kenya": "肯尼亚",
    "Ethiopia": "埃塞俄比亚", "Venezuela": "委内瑞拉", "Cuba": "古巴",
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
_ALL_HAN = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+$")
_NUM = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
_COORD = re.compile(rf"^\s*({_NUM})\s*°?\s*[,;\s]\s*({_NUM})\s*°?\s*$")
_COORD_LIKE = re.compile(rf"^\s*{_NUM}\s*°?\s*(?:[,;]|\s+[\d+\-.]|$)|^[\d\s.,;+\-°]+$")
_SPLIT = re.compile(r"\s*[,，、]\s*")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def normalise(text: str) -> str:
    """The lookup key: NFKC, casefold, no diacritics, no spaces or punctuation."""
    if text.isascii():  # the common case, and the build-time hot path
        return _DROP.sub("", text.lower())
    t = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)
    t = _COMBINING.sub("", unicodedata.normalize("NFKD", t))
    return _DROP.sub("", unicodedata.normalize("NFC", t))


def is_han(text: str) -> bool:
    return bool(_ALL_HAN.match(text))


def toneless_pinyin(text: str) -> str:
    """武汉 -> wuhan: how people type Chinese place names on a Latin keyboard."""
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
        admin = _strip_admin_label(self.admin1)
        if not zh:
            return ", ".join(dict.fromkeys(x for x in (self.name, admin, self.country) if x))  # "Beijing, Beijing" once
        # In Chinese only Chinese parts: a province without a Chinese name is left out rather
        # than shown in English ("澳门，Macau，中国澳门"), and the country when the city's name
        # already says it (澳门 in 中国澳门).
        name = self.name_zh or self.name
        admin_zh = CN_PROVINCE_ZH.get(admin, "") if self.country_code == "CN" else ""
        country = COUNTRY_ZH.get(self.country_code) or COUNTRY_NAME_ZH.get(self.country, "")
        parts = [name]
        if admin_zh and admin_zh not in name:
            parts.append(admin_zh)
        if country and name not in country:
            parts.append(country)
        return "，".join(dict.fromkeys(parts))

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
            from desktop.i18n import Msg

            raise UserInputError(Msg("coordinates out of range: %(text)s (latitude -90..90, longitude -180..180)",
                                     text=repr(text.strip())))
        return lat, lon
    if t and _COORD_LIKE.match(t):
        from desktop.i18n import Msg

        raise UserInputError(Msg("malformed coordinates: %(text)s (use LAT,LON, e.g. 30.58,114.27)", text=repr(text.strip())))
    return None


# -- lookups ----------------------------------------------------------------------------
def _place(row: PlaceRow) -> Place:
    return Place(
        id=int(row.id), name=row.name, name_zh=row.name_zh or "", admin1=row.admin1 or "",
        country_code=row.country_code, country=row.country, population=int(row.population),
        lat=float(row.lat), lon=float(row.lon),
    )


class PlaceTables(Protocol):
    """What the gazetteer reads from a KB (desktop.kb.store.KnowledgeBase has it all)."""

    def has_table(self, name: str) -> bool: ...

    def places_named(self, norm: str, limit: int) -> list[PlaceRow]: ...

    def country_codes_named(self, norms: Iterable[str]) -> set[str]: ...

    def place_keys(self, min_population: int) -> list[PlaceKey]: ...


class Gazetteer:
    """Name → places over an open KB."""

    def __init__(self, kb: PlaceTables) -> None:
        self.kb = kb
        self.available = kb.has_table("places")
        self._suggest_choices: tuple[list[str], list[str]] | None = None

    # exact-key candidates, most populous first
    def _by_key(self, key: str, limit: int) -> list[Place]:
        if not key or not self.available:
            return []
        return [_place(r) for r in self.kb.places_named(key, limit)]

    def _qualifier_keys(self, qualifier: str) -> set[str]:
        key = normalise(qualifier)
        keys = {key, _strip_admin_words(key)}
        if is_han(qualifier):
            pin = normalise(toneless_pinyin(qualifier))
            keys |= {pin, _strip_admin_words(pin)}
        keys.discard("")
        return keys

    def country_codes(self, text: str) -> set[str]:
        """ISO codes a country name, code or alias stands for (`China`, `CN`, `中国`)."""
        return self._country_codes(self._qualifier_keys(text))

    def _country_codes(self, keys: set[str]) -> set[str]:
        if not self.available or not keys:
            return set()
        return self.kb.country_codes_named(keys)

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

    def suggestions(self, text: str, limit: int = 5, lang: str = "en") -> list[str]:
        """Names close to `text` (for "did you mean"), as place labels in `lang`."""
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
        for choice, _score, index in hits:
            label = labels[index]
            if lang.startswith("zh"):  # the Chinese label of the same (most populous) place; one with a Chinese name
                same = self._by_key(choice, 1)
                if not same or not same[0].name_zh:
                    continue
                label = same[0].label(lang)
            if label not in out:
                out.append(label)
            if len(out) >= limit:
                break
        return out

    def _choices(self) -> tuple[list[str], list[str]]:
        if self._suggest_choices is None:
            rows = self.kb.place_keys(min_population=100000)
            keys = [r.norm for r in rows]
            labels = []
            for r in rows:
                admin = _strip_admin_label(r.admin1 or "")
                labels.append(", ".join(dict.fromkeys(x for x in (r.name, admin, r.country) if x)))
            self._suggest_choices = (keys, labels)
        return self._suggest_choices

    def resolve(self, text: str, lang: str = "en") -> Origin:
        """Coordinates or a place name → Origin; raises UserInputError / NotFoundError (one line,
        in any language; the "did you mean" names in `lang`)."""
        from desktop.i18n import Msg

        if not text or not text.strip():
            raise UserInputError(Msg("no place given (type a city, e.g. Wuhan or 武汉, or LAT,LON)"))
        coords = parse_coordinates(text)
        if coords is not None:
            return Origin(coords[0], coords[1], query=text)
        if not self.available:
            raise NotFoundError(Msg("this knowledge base has no place names; give coordinates as LAT,LON"))
        found = self.candidates(text, limit=10)
        if not found:
            hints = self.suggestions(text, lang=lang)
            if hints:
                raise NotFoundError(Msg("no place called %(place)s; did you mean: %(hints)s?", place=repr(text.strip()),
                                        hints="; ".join(hints)))
            raise NotFoundError(Msg("no place called %(place)s", place=repr(text.strip())))
        best = found[0]
        return Origin(best.lat, best.lon, place=best, alternatives=tuple(found[1:]), query=text)
