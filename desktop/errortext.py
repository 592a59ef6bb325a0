"""One-line messages written in English elsewhere, read in the interface language.

Most errors are raised with a plain English sentence (a library's, argparse's, or one of ours
written before the catalogue existed). `translate_line` finds the sentence among the patterns
below, translates the pattern through the catalogue and fills in the parts it captured,
themselves translated when they are known words (an OS error, a field name). A line no pattern
fits is returned as it is: better English than nothing.

Ground floor (stdlib only); the patterns are compiled once, on the first non-English line.
"""

from __future__ import annotations

import functools
import re

from desktop.i18n import N_, gettext

PATTERNS: tuple[str, ...] = (
    # argparse (Python 3.11 wording)
    N_("argument %(argument)s: %(message)s"),
    N_("invalid choice: %(value)s (choose from %(choices)s)"),
    N_("the following arguments are required: %(names)s"),
    N_("unrecognized arguments: %(names)s"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("invalid %(type)s value: %(value)s"),
    N_("one of the arguments %(names)s is required"),
    N_("not allowed with argument %(other)s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %(value)s"),
    # our argparse types
    N_("needs a whole number, not %(value)s"),
    N_("needs a number, not %(value)s"),
    N_("needs a number in °C, not %(value)s"),
    N_("needs a grade 0-4, not %(value)s"),
    N_("needs hours separated by commas, not %(value)s"),
    N_("needs a whole number of days, not %(value)s"),
    N_("needs 0 or more days, not %(value)s"),
    N_("needs a date YYYY-MM-DD, not %(value)s"),
    N_("needs a date as YYYY-MM-DD, not %(value)s"),
    N_("--limit needs a whole number, not %(value)s"),
    N_("--limit must be between 1 and 200"),
    N_("not a whole number: %(value)s"),
    N_("must be at least 1"),
    N_("unknown language %(value)s (use en or zh)"),
    N_("the text is not valid UTF-8"),
    N_("the text cannot contain control characters"),
    # clinical ranges (desktop.clinical)
    N_("%(name)s must be a whole number from %(low)s to %(high)s, not %(value)s"),
    N_("%(name)s must be from %(low)s to %(high)s, not %(value)s"),
    N_("%(name)s must be one of %(choices)s; got %(value)s"),
    N_("%(name)s must be a number of 0 or more, not %(value)s"),
    N_("not available: the per-item points of Rejeski 2021 were not read in the primary source"),
    N_("doses given cannot be negative, not %(value)s"),
    N_("%(name)s must be a number, not %(value)s"),
    N_("weight must be from %(low)s to %(high)s kg, not %(value)s"),
    N_("doses given must be a whole number of 0 or more, not %(value)s"),
    N_("dose times are hours before now and cannot be negative"),
    N_("doses given (%(n)s) does not match the %(times)s dose times"),
    N_("hours since the last dose does not match the latest dose time"),
    N_("hours since the last dose cannot be negative, not %(value)s"),
    N_("give the temperature in °C or in °F, not both"),
    N_("temperature must be from 86 to 113 °F, not %(value)s"),
    N_("temperature must be from 30 to 45 °C, not %(value)s"),
    N_("line %(line)s: %(name)s must be a number, not %(value)s"),
    N_("line %(line)s: %(name)s must be from %(low)s to %(high)s, not %(value)s"),
    N_("line %(line)s: day must be a whole number, not %(value)s"),
    N_("line %(line)s: day %(day)s appears twice"),
    N_("the counts file is empty; it needs a header line: day,anc[,plt]"),
    N_("the counts file needs a header line with day and anc (and optionally plt)"),
    N_("the counts file has a header but no counts"),
    N_("ANC must be from 0 to %(high)s per µL, not %(value)s"),
    # files, paths and the KB
    N_("cannot read %(path)s: %(why)s"),
    N_("cannot write %(path)s: %(why)s"),
    N_("cannot write %(path)s: folder %(folder)s does not exist"),
    N_("cannot write %(path)s: it is a folder; give a file name"),
    N_("cannot create %(path)s: %(why)s"),
    N_("knowledge base not found: %(path)s"),
    N_("knowledge base is damaged (%(why)s): %(path)s"),
    N_("knowledge base failed its integrity check: %(path)s"),
    N_("file not found: %(path)s"),
    N_("key file not found: %(path)s"),
    N_("%(path)s is not a plain file"),
    N_("%(path)s already exists; refusing to overwrite it"),
    N_("%(path)s already exists; refusing to overwrite a key"),
    N_("no file name given"),
    N_("a file name cannot contain a NUL character"),
    N_("the file name %(path)s is not valid text (UTF-8); choose another name"),
    N_("cannot write %(path)s: it is a device or a pipe, not a file"),
    N_("cannot write into %(path)s: it is not a folder"),
    N_("the file was not written completely"),
    # handouts and dates
    N_("unknown handout %(name)s (known: %(names)s)"),
    N_("unknown centre %(name)s (see `cartref centers`)"),
    N_("--%(field)s-date: %(message)s"),
    N_("%(text)s does not exist in the calendar"),
    N_("%(text)s is not a date: use YYYY-MM-DD, e.g. 2026-03-14"),
    N_("give either a handout NAME or --all, not both"),
    N_("--all needs --out-dir DIR"),
    N_("name a handout (see `cartref handout --list`) or use --all"),
    N_("--out FILE.pdf is required"),
    N_("needs --infusion-date"),
    N_("the label of %(product)s has no delayed-neurotoxicity warning"),
    # places (desktop.geo)
    N_("no place called %(place)s; did you mean: %(hints)s?"),
    N_("no place called %(place)s"),
    N_("coordinates out of range: %(text)s (latitude -90..90, longitude -180..180)"),
    N_("malformed coordinates: %(text)s (use LAT,LON, e.g. 30.58,114.27)"),
    N_("no place given (type a city, e.g. Wuhan or 武汉, or LAT,LON)"),
    N_("this knowledge base has no place names; give coordinates as LAT,LON"),
    # packs
    N_("There is no installed or previous knowledge base to roll back to."),
    N_("There is nothing to roll back to (%(why)s); apply a pack again."),
    N_("give exactly one of: a public-key file, --revoke KEY, --rotation FILE"),
    N_("version %(value)s is not dotted numbers such as 2026.12.1"),
    N_("The pack file %(path)s does not exist."),
    N_("%(path)s is not a file."),
    N_("The pack file cannot be read (%(why)s)."),
    N_("The pack file is damaged or incomplete (not a readable zip archive), so it was not applied."),
    N_("The file is not a signed content pack (no manifest or signature), so it was not applied."),
    N_("The pack's signature file is malformed, so the pack cannot be trusted and was not applied."),
    N_("The pack is signed by a key that was revoked (%(fingerprint)s), so it was not applied."),
    N_("The pack is signed by an unknown key (%(fingerprint)s); it was not applied (trust that key with "
       "`cartref pack trust` only if you know who owns it)."),
    N_("The pack's signature does not match its contents (it was changed after %(name)s signed it), so it was not "
       "applied."),
    N_("Pack %(version)s expired on %(date)s; a newer pack may exist, so it was not applied (use --accept-expired to "
       "install it anyway)."),
    N_("Pack version %(new)s is the same as %(what)s %(against)s, so it was not applied (use --allow-downgrade to "
       "install it anyway)."),
    N_("Pack version %(new)s is older than %(what)s %(against)s, so it was not applied (use --allow-downgrade to "
       "install it anyway)."),
    N_("There is not enough free disk space to apply the pack; the installed knowledge base is unchanged."),
    N_("No content pack is installed (the program uses its bundled knowledge base), so there is nothing to export."),
    N_("Another knowledge-base update is running; try again when it has finished."),
    N_("Could not roll back (%(why)s); the installed knowledge base is unchanged."),
    N_("Could not write %(path)s (%(why)s)."),
    # the KB's own checks (desktop.kb.verify, desktop.kb.diff) and the build's data folder
    N_("%(path)s: file not found"),
    N_("%(path)s: cannot open: %(why)s"),
    N_("%(path)s: damaged: %(why)s"),
    N_("KB file not found: %(path)s"),
    N_("%(where)s: data folder not found"),
)
"""English one-line messages with `%(name)s` parts; each must be in the catalogue."""

WORDS: tuple[str, ...] = (
    # OS errors (strerror)
    N_("No such file or directory"),
    N_("Permission denied"),
    N_("Is a directory"),
    N_("Not a directory"),
    N_("File exists"),
    N_("No space left on device"),
    N_("Read-only file system"),
    N_("File name too long"),
    # argparse type names and clinical field names shown in messages
    N_("int"),
    N_("float"),
    N_("orientation"),
    N_("naming"),
    N_("commands"),
    N_("writing"),
    N_("attention"),
    N_("temperature"),
    N_("ICE score"),
    N_("weight"),
    N_("infusion"),
    N_("leukapheresis"),
    N_("anc"),
    N_("plt"),
    # argparse's names of positional arguments (their `dest`)
    N_("kind"),
    N_("id"),
    N_("command"),
    N_("query"),
    N_("name"),
    N_("path"),
    N_("file"),
    N_("old"),
    N_("new"),
    N_("tool"),
    N_("drug"),
    N_("kb_command"),
    N_("pack_command"),
    N_("feedback_command"),
)
"""Parts of a message that are translated on their own when a pattern captured them."""

_PART = re.compile(r"%\((\w+)\)s")


@functools.cache
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    # the pattern with the most fixed text first: "cannot write X: folder Y does not exist" before
    # "cannot write X: Y"
    for msgid in sorted(PATTERNS, key=lambda p: -len(_PART.sub("", p))):
        pieces = _PART.split(msgid)  # literal, name, literal, name, ..., literal
        regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(pieces))
        out.append((re.compile(f"^{regex}$", re.DOTALL), msgid))
    return tuple(out)


def translate_line(text: str, lang: str | None) -> str:
    """`text` in `lang` when it is (or is made of) a known message, else `text` unchanged."""
    if not lang or lang.lower().startswith("en") or not text:
        return text
    _ = gettext(lang)
    if text in WORDS:
        return _(text)
    for regex, msgid in _compiled():
        m = regex.match(text)
        if m is None:
            continue
        values = {k: _part(v, lang) for k, v in m.groupdict().items()}
        return _(msgid) % values
    return text


def _part(value: str, lang: str) -> str:
    """A captured part: a known message or word, or a list of them ("kind, id"), translated."""
    whole = translate_line(value, lang)
    if whole != value or ", " not in value:
        return whole
    return ", ".join(translate_line(v, lang) for v in value.split(", "))
