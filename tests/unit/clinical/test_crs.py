"""ASTCT CRS grade: fever and masking, hypotension vs hypoxia, all combinations, monotonicity."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.clinical import HYPOTENSION, OXYGEN, CrsResult, MaskedFeverWithoutCrs, crs_grade
from desktop.errors import UserInputError

# The ASTCT CRS table (Lee 2019; reproduced in PMC8021214 Table 1 and PMC9327779 Table 2), one
# row per grade: (hypotension column, hypoxia column). Every row also needs fever >= 38 °C,
# which is no longer required once CRS is diagnosed and antipyretic or anti-cytokine treatment
# then masks it. Hypotension and hypoxia count only when not attributable to another cause.
CRS_TABLE = {
    1: ("none", "none"),
    2: ("no-vasopressor", "low-flow"),
    3: ("one-vasopressor", "high-flow"),
    4: ("multiple-vasopressors", "positive-pressure"),
}


def oracle(temp: float, masked: bool, hypotension: str, oxygen: str, *, diagnosed: bool = True,
           confirmed: bool = True) -> int | str | None:
    """Read the grade off the table rows: 'with hypotension and/or hypoxia', worst row wins.
    "refused": a masked fever without prior CRS; None: findings not yet confirmed as CRS."""
    if masked and not diagnosed and temp < 38.0:
        return "refused"
    if not (temp >= 38.0 or masked):
        return 0
    rows = [g for g, (bp, o2) in CRS_TABLE.items() if g > 1 and (bp == hypotension or o2 == oxygen)]
    if rows and not confirmed:
        return None
    return max(rows) if rows else 1


TEMPS = (30.0, 36.6, 37.9, 37.99, 38.0, 38.01, 39.1, 41.0, 45.0)


def test_every_combination_matches_the_table() -> None:
    count = 0
    for temp, masked, bp, o2, diagnosed, confirmed in itertools.product(
            TEMPS, (False, True), HYPOTENSION, OXYGEN, (False, True), (False, True)):
        expected = oracle(temp, masked, bp, o2, diagnosed=diagnosed, confirmed=confirmed)
        count += 1
        if expected == "refused":
            with pytest.raises(MaskedFeverWithoutCrs, match="already diagnosed with CRS"):
                crs_grade(temp, fever_masked=masked, crs_already_diagnosed=diagnosed, hypotension=bp, oxygen=o2,
                          not_attributable=confirmed)
            continue
        result = crs_grade(temp, fever_masked=masked, crs_already_diagnosed=diagnosed, hypotension=bp, oxygen=o2,
                           not_attributable=confirmed)
        assert result.grade == expected, (temp, masked, bp, o2, diagnosed, confirmed)
        assert result.reasons("en") and result.reasons("zh-Hans")
        if result.grade is None:
            assert "not assigned" in result.summary("en") and "another cause" in result.reasons("en")[-1]
            continue
        assert f"grade {result.grade}" in result.summary("en")
        assert f"{result.grade} 级" in result.summary("zh-Hans")
        if temp < 38.0:
            assert "fever only" not in " ".join(result.reasons("en")) + result.summary("en")
    assert count == len(TEMPS) * 2 * 4 * 4 * 2 * 2


def confirmed(temp: float, **kw: object) -> CrsResult:
    """Both preconditions met (CRS already diagnosed; findings not attributable to another cause)."""
    return crs_grade(temp, crs_already_diagnosed=True, not_attributable=True, **kw)  # type: ignore[arg-type]


def test_choices_are_the_issue_vocabulary() -> None:
    assert HYPOTENSION == ("none", "no-vasopressor", "one-vasopressor", "multiple-vasopressors")
    assert OXYGEN == ("none", "low-flow", "high-flow", "positive-pressure")


def test_fever_threshold_is_38() -> None:
    assert confirmed(37.9).grade == 0
    assert confirmed(37.99).grade == 0
    assert confirmed(38.0).grade == 1
    assert confirmed(38.0, oxygen="low-flow").grade == 2
    assert confirmed(37.9, oxygen="positive-pressure").grade == 0


def test_no_fever_no_masking_is_not_crs_even_with_hypotension() -> None:
    result = confirmed(37.2, hypotension="multiple-vasopressors", oxygen="high-flow")
    assert result.grade == 0
    text = " ".join(result.reasons("en"))
    assert "not CRS" in text and "without fever" in text
    assert result.summary("en") == "ASTCT CRS grade 0: no fever (37.2 °C) and none masked, not CRS"


def test_masked_fever_grades_by_hypotension_and_hypoxia() -> None:
    assert confirmed(36.8, fever_masked=True, hypotension="one-vasopressor").grade == 3
    assert confirmed(36.8, fever_masked=True, oxygen="positive-pressure").grade == 4
    assert confirmed(36.8, fever_masked=True, oxygen="low-flow").grade == 2
    masked_only = confirmed(36.8, fever_masked=True)
    assert masked_only.grade == 1
    assert "masked" in masked_only.reasons("en")[0]
    assert "掩盖" in masked_only.reasons("zh-Hans")[0]


def test_more_severe_event_sets_the_grade() -> None:
    # The paper's example: febrile, one vasopressor and low-flow oxygen -> grade 3.
    result = confirmed(39.0, hypotension="one-vasopressor", oxygen="low-flow")
    assert result.grade == 3
    assert "hypotension (grade 3) over hypoxia (grade 2)" in result.reasons("en")[-1]
    # Hypoxia can be the worse event too.
    result = confirmed(39.0, hypotension="no-vasopressor", oxygen="positive-pressure")
    assert result.grade == 4
    assert "hypoxia (grade 4) over hypotension (grade 2)" in result.reasons("en")[-1]
    # Equal events.
    assert confirmed(39.0, hypotension="one-vasopressor", oxygen="high-flow").grade == 3


@pytest.mark.parametrize(("bp", "grade"), [("none", 1), ("no-vasopressor", 2), ("one-vasopressor", 3),
                                          ("multiple-vasopressors", 4)])
def test_hypotension_rows(bp: str, grade: int) -> None:
    assert confirmed(38.5, hypotension=bp).grade == grade


@pytest.mark.parametrize(("o2", "grade"), [("none", 1), ("low-flow", 2), ("high-flow", 3), ("positive-pressure", 4)])
def test_hypoxia_rows(o2: str, grade: int) -> None:
    assert confirmed(38.5, oxygen=o2).grade == grade


def test_chart_summary_matches_the_issue_example() -> None:
    result = confirmed(39.1, hypotension="none", oxygen="low-flow")
    assert result.summary("en") == "ASTCT CRS grade 2: fever 39.1 °C with hypoxia on low-flow O2"
    assert result.summary("zh-Hans") == "ASTCT CRS 2 级：发热 39.1 °C，伴低氧（低流量吸氧）"
    both = confirmed(38.2, hypotension="one-vasopressor", oxygen="high-flow")
    assert both.summary("en") == ("ASTCT CRS grade 3: fever 38.2 °C with hypotension on one vasopressor "
                                  "and hypoxia on high-flow O2 or mask")
    assert confirmed(38.0).summary("en") == "ASTCT CRS grade 1: fever 38.0 °C without hypotension or hypoxia"


@pytest.mark.parametrize("temp", [29.9, 45.1, -5.0, 100.0, math.nan, math.inf, -math.inf])
def test_implausible_temperature_is_a_user_error(temp: float) -> None:
    with pytest.raises(UserInputError, match="temperature"):
        confirmed(temp)


@pytest.mark.parametrize("temp", ["39", None, True])
def test_non_numeric_temperature_is_a_user_error(temp: object) -> None:
    with pytest.raises(UserInputError):
        crs_grade(temp)  # type: ignore[arg-type]


def test_unknown_categories_are_user_errors() -> None:
    with pytest.raises(UserInputError, match="hypotension"):
        confirmed(39.0, hypotension="two-vasopressors")
    with pytest.raises(UserInputError, match="oxygen"):
        confirmed(39.0, oxygen="ecmo")


def test_result_carries_the_citation() -> None:
    result = confirmed(39.0)
    assert result.source_id == "G1"
    assert "ASTCT" in result.citation and "2019" in result.citation
    assert set(result.to_json()) == {"grade", "reasons", "source"}


# -- property: worsening any single finding never lowers the grade ---------------------------

temps = st.floats(min_value=30.0, max_value=45.0, allow_nan=False)
states = st.tuples(temps, st.booleans(), st.sampled_from(HYPOTENSION), st.sampled_from(OXYGEN))


def _grade(state: tuple[float, bool, str, str]) -> int:
    temp, masked, bp, o2 = state
    grade = confirmed(temp, fever_masked=masked, hypotension=bp, oxygen=o2).grade
    assert grade is not None
    return grade


@given(states, temps)
def test_higher_temperature_never_lowers_the_grade(state: tuple[float, bool, str, str], other: float) -> None:
    hotter = (max(state[0], other), *state[1:])
    assert _grade(hotter) >= _grade(state)


@given(states)
def test_masking_never_lowers_the_grade(state: tuple[float, bool, str, str]) -> None:
    assert _grade((state[0], True, state[2], state[3])) >= _grade((state[0], False, state[2], state[3]))


@given(states, st.integers(0, 3))
def test_worse_hypotension_never_lowers_the_grade(state: tuple[float, bool, str, str], step: int) -> None:
    i = HYPOTENSION.index(state[2])
    worse = HYPOTENSION[min(3, i + step)]
    assert _grade((state[0], state[1], worse, state[3])) >= _grade(state)


@given(states, st.integers(0, 3))
def test_worse_hypoxia_never_lowers_the_grade(state: tuple[float, bool, str, str], step: int) -> None:
    i = OXYGEN.index(state[3])
    worse = OXYGEN[min(3, i + step)]
    assert _grade((state[0], state[1], state[2], worse)) >= _grade(state)


@given(states)
def test_grade_agrees_with_the_table_on_random_temperatures(state: tuple[float, bool, str, str]) -> None:
    assert _grade(state) == oracle(*state)


# -- the preconditions (Lee 2019): prior CRS for a masked fever, findings not due to another cause --


def test_masked_fever_without_prior_crs_is_refused_with_one_line() -> None:
    with pytest.raises(MaskedFeverWithoutCrs) as caught:
        crs_grade(37.2, fever_masked=True, hypotension="one-vasopressor", not_attributable=True)
    message = str(caught.value)
    assert "\n" not in message and "was CRS already diagnosed?" in message
    assert isinstance(caught.value, UserInputError)


def test_masked_flag_with_a_real_fever_needs_no_prior_diagnosis() -> None:
    # 38.5 °C is a fever whatever was given: masking does not enter into it.
    assert crs_grade(38.5, fever_masked=True).grade == 1


def test_findings_unconfirmed_leave_the_grade_unassigned() -> None:
    result = crs_grade(39.0, hypotension="one-vasopressor", oxygen="low-flow")
    assert result.grade is None
    assert result.reasons("en")[-1].startswith("Grade not assigned")
    assert "if not attributable to another cause" in result.reasons("en")[1]
    assert result.summary("en").startswith("ASTCT CRS grade not assigned")
    assert "未分级" in result.summary("zh-Hans") or "不能" in result.summary("zh-Hans")
    assert result.to_json()["grade"] is None


def test_confirmed_findings_set_the_grade_and_say_so() -> None:
    result = crs_grade(39.0, hypotension="one-vasopressor", not_attributable=True)
    assert result.grade == 3
    assert any("not attributable to another cause" in r for r in result.reasons("en"))


def test_unconfirmed_does_not_matter_without_findings_or_without_fever() -> None:
    assert crs_grade(39.0).grade == 1
    assert crs_grade(37.0, hypotension="multiple-vasopressors").grade == 0


def test_masked_fever_never_says_fever_only() -> None:
    result = crs_grade(36.8, fever_masked=True, crs_already_diagnosed=True)
    text = " ".join(result.reasons("en")) + " " + result.summary("en")
    assert result.grade == 1 and "fever only" not in text
    assert "already diagnosed" in text and "masked" in text
    assert "fever only" in " ".join(crs_grade(38.4).reasons("en"))
