"""The action tools beyond the case bank: guards, safer readings, the CSV reader, citations."""

from __future__ import annotations

import pytest
import yaml

from desktop.clinical.hematotox import NOT_AVAILABLE, hematotox_score, risk_for_score, to_paper_unit
from desktop.clinical.icaht import icaht, read_counts
from desktop.clinical.neurowatch import neuro_watch
from desktop.clinical.pathway import pathway
from desktop.clinical.sources import CITATIONS
from desktop.clinical.tocilizumab import tocilizumab
from desktop.errors import CartrefError, UserInputError
from desktop.kb.records import Source
from tests.helpers.paths import ROOT


def test_citations_are_the_kb_rendering() -> None:
    entries = {e["id"]: e for e in yaml.safe_load((ROOT / "data" / "sources.yaml").read_text(encoding="utf-8"))}
    fields = set(Source._fields)
    for sid, text in CITATIONS.items():
        source = Source(**({f: "" for f in fields} | {k: str(v) for k, v in entries[sid].items() if k in fields}))
        assert source.citation == text, sid


@pytest.mark.parametrize("weight", [19.99, 300.01, -70, float("nan")])
def test_weight_outside_range_refused(weight: float) -> None:
    with pytest.raises(UserInputError):
        tocilizumab(weight)


def test_below_30_kg_no_dose() -> None:
    r = tocilizumab(29.9)
    assert r.dose_mg is None and not r.can_give
    assert "12 mg/kg" in r.reasons()[0]
    assert tocilizumab(30).dose_mg == 240


def test_24h_rule_needs_times_only_when_it_could_bind() -> None:
    assert tocilizumab(70, 2, 8).can_give
    three = tocilizumab(70, 3, 8)
    assert not three.can_give and not three.checked_24h
    assert tocilizumab(70, 3, 24).can_give


def test_unknown_interval_is_not_cleared() -> None:
    assert not tocilizumab(70, 1).can_give


def test_inconsistent_ledger_refused() -> None:
    with pytest.raises(UserInputError):
        tocilizumab(70, 2, None, [16, 8, 0.5])
    with pytest.raises(UserInputError):
        tocilizumab(70, 0, 9, [16, 8])
    with pytest.raises(UserInputError):
        tocilizumab(70, 0, None, [-1])


def test_pathway_grade_range_and_protocol_order() -> None:
    with pytest.raises(UserInputError):
        pathway(5, 0)
    with pytest.raises(UserInputError):
        pathway(1, 0, protocol="esmo")
    r = pathway(2, 0, protocol="nccn")
    assert r.sections[0].columns[0].key == "nccn"
    assert "Dexamethasone 10 mg IV every 12-24 hours" in r.reasons()[0]
    asco = pathway(2, 0).sections[0].column("asco")
    assert asco is not None and not asco.steps and asco.not_read


def test_pathway_icans4_says_not_read() -> None:
    r = pathway(0, 4)
    assert any("grade 4 page" in s for s in r.reasons())
    nccn = r.sections[0].column("nccn")
    assert nccn is not None and any("1000 mg/day" in m.text() for m in nccn.steps)


def test_counts_reader_errors() -> None:
    for bad in ("", "day,x\n1,2\n", "day,anc\nx,400\n", "day,anc\n1,400\n1,300\n", "day,anc\n400,1\n",
                "day,anc\n1,-5\n", "day,anc\n"):
        with pytest.raises(UserInputError):
            read_counts(bad)


def test_counts_in_si_units() -> None:
    rows = read_counts("day,anc\n1,0.5\n", anc_unit="10^9/L")
    assert rows[0].anc == 500.0


def test_icaht_never_invents_a_neutrophil_grade() -> None:
    rows = read_counts("day,anc,plt\n" + "".join(f"{d},50,10\n" for d in range(31)))
    r = icaht(rows)
    assert r.grade is None and r.t_icaht_early == 4
    assert "Table 1" in r.reasons()[0]


def test_late_grade2_flagged_for_verification() -> None:
    r = icaht(read_counts("day,plt\n40,45\n50,40\n"))
    assert r.t_icaht_late == 2 and r.late_verify


def test_hematotox_refuses_and_keeps_the_split() -> None:
    with pytest.raises(CartrefError, match="not available"):
        hematotox_score(anc=1000, hb=9, plt=100, crp=3, ferritin=700)
    assert NOT_AVAILABLE.startswith("not available")
    assert [risk_for_score(s) for s in (0, 1, 2, 7)] == ["low", "low", "high", "high"]
    with pytest.raises(UserInputError):
        to_paper_unit("hb", 90, "mmol/L")


def test_neuro_watch_guards() -> None:
    with pytest.raises(UserInputError):
        neuro_watch(temp_c=38.5, temp_f=101.0)
    with pytest.raises(UserInputError):
        neuro_watch(signs=["sneezing"])
    assert not neuro_watch(day=20).call_now

