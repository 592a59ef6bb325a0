"""`cartref show KIND ID`: one record with its sources.

In Chinese (`--lang zh`) the record reads in Chinese: field names, the `_zh` text where data/ has
it (the `_en` twin is then left out), labels for ids (cohort, metric, unit, status, kind), dates
as 2026年12月1日. Text that exists only in English is shown marked `（仅英文）` rather than hidden.
Proper names (companies, centres, citations) stay as published. `--json` is the record as stored.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.commands.common import (
    add_kb_option,
    is_zh,
    lang_choice,
    long_date,
    open_for,
    print_json,
    ui_lang,
)
from desktop.errors import NotFoundError
from desktop.i18n import N_, Msg, gettext
from desktop.kb import schema
from desktop.kb.store import KnowledgeBase

ENGLISH_ONLY = N_("(English only) ")
"""Marks text that data/ has only in English, in output that is otherwise Chinese."""


def register(sub: Any) -> None:
    p = sub.add_parser("show", help=N_("show one record (therapy, article, trial, outcome, center, glossary)"))
    p.add_argument("kind", choices=schema.KINDS)
    p.add_argument("id")
    p.add_argument("--lang", type=lang_choice, default="en")
    p.add_argument("--json", action="store_true")
    add_kb_option(p)
    p.set_defaults(func=run)


def record_for(kb: KnowledgeBase, kind: str, ident: str, lang: str) -> Any:
    lookup = {
        "therapy": kb.therapy,
        "trial": kb.trial,
        "outcome": kb.outcome,
        "center": kb.center,
        "glossary": kb.glossary_term,
    }
    if kind == "article":
        return kb.article(ident, lang)
    return lookup[kind](ident)


APPROVAL_EVENT_WORDS = {
    "designation": N_("designation"),
    "filing": N_("application filed or accepted"),
    "opinion": N_("opinion"),
    "approval": N_("approval"),
    "indication-change": N_("indication change"),
}
"""The row's kind as the line's lead word (like `warning:`), then the row's own event text."""

FIELD_LABELS = {
    "id": N_("id"), "name": N_("name"), "name_en": N_("name"), "name_zh": N_("name"), "brand": N_("brand"),
    "codes": N_("codes"), "company": N_("company"), "target": N_("target"), "construct_en": N_("construct"),
    "construct_zh": N_("construct"), "dose_en": N_("dose"), "dose_zh": N_("dose"), "summary_en": N_("summary"),
    "summary_zh": N_("summary"), "status": N_("status"), "key_trials": N_("key trials"),
    "source_ids": N_("source ids"), "reviewed_on": N_("reviewed on"), "label_read_on": N_("labels read on"),
    "therapy_id": N_("therapy"), "phase": N_("phase"), "design_en": N_("design"), "design_zh": N_("design"),
    "population_en": N_("population"), "population_zh": N_("population"), "setting": N_("setting"),
    "registry_ids": N_("registry ids"), "trial_id": N_("trial"), "arm": N_("arm"), "cohort": N_("cohort"),
    "metric": N_("metric"), "value": N_("value"), "unit": N_("unit"), "ci_low": N_("95% CI low"),
    "ci_high": N_("95% CI high"), "numerator": N_("numerator"), "denominator": N_("denominator"),
    "followup_months": N_("median follow-up (months)"), "data_cut": N_("data cut"), "grade": N_("evidence grade"),
    "note": N_("note"), "value_text": N_("value as published"), "ci_text": N_("95% CI"), "lang": N_("language"),
    "title": N_("title"), "audience": N_("audience"), "section": N_("section"), "topic": N_("topic"),
    "summary": N_("summary"), "translation_status": N_("translation"), "fallback": N_("shown in English"),
    "country": N_("country"), "lat": N_("latitude"), "lon": N_("longitude"), "city": N_("city"),
    "city_zh": N_("city"), "province": N_("province"), "coord_precision": N_("coordinates"), "kind": N_("kind"),
    "therapies": N_("therapies"), "trials": N_("trials"), "role_en": N_("role"), "role_zh": N_("role"),
    "phone": N_("phone"), "address": N_("address"), "term_en": N_("term"), "term_zh": N_("term"),
    "abbr": N_("abbreviation"), "patient_en": N_("for patients"), "patient_zh": N_("for patients"),
    "clinician_en": N_("for clinicians"), "clinician_zh": N_("for clinicians"),
    "step": N_("step in the treatment journey"),
}
"""Every field of the records `show` prints, as a reader names it."""

VALUE_WORDS = {
    "arm": {"car-t": N_("CAR-T arm"), "control": N_("control arm")},
    "audience": {"patient": N_("patients"), "clinician": N_("clinicians")},
    "translation_status": {"original": N_("original"), "translated": N_("translated"),
                           "machine": N_("machine translated"), "reviewed": N_("translated and reviewed")},
    "kind": {"trial": N_("trial site"), "certified": N_("certified treatment centre")},
    "coord_precision": {"city": N_("city centre (approximate)"), "exact": N_("exact"),
                        "address": N_("from the address")},
    "grade": {"P": N_("primary source"), "C": N_("company material"), "S": N_("secondary source")},
    "lang": {"en": N_("English"), "zh-Hans": N_("Chinese")},
    "section": {"therapies": N_("therapies"), "trials": N_("trials"), "safety": N_("safety"),
                "journey": N_("treatment journey"), "about": N_("about"), "centers": N_("centres"),
                "glossary": N_("glossary")},
}
"""Ids in a record's fields, as words."""


def approval_line(a: dict[str, Any], lang: str = "en") -> str:
    """'indication change: 2024-04-05 United States FDA: label expansion (...) - Adults with ...'."""
    kind = str(a.get("kind") or "approval")
    indication = (a.get("indication_zh") if lang != "en" else "") or a.get("indication_en", "")
    event = a.get("event") or kind
    if not is_zh(lang):
        where = " ".join(x for x in (a.get("date", ""), a.get("region", ""), a.get("agency", "")) if x)
        lead = APPROVAL_EVENT_WORDS.get(kind, kind)
        return f"{lead}: {where}: {event}" + (f" - {indication}" if indication else "")
    from desktop.kb.compare import agency_label, region_label

    _ = gettext(lang)
    lead = _(APPROVAL_EVENT_WORDS[kind]) if kind in APPROVAL_EVENT_WORDS else kind
    where = " ".join(x for x in (long_date(a.get("date", ""), lang), region_label(a.get("region", ""), lang),
                                 agency_label(a.get("agency", ""), lang)) if x)
    line = _("%(lead)s: %(where)s") % {"lead": lead, "where": where}
    if indication:
        line += _("; indication: %(indication)s") % {"indication": indication}
    if event and event != kind:
        line += _("; note: %(note)s") % {"note": _(ENGLISH_ONLY) + event}
    return line


def run(args: argparse.Namespace) -> int:
    kb = open_for(args)
    record = record_for(kb, args.kind, args.id, args.lang)
    if record is None:
        if args.json:
            print_json(None)
        raise NotFoundError(Msg("no %(kind)s with id %(id)s", kind=Msg(KIND_WORDS[args.kind]), id=repr(args.id)))
    data = record._asdict()
    sources = [s._asdict() | {"citation": s.citation} for s in kb.sources_for(list(getattr(record, "source_ids", ())))]
    if args.kind == "therapy":
        data["approvals"] = [a._asdict() for a in kb.approvals(args.id)]
        data["warnings"] = [w._asdict() for w in kb.warnings(args.id)]
        data["labels"] = [lb._asdict() for lb in kb.labels(args.id)]
    if args.kind == "trial":
        data["outcomes"] = [o._asdict() for o in kb.outcomes(args.id)]
    data["sources"] = sources
    if args.json:
        print_json(data)
        return 0
    if is_zh(ui_lang(args)):
        _write_zh(kb, args.kind, record, data, ui_lang(args))
        return 0
    out = sys.stdout
    for key, value in data.items():
        if key in ("sources", "approvals", "warnings", "labels", "outcomes", "body_md") or value in ("", (), [], None):
            continue
        out.write(f"{key}: {', '.join(value) if isinstance(value, list | tuple) else value}\n")
    if "body_md" in data:
        out.write("\n" + data["body_md"] + "\n")
    for a in data.get("approvals", []):
        out.write(approval_line(a, args.lang) + "\n")
    for lb in data.get("labels", []):
        via = f"; read via {lb['read_via']}" if lb["read_via"] else ""
        out.write(f"label: {lb['region']}: {lb['version']} (read on {lb['read_on']}{via}) [{', '.join(lb['source_ids'])}]\n")
    for w in data.get("warnings", []):
        out.write(f"warning: {w['text_en']}\n")
    for o in data.get("outcomes", []):
        out.write(f"outcome: {o['cohort']} {o['metric']} = {o['value']} {o['unit']} ({o['data_cut']})\n")
    out.write("\nSources:\n")
    for s in sources:
        out.write(f"  [{s['id']}] {s['citation']} ({s['grade']})\n")
    return 0


KIND_WORDS = {"therapy": N_("therapy"), "article": N_("article"), "trial": N_("trial"), "outcome": N_("outcome"),
              "center": N_("centre"), "glossary": N_("glossary term")}


def _value(kb: KnowledgeBase, key: str, value: Any, record: Any, lang: str) -> str:
    """One field's value for a Chinese reader."""
    from desktop.geo.gazetteer import CN_PROVINCE_ZH, COUNTRY_NAME_ZH
    from desktop.kb.compare import (
        cohort_label,
        metric_label,
        phase_label,
        setting_label,
        status_label,
        trial_name,
    )

    _ = gettext(lang)
    words = VALUE_WORDS.get(key, {})
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value)
    text = str(value)
    if text in words:
        return _(words[text])
    if key in ("reviewed_on", "label_read_on", "date", "read_on"):
        return long_date(text, lang)
    if key == "cohort":
        return cohort_label(text, lang)
    if key == "metric":
        return metric_label(text, lang)
    if key == "setting":
        return setting_label(text, lang)
    if key == "status":
        return status_label(text, lang)
    if key == "phase":
        return phase_label(text, lang)
    if key == "unit":
        return _(UNIT_NAMES[text]) if text in UNIT_NAMES else text
    if key == "country":
        return COUNTRY_NAME_ZH.get(text, text)
    if key == "province":
        return CN_PROVINCE_ZH.get(text, text)
    if key == "trial_id":
        trial = kb.trial(text)
        return trial_name(trial, lang) if trial else text
    if key == "therapy_id":
        therapy = kb.therapy(text)
        return therapy.name(lang) if therapy else text
    if key in ENGLISH_PROSE:
        return _(ENGLISH_ONLY) + text
    return text


UNIT_NAMES = {"percent": N_("percent"), "months": N_("months"), "days": N_("days"), "count": N_("count"),
              "lines": N_("prior lines"), "ratio": N_("ratio")}
ENGLISH_PROSE = frozenset({"construct_en", "dose_en", "summary_en", "design_en", "population_en", "note", "role_en",
                           "patient_en", "clinician_en"})
"""Fields of English prose: shown marked in Chinese output when data/ has no `_zh` twin."""

NAMES = frozenset({"id", "name", "name_en", "name_zh", "term_en", "term_zh"})
"""Written first, once, in the language (the other field is the same name in English)."""
HIDDEN_ZH = frozenset({"sources", "approvals", "warnings", "labels", "outcomes", "body_md", "value", "value_text",
                       "ci_low", "ci_high", "ci_text", "numerator", "denominator", "fallback", "term_en",
                       "name_en"})
"""Fields the Chinese view shows another way (an outcome's value as one line) or in their `_zh` twin."""


def _write_zh(kb: KnowledgeBase, kind: str, record: Any, data: dict[str, Any], lang: str) -> None:
    from desktop.kb.compare import cohort_label, display_value, metric_label, region_label

    _ = gettext(lang)
    out = sys.stdout

    def line(label: str, value: str) -> None:
        out.write(_("%(label)s: %(value)s") % {"label": label, "value": value} + "\n")

    line(_("id"), data["id"])
    if kind == "therapy":
        line(_("name"), data["name_zh"] or _("%(name)s (no Chinese name found in a source)") % {"name": data["name_en"]})
    elif kind == "center":
        line(_("name"), data["name_zh"] or data["name_en"])
    elif kind == "glossary":
        line(_("term"), data["term_zh"] or data["term_en"])
    elif kind == "trial":
        line(_("name"), data["name_zh"] or data["name"])
    for key, value in data.items():
        if key in HIDDEN_ZH or key in NAMES or value in ("", (), [], None) or (key == "step" and not value):
            continue
        if key == "city" and data.get("city_zh"):
            continue  # the Chinese city name follows
        if key.endswith("_en") and data.get(key[:-3] + "_zh"):
            continue  # the Chinese twin follows
        label = _(FIELD_LABELS[key]) if key in FIELD_LABELS else key
        line(label, _value(kb, key, value, record, lang))
    if kind == "outcome":
        line(_("result"), display_value(record, lang))
    if "body_md" in data:
        out.write("\n" + data["body_md"] + "\n")
    for a in data.get("approvals", []):
        out.write(approval_line(a, lang) + "\n")
    for lb in data.get("labels", []):
        out.write(_("label: %(region)s: %(version)s (read on %(read_on)s) [%(sources)s]") % {
            "region": region_label(lb["region"], lang), "version": _(ENGLISH_ONLY) + lb["version"],
            "read_on": long_date(lb["read_on"], lang), "sources": ", ".join(lb["source_ids"])} + "\n")
    for w in data.get("warnings", []):
        text = w.get("text_zh") or _(ENGLISH_ONLY) + w["text_en"]
        out.write(_("warning: %(text)s") % {"text": text} + "\n")
    for o in data.get("outcomes", []):
        outcome = kb.outcome(o["id"])
        shown = display_value(outcome, lang) if outcome is not None else str(o["value"])
        out.write(_("outcome: %(cohort)s, %(metric)s: %(value)s (%(cut)s)") % {
            "cohort": cohort_label(o["cohort"], lang), "metric": metric_label(o["metric"], lang), "value": shown,
            "cut": o["data_cut"]} + "\n")
    out.write("\n" + _("Sources:") + "\n")
    for s in data["sources"]:
        grade = _(VALUE_WORDS["grade"][s["grade"]]) if s["grade"] in VALUE_WORDS["grade"] else s["grade"]
        out.write(f"  [{s['id']}] {s['citation']}（{grade}）\n")
