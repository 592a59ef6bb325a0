"""`cartref centers [--near PLACE|LAT,LON] [--therapy ID] [--kind K] [--country C] [--limit N] [--json]`
and `cartref centers add|edit|remove|import FILE.csv|export FILE.csv` (the site's own list).

Lists the KB's treatment and trial centres and the site's own, nearest first when a place is
given. Exit 1 when nothing matches or the place is unknown (with "did you mean" names on
stderr); exit 2 for a malformed coordinate, an unknown therapy or a bad centre field.

The listing has no positional argument, so an optional sub-command after `centers` cannot be
mistaken for a place: `centers --near X` lists, `centers add ...` edits the site's list.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.commands.common import (
    add_kb_option,
    lang_choice,
    lines_argument,
    open_for,
    print_json,
    print_table,
    text_argument,
)
from desktop.errors import NotFoundError, UserInputError
from desktop.geo.nearest import KINDS, CentreFinder, SiteEntry
from desktop.i18n import N_, Msg, gettext, pgettext
from desktop.outputs import argument as output_argument


def register(sub: Any) -> None:
    p = sub.add_parser(
        "centers",
        aliases=["centres"],
        help=N_("treatment and trial centres, nearest first"),
        description=N_("List centres from the knowledge base; with --near, sorted by straight-line distance."),
    )
    p.add_argument("--near", metavar="PLACE|LAT,LON", help=N_("a city (Wuhan, 武汉, 'Suzhou, Anhui') or coordinates"))
    p.add_argument("--therapy", metavar="ID", help=N_("only centres for this therapy (id, name, brand or code)"))
    p.add_argument("--kind", choices=KINDS,
                   help=N_("trial site, treating (a source says it treated patients), certified, or site (added here)"))
    p.add_argument("--country", metavar="C", help=N_("only centres in this country (name or ISO code)"))
    p.add_argument("--limit", type=_positive_int, metavar="N", help=N_("at most N rows"))
    p.add_argument("--lang", type=lang_choice, default="en", help=N_("names in en or zh"))
    p.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    add_kb_option(p)
    p.set_defaults(func=run)
    _register_site_commands(p)


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
    finder = CentreFinder(kb, _site_entries())
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
        rows = [
            [
                "" if h.distance_km is None else f"{h.distance_km:,.0f}",
                h.center.name(args.lang),
                (h.center.city_zh or h.center.city) if zh else h.center.city,
                _kind_label(h, args.lang),
                ", ".join(h.center.therapies),
                h.center.id,
            ]
            for h in result.hits
        ]
        print_table([_("km"), _("centre"), _("city"), _("kind"), _("therapies"), _("id")], rows)
    if not result.hits:
        raise NotFoundError(Msg("no centre matches these filters"))
    return 0


# -- the site's own list (issue 22) ----------------------------------------------------------
def _shown_name(centre: Any, lang: str) -> str:
    """A site centre's name in the messages' language (its Chinese name when it has one)."""
    return str(centre.name_zh) if lang.startswith("zh") and centre.name_zh else str(centre.name_en)


def _kind_label(hit: Any, lang: str) -> str:
    """The kind column: a site's own centre says who added it."""
    _ = gettext(lang)
    if hit.added is None:
        if not lang.startswith("zh"):
            return str(hit.center.kind)
        kinds = {"trial": _("trial site"), "treating": _("treated patients (source says)"),
                 "certified": _("certified centre"), "site": _("this site's list")}
        return kinds.get(hit.center.kind, str(hit.center.kind))
    return _("added at this site") if not hit.added else _("added at %(site)s") % {"site": hit.added}


def _register_site_commands(parent: argparse.ArgumentParser) -> None:
    actions = parent.add_subparsers(dest="action", metavar="{add,edit,remove,import,export}")
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: an option given before the action (`centers --lang zh add`) is not reset here
    common.add_argument("--lang", type=lang_choice, default=argparse.SUPPRESS, help=N_("messages in en or zh"))
    common.add_argument("--kb", type=Path, default=argparse.SUPPRESS, help=N_("use this KB file (for place names)"))
    fields = argparse.ArgumentParser(add_help=False)
    fields.add_argument("--name-zh", type=text_argument, metavar="TEXT", help=N_("Chinese name"))
    fields.add_argument("--city", type=text_argument, metavar="CITY", help=N_("a city the gazetteer knows (Kunming, 昆明)"))
    fields.add_argument("--coordinates", type=text_argument, metavar="LAT,LON", help=N_("the site's position"))
    fields.add_argument("--country", type=text_argument, metavar="C", help=N_("country (default: the city's)"))
    fields.add_argument("--contact", type=text_argument, action="append", metavar="LABEL=NUMBER",
                        help=N_("a labelled phone number, e.g. \"ward=+86 871 0000 0000\" (repeatable)"))
    fields.add_argument("--product", type=text_argument, action="append", metavar="ID",
                        help=N_("a product given there (therapy id, name or code; repeatable)"))
    fields.add_argument("--notes", type=lines_argument, metavar="TEXT", help=N_("free notes (who to ask, referral route)"))

    add = actions.add_parser("add", parents=[common, fields], help=N_("add a centre to this site's list"))
    add.add_argument("--name", type=text_argument, required=True, metavar="TEXT", help=N_("English name"))
    add.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help=N_("print the saved centre as JSON"))
    add.set_defaults(func=run_add)
    edit = actions.add_parser("edit", parents=[common, fields], help=N_("change a centre of this site's list"))
    edit.add_argument("centre", type=text_argument, metavar="ID|NAME", help=N_("the centre's id or name"))
    edit.add_argument("--name", type=text_argument, metavar="TEXT", help=N_("English name"))
    edit.add_argument("--clear-contacts", action="store_true", help=N_("remove its phone numbers first"))
    edit.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help=N_("print the saved centre as JSON"))
    edit.set_defaults(func=run_edit)
    remove = actions.add_parser("remove", parents=[common], help=N_("remove a centre from this site's list"))
    remove.add_argument("centre", type=text_argument, metavar="ID|NAME", help=N_("the centre's id or name"))
    remove.set_defaults(func=run_remove)
    imp = actions.add_parser("import", parents=[common], help=N_("add or update centres from a CSV file (all rows or none)"))
    imp.add_argument("file", type=Path, metavar="FILE.csv")
    imp.set_defaults(func=run_import)
    exp = actions.add_parser("export", parents=[common], help=N_("write this site's list to a CSV file"))
    exp.add_argument("file", type=output_argument, metavar="FILE.csv")
    exp.set_defaults(func=run_export)


def _site_entries() -> list[SiteEntry]:
    """The site's own centres for the finder; none when the user database does not exist yet
    (listing never creates it) or cannot be read (the KB's centres are listed all the same)."""
    from desktop import paths

    if not paths.user_db_path().exists():
        return []
    from desktop.userdata import db, site_centres

    try:
        conn = db.open_user_db(read_only_ok=True)
    except db.UserDbError as exc:
        sys.stderr.write(f"cartref: note: {exc}\n")
        return []
    try:
        return [entry(c) for c in site_centres.list_all(conn)]
    finally:
        conn.close()


def entry(c: Any) -> SiteEntry:
    """A SiteCentre as the finder's SiteEntry."""
    return SiteEntry(c.as_center(), c.origin,
                     tuple({"label": p.label, "number": p.number, "display": p.display} for p in c.phones))


def _lang(args: argparse.Namespace) -> str:
    return str(getattr(args, "lang", "en") or "en")


def _open_db() -> Any:
    from desktop.userdata import db

    return db.open_user_db()


def _tools(args: argparse.Namespace) -> Any:
    from desktop.geo.gazetteer import Gazetteer
    from desktop.handouts.centre_tools import tools

    return tools(Gazetteer(open_for(args)))


def _field_error(exc: Any, lang: str) -> UserInputError:
    """A field error as one line in `lang`, naming the option it came from."""
    option = {"name_en": "--name", "name_zh": "--name-zh", "city": "--city", "lat": "--coordinates",
              "lon": "--coordinates", "phones": "--contact", "products": "--product", "notes": "--notes",
              "country": "--country"}.get(exc.field, exc.field)
    return UserInputError(f"{option}: {exc.text(lang)}")


def _raw(args: argparse.Namespace, base: dict[str, Any]) -> dict[str, Any]:
    raw = dict(base)
    if getattr(args, "name", None) is not None:
        raw["name_en"] = args.name
    for option, key in (("name_zh", "name_zh"), ("country", "country"), ("notes", "notes")):
        if getattr(args, option, None) is not None:
            raw[key] = getattr(args, option)
    if args.city is not None:
        raw["city"] = args.city
        if args.coordinates is None:
            raw["lat"] = raw["lon"] = ""
    if args.coordinates is not None:
        lat, sep, lon = args.coordinates.replace("，", ",").partition(",")
        if not sep:
            _ = gettext(_lang(args))
            raise UserInputError(_("--coordinates: use LAT,LON, e.g. 25.04,102.71"))
        raw["lat"], raw["lon"] = lat.strip(), lon.strip()
    if getattr(args, "clear_contacts", False):
        raw["phones"] = []
    if args.contact:
        raw["phones"] = [*raw.get("phones", []), *args.contact]
    if args.product:
        raw["products"] = list(args.product)
    return raw


def _products(args: argparse.Namespace, raw: dict[str, Any]) -> dict[str, Any]:
    """Product names typed as a brand or code (`FUCASO`, `CT103A`) stored as therapy ids."""
    if args.product:
        finder = CentreFinder(open_for(args))
        raw["products"] = [finder.therapy_id(p) for p in args.product]
    return raw


def _print_saved(args: argparse.Namespace, centre: Any, message: str) -> None:
    if getattr(args, "json", False):
        print_json(centre.to_json())
    else:
        sys.stdout.write(message + "\n")


def run_add(args: argparse.Namespace) -> int:
    from desktop.userdata import site_centres

    lang = _lang(args)
    _ = gettext(lang)
    try:
        centre = site_centres.validate(_products(args, _raw(args, {"phones": []})), _tools(args))
    except site_centres.CentreFieldError as exc:
        raise _field_error(exc, lang) from None
    conn = _open_db()
    try:
        saved = site_centres.add(conn, centre)
    except site_centres.CentreFieldError as exc:
        raise _field_error(exc, lang) from None
    finally:
        conn.close()
    _print_saved(args, saved, _("Added %(name)s (%(id)s) to this site's list.") % {"name": _shown_name(saved, lang), "id": saved.id})
    return 0


def _existing(conn: Any, key: str, lang: str) -> Any:
    from desktop.userdata import site_centres

    found = site_centres.find(conn, key)
    if found is None:
        _ = gettext(lang)
        raise UserInputError(_("no centre %(key)s on this site's list (see `cartref centers --kind site`)") % {"key": repr(key)})
    return found


def run_edit(args: argparse.Namespace) -> int:
    from desktop.userdata import site_centres

    lang = _lang(args)
    _ = gettext(lang)
    conn = _open_db()
    try:
        old = _existing(conn, args.centre, lang)
        base = {
            "name_en": old.name_en, "name_zh": old.name_zh, "city": old.city, "country": old.country,
            "lat": "" if old.coord_precision == "city" else repr(old.lat),
            "lon": "" if old.coord_precision == "city" else repr(old.lon),
            "phones": [p.as_text() for p in old.phones], "products": list(old.products), "notes": old.notes,
        }
        if not old.city and old.coord_precision == "city":
            base["lat"], base["lon"] = repr(old.lat), repr(old.lon)
        try:
            centre = site_centres.validate(_products(args, _raw(args, base)), _tools(args), centre_id=old.id,
                                           origin=old.origin)
        except site_centres.CentreFieldError as exc:
            raise _field_error(exc, lang) from None
        saved = site_centres.update(conn, centre)
    finally:
        conn.close()
    _print_saved(args, saved, _("Saved %(name)s (%(id)s).") % {"name": _shown_name(saved, lang), "id": saved.id})
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from desktop.userdata import site_centres

    lang = _lang(args)
    conn = _open_db()
    try:
        old = _existing(conn, args.centre, lang)
        site_centres.remove(conn, old.id)
    finally:
        conn.close()
    _ = gettext(lang)
    sys.stdout.write(_("Removed %(name)s (%(id)s) from this site's list.") % {"name": _shown_name(old, lang), "id": old.id} + "\n")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from desktop.readlimits import FileTooLarge, NotRegularFile, read_regular
    from desktop.userdata import site_centres

    lang = _lang(args)
    _ = gettext(lang)
    try:
        text = read_regular(args.file, 16 * 1024 * 1024).decode("utf-8")
    except UnicodeDecodeError:
        raise UserInputError(_("%(file)s is not UTF-8 text") % {"file": args.file}) from None
    except (FileTooLarge, NotRegularFile) as exc:
        raise UserInputError(str(exc)) from None
    except OSError as exc:
        raise UserInputError(f"{args.file}: {exc.strerror or exc}") from None
    centres = site_centres.from_csv(text, _tools(args), lang=lang)
    conn = _open_db()
    try:
        n = site_centres.save_many(conn, centres)
    finally:
        conn.close()
    sys.stdout.write(_("Imported %(n)s centre(s) from %(file)s.") % {"n": n, "file": args.file} + "\n")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from desktop.fileio import write_bytes_atomic
    from desktop.userdata import db, site_centres

    lang = _lang(args)
    conn = db.open_user_db(read_only_ok=True) if _db_exists() else None
    try:
        centres = site_centres.list_all(conn) if conn is not None else []
    finally:
        if conn is not None:
            conn.close()
    write_bytes_atomic(args.file, site_centres.to_csv(centres).encode("utf-8"))
    _ = gettext(lang)
    sys.stdout.write(_("Wrote %(n)s centre(s) to %(file)s.") % {"n": len(centres), "file": args.file} + "\n")
    return 0


def _db_exists() -> bool:
    from desktop import paths

    return paths.user_db_path().exists()
