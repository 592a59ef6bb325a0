"""`cartref search QUERY`: ranked hits with snippets; exit 1 when nothing is found.

With `--lang zh` the text output reads in Chinese (the kind of each hit, trial names, messages);
`--json` keeps the machine values (`kind`, `id`) and the titles and snippets as found.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any

from desktop.commands.common import add_kb_option, is_zh, lang_choice, open_for, print_json
from desktop.i18n import N_, gettext
from desktop.kb import schema
from desktop.kb.text import has_cjk

KIND_WORDS = {"therapy": N_("therapy"), "article": N_("article"), "trial": N_("trial"), "outcome": N_("outcome"),
              "center": N_("centre"), "glossary": N_("glossary term")}


def register(sub: Any) -> None:
    p = sub.add_parser("search", help=N_("search the knowledge base"))
    p.add_argument("query", nargs="+", help=N_("words to look for (any text is safe)"))
    p.add_argument("--lang", type=lang_choice, default=None, help=N_("en or zh"))
    p.add_argument("--kind", choices=schema.KINDS, default=None)
    p.add_argument("--limit", type=_limit, default=10)
    p.add_argument("--json", action="store_true", help=N_("print a JSON list"))
    add_kb_option(p)
    p.set_defaults(func=run)


def _limit(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--limit needs a whole number, not {value!r}") from None
    if not 1 <= number <= 200:
        raise argparse.ArgumentTypeError("--limit must be between 1 and 200")
    return number


def run(args: argparse.Namespace) -> int:
    kb = open_for(args)
    query = " ".join(args.query)
    result = kb.search(query, lang=args.lang, kind=args.kind, limit=args.limit)
    shown_lang = args.lang or ("zh-Hans" if has_cjk(query) else "en")
    if kb.route_terms("centres"):
        from desktop.geo.place_search import with_nearest_centres  # only when the KB has the words

        result = with_nearest_centres(kb, result, lang=shown_lang, kind=args.kind, limit=args.limit)
    messages = args.lang or "en"  # messages follow --lang only; a Chinese query alone keeps them English
    _ = gettext(messages)
    if args.json:
        print_json([hit.to_json() for hit in result.hits])
    else:
        if result.corrected:
            sys.stdout.write(_("showing results for: %(query)s") % {"query": result.corrected} + "\n")
        for hit in result.hits:
            plain = re.sub(r"</?b>", "", hit.snippet)
            kind = _(KIND_WORDS[hit.kind]) if is_zh(messages) and hit.kind in KIND_WORDS else hit.kind
            title = hit.title
            if is_zh(messages) and hit.kind == "trial":
                from desktop.kb.compare import trial_name

                trial = kb.trial(hit.id)
                title = trial_name(trial, messages) if trial else title
            sys.stdout.write(f"[{kind}] {hit.id}  {title}\n    {plain}\n")
        if not result.hits:
            shown = query if len(query) <= 60 else query[:60] + "…"
            from desktop.kb.search import suggestions  # only the empty answer needs rapidfuzz

            near = suggestions(query, kb.topic_groups(), shown_lang, total=6)
            if near:
                sys.stderr.write("cartref: " + _("nothing found for %(query)s; closest topics: %(topics)s") % {
                    "query": repr(shown), "topics": _(", ").join(near)} + "\n")
            else:
                sys.stderr.write("cartref: " + _("nothing found for %(query)s") % {"query": repr(shown)} + "\n")
    if result.corrected and args.json:
        sys.stderr.write("cartref: " + _("showing results for: %(query)s") % {"query": result.corrected} + "\n")
    return 0 if result.hits else 1
