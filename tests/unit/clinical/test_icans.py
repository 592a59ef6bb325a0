"""ASTCT ICANS grade: every domain row, the ICE-0 cases, all combinations, monotonicity."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from desktop.clinical import CONSCIOUSNESS, EDEMA, MOTOR, SEIZURE, icans_grade
from desktop.errors import UserInputError

# The ASTCT ICANS table for adults (Lee 2019; reproduced in PMC8403007 Table 4 and
# PMC7990806 Table 2), written as domain -> {grade: the cell's finding}. Cells marked N/A in
# the paper are simply absent. "unarousable" in the ICE row is the patient who cannot do the ICE.
ICANS_TABLE: dict[str, dict[int, object]] = {
    "ice": {1: range(7, 10), 2: range(3, 7), 3: range(0, 3), 4: "unarousable"},
    "consciousness": {1: "spontaneous", 2: "voice", 3: "tactile", 4: "unarousable"},
    "seizure": {3: "self-limiting", 4: "prolonged"},
    "motor": {4: "deep-focal"},
    "edema": {3: "focal", 4: "diffuse"},
}


def oracle(ice: int | None, consciousness: str, seizure: str, motor: str, edema: str) -> int:
    """The most severe cell any finding falls in; 0 when none does."""
    found = {"consciousness": consciousness, "seizure": seizure, "motor": motor, "edema": edema}
    grades = [0]
    for grade, cell in ICANS_TABLE["ice"].items():
        if (ice is None and cell == "unarousable") or (ice is not None and isinstance(cell, range) and ice in cell):
            grades.append(grade)
    for domain, value in found.items():
        grades += [grade for grade, cell in ICANS_TABLE[domain].items() if cell == value]
    return max(grades)


ICE_VALUES: tuple[int | None, ...] = (*range(11), None)


def _call(ice: int | None, c: str, s: str, m: str, e: str) -> int:
    return icans_grade(ice=ice, unarousable=ice is None, consciousness=c, seizure=s, motor=m, edema=e).grade


def test_every_combination_matches_the_table() -> None:
    graded = refused = 0
    for ice, c, s, m, e in itertools.product(ICE_VALUES, CONSCIOUSNESS, SEIZURE, MOTOR, EDEMA):
        if ice is None and c != "unarousable":
            with pytest.raises(UserInputError, match="contradicts"):
                _call(ice, c, s, m, e)
            refused += 1
            continue
        result = icans_grade(ice=ice, unarousable=ice is None, consciousness=c, seizure=s, motor=m, edema=e)
        assert result.grade == oracle(ice, c, s, m, e), (ice, c, s, m, e)
        assert result.reasons("en") and result.reasons("zh-Hans")
        assert f"grade {result.grade}" in result.summary("en")
        graded += 1
    assert graded == 11 * 5 * 3 * 2 * 3 + 1 * 3 * 2 * 3
    assert refused == 4 * 3 * 2 * 3


def test_choices_are_the_issue_vocabulary() -> None:
    assert CONSCIOUSNESS == ("awake", "spontaneous", "voice", "tactile", "unarousable")
    assert SEIZURE == ("none", "self-limiting", "prolonged")
    assert MOTOR == ("none", "deep-focal")
    assert EDEMA == ("none", "focal", "diffuse")


@pytest.mark.parametrize(("ice", "grade"), [(10, 0), (9, 1), (7, 1), (6, 2), (3, 2), (2, 3), (0, 3)])
def test_ice_band_boundaries(ice: int, grade: int) -> None:
    assert icans_grade(ice=ice).grade == grade


def test_ice_zero_awake_is_3_but_unarousable_is_4() -> None:
    awake = icans_grade(ice=0, consciousness="awake")
    assert awake.grade == 3
    assert any("global aphasia" in r for r in awake.reasons("en"))
    unarousable = icans_grade(unarousable=True, consciousness="unarousable")
    assert unarousable.grade == 4 and unarousable.unarousable
    assert "unarousable" in unarousable.reasons("en")[0]
    assert unarousable.summary("en") == "ASTCT ICANS grade 4: unarousable, ICE not possible"


def test_ice_ten_and_nothing_else_is_grade_0() -> None:
    result = icans_grade(ice=10, consciousness="awake")
    assert result.grade == 0
    assert "no ICANS" in result.reasons("en")[-1]


@pytest.mark.parametrize(("consciousness", "grade"), [("awake", 0), ("spontaneous", 1), ("voice", 2),
                                                      ("tactile", 3), ("unarousable", 4)])
def test_consciousness_rows(consciousness: str, grade: int) -> None:
    assert icans_grade(ice=10, consciousness=consciousness).grade == grade


@pytest.mark.parametrize(("domain", "value", "grade"), [
    ("seizure", "self-limiting", 3), ("seizure", "prolonged", 4), ("motor", "deep-focal", 4),
    ("edema", "focal", 3), ("edema", "diffuse", 4),
])
def test_other_domain_rows(domain: str, value: str, grade: int) -> None:
    result = icans_grade(ice=10, **{domain: value})  # type: ignore[arg-type]
    assert result.grade == grade
    assert f"grade {grade}" in result.reasons("en")[-1]


def test_most_severe_finding_sets_the_grade() -> None:
    # The paper's example: ICE 3 with a generalised seizure -> grade 3.
    result = icans_grade(ice=3, seizure="self-limiting")
    assert result.grade == 3
    assert result.reasons("en")[-1] == "The most severe finding sets the grade: 3."
    assert result.summary("en") == "ASTCT ICANS grade 3: ICE 3/10; seizure resolving rapidly"
    assert result.summary("zh-Hans") == "ASTCT ICANS 3 级：ICE 3/10；迅速缓解的癫痫发作"
    assert icans_grade(ice=8, consciousness="voice", edema="diffuse").grade == 4


@pytest.mark.parametrize("ice", [-1, 11, 2.5, True, "7"])
def test_ice_out_of_range_is_a_user_error(ice: object) -> None:
    with pytest.raises(UserInputError):
        icans_grade(ice=ice)  # type: ignore[arg-type]


def test_ice_and_unarousable_are_exclusive_and_one_is_needed() -> None:
    with pytest.raises(UserInputError, match="not both"):
        icans_grade(ice=3, unarousable=True, consciousness="unarousable")
    with pytest.raises(UserInputError, match="ICE score"):
        icans_grade(consciousness="voice")


@pytest.mark.parametrize(("field", "value"), [("consciousness", "drowsy"), ("seizure", "status"),
                                              ("motor", "weak"), ("edema", "global")])
def test_unknown_categories_are_user_errors(field: str, value: str) -> None:
    with pytest.raises(UserInputError, match=field):
        icans_grade(ice=10, **{field: value})  # type: ignore[arg-type]


# -- property: worsening any single finding never lowers the grade ---------------------------

valid = st.tuples(st.sampled_from(ICE_VALUES), st.sampled_from(CONSCIOUSNESS), st.sampled_from(SEIZURE),
                  st.sampled_from(MOTOR), st.sampled_from(EDEMA)).filter(
    lambda t: t[0] is not None or t[1] == "unarousable")
State = tuple[int | None, str, str, str, str]


def _worse_ice(ice: int | None, drop: int, to_unarousable: bool) -> int | None:
    if ice is None or to_unarousable:
        return None
    return max(0, ice - drop)


@given(valid, st.integers(0, 10), st.booleans())
def test_lower_ice_never_lowers_the_grade(state: State, drop: int, to_unarousable: bool) -> None:
    worse = _worse_ice(state[0], drop, to_unarousable)
    # Unable to do the ICE because unarousable implies the unarousable consciousness row.
    assume(worse is not None or state[1] == "unarousable")
    assert _call(worse, *state[1:]) >= _call(*state)


@pytest.mark.parametrize("domain", [1, 2, 3, 4])
@given(state=valid, step=st.integers(0, 4))
def test_worse_domain_never_lowers_the_grade(domain: int, state: State, step: int) -> None:
    order = (CONSCIOUSNESS, SEIZURE, MOTOR, EDEMA)[domain - 1]
    worse_value = order[min(len(order) - 1, order.index(str(state[domain])) + step)]
    worse = (*state[:domain], worse_value, *state[domain + 1:])
    assert _call(*worse) >= _call(*state)  # type: ignore[arg-type]


@given(valid)
def test_grade_is_the_oracle_on_random_inputs(state: State) -> None:
    assert _call(*state) == oracle(*state)
