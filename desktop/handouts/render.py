"""Handout = Jinja2 template (autoescaped) + KB content + a recovery plan + personal details -> HTML.

The plan (`desktop.recovery.plan.plan_for`) is computed before rendering; this module only
projects it, with the KB's content, into the templates. No Qt here: `pdf.py` lays the HTML
out on paper. Everything a user typed goes into the
template as plain strings, so autoescaping prints `<b>Li</b> & "Wang"` literally.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
import segno
from markupsafe import Markup

from desktop import i18n, paths
from desktop.errors import UserInputError
from desktop.handouts import catalog, fields
from desktop.handouts.content import CenterView, HandoutContent
from desktop.handouts.fields import Contact
from desktop.i18n import N_
from desktop.kb.store import KnowledgeBase
from desktop.kb.text import normalise_lang
from desktop.recovery.dates import parse_date
from desktop.recovery.plan import Plan

__all__ = ["Contact", "Options", "Personal", "parse_date", "render_handout"]

# 96 px per inch layout units (QTextDocument's default); 1 mm = 96 / 25.4 px.
PX_PER_MM = 96 / 25.4
CARD_W_MM, CARD_H_MM = 85.6, 53.98  # ISO/IEC 7810 ID-1 (credit card)
CUT_MARGIN_MM = 5.0


@dataclass(frozen=True)
class Personal:
    """Details typed for one print. Never stored by this module.

    The three date fields are what the plan is computed from (`plan_for(kb, personal)`); the
    handout prints the plan's dates, so a form passes the plan made from these same fields.
    """

    patient: str = ""
    infusion_date: date | None = None
    center_id: str = ""
    contacts: tuple[Contact, ...] = ()
    """Care-team contacts, first the 24-hour one (checked by `fields.parse_contact`)."""
    note: str = ""
    logo: bytes | None = None
    """Site logo image bytes (PNG/JPEG) from a site preset."""
    leukapheresis_date: date | None = None
    jurisdiction: str = ""
    """Region whose dated rules the recovery calendar follows ('' = the product's, e.g. China)."""
    product: str = ""
    """The CAR-T product (therapy id) whose label warnings apply ('' = eque-cel)."""


@dataclass(frozen=True)
class Options:
    lang: str = "en"
    paper: str = "a4"
    large_print: bool = False


@dataclass(frozen=True)
class FontSizes:
    """Point sizes; large print keeps the body at 16 pt or more."""

    body: float
    small: float
    h1: float
    h2: float
    h3: float
    footer: float
    phone: float

    def scaled(self, factor: float) -> FontSizes:
        if factor == 1.0:
            return self
        return FontSizes(*(round(v * factor, 2) for v in (self.body, self.small, self.h1, self.h2, self.h3, self.footer, self.phone)))

    @staticmethod
    def for_print(large: bool, dense: bool = False) -> FontSizes:
        """Large print: body 17 pt. `dense` (one-page clinician summary) only in normal print."""
        if large:
            return FontSizes(body=17, small=16, h1=28, h2=22, h3=19, footer=16, phone=30)
        if dense:
            return FontSizes(body=8, small=6.5, h1=13, h2=9.5, h3=8.5, footer=6.5, phone=12)
        return FontSizes(body=10.5, small=9, h1=19, h2=14, h3=11.5, footer=7.5, phone=20)


@dataclass(frozen=True)
class Card:
    """A fixed-size panel (wallet card) painted at a reserved spot on page 1."""

    front_html: str
    back_html: str
    width_mm: float = CARD_W_MM
    height_mm: float = CARD_H_MM


@dataclass
class RenderedHandout:
    spec: catalog.HandoutSpec
    options: Options
    title: str
    html: str
    header_html: str
    footer_html: str
    """Contains `{page}` and `{pages}` placeholders, filled per page."""
    images: dict[str, bytes]
    qr_payloads: dict[str, str]
    """`contact-N` -> the `tel:` URI of the QR printed beside contact N (`phone`: the first's)."""
    source_ids: list[str]
    missing: list[str]
    sizes: FontSizes
    cards: list[Card] = field(default_factory=list)
    card_area_px: tuple[float, float] = (0.0, 0.0)
    qr_contacts: list[tuple[str, str, str]] = field(default_factory=list)
    """(label, number as printed, QR payload) of each contact, in order: the window lists what each QR dials."""


NOTICE = N_("Information, not medical advice. Your care team's instructions come first.")


def centre_contact(center: CenterView) -> Contact | None:
    """The centre's own number from the KB as a contact, or None if it is not a diallable number."""
    if not center.phone:
        return None
    try:
        return fields.parse_contact(center.phone, fields.region_for(center.country))
    except UserInputError:
        return None


@functools.lru_cache(maxsize=64)
def qr_png(payload: str, scale: int = 5) -> bytes:
    """QR code PNG (segno), error correction M, with the standard 4-module quiet zone.

    Cached: a batch for one site repeats the same phone number on every sheet.
    """
    buf = io.BytesIO()
    segno.make(payload, error="m", micro=False).save(buf, kind="png", scale=scale, border=4)
    return buf.getvalue()


EMERGENCY_NUMBERS = {"CN": ("120", "EM1"), "HK": ("999", "EM2"), "US": ("911", "EM3")}
"""The local emergency (ambulance) number by numbering region, with the source it was read in
(data/sources.yaml). A region without one prints none rather than a guess."""


def emergency_number(kb: KnowledgeBase, center: CenterView | None, plan: Plan,
                     contacts: list[Contact] | None = None) -> tuple[str, str] | None:
    """(number, source id) for where the patient is: the centre's country, else the country of
    the care team's first number, else the plan's rules (a US team's sheet never says 120)."""
    from desktop.recovery.plan import default_jurisdiction

    region = fields.region_for(center.country if center is not None else "")
    if not region and contacts:
        region = fields.number_region(contacts[0].number)
    if not region:
        region = fields.region_for(plan.jurisdiction or default_jurisdiction(kb))
    return EMERGENCY_NUMBERS.get(region)


_ENV: jinja2.Environment | None = None


def template_dir() -> Path:
    return paths.resource_path("templates")


def environment() -> jinja2.Environment:
    global _ENV
    if _ENV is None:
        _ENV = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(template_dir())),
            autoescape=True,  # every template, whatever its extension
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            extensions=["jinja2.ext.i18n"],
        )
        # `_()`/`gettext()`/`pgettext()` in the templates, translated into the `lang` of the render
        # (catalogue `cartref`, desktop/i18n.py); newstyle: `_("Day %(n)s", n=3)`, escaped arguments.
        _ENV.install_gettext_callables(  # type: ignore[attr-defined]  # added by the i18n extension
            gettext=_template_gettext, ngettext=_template_ngettext, newstyle=True, pgettext=_template_pgettext)
        _ENV.filters["safe_html"] = lambda s: Markup(s)  # only for HTML this package produced
    return _ENV


@jinja2.pass_context
def _template_gettext(context: jinja2.runtime.Context, message: str) -> str:
    return i18n.gettext(context["lang"])(message)


@jinja2.pass_context
def _template_ngettext(context: jinja2.runtime.Context, singular: str, plural: str, n: int) -> str:
    return i18n.ngettext(context["lang"])(singular, plural, n)


@jinja2.pass_context
def _template_pgettext(context: jinja2.runtime.Context, msgctxt: str, message: str) -> str:
    return i18n.pgettext(context["lang"])(msgctxt, message)


def _calendar_context(kb: KnowledgeBase, spec: catalog.HandoutSpec, plan: Plan, lang: str,
                      content: HandoutContent) -> dict[str, Any]:
    """Calendar, month grids, event rows, notes and the log sheet's rows for the calendar handouts."""
    from desktop.handouts import recovery

    if plan.infusion is None and spec.needs_infusion:
        raise UserInputError(f"the {spec.name} handout needs an infusion date (--infusion-date YYYY-MM-DD)")
    if plan.problem:
        raise UserInputError(plan.problem)
    from desktop.handouts import neurocheck

    cal, has_rules = neurocheck.with_checks(kb, plan.calendar, plan.product), plan.has_rules
    if not has_rules:
        content.missing.append("dated rules (jurisdiction, periods)")
    log_sheet = spec.name == "symptom-log"
    fever = recovery.fever_threshold(content) if log_sheet else None
    call_now = recovery.call_now_items(content) if log_sheet else []
    return {
        "cal": cal,
        "has_rules": has_rules,
        "months": recovery.month_views(cal, lang) if cal is not None else [],
        "weekdays": recovery.weekdays(lang),
        "events": recovery.event_rows(cal, lang, content) if cal is not None and spec.needs_infusion else [],
        "cal_notes": recovery.notes(cal, content) if cal is not None and spec.needs_infusion else [],
        "fill_ins": recovery.fill_ins(cal, lang) if cal is not None and spec.name == "recovery-calendar" else [],
        "day_text": lambda n: recovery.day_text(n, lang),
        "log": recovery.log_plan(cal, lang, content) if spec.name == "symptom-log" else None,
        "fever": fever,
        "call_now": call_now,
        "fever_listed": fever is not None and any(fever.value.split()[0] in item for item in call_now),
        "marks": recovery.MARKS,
    }


def _neuro_context(kb: KnowledgeBase, spec: catalog.HandoutSpec, plan: Plan, lang: str,
                   content: HandoutContent) -> dict[str, Any]:
    """The carers' weekly nerve check: the label's warning and "call now" wording (G14), the
    check items (G14; CT21; CT18) and one row per check day (neurowatch's sourced data)."""
    from desktop.clinical import neurowatch
    from desktop.handouts import neurocheck

    warning = neurocheck.delayed_warning(kb, plan.product, lang)
    if warning is None:
        raise UserInputError(f"the {spec.name} handout is for a product whose label warns of delayed "
                             f"neurotoxicity (e.g. --product cilta-cel); {plan.product}'s has no such warning")
    _ = i18n.gettext(lang)
    content.use(neurocheck.source_ids(warning))
    content.use(["CT18"])
    therapy = content.therapy(plan.product, cite=False)
    return {
        "neuro": {
            "product": content.product_name(therapy) if therapy else plan.product,
            "warning": warning,
            "call_now": _("Call your healthcare provider or get emergency help right away (CARVYKTI Medication Guide)."),
            "fever": _("a temperature of %(c)s °C (100.4 °F) or higher") % {"c": f"{neurowatch.FEVER_C:g}"},
            "signs": [_(text) for text in neurowatch.SIGNS.values()],
            "subtle": _("Nervous-system effects can occur days or weeks after the infusion and may at first be subtle "
                        "(Medication Guide)."),
            "checks": [_(text) for _key, text in neurowatch.WEEKLY_CHECK],
            "window": _(neurocheck.WINDOW),
            "rows": [(n, d.isoformat() if d else "") for n, d in neurocheck.check_dates(plan.infusion)],
            "sources": ", ".join(neurowatch.SOURCE_IDS),
        },
    }


def render_handout(kb: KnowledgeBase, name: str, plan: Plan, options: Options | None = None,
                   personal: Personal | None = None, *, shrink: float = 1.0) -> RenderedHandout:
    """Render one handout to HTML plus what the page painter needs (header, footer, images).

    Dates, phases and the calendar come from `plan` only; `personal` gives the name, centre,
    phones, note and logo.

    `shrink` (< 1) scales the type down; the layout uses it only to keep a one-page
    clinician summary on one page when the KB grows.
    """
    spec = catalog.get(name)
    personal = personal or Personal()
    options = options or Options()
    lang = normalise_lang(options.lang)
    if options.paper not in catalog.PAPERS:
        raise UserInputError(f"unknown paper {options.paper!r} (use a4 or letter)")
    zh = lang == "zh-Hans"
    content = HandoutContent(kb, lang)
    sizes = FontSizes.for_print(options.large_print, dense=spec.audience == "clinician").scaled(shrink)
    title = spec.title(lang)

    center = content.center(personal.center_id) if personal.center_id else None
    if personal.center_id and center is None:
        raise UserInputError(f"unknown centre {personal.center_id!r} (see `cartref centers`)")
    contacts = list(personal.contacts)
    if not contacts and center is not None:
        found = centre_contact(center)
        contacts = [found] if found else []
    main = contacts[0] if contacts else None
    patient, _ = fields.clean("patient", personal.patient)
    note, _ = fields.clean("note", personal.note)

    images: dict[str, bytes] = {}
    qr: dict[str, str] = {}
    # One QR per printed number, built from exactly that number (D01): `qr-0.png` beside the
    # first contact, `qr-1.png` beside the second, on every template and on the wallet card.
    for i, ct in enumerate(contacts):
        qr[f"contact-{i}"] = ct.tel
        images[f"qr-{i}.png"] = qr_png(ct.tel)
    if main is not None:
        qr["phone"] = main.tel
    if personal.logo:
        images["logo.png"] = personal.logo

    emergency = emergency_number(kb, center, plan, contacts) if spec.audience != "clinician" else None
    if emergency is not None:
        content.use([emergency[1]])
    infusion = plan.infusion
    phases = plan.phase_dates(lang)
    cal_ctx = _calendar_context(kb, spec, plan, lang, content) if spec.calendar else {}
    neuro_ctx = _neuro_context(kb, spec, plan, lang, content) if spec.needs_delayed_neuro else {}

    card_w = CARD_W_MM * PX_PER_MM
    card_h = CARD_H_MM * PX_PER_MM
    margin = CUT_MARGIN_MM * PX_PER_MM
    card_area = (2 * card_w + 2 * margin, card_h + 2 * margin + 18)

    ctx: dict[str, Any] = {
        "c": content,
        "lang": lang,
        "zh": zh,
        "fs": sizes,
        "large": options.large_print,
        "title": title,
        "spec": spec,
        "patient": patient,
        "infusion": infusion.isoformat() if infusion else "",
        "infusion_date": infusion,
        "center": center,
        "contacts": contacts,
        "emergency": emergency,
        "main": main,
        "note": note,
        "has_qr_phone": bool(contacts),
        "has_logo": "logo.png" in images,
        "phases": phases,
        "card_area": card_area,
        "card_w": card_w,
        "card_h": card_h,
        "leukapheresis": plan.leukapheresis.isoformat() if plan.leukapheresis else "",
        **cal_ctx,
        **neuro_ctx,
    }
    env = environment()
    template = env.get_template(f"handouts/{spec.name}.html.j2")
    module = template.make_module(ctx)
    body = str(module)
    cards: list[Card] = []
    if hasattr(module, "card_front") and hasattr(module, "card_back"):
        cards.append(Card(str(module.card_front()), str(module.card_back())))

    from desktop.handouts import nobreak

    seg = nobreak.segmenter(kb) if zh else None  # Chinese words and "38 °C" are never broken (D31)
    body = nobreak.protect(body, seg)
    cards = [Card(nobreak.protect(card.front_html, seg), nobreak.protect(card.back_html, seg)) for card in cards]
    source_ids = content.source_ids()
    meta = kb.meta()
    extra = {"source_ids": source_ids, "meta": meta, "notice": i18n.gettext(lang)(NOTICE)}
    header = nobreak.protect(env.get_template("handouts/_header.html.j2").render(ctx | extra), seg)
    footer = nobreak.protect(env.get_template("handouts/_footer.html.j2").render(ctx | extra), seg)
    return RenderedHandout(
        spec=spec, options=Options(lang, options.paper, options.large_print), title=title, html=body,
        header_html=header, footer_html=footer, images=images, qr_payloads=qr, source_ids=source_ids,
        missing=list(content.missing), sizes=sizes, cards=cards, card_area_px=card_area if cards else (0.0, 0.0),
        qr_contacts=[(ct.label, ct.display, ct.tel) for ct in contacts],
    )
