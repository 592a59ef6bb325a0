"""ICE score: every part's range, every band boundary, and the whole input space."""

from __future__ import annotations

import itertools

import pytest

from desktop.clinical import ICE_PARTS, ice_score
from desktop.errors import UserInputError

# ICE tasks and their points as printed in the ASTCT paper (reproduced in PMC8153820 Table 2).
MAXIMA = {"orientation": 4, "naming": 3, "commands": 1, "writing": 1, "attention": 1}

# ICANS table, ICE row: grade 1 = 7-9, grade 2 = 3-6, grade 3 = 0-2; 10 is no finding.
ICE_ROW = {1: range(7, 10), 2: range(3, 7), 3: range(0, 3)}


def oracle_grade(score: int) -> int:
    return next((g for g, band in ICE_ROW.items() if score in band), 0)


def test_parts_match_the_paper() -> None:
    assert {k: top for k, top, _, _ in ICE_PARTS} == MAXIMA
    assert sum(MAXIMA.values()) == 10


def test_every_combination_scores_and_grades_like_the_table() -> None:
    names = list(MAXIMA)
    seen = 0
    for values in itertools.product(*(range(MAXIMA[n] + 1) for n in names)):
        kwargs = dict(zip(names, values, strict=True))
        result = ice_score(**kwargs)
        assert result.score == sum(values)
        assert result.grade == oracle_grade(result.score), kwargs
        assert dict(result.parts) == kwargs
        assert result.reasons("en") and result.reasons("zh-Hans")
        seen += 1
    assert seen == 5 * 4 * 2 * 2 * 2


@pytest.mark.parametrize(("kwargs", "score", "grade"), [
    ({"orientation": 4, "naming": 3, "commands": 1, "writing": 1, "attention": 1}, 10, 0),
    ({"orientation": 3, "naming": 3, "commands": 1, "writing": 1, "attention": 1}, 9, 1),
    ({"orientation": 4, "naming": 1, "commands": 1, "writing": 1, "attention": 0}, 7, 1),
    ({"orientation": 4, "naming": 1, "commands": 1, "writing": 0, "attention": 0}, 6, 2),
    ({"orientation": 1, "naming": 1, "commands": 1, "writing": 0, "attention": 0}, 3, 2),
    ({"orientation": 1, "naming": 1, "commands": 0, "writing": 0, "attention": 0}, 2, 3),
    ({"orientation": 0, "naming": 0, "commands": 0, "writing": 0, "attention": 0}, 0, 3),
])
def test_band_boundaries(kwargs: dict[str, int], score: int, grade: int) -> None:
    result = ice_score(**kwargs)
    assert (result.score, result.grade) == (score, grade)


@pytest.mark.parametrize("part", list(MAXIMA))
@pytest.mark.parametrize("delta", [-1, +1])
def test_out_of_range_part_is_a_user_error(part: str, delta: int) -> None:
    kwargs = dict.fromkeys(MAXIMA, 0)
    kwargs[part] = -1 if delta < 0 else MAXIMA[part] + 1
    with pytest.raises(UserInputError, match=part):
        ice_score(**kwargs)


@pytest.mark.parametrize("bad", [1.5, True, "3", None])
def test_non_integer_part_is_a_user_error(bad: object) -> None:
    kwargs: dict[str, object] = dict.fromkeys(MAXIMA, 1)
    kwargs["naming"] = bad
    with pytest.raises(UserInputError):
        ice_score(**kwargs)  # type: ignore[arg-type]


def test_reasons_name_the_lost_points_and_the_band() -> None:
    result = ice_score(orientation=3, naming=3, commands=1, writing=0, attention=1)
    en = result.reasons("en")
    assert any("Orientation" in r and "3/4" in r for r in en)
    assert any("Writing" in r and "0/1" in r for r in en)
    assert "7–9" in en[-1] and "grade 1" in en[-1]
    assert not any("Naming" in r for r in en), "full marks are not a finding"
    zh = result.reasons("zh-Hans")
    assert any("定向" in r for r in zh) and "1 级" in zh[-1]
    assert result.summary("en") == "ICE score 8/10 (orientation 3/4, naming 3/3, commands 1/1, writing 0/1, attention 1/1)"
    assert result.summary("zh-Hans").startswith("ICE 评分 8/10（")


def test_json_shape_and_citation() -> None:
    data = ice_score(4, 3, 1, 1, 0).to_json()
    assert set(data) == {"grade", "score", "reasons", "source"}
    assert data["score"] == 9 and data["grade"] == 1
    assert "10.1016/j.bbmt.2018.12.758" in data["source"]
