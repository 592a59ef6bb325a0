"""Chinese place names are the modern, official ones (review D05: 乌鲁木齐 showed as 迪化, Shenzhen
as 宝安, Chengdu as 天府), and a Chinese label holds no English.

The expected names are the standard simplified names of China's 50 largest cities and of Hong
Kong, Macau and Taipei, written here from the official names, not taken from the gazetteer.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.geo.gazetteer import Gazetteer
from desktop.i18n import error_line
from desktop.kb.store import KnowledgeBase

CITIES: list[tuple[str, str]] = [
    ("Shanghai", "上海"), ("Beijing", "北京"), ("Shenzhen", "深圳"), ("Guangzhou", "广州"), ("Chengdu", "成都"),
    ("Tianjin", "天津"), ("Wuhan", "武汉"), ("Dongguan", "东莞"), ("Xi'an", "西安"), ("Nanjing", "南京"),
    ("Hangzhou", "杭州"), ("Foshan", "佛山"), ("Chongqing", "重庆"), ("Qingdao", "青岛"), ("Shenyang", "沈阳"),
    ("Suzhou, Jiangsu", "苏州"), ("Harbin", "哈尔滨"), ("Hefei", "合肥"), ("Dalian", "大连"), ("Changchun", "长春"),
    ("Xiamen", "厦门"), ("Wuxi", "无锡"), ("Jinan", "济南"), ("Taiyuan", "太原"), ("Zhengzhou", "郑州"),
    ("Shijiazhuang", "石家庄"), ("Kunming", "昆明"), ("Zhongshan", "中山"), ("Nanning", "南宁"), ("Shantou", "汕头"),
    ("Fuzhou, Fujian", "福州"), ("Ningbo", "宁波"), ("Tangshan", "唐山"), ("Changzhou", "常州"), ("Zibo", "淄博"),
    ("Changsha", "长沙"), ("Guiyang", "贵阳"), ("Urumqi", "乌鲁木齐"), ("Lanzhou", "兰州"), ("Huizhou", "惠州"),
    ("Haikou", "海口"), ("Linyi", "临沂"), ("Baoding", "保定"), ("Wenzhou", "温州"), ("Nanchang", "南昌"),
    ("Hohhot", "呼和浩特"), ("Shaoxing", "绍兴"), ("Nantong", "南通"), ("Xuzhou", "徐州"), ("Luoyang", "洛阳"),
    ("Hong Kong", "香港"), ("Macau", "澳门"), ("Taipei", "台北"),
]
"""(how an English speaker types it, the standard Chinese name)."""

NOT_THESE = {"Urumqi": "迪化", "Shenzhen": "宝安", "Chengdu": "天府", "Shanghai": "沪", "Dalian": "旅大"}
"""Historic, district and short names the gazetteer also knows, which must never be the display name."""

LATIN = re.compile(r"[A-Za-z]")


@pytest.fixture(scope="module")
def gaz(real_kb: Path) -> Gazetteer:
    g = Gazetteer(KnowledgeBase(real_kb))
    assert g.available
    return g


def test_the_list_is_fifty_cities_and_three() -> None:
    assert len(CITIES) == 53 and len({zh for _en, zh in CITIES}) == 53


@pytest.mark.parametrize(("english", "chinese"), CITIES, ids=[en for en, _zh in CITIES])
def test_city_has_its_standard_chinese_name(gaz: Gazetteer, english: str, chinese: str) -> None:
    place = gaz.resolve(english).place
    assert place is not None
    assert place.name_zh == chinese, f"{english}: {place.name_zh!r}"
    assert place.name_zh != NOT_THESE.get(english.split(",")[0])
    by_chinese = gaz.resolve(chinese).place  # typed in Chinese: the same city, not a namesake or a district
    assert by_chinese is not None and by_chinese.id == place.id, f"{chinese} -> {by_chinese}"
    label = place.label("zh-Hans")
    assert label.startswith(chinese), label
    assert not LATIN.search(label), f"English in the Chinese label {label!r}"


def test_special_regions_and_taiwan_read_without_english(gaz: Gazetteer) -> None:
    assert [gaz.resolve(name).place.label("zh-Hans") for name in ("Macau", "Hong Kong", "Taipei")] == [  # type: ignore[union-attr]
        "澳门", "香港", "台北，台湾"]


def test_chinese_did_you_mean_is_in_chinese(gaz: Gazetteer) -> None:
    from desktop.errors import NotFoundError

    with pytest.raises(NotFoundError) as caught:
        gaz.resolve("Wuhna", lang="zh-Hans")
    text = error_line(caught.value, "zh-Hans")
    assert "武汉" in text and "did you mean" not in text
    assert "did you mean" in error_line(caught.value, "en")
