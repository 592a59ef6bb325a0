"""Personal fields: contacts parsed and normalised (D01), direction controls removed (F19), lengths capped (F20)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop.handouts import fields
from desktop.handouts.fields import (
    Contact,
    FieldError,
    clean,
    parse_contact,
    parse_number,
    region_for,
)
from desktop.handouts.render import Options, Personal, render_handout
from desktop.kb.store import KnowledgeBase
from desktop.recovery.plan import plan_for


@pytest.fixture()
def kb(mini_kb: Path) -> Iterator[KnowledgeBase]:
    with KnowledgeBase(mini_kb) as opened:
        yield opened


def test_label_and_number_are_separate_and_the_qr_dials_the_printed_number() -> None:
    c = parse_contact("24小时=+86 27 8366 0000")
    assert c == Contact("24小时", "+862783660000", "+86 27 8366 0000")
    assert c.tel == "tel:" + c.display.replace(" ", "")
    assert parse_contact("门诊：=027-8366-1111", "CN").label == "门诊"  # a typed colon is not printed twice
    assert parse_contact("(212) 555-0100", "US") == Contact("", "+12125550100", "+1 212-555-0100")
    assert c.printed == "+86\u00a027\u00a08366\u00a00000"  # never split across lines


@pytest.mark.parametrize("text, message", [
    ("call me", "not a phone number"),
    ("24小时: +86 27 8366 0000; 门诊: 027-8366-1111", "not a phone number"),
    ("027 8366 1111", "no country code"),
    ("+86 000 0000", "not a diallable number"),
    ("", "missing"),
    ("+86 27 8366 0000 " + "1" * 40, "not a phone number"),
])
def test_what_cannot_be_dialled_is_refused(text: str, message: str) -> None:
    with pytest.raises(FieldError, match=message):
        parse_number(text)


def test_region_from_centre_country_or_jurisdiction() -> None:
    assert region_for("", "China") == "CN" and region_for("United States") == "US" and region_for("Mars", "") == ""
    assert parse_number("027 8366 1111", region_for("China")) == ("+862783661111", "+86 27 8366 1111")


def test_direction_controls_are_removed_and_long_fields_refused() -> None:
    assert clean("patient", "Li Wei\u202e") == ("Li Wei", True)
    assert clean("patient", " \u2067Li\u2069 Wei ") == ("Li Wei", True)
    assert clean("patient", "王丽") == ("王丽", False)
    with pytest.raises(FieldError, match="too long"):
        clean("patient", "x" * (fields.MAX_LENGTH["patient"] + 1))
    assert parse_contact("ward\u202e=+86 10 1234 5678").label == "ward"


def test_rlo_in_the_name_reverses_nothing(kb: KnowledgeBase) -> None:
    """F19: the override is gone from everything the painter gets, so the number prints in its own order."""
    personal = Personal(patient="Li Wei\u202e", contacts=(parse_contact("24-hour phone=+86 10 1234 5678"),),
                        infusion_date=date(2026, 3, 14))
    r = render_handout(kb, "wallet-card", plan_for(kb, personal), Options(), personal)
    everything = r.html + r.header_html + "".join(c.front_html + c.back_html for c in r.cards)
    assert not fields.BIDI_CONTROLS.search(everything)
    assert "+86\u00a010\u00a01234\u00a05678" in everything


def test_nothing_splits_where_a_reader_would_trip() -> None:
    """D31: "38 °C" stays on one line, "门诊" never breaks as 门|诊."""
    from desktop.handouts.content import keep_together

    assert keep_together("<p>38 °C or higher; 12 mg; 2026 Cars</p>") == "<p>38\u00a0°C or higher; 12\u00a0mg; 2026 Cars</p>"
    assert parse_contact("门诊=+86 27 8366 1111").printed_label == "门\u2060诊"
    assert parse_contact("Clinic 2=+86 27 8366 1111").printed_label == "Clinic 2"
