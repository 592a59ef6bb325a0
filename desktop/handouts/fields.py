"""The personal fields of a handout, checked before anything is printed.

A printed handout cannot be corrected later, so what a user typed is checked here, once, for
the command line and the window alike:

- care-team contacts are a label plus a number parsed and normalised by `phonenumbers`; text
  that is not a diallable number is refused, and the QR code is built from exactly the number
  printed (D01);
- invisible direction controls (RLO and friends) are removed, so nothing typed in one field
  can reorder another or reverse a printed number (F19);
- every field has a length limit, so a pasted page cannot push the clinical content off the
  handout (F20).

Errors are `FieldError`s: a one-line English message for the command line (exit 2), and the
same message translated (`text(lang)`) for the window, which shows it beside the field.
No Qt here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.i18n import N_
from desktop.recovery.dates import FieldError

MAX_LENGTH = {"patient": 80, "label": 40, "note": 600, "number": 40}
"""Characters per field: a name, a contact's label, the free note, a phone number as typed."""

MAX_CONTACTS = 4

BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Bidi embedding, override and isolate controls and the direction marks (invisible in a form)."""

COUNTRY_REGIONS = {
    "china": "CN", "中国": "CN", "cn": "CN", "hong kong": "HK", "hk": "HK", "香港": "HK",
    "united states": "US", "us": "US", "usa": "US", "美国": "US", "germany": "DE", "spain": "ES",
    "italy": "IT", "united kingdom": "GB", "uk": "GB",
}
"""Country (of a centre) or jurisdiction (a rule region id) -> the phone numbering region."""


@dataclass(frozen=True)
class Contact:
    """One care-team contact as printed: a label (may be empty) and a normalised number."""

    label: str
    number: str
    """E.164, e.g. +862783660000: what the QR code dials."""
    display: str
    """International format, e.g. +86 27 8366 0000: what is printed beside the QR code."""

    @property
    def printed(self) -> str:
        """The display form with no-break spaces, so a number never breaks across lines."""
        return self.display.replace(" ", "\u00a0")

    @property
    def printed_label(self) -> str:
        """The label with word joiners between Chinese characters, so "门诊" never breaks as 门|诊 (D31)."""
        return re.sub(r"(?<=[\u3400-\u9fff])(?=[\u3400-\u9fff])", "\u2060", self.label)

    @property
    def tel(self) -> str:
        """The `tel:` URI of the QR code: the printed number without its spaces."""
        return "tel:" + self.number

    def as_text(self) -> str:
        """`LABEL=NUMBER` (the command line's and the site preset's form)."""
        return f"{self.label}={self.display}" if self.label else self.display


def region_for(*places: str) -> str:
    """The numbering region (CN, US, ...) of the first known country or jurisdiction; '' if none."""
    for place in places:
        region = COUNTRY_REGIONS.get(place.strip().lower())
        if region:
            return region
    return ""


def number_region(e164: str) -> str:
    """The numbering region (CN, US, ...) of an E.164 number; '' if phonenumbers cannot tell."""
    import phonenumbers

    try:
        return phonenumbers.region_code_for_number(phonenumbers.parse(e164)) or ""
    except phonenumbers.NumberParseException:
        return ""


def clean(field: str, text: str) -> tuple[str, bool]:
    """`text` without direction controls and outer spaces, and whether any were removed.

    A field longer than its limit is refused: a name or note the length of a page is a paste
    gone wrong, and printing it would push the clinical content off the handout (F20).
    """
    stripped = BIDI_CONTROLS.sub("", text).strip()
    limit = MAX_LENGTH.get(field)
    if limit is not None and len(stripped) > limit:
        raise FieldError(field, N_("too long: %(n)s characters, at most %(limit)s"), n=len(stripped), limit=limit)
    return stripped, stripped != text.strip()


def parse_number(text: str, region: str = "", field: str = "contact") -> tuple[str, str]:
    """(E.164, international display) for a typed phone number; FieldError if it is not diallable.

    A number without a country code needs `region` (the site's or the jurisdiction's); without
    one it is refused rather than guessed.
    """
    import phonenumbers

    typed = BIDI_CONTROLS.sub("", text).strip()
    if not typed:
        raise FieldError(field, N_("a phone number is missing"))
    if len(typed) > MAX_LENGTH["number"] or re.search(r"[^\d\s+()./-]", typed):
        raise FieldError(field, N_("%(text)s is not a phone number: use digits, spaces, + ( ) -"), text=typed[:40])
    if not typed.startswith("+") and not region:
        raise FieldError(field, N_("%(text)s has no country code: start it with + (e.g. +86)"), text=typed)
    try:
        parsed = phonenumbers.parse(typed, region or None)
    except phonenumbers.NumberParseException:
        raise FieldError(field, N_("%(text)s is not a phone number"), text=typed) from None
    if not phonenumbers.is_valid_number(parsed):
        raise FieldError(field, N_("%(text)s is not a diallable number (check the digits)"), text=typed)
    return (phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164),
            phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


def parse_contact(text: str, region: str = "", field: str = "contact") -> Contact:
    """`LABEL=NUMBER` or a bare NUMBER -> Contact (the label cleaned, the number normalised)."""
    label, sep, number = text.rpartition("=")
    if not sep:
        label, number = "", text
    label, _ = clean("label", label)
    label = label.rstrip(":：").strip()
    e164, display = parse_number(number, region, field)
    return Contact(label, e164, display)


def contact(label: str, number: str, region: str = "", field: str = "contact") -> Contact:
    """A contact from the window's two fields (label, number)."""
    cleaned, _ = clean("label", label)
    e164, display = parse_number(number, region, field)
    return Contact(cleaned.rstrip(":：").strip(), e164, display)


def check_contacts(contacts: list[Contact]) -> tuple[Contact, ...]:
    if len(contacts) > MAX_CONTACTS:
        raise FieldError("contact", N_("at most %(n)s care-team contacts fit on a handout"), n=MAX_CONTACTS)
    return tuple(contacts)
