"""Haematotoxicity after CAR-T from a day-by-day count log: what the read sources allow.

- The N-ICAHT grade (EHA/EBMT consensus, Rejeski et al., Blood 2023, CT4) is NOT computed: its
  Table 1 (the grading table) was not read in the primary text. The log is still read and each
  day classed by the thresholds read in Rejeski 2021 Table 2 (CT1): severe neutropenia ANC <= 500/µL,
  profound <= 100/µL (inclusive), with the early (day 0-30) / late (after day 30) split of the
  consensus abstract (CT4).
- T-ICAHT (platelets) is graded by the table read (CT6; parent article not identified): early
  (day 0-30) by the cumulative days < 50 and < 20 ×10⁹/L, non-stable recovery (< 3 days) counted;
  late (day 31-100) needs two or more low tests. The late grade-2 cell (< 50) was read from a
  plain-text rendering whose cell position is not certain: it is shown flagged "verify".
Days without a count are not filled in; the result says how many are missing.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.clinical.common import Reason, texts
from desktop.clinical.sources import Explained, cite
from desktop.errors import UserInputError
from desktop.i18n import Msg

SEVERE_ANC = 500.0
PROFOUND_ANC = 100.0
EARLY_LAST_DAY = 30
LATE_LAST_DAY = 100
PLT_LOW = 50.0
PLT_VERY_LOW = 20.0
PLT_LATE = 100.0
STABLE_RECOVERY_DAYS = 3
ANC_RANGE = (0.0, 100_000.0)
PLT_RANGE = (0.0, 2_000.0)
DAY_RANGE = (0, 365)
SOURCE_IDS = ("CT4", "CT1", "CT6")


@dataclass(frozen=True)
class CountDay:
    day: int
    anc: float | None  # cells/µL
    plt: float | None  # ×10⁹/L


def anc_class(anc: float) -> str:
    """'profound' (<= 100/µL), 'severe' (<= 500/µL) or 'none' (CT1 Table 2 thresholds, inclusive)."""
    if anc <= PROFOUND_ANC:
        return "profound"
    if anc <= SEVERE_ANC:
        return "severe"
    return "none"


def anc_per_ul(value: float, unit: str = "per-uL") -> float:
    """ANC in cells/µL from cells/µL or ×10⁹/L (× 1000)."""
    if unit == "per-uL":
        return value
    if unit == "10^9/L":
        return round(value * 1000.0, 6)
    raise UserInputError(f"ANC unit must be per-uL or 10^9/L, not {unit!r}")


def _cell(name: str, text: str, line: int, low: float, high: float) -> float | None:
    text = text.strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise UserInputError(f"line {line}: {name} must be a number, not {text!r}") from None
    if not math.isfinite(value) or not low <= value <= high:
        raise UserInputError(f"line {line}: {name} must be from {low:g} to {high:g}, not {text}")
    return value


def read_counts(text: str, *, anc_unit: str = "per-uL") -> list[CountDay]:
    """Rows of a `day,anc[,plt]` CSV (header required; ANC per µL unless `anc_unit`, platelets ×10⁹/L)."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    rows = [r for r in reader if any(c.strip() for c in r)]
    if not rows:
        raise UserInputError("the counts file is empty; it needs a header line: day,anc[,plt]")
    header = [h.strip().lower() for h in rows[0]]
    if "day" not in header or not ({"anc", "plt"} & set(header)):
        raise UserInputError("the counts file needs a header line with day and anc (and optionally plt)")
    i_day, i_anc = header.index("day"), header.index("anc") if "anc" in header else None
    i_plt = header.index("plt") if "plt" in header else None
    days: dict[int, CountDay] = {}
    for n, row in enumerate(rows[1:], start=2):
        def col(i: int | None, row: list[str] = row) -> str:
            return row[i] if i is not None and i < len(row) else ""
        try:
            day = int(col(i_day).strip())
        except ValueError:
            raise UserInputError(f"line {n}: day must be a whole number, not {col(i_day)!r}") from None
        if not DAY_RANGE[0] <= day <= DAY_RANGE[1]:
            raise UserInputError(f"line {n}: day must be from {DAY_RANGE[0]} to {DAY_RANGE[1]}, not {day}")
        if day in days:
            raise UserInputError(f"line {n}: day {day} appears twice")
        anc = _cell("ANC", col(i_anc), n, *ANC_RANGE)
        if anc is not None:
            anc = anc_per_ul(anc, anc_unit)
        plt = _cell("platelets", col(i_plt), n, *PLT_RANGE)
        days[day] = CountDay(day, anc, plt)
    if not days:
        raise UserInputError("the counts file has a header but no counts")
    return [days[d] for d in sorted(days)]


def cumulative_low_days(values: Sequence[tuple[int, float]], threshold: float) -> int:
    """Days below `threshold`, plus the days of any recovery shorter than 3 days between two low days
    (CT6: 'non-stable recovery (< 3 days)' counts towards the total). Days are the logged ones."""
    low = [v < threshold for _, v in values]
    total = sum(low)
    i = 0
    while i < len(low):
        if not low[i]:
            j = i
            while j < len(low) and not low[j]:
                j += 1
            if i > 0 and j < len(low) and j - i < STABLE_RECOVERY_DAYS:
                total += j - i
            i = j
        else:
            i += 1
    return total


def t_icaht_early(days_below_50: int, days_below_20: int) -> int:
    """Early T-ICAHT grade from cumulative days (CT6): <20 for >=14 d G4, 1-13 d G3; <50 >=7 d G2, 1-6 d G1."""
    if days_below_20 >= 14:
        return 4
    if days_below_20 >= 1:
        return 3
    if days_below_50 >= 7:
        return 2
    if days_below_50 >= 1:
        return 1
    return 0


def t_icaht_late(tests: Sequence[float], days_below_20: int = 0) -> tuple[int, bool]:
    """Late T-ICAHT grade (day 31-100) from the platelet tests and the cumulative days < 20 (CT6).

    Returns (grade, verify): two or more tests below a threshold are needed. `verify` is True when
    the grade rests on the grade-2 cell, whose position in the table was not certain."""
    def n_below(limit: float) -> int:
        return sum(1 for t in tests if t < limit)
    if days_below_20 >= 14:
        return 4, False
    if n_below(PLT_VERY_LOW) >= 2 or days_below_20 >= 2:
        return 3, False
    if n_below(PLT_LOW) >= 2:
        return 2, True
    if n_below(PLT_LATE) >= 2:
        return 1, False
    return 0, False


def _longest_run(values: Iterable[tuple[int, float]], limit: float) -> int:
    best = run = 0
    prev: int | None = None
    for day, v in values:
        if v <= limit and (run == 0 or prev == day - 1):
            run += 1
        elif v <= limit:
            run = 1
        else:
            run = 0
        best = max(best, run)
        prev = day
    return best


@dataclass(frozen=True)
class IcahtResult(Explained):
    phase: str
    grade: int | None
    """The N-ICAHT grade: always None, the consensus's Table 1 was not read."""
    t_icaht_early: int | None
    t_icaht_late: int | None
    late_verify: bool
    reason_items: tuple[Reason, ...] = field(repr=False)
    source_ids: tuple[str, ...] = SOURCE_IDS

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        return {"grade": self.grade, "phase": self.phase, "reasons": self.reasons(lang), "source": self.citation,
                "t_icaht": {"early": self.t_icaht_early, "late": self.t_icaht_late,
                            "late_grade2_cell_verify": self.late_verify}}


def icaht(rows: Sequence[CountDay]) -> IcahtResult:
    """Classify a count log: ANC days (no N-ICAHT grade, Table 1 unread) and the T-ICAHT platelet grade."""
    if not rows:
        raise UserInputError("no counts to grade")
    last = rows[-1].day
    phase = "early" if last <= EARLY_LAST_DAY else "late"
    reasons: list[Reason] = [Reason(Msg(
        "N-ICAHT grade not given: Table 1 (the grading table) of the EHA/EBMT consensus (Rejeski et al., Blood "
        "2023) was not read in the primary text. The days below are classed by the thresholds that were read."))]
    early_anc = [(r.day, r.anc) for r in rows if r.anc is not None and r.day <= EARLY_LAST_DAY]
    late_anc = [(r.day, r.anc) for r in rows if r.anc is not None and EARLY_LAST_DAY < r.day <= LATE_LAST_DAY]
    if early_anc:
        severe = sum(1 for _, a in early_anc if a <= SEVERE_ANC)
        profound = sum(1 for _, a in early_anc if a <= PROFOUND_ANC)
        reasons.append(Reason(Msg(
            "Day 0-30: %(severe)s logged days with ANC ≤ 500/µL (severe), %(profound)s with ANC ≤ 100/µL (profound); "
            "longest run of consecutive severe days: %(run)s (Rejeski 2021, Table 2).", severe=severe,
            profound=profound, run=_longest_run(early_anc, SEVERE_ANC))))
        missing = (min(EARLY_LAST_DAY, last) - early_anc[0][0] + 1) - len(early_anc)
        if missing > 0:
            reasons.append(Reason(Msg(
                "%(n)s days between day %(first)s and day %(last)s have no ANC; they are not filled in.",
                n=missing, first=early_anc[0][0], last=min(EARLY_LAST_DAY, last))))
    if late_anc:
        lowest = sorted(a for _, a in late_anc)[:2]
        reasons.append(Reason(Msg(
            "After day 30: %(n)s ANC values; lowest %(low)s/µL (late phase by the consensus's day-30 split).",
            n=len(late_anc), low=", ".join(f"{a:g}" for a in lowest))))

    early_plt = [(r.day, r.plt) for r in rows if r.plt is not None and r.day <= EARLY_LAST_DAY]
    late_plt = [(r.day, r.plt) for r in rows if r.plt is not None and EARLY_LAST_DAY < r.day <= LATE_LAST_DAY]
    g_early: int | None = None
    g_late: int | None = None
    verify = False
    if early_plt:
        d50 = cumulative_low_days(early_plt, PLT_LOW)
        d20 = cumulative_low_days(early_plt, PLT_VERY_LOW)
        g_early = t_icaht_early(d50, d20)
        reasons.append(Reason(Msg(
            "Early T-ICAHT grade %(g)s: %(d50)s cumulative days with platelets < 50 ×10⁹/L and %(d20)s with "
            "< 20 ×10⁹/L in day 0-30 (recoveries shorter than 3 days counted; T-ICAHT Table 1: < 50 for 1-6 days "
            "grade 1, ≥ 7 grade 2; < 20 for 1-13 days grade 3, ≥ 14 grade 4).", g=g_early, d50=d50, d20=d20)))
    if late_plt:
        d20_late = cumulative_low_days(late_plt, PLT_VERY_LOW)
        g_late, verify = t_icaht_late([p for _, p in late_plt], d20_late)
        reasons.append(Reason(Msg(
            "Late T-ICAHT grade %(g)s from %(n)s platelet tests in day 31-100 (two or more low tests needed: "
            "< 100 grade 1, < 50 grade 2, < 20 grade 3, < 20 for ≥ 14 days grade 4).", g=g_late, n=len(late_plt))))
        if verify:
            reasons.append(Reason(Msg(
                "Verify: the late grade-2 cell (< 50 ×10⁹/L) was read from a plain-text copy of the table whose "
                "cell position is not certain.")))
    if not early_plt and not late_plt:
        reasons.append(Reason(Msg("No platelet column: no T-ICAHT grade.")))
    return IcahtResult(phase, None, g_early, g_late, verify, tuple(reasons))


RISKS = ("unknown", "low", "high")


@dataclass(frozen=True)
class Bundle:
    """The short-term management rows of the EHA/EBMT consensus Table 3 (CT4) that were read."""

    reason_items: tuple[Reason, ...] = field(repr=False)
    source_ids: tuple[str, ...] = ("CT4",)

    @property
    def citation(self) -> str:
        return cite(self.source_ids)

    def reasons(self, lang: str = "en") -> list[str]:
        return texts(self.reason_items, lang)


def management_bundle(risk: str = "unknown", anc: float | None = None, day: int | None = None,
                      prolonged: bool = False) -> Bundle:
    """Table 3 rows read (transfusion, G-CSF, antibacterial, antiviral) for the ICAHT risk, today's ANC
    (cells/µL) and the day after infusion. The antifungal and PJP rows were NOT read (not shown)."""
    if risk not in RISKS:
        raise UserInputError(f"risk must be one of {', '.join(RISKS)}; got {risk!r}")
    if anc is not None and (not math.isfinite(anc) or not ANC_RANGE[0] <= anc <= ANC_RANGE[1]):
        raise UserInputError(f"ANC must be from 0 to {ANC_RANGE[1]:g} per µL, not {anc}")
    out: list[Reason] = [Reason(Msg(
        "Irradiated blood products from 7 days before leukapheresis until at least 90 days after the infusion "
        "(fludarabine); red cells one unit at a time (iron overload)."))]
    if day is not None and day <= 90:
        out.append(Reason(Msg("Day %(d)s: irradiated products still required (until at least day 90).", d=day)))
    if risk == "high":
        out.append(Reason(Msg("High ICAHT risk (e.g. high CAR-HEMATOTOX): prophylactic G-CSF from day +2, 5 µg/kg "
                              "once daily.")))
    elif risk == "low":
        out.append(Reason(Msg("Low ICAHT risk: prophylactic G-CSF probably not necessary.")))
    else:
        out.append(Reason(Msg("ICAHT risk not given: prophylactic G-CSF is advised for a high-risk profile only "
                              "(Table 3).")))
    if anc is not None:
        if anc < SEVERE_ANC:
            out.append(Reason(Msg("ANC %(anc)s/µL is below 500: therapeutic G-CSF 5 µg/kg once daily (consider a "
                                  "higher dose if no response; aplastic patients often do not respond).",
                                  anc=f"{anc:g}")))
            if risk == "high":
                out.append(Reason(Msg("High risk and ANC below 500/µL: antibacterial prophylaxis may be considered "
                                      "(e.g. levofloxacin or ciprofloxacin); check MDR colonisation and local "
                                      "epidemiology.")))
            elif risk == "low":
                out.append(Reason(Msg("Low risk: antibacterial prophylaxis not recommended.")))
        else:
            out.append(Reason(Msg("ANC %(anc)s/µL is not below 500: the therapeutic G-CSF and antibacterial "
                                  "prophylaxis triggers (ANC < 500/µL) are not met.", anc=f"{anc:g}")))
    if prolonged and anc is not None and anc < SEVERE_ANC:
        out.append(Reason(Msg("Prolonged severe neutropenia: keep G-CSF and reassess; consider a higher dose if no "
                              "response.")))
    out.append(Reason(Msg("Antiviral prophylaxis for all patients from lymphodepletion until 1 year after the "
                          "infusion and/or until CD4 > 0.2 ×10⁹/L (valaciclovir 500 mg twice a day or aciclovir "
                          "800 mg).")))
    out.append(Reason(Msg("Antifungal and PJP rows of Table 3 were not read: see the site protocol.")))
    return Bundle(tuple(out))
