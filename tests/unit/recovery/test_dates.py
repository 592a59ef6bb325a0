"""The date rules shared by `cartref handout` and the handouts window (D17, F17, F18)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.errors import UserInputError
from desktop.recovery.dates import FieldError, check_dates, parse_date, parse_dates, window

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize("text", ["2026-02-30", "2026-13-01", "2027-02-29", "2026-00-10"])
def test_impossible_dates_are_errors_never_other_dates(text: str) -> None:
    with pytest.raises(FieldError, match="does not exist") as caught:
        parse_date(text, "infusion")
    assert caught.value.field == "infusion" and isinstance(caught.value, UserInputError)


@pytest.mark.parametrize("text", ["14/03/2026", "2026-3-4", "tomorrow", "٢٠٢٦-٠٣-١٤"])
def test_other_formats_are_refused(text: str) -> None:
    with pytest.raises(FieldError, match="YYYY-MM-DD"):
        parse_date(text)


def test_full_width_digits_from_a_chinese_input_method_are_read() -> None:
    assert parse_date("２０２６－０３－１４") == date(2026, 3, 14)


def test_window_is_five_years_back_one_ahead() -> None:
    assert window(TODAY) == (date(2021, 12, 7), date(2027, 12, 7))
    assert window(date(2028, 2, 29)) == (date(2023, 2, 28), date(2029, 2, 28))
    check_dates(date(2021, 12, 7), None, TODAY)
    check_dates(date(2027, 12, 7), None, TODAY)
    for bad in (date(2021, 12, 6), date(2027, 12, 8), date(9999, 12, 31), date(1, 1, 1)):
        with pytest.raises(FieldError, match="plausible date for the infusion") as caught:
            check_dates(bad, None, TODAY)
        assert caught.value.field == "infusion"


def test_leukapheresis_before_infusion_and_within_a_year() -> None:
    check_dates(date(2026, 12, 1), date(2025, 12, 1), TODAY)
    for leuk, message in ((date(2026, 12, 1), "before the infusion"), (date(2026, 12, 2), "before the infusion"),
                          (date(2025, 11, 30), "366 days before")):
        with pytest.raises(FieldError, match=message) as caught:
            check_dates(date(2026, 12, 1), leuk, TODAY)
        assert caught.value.field == "leukapheresis"
    with pytest.raises(FieldError, match="plausible date for the leukapheresis"):
        check_dates(None, date(2001, 1, 1), TODAY)


def test_messages_translate_for_the_window() -> None:
    with pytest.raises(FieldError) as caught:
        parse_dates("2026-02-30", "", TODAY)
    assert caught.value.text("en") == "2026-02-30 does not exist in the calendar"
    assert caught.value.text("zh-Hans") == "日历中没有 2026-02-30 这一天"
    assert parse_dates("", "", TODAY) == (None, None)
