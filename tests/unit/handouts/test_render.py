"""Handout HTML (no Qt): escaping, KB content, missing pieces, dates, QR payloads, catalog."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from desktop.errors import UserInputError
from desktop.handouts import catalog
from desktop.handouts.content import markdown_html, sections
from desktop.handouts.fields import Contact, parse_contact
from desktop.handouts.render import (
    Options,
    Personal,
    RenderedHandout,
    parse_date,
    render_handout,
)
from desktop.kb.store import KnowledgeBase
from desktop.recovery.plan import plan_for

EVIL = '<b>Li</b> & "Wang"'


def handout(kb: KnowledgeBase, name: str, personal: Personal | None = None, options: Options | None = None) -> RenderedHandout:
    """Render as the form and the CLI do: the plan computed from the typed dates first."""
    return render_handout(kb, name, plan_for(kb, personal), options, personal)


@pytest.fixture()
def kb(mini_kb: Path) -> KnowledgeBase:
    return KnowledgeBase(mini_kb)


@pytest.mark.parametrize("name", catalog.names())
@pytest.mark.parametrize("lang", ["en", "zh-Hans"])
def test_typed_text_is_escaped_everywhere(kb: KnowledgeBase, real_kb: Path, name: str, lang: str) -> None:
    personal = Personal(patient=EVIL, note=EVIL, contacts=(Contact(EVIL, "+862712345678", "+86 27 1234 5678"),),
                        infusion_date=date(2026, 3, 14))
    if catalog.get(name).needs_delayed_neuro:  # the mini KB has no product whose label warns of it
        kb, personal = KnowledgeBase(real_kb), Personal(**{**personal.__dict__, "product": "cilta-cel"})
    r = handout(kb, name, personal, Options(lang=lang))
    html = r.html + r.header_html + "".join(c.front_html + c.back_html for c in r.cards)
    assert "<b>Li</b>" not in html
    assert "&lt;b&gt;Li&lt;/b&gt; &amp; &#34;Wang&#34;" in html


def test_content_comes_from_the_kb(kb: KnowledgeBase) -> None:
    r = handout(kb, "about-car-t", Personal(), Options(lang="en"))
    # therapy summary, trial name and the outcome numbers as the KB holds them
    assert "An autologous BCMA-directed CAR-T product." in r.html
    assert "TEST-1" in r.html
    assert "97 of 101 people (96.0%)" in r.html
    assert "S1" in r.source_ids


def test_chinese_handout_uses_chinese_content(kb: KnowledgeBase) -> None:
    r = handout(kb, "warning-signs", Personal(), Options(lang="zh-Hans"))
    html, footer = (t.replace("\u2060", "") for t in (r.html, r.footer_html))  # word joiners keep words whole (D31)
    assert "细胞因子释放综合征会引起发热和低血压" in html
    assert "资料来源" in html and "G1" in r.source_ids
    assert "本资料仅供参考" in footer


def test_missing_content_is_reported_not_silent(kb: KnowledgeBase) -> None:
    r = handout(kb, "journey", Personal(), Options())
    assert "article on monitoring" in r.missing
    assert "Not in the knowledge base yet: monitoring" in r.html


def test_unknown_names_dates_centres_are_input_errors(kb: KnowledgeBase) -> None:
    with pytest.raises(UserInputError, match="unknown handout"):
        handout(kb, "nope")
    with pytest.raises(UserInputError, match="unknown centre"):
        handout(kb, "journey", Personal(center_id="nowhere"))
    with pytest.raises(UserInputError, match="unknown paper"):
        handout(kb, "journey", options=Options(paper="a3"))
    for bad in ("2026-02-30", "14/03/2026", "2026-3-4", ""):
        with pytest.raises(UserInputError):
            parse_date(bad)
    assert parse_date("2024-02-29") == date(2024, 2, 29)


def test_footer_carries_meta_sources_and_page_placeholders(kb: KnowledgeBase) -> None:
    r = handout(kb, "warning-signs", Personal(), Options())
    meta = kb.meta()
    assert meta.content_date in r.footer_html and meta.short_hash in r.footer_html
    assert "__PAGE__" in r.footer_html and "__PAGES__" in r.footer_html
    assert "Information, not medical advice" in r.footer_html
    for sid in r.source_ids:
        assert sid in r.footer_html


def test_qr_payloads(kb: KnowledgeBase) -> None:
    assert parse_contact("24小时=+86 (20) 5550-0000").tel == "tel:+862055500000"
    ward = parse_contact("24-hour ward=027 1234 5678", "CN")
    assert ward == Contact("24-hour ward", "+862712345678", "+86 27 1234 5678")
    clinic = parse_contact("门诊=+86 27 8366 1111")
    r = handout(kb, "wallet-card", Personal(center_id="test-wuhan", contacts=(ward, clinic)), Options(lang="zh-Hans"))
    assert r.qr_payloads["phone"] == "tel:+862712345678"
    # one QR per printed number, each built from exactly that number, nothing else encoded (D01)
    assert {k: v for k, v in r.qr_payloads.items() if k != "phone"} == {
        "contact-0": "tel:+862712345678", "contact-1": "tel:+862783661111"}
    assert r.images["qr-1.png"].startswith(b"\x89PNG")
    card = r.cards[0].front_html
    assert card.index("+86\u00a027\u00a01234\u00a05678") < card.index("qr-0.png") < card.index("+86\u00a027\u00a08366\u00a01111") < card.index("qr-1.png")
    assert not any(k.startswith("qr-") for k in handout(kb, "journey").images)


def test_large_print_sizes() -> None:
    from desktop.handouts.render import FontSizes

    large = FontSizes.for_print(True)
    assert large.body >= 16 and large.h1 > large.h2 > large.body
    assert FontSizes.for_print(False).body < 16


def test_markdown_citations_and_escaping() -> None:
    cited: list[str] = []
    html = markdown_html("Fever <script>x</script> [@G1; @R2] and **指南：**管理", cited)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert cited == ["G1", "R2"]
    assert '<span class="cite">[G1, R2]</span>' in html
    assert "<strong>指南：</strong>管理" in html  # one bold fix for reader and paper (was <b> here)
    assert [s.heading for s in sections("intro\n## A\ntext\n## B\nmore")] == ["", "A", "B"]


def test_catalog() -> None:
    assert catalog.names() == ["about-car-t", "journey", "warning-signs", "caregiver-checklist", "wallet-card", "clinician-summary",
                               "recovery-calendar", "symptom-log", "nerve-check"]
    for spec in catalog.HANDOUTS:
        assert spec.title("zh-Hans") and re.search(r"[\u4e00-\u9fff]", spec.title("zh-Hans"))
        assert spec.page_limit(True) >= spec.page_limit(False)


def test_local_emergency_number_by_where_the_patient_is(kb: KnowledgeBase) -> None:
    """D20: 120 in mainland China (the centre's country); none on the clinician summary; none guessed."""
    from desktop.handouts.render import EMERGENCY_NUMBERS

    assert handout(kb, "warning-signs", Personal(center_id="test-wuhan")).html.count("call 120 (ambulance)") == 1
    assert "(ambulance)" not in handout(kb, "clinician-summary", Personal(center_id="test-wuhan")).html
    assert EMERGENCY_NUMBERS == {"CN": ("120", "EM1"), "HK": ("999", "EM2"), "US": ("911", "EM3")}


def test_nerve_check_needs_a_product_whose_label_warns(kb: KnowledgeBase, real_kb: Path) -> None:
    """The carers' sheet only for a label with a delayed-neurotoxicity warning (cilta-cel), never borrowed."""
    with pytest.raises(UserInputError, match="no such warning"):
        handout(KnowledgeBase(real_kb), "nerve-check", Personal(product="eque-cel"))
    r = handout(KnowledgeBase(real_kb), "nerve-check", Personal(product="cilta-cel", infusion_date=date(2026, 12, 1)),
                Options(lang="zh-Hans"))
    assert "立即联系您的医护人员或寻求紧急救助" in r.html and "2026-12-15" in r.html and "2027-03-09" in r.html
    assert {"G14", "CT21", "P10", "P9", "CT18"} <= set(r.source_ids)


def test_chinese_words_and_units_are_kept_whole(real_kb: Path) -> None:
    """D31: word joiners inside the KB's known Chinese words, in text only (never in a tag); units joined."""
    from desktop.handouts.nobreak import WORD_JOINER, protect, segmenter

    seg = segmenter(KnowledgeBase(real_kb))
    out = protect('<p title="细胞因子释放综合征">细胞因子释放综合征，体温38 °C</p><style>p { x: 1 }</style>', seg)
    assert out.startswith('<p title="细胞因子释放综合征">')  # attributes untouched
    assert WORD_JOINER.join("细胞因子释放综合征") in out and "38\u00a0°C" in out
    assert protect("<p>38 °C 细胞</p>", None) == "<p>38\u00a0°C 细胞</p>"  # English: units only
    r = handout(KnowledgeBase(real_kb), "warning-signs", Personal(), Options(lang="zh-Hans"))
    assert WORD_JOINER.join("细胞因子释放综合征") in r.html and "\u2060" not in r.html.split("<body>")[0]  # not in the style
