"""Infection prophylaxis and immune-recovery plan: dated lines from the LD and infusion dates.

Every line rests on a table read in full (docs/research/clinical-tools-sources.md §6):
- CT11 ASH table "Recommendations and considerations for assessments and interventions during the course
  of CAR-T" (HBV, HSV/VZV, levofloxacin and fluconazole while ANC < 500/µL, mould-active azole triggers,
  G-CSF beyond day 14, TMP-SMX from day 30, IgG and IVIG, vaccines). Its CMV row was cut off: not used.
- CT12 Stanford CAR19 supportive-care table (CD19 products): atovaquone from day 14, 18-month antivirals,
  CMV qPCR weekly after >= 5 days of corticosteroids, IgG from day 28.
- CT13 ASH-SAP Table 4 (educational, secondary): 12-18 months and CD4 > 200/µL; IVIG 400-500 mg/kg if
  IgG <= 400 mg/dL; IgG every 4 weeks.
- CT14 ASH Table 6, BCMA CAR-T and bispecifics: valaciclovir and TMP-SMX until CD4 > 200/µL; IgG
  replacement while IgG < 400 mg/dL; levofloxacin for 3 months in high-risk patients per local policy.
- CT4 EHA/EBMT ICAHT consensus Table 3: antiviral from LD to 1 year and/or CD4 > 0.2 ×10⁹/L;
  antibacterial only for high ICAHT risk once ANC < 500/µL; prophylactic G-CSF from day +2 if high risk;
  irradiated blood products from 7 days before apheresis to at least day 90.
Where the sources differ, each line keeps one variant per source, so both are shown. Durations are
counted from the infusion date (the tables say "after CAR-T" or give a duration from a start before LD;
counting from the infusion gives the later of the two), calendar months clamped to the month's end:
design choices, stated on the plan. Not read, so absent: EBMT/JACIE/EHA 2022 (Hayden) doses, the
NCCN infections guideline, the 2022 Chinese infection consensus, any CMV rule of CT11.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape
from typing import Any

from desktop.clinical.common import Reason, check_choice, check_int
from desktop.clinical.sources import CITATIONS, Explained
from desktop.errors import UserInputError
from desktop.i18n import N_, Msg

HBV = ("positive", "negative", "unknown")
RISKS = ("low", "high", "unknown")
EDITIONS = ("clinician", "patient")
IGG_UNITS = ("mg/dL", "g/L")
ANC_UNITS = ("per-uL", "10^9/L")
LABELS = {"positive": N_("positive"), "negative": N_("negative"), "unknown": N_("not known"), "low": N_("low"),
          "high": N_("high"), "clinician": N_("clinician"), "patient": N_("patient")}
"""How the choices read on the sheet and in the CLI (translated)."""
SOURCE_IDS = ("CT11", "CT12", "CT13", "CT14", "CT4", "G14")
SCOPE = Msg("Scope: a schedule assembled from published prophylaxis tables (CT11, CT14 for BCMA CAR-T; CT12 "
            "for CD19 CAR-T; CT13 educational; CT4 consensus). It is not a validated prediction model; local "
            "protocols, allergies, kidney function and interactions come first.")


def add_months(start: date, months: int) -> date:
    """Calendar months later, the day clamped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    total = start.month - 1 + months
    year, month = start.year + total // 12, total % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Variant:
    """What one source says for a line, with its own end date when it gives one."""

    text: Msg
    source_ids: tuple[str, ...]
    until: date | None = None


@dataclass(frozen=True)
class PlanLine:
    key: str
    title: Msg
    start: date | None
    variants: tuple[Variant, ...]
    patient: Msg
    active: bool = True
    """False when the patient's facts do not call for it (e.g. HBV negative): shown as 'not needed'."""

    @property
    def sources_differ(self) -> bool:
        return len(self.variants) > 1

    @property
    def source_ids(self) -> tuple[str, ...]:
        ids: list[str] = []
        for v in self.variants:
            ids += [i for i in v.source_ids if i not in ids]
        return tuple(ids)


@dataclass(frozen=True)
class InfectionPlan(Explained):
    ld_date: date
    infusion: date
    hbv: str
    risk: str
    steroid_days: int
    lines: tuple[PlanLine, ...]
    reason_items: tuple[Reason, ...] = field(repr=False)
    source_ids: tuple[str, ...] = SOURCE_IDS

    def line(self, key: str) -> PlanLine:
        return next(x for x in self.lines if x.key == key)

    def to_json(self, lang: str = "en", edition: str = "clinician") -> dict[str, Any]:
        def day(d: date | None) -> str | None:
            return d.isoformat() if d else None

        lines = []
        for x in self.lines:
            item: dict[str, Any] = {"key": x.key, "title": x.title.text(lang), "start": day(x.start),
                                    "active": x.active, "sources": list(x.source_ids)}
            if edition == "patient":
                item["text"] = x.patient.text(lang)
            else:
                item["sources_differ"] = x.sources_differ
                item["variants"] = [{"text": v.text.text(lang), "until": day(v.until), "sources": list(v.source_ids)}
                                    for v in x.variants]
            lines.append(item)
        return {"edition": edition, "ld_date": day(self.ld_date), "infusion_date": day(self.infusion),
                "lines": lines, "reasons": self.reasons(lang), "scope": SCOPE.text(lang), "source": self.citation}


def _number(name: str, value: object, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise UserInputError(f"{name} must be a number from {low:g} to {high:g}, not {value!r}")
    if not low <= value <= high:
        raise UserInputError(f"{name} must be from {low:g} to {high:g}, not {value:g}")
    return float(value)


def igg_mg_dl(value: float, unit: str = "mg/dL") -> float:
    """IgG in mg/dL (Chinese labs report g/L: 4 g/L = 400 mg/dL)."""
    check_choice("IgG unit", unit, IGG_UNITS)
    return round(value * 100.0, 6) if unit == "g/L" else float(value)


def _join(parts: Sequence[Msg]) -> Msg:
    """Up to three findings as one message, each translated in the reader's language."""
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return Msg("%(a)s; %(b)s", a=parts[0], b=parts[1])
    return Msg("%(a)s; %(b)s; %(c)s", a=parts[0], b=parts[1], c=parts[2])


def neutropenia_now(day: int, anc: float, *, steroid_days: int = 0, prior_bmt: bool = False,
                    risk: str = "unknown") -> list[Reason]:
    """What the tables say for this day's ANC (per µL): CT11's triggers and CT4's by ICAHT risk."""
    out: list[Reason] = []
    if anc >= 500:
        out.append(Reason(Msg("Day %(d)s, ANC %(anc)s/µL: not below 500/µL, so the bacterial and yeast prophylaxis "
                              "triggers (ANC < 500/µL, CT11) are not met.", d=day, anc=f"{anc:g}")))
        return out
    out.append(Reason(Msg("Day %(d)s, ANC %(anc)s/µL (< 500/µL): levofloxacin 500 mg daily until ANC > 500/µL (CT11).",
                          d=day, anc=f"{anc:g}")))
    mould = [m for m, hit in ((Msg("prior BMT"), prior_bmt),
                              (Msg("steroids for more than 3 days"), steroid_days > 3),
                              (Msg("neutropenia beyond day 28"), day > 28)) if hit]
    if mould:
        out.append(Reason(Msg("Mould-active azole instead of fluconazole, while ANC < 500/µL (CT11): %(why)s.",
                              why=_join(mould))))
    else:
        out.append(Reason(Msg("Fluconazole 200 mg daily until ANC > 500/µL (CT11); a mould-active azole would need "
                              "prior BMT, steroids for more than 3 days, or neutropenia beyond day 28.")))
    if day > 14:
        out.append(Reason(Msg("ANC < 500/µL beyond day 14: consider G-CSF (CT11); therapeutic G-CSF 5 µg/kg daily "
                              "for ANC < 500/µL (CT4).")))
    else:
        out.append(Reason(Msg("Day 14 or earlier: CT11's G-CSF trigger (ANC < 500/µL beyond day 14) is not met; "
                              "CT4 allows therapeutic G-CSF for ANC < 500/µL.")))
    if risk == "low":
        out.append(Reason(Msg("EHA/EBMT (CT4): antibacterial prophylaxis is not recommended at low ICAHT risk; "
                              "CT11 gives levofloxacin to all with ANC < 500/µL. Sources differ.")))
    elif risk == "high":
        out.append(Reason(Msg("EHA/EBMT (CT4): at high ICAHT risk antibacterial prophylaxis may be considered "
                              "once ANC < 500/µL.")))
    return out


def igg_now(igg: float, *, recurrent_infections: bool = False, weight_kg: float | None = None) -> list[Reason]:
    """Replacement by each source's threshold; the sources differ at exactly 400 and on the infection rule."""
    out: list[Reason] = []
    dose = Msg("IVIG 0.5 g/kg (%(g)s g), reassess monthly.", g=f"{0.5 * weight_kg:g}") if weight_kg else \
        Msg("IVIG 0.5 g/kg, reassess monthly.")
    if igg < 400 and recurrent_infections:
        out.append(Reason(Msg("IgG %(igg)s mg/dL < 400 with recurrent sinopulmonary infections: %(dose)s "
                              "(CT11, CT12)", igg=f"{igg:g}", dose=dose)))
    elif igg < 400:
        out.append(Reason(Msg("IgG %(igg)s mg/dL < 400 without recurrent infections: CT11 and CT12 keep monitoring "
                              "(they replace only with recurrent sinopulmonary infections).", igg=f"{igg:g}")))
    else:
        out.append(Reason(Msg("IgG %(igg)s mg/dL: not below 400, so CT11 and CT12 do not replace.", igg=f"{igg:g}")))
    if igg <= 400:
        span = (Msg("IVIG 400-500 mg/kg (%(lo)s-%(hi)s g)", lo=f"{0.4 * weight_kg:g}", hi=f"{0.5 * weight_kg:g}")
                if weight_kg else Msg("IVIG 400-500 mg/kg"))
        out.append(Reason(Msg("CT13 (IgG <= 400 mg/dL, no infection needed): %(span)s; IgG every 4 weeks.", span=span)))
    if igg < 400:
        out.append(Reason(Msg("CT14 (BCMA CAR-T): IgG replacement while IgG < 400 mg/dL, even off therapy.")))
    if (igg < 400) != (igg <= 400) or (igg < 400 and not recurrent_infections):
        out.append(Reason(Msg("The sources differ here: both readings are shown; the treating team decides.")))
    return out


def infection_plan(*, ld_date: date, infusion: date, hbv: str, risk: str = "unknown", steroid_days: int = 0,
                   prior_bmt: bool = False, day: int | None = None, anc: float | None = None,
                   anc_unit: str = "per-uL", igg: float | None = None, igg_unit: str = "mg/dL",
                   recurrent_infections: bool = False, weight_kg: float | None = None) -> InfectionPlan:
    """The dated plan; `day`+`anc` and `igg` add what the tables say for today's values."""
    check_choice("HBV status", hbv, HBV)
    check_choice("HEMATOTOX risk", risk, RISKS)
    check_choice("ANC unit", anc_unit, ANC_UNITS)
    steroid_days = check_int("steroid days", steroid_days, 0, 365)
    if ld_date > infusion:
        raise UserInputError("the lymphodepletion date is after the infusion date")
    if (infusion - ld_date).days > 30:
        raise UserInputError("lymphodepletion more than 30 days before the infusion: check the dates")
    if weight_kg is not None:
        weight_kg = _number("weight", weight_kg, 20, 300)
    if (day is None) != (anc is None):
        raise UserInputError("give the day and the ANC together")
    anc_ul: float | None = None
    if anc is not None and day is not None:
        check_int("day", day, 0, 3650)
        anc_ul = _number("ANC", anc, 0, 100 if anc_unit == "10^9/L" else 100000)
        anc_ul = round(anc_ul * 1000.0, 6) if anc_unit == "10^9/L" else anc_ul
    igg_dl: float | None = None
    if igg is not None:
        igg_dl = igg_mg_dl(_number("IgG", igg, 0, 50 if igg_unit == "g/L" else 5000), igg_unit)

    d = infusion
    m = add_months
    lines: list[PlanLine] = []
    if hbv == "positive":
        lines.append(PlanLine("hbv", Msg("Hepatitis B"), ld_date, (
            Variant(Msg("Entecavir 0.5 mg daily from before lymphodepletion, for 12 months (tenofovir acceptable)."),
                    ("CT11",), m(d, 12)),
            Variant(Msg("Entecavir 0.5 mg daily from before lymphodepletion, for at least 12 months or until CD4 > "
                        "200/µL."), ("CT12",), m(d, 12))),
            Msg("Hepatitis B medicine (entecavir) every day from before the conditioning chemotherapy, for about "
                "12 months.")))
    elif hbv == "negative":
        lines.append(PlanLine("hbv", Msg("Hepatitis B"), None, (
            Variant(Msg("HBsAg, HBcAb and HBV DNA negative: no HBV antiviral."), ("CT11",)),),
            Msg("Hepatitis B tests negative: no hepatitis B medicine needed."), active=False))
    else:
        lines.append(PlanLine("hbv", Msg("Hepatitis B"), ld_date, (
            Variant(Msg("Check HBsAg, HBcAb or HBV DNA within 30 days before CAR-T; if any is positive, entecavir "
                        "0.5 mg daily from before lymphodepletion."), ("CT11",)),),
            Msg("A hepatitis B blood test before the conditioning chemotherapy.")))
    lines.append(PlanLine("hsv", Msg("HSV/VZV prophylaxis"), ld_date, (
        Variant(Msg("Aciclovir 800 mg or valaciclovir 500 mg twice daily from before LD, for at least 6 months "
                    "(or 6 months beyond the last HSV/VZV episode)."), ("CT11",), m(d, 6)),
        Variant(Msg("The same, for at least 18 months (CD19 CAR-T)."), ("CT12",), m(d, 18)),
        Variant(Msg("12-18 months after infusion, at least until CD4 > 200/µL."), ("CT13",), m(d, 18)),
        Variant(Msg("From LD until 1 year after infusion and/or until CD4 > 0.2 ×10⁹/L."), ("CT4",), m(d, 12)),
        Variant(Msg("Valaciclovir 500 mg twice daily until CD4 > 200/µL (BCMA CAR-T; the row reads 'for 3 months of "
                    "treatment or until CD4 cell count > 200/µl')."), ("CT14",))),
        Msg("Medicine against herpes and shingles viruses (aciclovir or valaciclovir) twice a day from before the "
            "conditioning chemotherapy, for at least 6 months; guidance differs (up to 18 months, or until your "
            "CD4 cells recover). Your team decides when to stop.")))
    lines.append(PlanLine("pjp", Msg("Pneumocystis (PJP) prophylaxis"), d + timedelta(days=14), (
        Variant(Msg("TMP-SMX daily from day 30 (%(start)s) for 6-12 months; atovaquone, dapsone or pentamidine as "
                    "alternatives.", start=(d + timedelta(days=30)).isoformat()), ("CT11",),
                m(d + timedelta(days=30), 12)),
        Variant(Msg("Atovaquone 1500 mg daily from day 14 (%(start)s); after day 28 switch to TMP-SMX 80/400 mg daily "
                    "unless grade >= 3 cytopenia continues; for 18 months or until CD4 > 200/µL (CD19 CAR-T).",
                    start=(d + timedelta(days=14)).isoformat()), ("CT12",), m(d, 18)),
        Variant(Msg("TMP-SMX 12-18 months after infusion, at least until CD4 > 200/µL."), ("CT13",), m(d, 18)),
        Variant(Msg("TMP-SMX (atovaquone or inhaled pentamidine if allergic) until CD4 > 200/µL (BCMA CAR-T)."),
                ("CT14",))),
        Msg("Medicine to prevent a lung infection (PJP), starting between day 14 (%(a)s) and day 30 (%(b)s) as your "
            "team chooses, for many months.", a=(d + timedelta(days=14)).isoformat(),
            b=(d + timedelta(days=30)).isoformat())))
    bact = [Variant(Msg("Levofloxacin 500 mg daily while ANC < 500/µL, until ANC > 500/µL."), ("CT11",))]
    bact.append(Variant(
        Msg("High ICAHT risk: antibacterial prophylaxis may be considered once ANC < 500/µL (e.g. levofloxacin).")
        if risk == "high" else
        Msg("Low ICAHT risk: antibacterial prophylaxis not recommended.") if risk == "low" else
        Msg("Not recommended at low ICAHT risk; may be considered once ANC < 500/µL at high risk (risk not given)."),
        ("CT4",)))
    bact.append(Variant(Msg("Per local policy, consider levofloxacin for 3 months during neutropenia in high-risk "
                            "patients (TEAMM)."), ("CT14",)))
    lines.append(PlanLine("bacterial", Msg("Antibacterial, while neutropenic"), d, tuple(bact),
                          Msg("While your neutrophils (a kind of white cell) are very low, you may take an "
                              "antibiotic tablet (levofloxacin) every day.")))
    mould_why = [w for w, hit in ((Msg("prior BMT"), prior_bmt), (Msg("steroids for more than 3 days"), steroid_days > 3))
                 if hit]
    lines.append(PlanLine("fungal", Msg("Antifungal, while neutropenic"), d, (
        Variant(Msg("Fluconazole 200 mg daily while ANC < 500/µL until > 500/µL; a mould-active azole instead if prior "
                    "BMT, steroids for more than 3 days, or neutropenia beyond day 28 (%(d28)s)%(now)s.",
                    d28=(d + timedelta(days=28)).isoformat(),
                    now=Msg(": mould-active now (%(why)s)", why=_join(mould_why))
                    if mould_why else ""), ("CT11",)),
        Variant(Msg("Fluconazole or posaconazole during prolonged ANC < 0.5 ×10⁹/L or prolonged steroids."), ("CT13",)),
        Variant(Msg("Per local policy or an azole during neutropenia; also after a previous fungal infection or "
                    "glucocorticoids."), ("CT14",))),
        Msg("While your neutrophils are very low, you may take an antifungal tablet every day.")))
    gcsf = [Variant(Msg("Consider G-CSF if ANC < 500/µL beyond day 14 (%(d14)s).",
                        d14=(d + timedelta(days=14)).isoformat()), ("CT11",))]
    if risk == "high":
        gcsf.append(Variant(Msg("High ICAHT risk: prophylactic G-CSF 5 µg/kg once daily from day +2 (%(d2)s).",
                                d2=(d + timedelta(days=2)).isoformat()), ("CT4",)))
    else:
        gcsf.append(Variant(Msg("Prophylactic G-CSF from day +2 only at high ICAHT risk (probably not necessary at low "
                                "risk); therapeutic G-CSF 5 µg/kg daily for ANC < 500/µL."), ("CT4",)))
    lines.append(PlanLine("gcsf", Msg("G-CSF"), d + timedelta(days=2) if risk == "high" else None, tuple(gcsf),
                          Msg("If your neutrophils stay low, you may get injections (G-CSF) to raise them.")))
    cmv_on = steroid_days >= 5
    lines.append(PlanLine("cmv", Msg("CMV monitoring"), d if cmv_on else None, (
        Variant(Msg("%(n)s days of corticosteroids (>= 5): blood CMV qPCR weekly until undetectable; evaluate "
                    "end organs if rising or symptomatic.", n=steroid_days) if cmv_on else
                Msg("%(n)s days of corticosteroids: the trigger (>= 5 days) is not met; recheck if steroids "
                    "continue.", n=steroid_days), ("CT12",)),),
        Msg("Because you had steroids for 5 days or more, a weekly blood test for a virus called CMV.") if cmv_on else
        Msg("No weekly CMV test is planned (it starts after 5 days of steroids)."), active=cmv_on))
    lines.append(PlanLine("igg", Msg("IgG checks and replacement"), d + timedelta(days=28), (
        Variant(Msg("IgG at day 30 (%(d30)s), then every 3-6 months until consistently > 400 mg/dL; IVIG 0.5 g/kg if "
                    "recurrent sinopulmonary infections and IgG < 400 mg/dL, reassess monthly.",
                    d30=(d + timedelta(days=30)).isoformat()), ("CT11",)),
        Variant(Msg("IgG at day 28 (%(d28)s), then every 3-6 months; same IVIG rule.",
                    d28=(d + timedelta(days=28)).isoformat()), ("CT12",)),
        Variant(Msg("IgG every 4 weeks; IVIG 400-500 mg/kg if IgG <= 400 mg/dL."), ("CT13",)),
        Variant(Msg("IgG replacement while IgG < 400 mg/dL (BCMA CAR-T), even off therapy."), ("CT14",))),
        Msg("A blood test of your antibodies (IgG) around %(d)s, then every few months; if they are low, you may "
            "get antibody infusions (IVIG).", d=(d + timedelta(days=30)).isoformat())))
    lines.append(PlanLine("vaccines", Msg("Vaccination"), m(d, 3), (
        Variant(Msg("Influenza and COVID-19 before apheresis; COVID-19 and influenza from 3 months (%(m3)s), other "
                    "inactivated vaccines from 6 months (%(m6)s), live vaccines only after 1 year (after %(m12)s).",
                    m3=m(d, 3).isoformat(), m6=m(d, 6).isoformat(), m12=m(d, 12).isoformat()), ("CT11",)),
        Variant(Msg("Influenza vaccine every year; COVID-19 series repeated at least 3 months after CAR-T."),
                ("CT13",))),
        Msg("Vaccines: flu and COVID-19 from %(m3)s; other inactivated vaccines from %(m6)s; no live vaccines before "
            "%(m12)s.", m3=m(d, 3).isoformat(), m6=m(d, 6).isoformat(), m12=m(d, 12).isoformat())))
    lines.append(PlanLine("blood", Msg("Irradiated blood products"), ld_date, (
        Variant(Msg("Irradiated blood products from 7 days before apheresis until at least day 90 (%(d90)s).",
                    d90=(d + timedelta(days=90)).isoformat()), ("CT4",), d + timedelta(days=90)),),
        Msg("Any blood transfusion until at least %(d90)s must be irradiated: tell every hospital you are a CAR-T "
            "patient.", d90=(d + timedelta(days=90)).isoformat())))
    lines.append(PlanLine("fever", Msg("Fever"), d, (
        Variant(Msg("Fever 38 °C (100.4 °F) or higher: call the treating team or get emergency help right away."),
                ("G14",)),),
        Msg("Fever of 38 °C (100.4 °F) or higher: call your CAR-T team or get emergency help right away.")))

    reasons = [Reason(Msg("Durations are counted from the infusion date (%(d)s); months are calendar months.",
                          d=d.isoformat()))]
    if anc_ul is not None and day is not None:
        reasons += neutropenia_now(day, anc_ul, steroid_days=steroid_days, prior_bmt=prior_bmt, risk=risk)
    if igg_dl is not None:
        reasons += igg_now(igg_dl, recurrent_infections=recurrent_infections, weight_kg=weight_kg)
    reasons.append(Reason(Msg("Not read, so not included: EBMT/JACIE/EHA 2022 doses, the NCCN infections guideline, "
                              "the 2022 Chinese infection consensus, a CMV rule from CT11.")))
    return InfectionPlan(ld_date, infusion, hbv, risk, steroid_days, tuple(lines), tuple(reasons))


_FROM, _WHAT, _EACH, _MEANS = Msg("From"), Msg("What"), Msg("Each source (until)"), Msg("What it means for you")
_DIFFER, _NOT_NEEDED = Msg("sources differ"), Msg("not needed now")
_TITLES = {
    "clinician": Msg("Infection prophylaxis and immune recovery plan (clinician)"),
    "patient": Msg("Your infection prevention plan after CAR-T"),
}


def plan_html(plan: InfectionPlan, lang: str = "en", edition: str = "clinician") -> str:
    """The plan as one printable page; the window previews the same HTML."""
    check_choice("edition", edition, EDITIONS)

    def t(msg: Msg) -> str:
        return escape(msg.text(lang))

    head = Msg("Lymphodepletion %(ld)s · infusion %(inf)s · HBV %(hbv)s · HEMATOTOX risk %(risk)s · steroids %(s)s "
               "days", ld=plan.ld_date.isoformat(), inf=plan.infusion.isoformat(), hbv=Msg(LABELS[plan.hbv]),
               risk=Msg(LABELS[plan.risk]), s=plan.steroid_days)
    parts = [f"<h2>{t(_TITLES[edition])}</h2>", f"<p>{t(head)}</p>"]
    if edition == "patient":
        blanks = Msg("Patient: ____________________  Treating team phone: ____________________")
        parts.append(f"<p>{t(blanks)}</p>")
        cells = "".join(
            f"<tr><td width='16%'>{escape(x.start.isoformat()) if x.start else '—'}</td><td width='22%'><b>"
            f"{t(x.title)}</b></td><td>{t(x.patient)}</td></tr>" for x in plan.lines)
        parts.append(f"<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr><th>{t(_FROM)}</th>"
                     f"<th>{t(_WHAT)}</th><th>{t(_MEANS)}</th></tr>{cells}</table>")
        note = Msg("Guidance differs on how long some medicines are taken; your team decides. Do not stop a "
                   "medicine without asking them.")
        parts.append(f"<p><small>{t(note)}</small></p>")
    else:
        rows: list[str] = []
        for x in plan.lines:
            items = "".join(
                f"<li>{t(v.text)}{' → ' + escape(v.until.isoformat()) if v.until else ''} "
                f"<small>[{', '.join(v.source_ids)}]</small></li>" for v in x.variants)
            flag = f"<br><i>{t(_DIFFER)}</i>" if x.sources_differ else ""
            state = "" if x.active else f"<br><i>{t(_NOT_NEEDED)}</i>"
            rows.append(f"<tr><td width='11%' valign='top'>{escape(x.start.isoformat()) if x.start else '—'}</td>"
                        f"<td width='17%' valign='top'><b>{t(x.title)}</b>{flag}{state}</td>"
                        f"<td valign='top'><ul style='margin-left:-20px'>{items}</ul></td></tr>")
        parts.append(f"<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr><th>{t(_FROM)}</th>"
                     f"<th>{t(_WHAT)}</th><th>{t(_EACH)}</th></tr>{''.join(rows)}</table>")
        parts.append("<ul>" + "".join(f"<li><small>{escape(r)}</small></li>" for r in plan.reasons(lang)) + "</ul>")
        parts.append(f"<p><small>{t(SCOPE)}</small></p>")
    cites = "".join(f"<li>{escape(CITATIONS[i])} [{i}]</li>" for i in plan.source_ids)
    parts.append(f"<ol><small>{cites}</small></ol>")
    return "".join(parts)

