"""Typed records that cross layers: one immutable record per KB table.

NamedTuples rather than frozen dataclasses: the window imports this at start-up, and twelve
frozen dataclasses cost ~16 ms to create there against ~4 ms for these.
"""

import functools
import typing
from typing import Any, NamedTuple, TypeVar

from desktop.kb.text import in_language

T = TypeVar("T")


_STRINGS = tuple[str, ...]
"""The annotation of list columns, stored as JSON text in the KB."""


@functools.cache
def _field_types(cls: Any) -> dict[str, Any]:
    """Resolved field types. This module's records carry real annotations (NamedTuple would
    turn string ones into ForwardRefs and compile each: ~3 ms of the window's start-up);
    records elsewhere (kb.rules) postpone theirs, so resolve rather than assume."""
    return typing.get_type_hints(cls)


def from_row(cls: type[T], row: dict[str, Any]) -> T:
    """Build a record from a sqlite row dict, decoding JSON list columns and ignoring extras."""
    values: dict[str, Any] = {}
    for name, kind in _field_types(typing.cast(Any, cls)).items():
        if name not in row:
            continue
        value = row[name]
        if kind == _STRINGS:
            import json  # here, not at the top: the window's first page decodes no list column

            value = tuple(json.loads(value)) if isinstance(value, str) and value else ()
        elif kind is str and value is None:
            value = ""
        values[name] = value
    return cls(**values)


class Meta(NamedTuple):
    kb_version: str
    schema_version: int
    content_date: str
    content_hash: str

    @property
    def short_hash(self) -> str:
        return self.content_hash[:12]


class Source(NamedTuple):
    id: str
    kind: str = ""
    grade: str = "P"
    authors: str = ""
    title: str = ""
    journal: str = ""
    year: str = ""
    volume: str = ""
    doi: str = ""
    pmid: str = ""
    nct: str = ""
    url: str = ""
    note: str = ""
    reviewed_on: str = ""

    @property
    def citation(self) -> str:
        """One-line reference in a journal-like style."""
        parts = [p for p in (self.authors, self.title) if p]
        text = ". ".join(p.rstrip(".") for p in parts)
        venue = " ".join(p for p in (self.journal, self.year) if p)
        if self.volume:
            venue = f"{venue};{self.volume}" if venue else self.volume
        if venue:
            text = f"{text}. {venue}"
        ids = [x for x in (f"doi:{self.doi}" if self.doi else "", f"PMID {self.pmid}" if self.pmid else "", self.nct) if x]
        if ids:
            text = f"{text}. {'; '.join(ids)}"
        return text + "."

    @property
    def grade_label(self) -> str:
        return {"P": "primary source", "C": "company statement", "S": "secondary report"}.get(self.grade, self.grade)


class Approval(NamedTuple):
    therapy_id: str
    region: str
    agency: str
    date: str
    event: str
    indication_en: str
    indication_zh: str
    source_ids: tuple[str, ...] = ()
    kind: str = "approval"
    """designation, filing, opinion, approval or indication-change (desktop/content/products.py)."""


class Label(NamedTuple):
    """Which version of a product's label was read for a region, and when (`labels:` in data/therapies)."""

    therapy_id: str
    region: str
    version: str
    read_via: str = ""
    read_on: str = ""
    source_ids: tuple[str, ...] = ()


class Correction(NamedTuple):
    """Content corrected after publication, and why (data/corrections.yaml)."""

    id: str
    date: str
    what_en: str
    what_zh: str = ""
    reason_en: str = ""
    reason_zh: str = ""
    refs: tuple[str, ...] = ()
    source_ids: tuple[str, ...] = ()

    def what(self, lang: str = "en") -> str:
        return in_language(lang, self.what_en, self.what_zh)

    def reason(self, lang: str = "en") -> str:
        return in_language(lang, self.reason_en, self.reason_zh)


class Warning(NamedTuple):
    therapy_id: str
    text_en: str
    text_zh: str = ""
    jurisdiction: str = ""
    date: str = ""
    source_ids: tuple[str, ...] = ()


class Therapy(NamedTuple):
    id: str
    name_en: str
    name_zh: str = ""
    brand: str = ""
    codes: tuple[str, ...] = ()
    company: str = ""
    target: str = ""
    construct_en: str = ""
    construct_zh: str = ""
    dose_en: str = ""
    dose_zh: str = ""
    summary_en: str = ""
    summary_zh: str = ""
    status: str = ""
    key_trials: tuple[str, ...] = ()
    source_ids: tuple[str, ...] = ()
    reviewed_on: str = ""
    label_read_on: str = ""
    """When the product's labels were last read (its `labels` say which version per region)."""

    def name(self, lang: str = "en") -> str:
        return in_language(lang, self.name_en, self.name_zh)

    @property
    def display_name(self) -> str:
        return f"{self.name_en} ({self.brand})" if self.brand else self.name_en


class Trial(NamedTuple):
    id: str
    name: str
    therapy_id: str
    phase: str = ""
    design_en: str = ""
    design_zh: str = ""
    population_en: str = ""
    population_zh: str = ""
    setting: str = ""
    registry_ids: tuple[str, ...] = ()
    source_ids: tuple[str, ...] = ()
    reviewed_on: str = ""
    name_zh: str = ""
    """A Chinese name or description of the trial (data/trials `name_zh`); "" keeps `name`."""

    def display(self, lang: str = "en") -> str:
        return in_language(lang, self.name, self.name_zh)


class Outcome(NamedTuple):
    id: str
    trial_id: str
    arm: str
    cohort: str
    metric: str
    value: float | None
    unit: str
    ci_low: float | None = None
    ci_high: float | None = None
    numerator: float | None = None
    denominator: float | None = None
    followup_months: float | None = None
    data_cut: str = ""
    source_ids: tuple[str, ...] = ()
    grade: str = "P"
    note: str = ""
    reviewed_on: str = ""
    value_text: str = ""
    """The value exactly as written in data/ (keeps trailing zeros such as 96.0)."""
    ci_text: str = ""

    @property
    def display_value(self) -> str:
        """The value as the source printed it, with unit, CI and n/N."""
        if self.value is None:
            return self.note or "not reached"
        number = self.value_text or f"{self.value:g}"
        unit = {"percent": "%", "months": " mo", "days": " d", "lines": "", "count": "", "ratio": ""}.get(self.unit, "")
        text = f"{number}{unit}"
        if self.numerator is not None and self.denominator is not None:
            text += f" ({self.numerator:g}/{self.denominator:g})"
        elif self.denominator is not None:
            text += f" (n={self.denominator:g})"
        if self.ci_text:
            text += f" [95% CI {self.ci_text}]"
        elif self.ci_low is not None and self.ci_high is not None:
            text += f" [95% CI {self.ci_low:g}–{self.ci_high:g}]"
        return text


class Article(NamedTuple):
    id: str
    lang: str
    title: str
    audience: str
    section: str
    topic: str
    body_md: str
    therapy_id: str = ""
    summary: str = ""
    source_ids: tuple[str, ...] = ()
    reviewed_on: str = ""
    translation_status: str = "original"
    fallback: bool = False
    """True when the article is shown in English because no version exists in the asked language."""
    step: int = 0
    """A patient-journey page's place in treatment order (1 = first); 0 elsewhere."""


class GlossaryTerm(NamedTuple):
    id: str
    term_en: str
    term_zh: str = ""
    abbr: str = ""
    patient_en: str = ""
    clinician_en: str = ""
    patient_zh: str = ""
    clinician_zh: str = ""
    source_ids: tuple[str, ...] = ()
    reviewed_on: str = ""

    def term(self, lang: str = "en") -> str:
        return in_language(lang, self.term_en, self.term_zh)

    def definition(self, lang: str = "en", audience: str = "patient") -> str:
        zh = lang.startswith("zh")
        if audience == "clinician":
            return (self.clinician_zh if zh and self.clinician_zh else self.clinician_en) or self.patient_en
        return (self.patient_zh if zh and self.patient_zh else self.patient_en) or self.clinician_en


class Center(NamedTuple):
    id: str
    name_en: str
    country: str
    lat: float
    lon: float
    name_zh: str = ""
    city: str = ""
    city_zh: str = ""
    province: str = ""
    coord_precision: str = "city"
    kind: str = "trial"
    therapies: tuple[str, ...] = ()
    trials: tuple[str, ...] = ()
    role_en: str = ""
    role_zh: str = ""
    phone: str = ""
    address: str = ""
    source_ids: tuple[str, ...] = ()
    reviewed_on: str = ""

    def name(self, lang: str = "en") -> str:
        return in_language(lang, self.name_en, self.name_zh)


class PlaceRow(NamedTuple):
    """A city of the place tables (GeoNames, built by desktop.content.places)."""

    id: int
    name: str
    country_code: str
    country: str
    lat: float
    lon: float
    name_zh: str = ""
    admin1: str = ""
    population: int = 0


class PlaceKey(NamedTuple):
    """A normalised place name with the label parts of its most populous place."""

    norm: str
    name: str
    admin1: str
    country: str


class SearchHit(NamedTuple):
    kind: str
    id: str
    title: str
    snippet: str
    score: float
    lang: str = "en"

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "title": self.title, "snippet": self.snippet, "score": self.score}


class SearchResult(NamedTuple):
    hits: tuple[SearchHit, ...]
    query: str
    corrected: str | None = None
    """Set when the typo fallback fired: the query that was actually searched."""
    expanded_terms: tuple[str, ...] = ()
