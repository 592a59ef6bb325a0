"""Recovery-calendar and symptom-log handouts (no Qt): dates, jurisdiction, notes, thresholds from the KB."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from desktop.content.build import build_kb
from desktop.errors import UserInputError
from desktop.handouts import recovery
from desktop.handouts.render import Contact, Options, Personal, RenderedHandout, render_handout
from desktop.kb.store import KnowledgeBase
from desktop.recovery.plan import build_calendar, plan_for
from tests.helpers.rules_fixture import mini_with_rules


def handout(kb: KnowledgeBase, name: str, personal: Personal | None = None, options: Options | None = None) -> RenderedHandout:
    """Render as the form and the CLI do: the plan computed from the typed dates first."""
    return render_handout(kb, name, plan_for(kb, personal), options, personal)

CALL_MD = """
## When to call the care team

- A temperature of 39.5 °C or more [@S1].
- New confusion [@G1].
"""


@pytest.fixture(scope="module")
def rules_kb(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    base = tmp_path_factory.mktemp("hcal")
    data = mini_with_rules(base / "data")
    crs = data / "safety" / "crs.en.md"
    crs.write_text(crs.read_text(encoding="utf-8").replace("source_ids: [G1]", "source_ids: [G1, S1]") + CALL_MD, encoding="utf-8")
    build_kb(data, base / "kb.sqlite")
    with KnowledgeBase(base / "kb.sqlite") as opened:
        yield opened


def test_calendar_month_end_china(rules_kb: KnowledgeBase) -> None:
    r = handout(rules_kb, "recovery-calendar", Personal(infusion_date=date(2026, 1, 29)), Options())
    html = r.html
    # lymphodepletion days -4..-2 from the China rule, across nothing but January; infusion day 0
    assert "2026-01-25 – 2026-01-27" in html and "Thu 2026-01-29" in html
    assert "Test protocol" in html and "since 2021-07-15" in html and "S1" in r.source_ids
    # no China proximity/driving rule: the gap note is printed, never a borrowed US number
    assert "no rule in force on 2026-01-29" in html and "Stay near for" not in html
    # ... and a fill-in row the care team completes for each period no rule gives (D24): staying
    # near and driving; the monitoring period is the product's protocol's (days 1-28, R18), marked;
    # the follow-up visits start on day 29 and their days are filled in by the team
    assert html.count("your care team writes the last day here") == 2
    assert html.count("2026-01-29 – ____________") == 2 and "<b>Stay near the treatment centre</b>" in html
    assert "2026-01-30 – 2026-02-26" in html and "IASO study protocol (28-day safety period)" in html and "[R18]" in html
    assert "2026-02-27 – ____________" in html and "Day 29 to ______" in html and "writes them here" in html
    # the grid shows January and the month after the infusion month, weekdays as columns
    assert "January 2026" in html and "February 2026" in html and html.index("Mon") < html.index("Sun")


def test_calendar_us_rules_and_other_versions(rules_kb: KnowledgeBase) -> None:
    personal = Personal(infusion_date=date(2026, 1, 29), leukapheresis_date=date(2025, 12, 20), jurisdiction="US")
    r = handout(rules_kb, "recovery-calendar", personal, Options(lang="zh-Hans"))
    cal, _ = build_calendar(rules_kb, date(2026, 1, 29), "US", date(2025, 12, 20))
    near = cal.event("stay-near-centre")
    assert near is not None and near.end == date(2026, 2, 12)
    assert "2026-01-29 – 2026-02-12" in r.html and "最后一天：2026-02-12（周四）" in r.html
    assert "2025年12月" in r.html and "2026年2月" in r.html and "周一" in r.html
    assert "2025-06-26起" in r.html  # valid-from in Chinese
    assert "就近居住4周" in r.html  # the older version is shown as a note, not dropped
    months = [m.title for m in recovery.month_views(cal, "en")]
    assert months == ["December 2025", "January 2026", "February 2026"]


def test_grid_marks_key_days(rules_kb: KnowledgeBase) -> None:
    cal, _ = build_calendar(rules_kb, date(2028, 2, 27), "US")
    cells = {c.day: c for mv in recovery.month_views(cal, "en") for week in mv.weeks for c in week if c.day}
    assert [m.code for m in cells[date(2028, 2, 27)].marks] == ["0"]
    assert cells[date(2028, 2, 21)].marks[0].kind == "lymphodepletion" and cells[date(2028, 2, 21)].rel == -6
    end = {m.kind for m in cells[date(2028, 3, 12)].marks}  # leap year: 2 weeks after 27 Feb
    assert {"stay-near-centre", "driving"} <= end and all(m.end for m in cells[date(2028, 3, 12)].marks)
    assert not cells[date(2028, 3, 1)].marks and cells[date(2028, 3, 1)].colour == recovery.SPAN_SHADE


def test_calendar_needs_infusion_and_valid_dates(rules_kb: KnowledgeBase) -> None:
    with pytest.raises(UserInputError, match="needs an infusion date"):
        handout(rules_kb, "recovery-calendar", Personal())
    with pytest.raises(UserInputError, match="before the infusion"):
        handout(rules_kb, "recovery-calendar", Personal(infusion_date=date(2026, 1, 1), leukapheresis_date=date(2026, 1, 2)))
    with pytest.raises(UserInputError, match="unknown jurisdiction"):
        handout(rules_kb, "symptom-log", Personal(jurisdiction="atlantis"))


def test_kb_without_rules_says_so(mini_kb: Path) -> None:
    r = handout(KnowledgeBase(mini_kb), "recovery-calendar", Personal(infusion_date=date(2026, 1, 29)), Options())
    assert "dated rules (jurisdiction, periods)" in r.missing
    assert "Not in the knowledge base yet" in r.html and "Thu 2026-01-29" in r.html


def test_symptom_log_threshold_is_read_from_the_kb(rules_kb: KnowledgeBase, mini_kb: Path) -> None:
    r = handout(rules_kb, "symptom-log", Personal(infusion_date=date(2026, 1, 29), contacts=(Contact("", "+862712345678", "+86 27 1234 5678"),)), Options())
    assert "39.5\u00a0°C" in r.html and "S1" in r.source_ids  # the crafted KB's number, not a pasted 38
    assert "New confusion" in r.html
    rows = re.findall(r"<td align=\"center\" valign=\"middle\"><b>(\d+)</b></td>", r.html)
    assert rows[0] == "0" and rows[-1] == "28" and len(rows) == 29  # study protocol window (R18)
    assert "01-29" in r.html and "02-26" in r.html
    assert r.qr_payloads["phone"] == "tel:+862712345678"
    plain = handout(KnowledgeBase(mini_kb), "symptom-log", Personal(), Options(lang="zh-Hans"))
    assert "fever threshold" in plain.missing and "°C" not in plain.html
