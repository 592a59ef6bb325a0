"""`cartref centers [--near PLACE|LAT,LON] [--therapy ID] [--kind K] [--country C] [--limit N] [--json]`.

Lists the KB's treatment and trial centres, nearest first when a place is given. Exit 1 when
nothing matches or the place is unknown (with "did you mean" names on stderr); exit 2 for a
malformed coordinate or an unknown therapy.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.commands.common import add_kb_option, lang_choice, open_for, print_json, print_table
from desktop.errors import NotFoundError
from desktop.geo.nearest import KINDS, CentreFinder
from desktop.i18n import Msg, gettext, pgettext


def register(sub: Any) -> None:
    p = sub.add_parser(
        "centers",
        aliases=["centres"],
        help="treatment and trial centres, nearest first",
        description="List centres from the knowledge base; with --near, sorted by straight-line distance.",
    )
    p.add_argument("--near", metavar="PLACE|LAT,LON", help="a city (Wuhan, 武汉, 'Suzhou, Anhui') or coordinates")
    p.add_argument("--therapy", metavar="ID", help="only centres for this therapy (id, name, brand or code)")
    p.add_argument("--kind", choices=KINDS, help="trial site or certified treatment centre")
    p.add_argument("--country", metavar="C", help="only centres in this country (name or ISO code)")
    p.add_argument("--limit", type=_positive_int, metavar="N", help="at most N rows")
    p.add_argument("--lang", type=lang_choice, default="en", help="names in en or zh")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    add_kb_option(p)
    p.set_defaults(func=run)


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def run(args: argparse.Namespace) -> int:
    kb = open_for(args)
    finder = CentreFinder(kb)
    origin = finder.gazetteer.resolve(args.near, args.lang) if args.near is not None and args.near.strip() else None
    result = finder.find(
        args.near, origin=origin, therapy=args.therapy, kind=args.kind, country=args.country, limit=args.limit
    )
    origin = result.origin
    zh = args.lang.startswith("zh")
    _, p_ = gettext(args.lang), pgettext(args.lang)
    if origin is not None and origin.ambiguous:
        others = p_("list separator", "; ").join(p.label(args.lang) for p in origin.alternatives[:5])
        note = _("%(query)s taken as %(place)s (most populous); also: %(others)s") % {
            "query": repr(args.near.strip()), "place": origin.label(args.lang), "others": others}
        sys.stderr.write(f"cartref: {note}\n")
    if args.json:
        print_json([h.to_json() for h in result.hits])
    elif result.hits:
        if origin is not None:
            sys.stdout.write(_("From %(place)s (straight-line distance):") % {"place": origin.label(args.lang)} + "\n")
        kinds = {"trial": _("trial site"), "certified": _("certified centre")}
        rows = [
            [
                "" if h.distance_km is None else f"{h.distance_km:,.0f}",
                h.center.name(args.lang),
                (h.center.city_zh or h.center.city) if zh else h.center.city,
                kinds.get(h.center.kind, h.center.kind) if zh else h.center.kind,
                ", ".join(h.center.therapies),
                h.center.id,
            ]
            for h in result.hits
        ]
        print_table([_("km"), _("centre"), _("city"), _("kind"), _("therapies"), _("id")], rows)
    if not result.hits:
        raise NotFoundError(Msg("no centre matches these filters"))
    return 0
