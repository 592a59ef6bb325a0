"""The date rules of a plan, in one place: the command line and the window both use them.

A date is typed strictly as YYYY-MM-DD and must exist (2026-02-30 is an error, never
2026-03-02: D17). A plausible CAR-T plan has its infusion within `YEARS_BACK` years before and
`YEARS_AHEAD` year after today, and its leukapheresis before the infusion and at most
`MAX_LEUKAPHERESIS_DAYS` before it; anything else is a typo in the year, refused with a
one-line message instead of a 40-page calendar, a minutes-long loop or a traceback (F17, F18).

Errors are `FieldError`s naming the form field, with an English message (command line, exit 2)
and `text(lang)` for the window, which shows it beside the field. No Qt, no KB.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from desktop import i18n
from desktop.errors import UserInputError
from desktop.i18n import N_

YEARS_BACK = 5
YEARS_AHEAD = 1
MAX_LEUKAPHERESIS_DAYS = 365


class FieldError(UserInputError):
    """A typed value that cannot be printed; `field` names the form field it belongs to."""

    def __init__(self, field: str, msgid: str, **values: object) -> None:
        self.field = field
        self.msgid = msgid
        self.values = values
        super().__init__(msgid % values)

    def text(self, lang: str) -> str:
        """The message in `lang` (the window's interface language)."""
        return i18n.gettext(lang)(self.msgid) % self.values


def parse_date(text: str, field: str = "date") -> dt.date:
    """`YYYY-MM-DD` -> a date that exists; anything else is a FieldError.

    Full-width digits and dashes (a Chinese input method's) are read as ASCII; other scripts' digits are not.
    """
    typed = unicodedata.normalize("NFKC", text).strip()
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", typed):
        raise FieldError(field, N_("%(text)s is not a date: use YYYY-MM-DD, e.g. 2026-03-14"), text=typed[:40])
    try:
        return dt.date.fromisoformat(typed)
    except ValueError:
        raise FieldError(field, N_("%(text)s does not exist in the calendar"), text=typed) from None


def window(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The infusion dates accepted on `today`: YEARS_BACK years back to YEARS_AHEAD ahead."""
    today = today or dt.date.today()
    return (_years(today, -YEARS_BACK), _years(today, YEARS_AHEAD))


def _years(day: dt.date, n: int) -> dt.date:
    try:
        return day.replace(year=day.year + n)
    except ValueError:  # 29 February
        return day.replace(year=day.year + n, day=28)


def check_dates(infusion: dt.date | None, leukapheresis: dt.date | None,
                today: dt.date | None = None) -> None:
    """Raise FieldError unless the dates make a plausible plan (see the module's note)."""
    first, last = window(today)
    if infusion is not None and not first <= infusion <= last:
        raise FieldError("infusion", N_("%(date)s is not a plausible date for the infusion: use a date from "
                                        "%(first)s to %(last)s (check the year)"),
                         date=infusion.isoformat(), first=first.isoformat(), last=last.isoformat())
    if leukapheresis is None:
        return
    if infusion is None:
        if not _years(first, -1) <= leukapheresis <= last:
            raise FieldError("leukapheresis", N_("%(date)s is not a plausible date for the leukapheresis (check the year)"),
                             date=leukapheresis.isoformat())
        return
    if leukapheresis >= infusion:
        raise FieldError("leukapheresis", N_("the leukapheresis date must be before the infusion date"))
    span = (infusion - leukapheresis).days
    if span > MAX_LEUKAPHERESIS_DAYS:
        raise FieldError("leukapheresis", N_("%(date)s is %(days)s days before the infusion; at most %(max)s are "
                                             "expected (check the year)"),
                         date=leukapheresis.isoformat(), days=span, max=MAX_LEUKAPHERESIS_DAYS)


def parse_dates(infusion: str, leukapheresis: str,
                today: dt.date | None = None) -> tuple[dt.date | None, dt.date | None]:
    """Both typed dates parsed and checked together ('' = not given)."""
    inf = parse_date(infusion, "infusion") if infusion.strip() else None
    leuk = parse_date(leukapheresis, "leukapheresis") if leukapheresis.strip() else None
    check_dates(inf, leuk, today)
    return inf, leuk
