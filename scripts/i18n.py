"""Translation catalogues: extract/merge (`make i18n`) and check (`make i18n-check`, a unit test).

Two kinds, one workflow (docs/i18n.md):
- Qt widgets: `QCoreApplication.translate`/`tr` -> resources/i18n/<area>_<locale>.ts, merged by
  pyside6-lupdate, compiled to .qm by pyside6-lrelease (the Makefile).
- everything else (grading reasons, comparison labels, handouts, CLI messages): gettext
  catalogue `cartref` -> resources/locale/cartref.pot and <locale>/LC_MESSAGES/cartref.po,
  extracted and merged by Babel, compiled to .mo by `pybabel compile` (the Makefile).
Babel and lupdate are build tools: the program itself reads the .qm/.mo with Qt and stdlib gettext.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale"
POT = LOCALE / "cartref.pot"
TS_DIR = ROOT / "resources" / "i18n"
UI = ROOT / "desktop" / "ui"

KEYWORDS = ("-k", "Msg", "-k", "NMsg:1,2", "-k", "p_:1c,2", "-k", "N_", "-k", "NP_:1c,2", "-k", "n_:1,2")
"""Besides Babel's defaults (_, gettext, ngettext, pgettext, ...): the markers desktop/i18n.py defines."""

TS_AREAS: dict[str, tuple[str, ...]] = {
    "clinical": ("views/grading_view.py", "views/clinical_tools.py"),
    "geo": ("views/centres_view.py",),
    "governance": ("views/calendar_view.py", "views/changes_view.py", "views/feedback_dialogs.py",
                   "views/timeline_view.py"),
    "handouts": ("views/handouts_view.py",),
    "packs": ("views/pack_import.py",),
}
"""Which widgets' texts go into which .ts (under desktop/ui/); `ui` takes every other file."""


def _bin(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def ts_sources() -> dict[str, list[Path]]:
    named = {area: [UI / f for f in files] for area, files in TS_AREAS.items()}
    taken = {p for files in named.values() for p in files}
    named["ui"] = sorted(p for p in UI.rglob("*.py") if p not in taken)
    return named


def extract_pot(out: Path) -> None:
    subprocess.run([_bin("pybabel"), "extract", "-F", str(LOCALE / "babel.cfg"), *KEYWORDS,
                    "--add-comments=TRANSLATORS:", "--sort-output", "--no-location", "--no-wrap", "--project=cartref",
                    "-o", str(out), "."], cwd=ROOT, check=True, capture_output=True)


def lupdate(ts: Path, sources: list[Path]) -> None:
    """Merge the widgets' texts into `ts`. A text lupdate no longer finds stays, marked vanished,
    and fails the check: the code dropped it, or hides it from lupdate (`tr(ctx, text)`,
    `translate(ctx, variable)`); either way a person decides, not the merge."""
    # No source locations: line numbers change with every edit and made each merge of two
    # branches conflict in the catalogues; the context and the text identify a message.
    subprocess.run([_bin("pyside6-lupdate"), *map(str, sources), "-locations", "none", "-ts", str(ts)],
                   check=True, capture_output=True)


def extract() -> int:
    """Code -> .pot -> every .po; code -> every .ts. Translations are kept; new messages arrive empty."""
    extract_pot(POT)
    subprocess.run([_bin("pybabel"), "update", "-D", "cartref", "-i", str(POT), "-d", str(LOCALE), "--no-wrap",
                    "--ignore-obsolete", "--previous"], cwd=ROOT, check=True)
    for area, sources in ts_sources().items():
        for ts in sorted(TS_DIR.glob(f"{area}_*.ts")):
            lupdate(ts, sources)
            print(f"updated {ts.relative_to(ROOT)}")
    return 0


def po_problems(po: Path) -> list[str]:
    """Untranslated or fuzzy entries and placeholders that differ from the English."""
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh)
    rel = po.relative_to(ROOT)
    problems = []
    for msg in catalog:
        if not msg.id:
            continue
        where = f"{rel}:{msg.lineno}"
        strings = msg.string if isinstance(msg.string, tuple) else (msg.string,)
        if msg.fuzzy:
            problems.append(f"{where}: fuzzy: {msg.id!r}")
        elif not all(strings):
            problems.append(f"{where}: untranslated: {msg.id!r}")
    for msg, errors in catalog.check():
        problems += [f"{rel}:{msg.lineno}: {err}" for err in errors]
    return problems


_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_PLACEHOLDERS = re.compile(r"%\([^)]*\)[sdif]|%[sdn1-9]|\{\d*\}|<[^>]+>|&[a-z]+;|https?://\S+|\(&[A-Za-z]\)"
                           r"|\((?:\*|\{\d\})[^)]*\)|;;|纬度,经度")
"""Not prose: placeholders, markup, mnemonics, a file dialog's filters ("PDF 文件 (*.pdf)", which Qt
reads by their ASCII brackets) and the typed syntax of a coordinate pair (纬度,经度)."""
_ASCII_IN_CHINESE = re.compile(rf"(?<=[{_CJK}]) ?[,:;()?!]|[,:;()?!] ?(?=[{_CJK}])")
"""ASCII , : ; ( ) ? ! with a Chinese character beside it (a space between allowed)."""


def halfwidth_in_chinese(text: str) -> list[str]:
    """The ASCII punctuation marks inside Chinese sentences of `text` (they should be full width:
    ，：；（）？！). Placeholders, markup, mnemonics and Latin text between them are not checked."""
    return [m.group().strip() for m in _ASCII_IN_CHINESE.finditer(_PLACEHOLDERS.sub("\x00", text))]


def punctuation_problems() -> list[str]:
    """Chinese translations in every catalogue with half-width punctuation in a Chinese sentence."""
    from babel.messages.pofile import read_po

    problems = []
    for ts in sorted(TS_DIR.glob("*_zh*.ts")):
        rel = ts.relative_to(ROOT)
        for context in ET.parse(ts).getroot().iter("context"):
            for message in context.iter("message"):
                tr = message.find("translation")
                for text in ([] if tr is None else ["".join(tr.itertext())]):
                    marks = halfwidth_in_chinese(text)
                    if marks:
                        problems.append(f"{rel}: {context.findtext('name')}: half-width {' '.join(marks)} in Chinese: {text!r}")
    for po in sorted(LOCALE.glob("zh*/LC_MESSAGES/cartref.po")):
        with po.open("rb") as fh:
            catalog = read_po(fh)
        for msg in catalog:
            strings = msg.string if isinstance(msg.string, tuple) else (msg.string,)
            for text in strings:
                marks = halfwidth_in_chinese(text or "")
                if msg.id and marks:
                    problems.append(f"{po.relative_to(ROOT)}:{msg.lineno}: half-width {' '.join(marks)} in Chinese: {text!r}")
    return problems


def stale_outputs() -> list[str]:
    pairs = [(ts, ts.with_suffix(".qm")) for ts in TS_DIR.glob("*.ts")]
    pairs += [(po, po.with_suffix(".mo")) for po in LOCALE.glob("*/LC_MESSAGES/cartref.po")]
    return [f"{out.relative_to(ROOT)}: missing or older than {src.name} (run `make i18n`)"
            for src, out in sorted(pairs) if not out.exists() or out.stat().st_mtime < src.stat().st_mtime]


def unextracted() -> list[str]:
    """Messages in the code that a catalogue lacks: the code changed without `make i18n`."""
    from babel.messages.pofile import read_po

    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "cartref.pot"
        extract_pot(fresh)
        with fresh.open("rb") as fh:
            wanted = {(m.context, m.id) for m in read_po(fh) if m.id}
        for po in sorted(LOCALE.glob("*/LC_MESSAGES/cartref.po")):
            with po.open("rb") as fh:
                have = {(m.context, m.id) for m in read_po(fh) if m.id}
            problems += [f"{po.relative_to(ROOT)}: not in the catalogue (run `make i18n`): {mid!r}"
                         for _, mid in sorted(wanted - have, key=str)]
        for area, sources in ts_sources().items():
            for ts in sorted(TS_DIR.glob(f"{area}_*.ts")):
                copy = Path(tmp) / ts.name
                copy.write_bytes(ts.read_bytes())
                lupdate(copy, sources)
                problems += ts_problems(copy, ts)
    return problems


def ts_problems(ts: Path, original: Path | None = None) -> list[str]:
    """Unfinished (untranslated or not yet approved), empty or vanished Qt messages; of a merged copy
    reported under the original's name."""
    rel = (original or ts).relative_to(ROOT)
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            tr = message.find("translation")
            kind = tr.get("type") if tr is not None else "missing"
            if kind in ("obsolete", "vanished"):
                out.append(f"{rel}: {name}: no longer found in the code by lupdate: {message.findtext('source')!r}")
            elif kind in ("unfinished", "missing") or tr is None or not "".join(tr.itertext()):
                out.append(f"{rel}: {name}: not translated (run `make i18n`): {message.findtext('source')!r}")
    return out


def check(*, with_code: bool = True) -> list[str]:
    problems = []
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/cartref.po")):
        problems += po_problems(po)
    for ts in sorted(TS_DIR.glob("*.ts")):
        problems += ts_problems(ts)
    problems += punctuation_problems()
    problems += stale_outputs()
    if with_code:
        problems += unextracted()
    return problems


def main(argv: list[str]) -> int:
    if argv[:1] == ["extract"]:
        return extract()
    if argv[:1] == ["check"]:
        problems = check()
        for p in problems:
            print(p)
        print(f"i18n-check: {'FAILED, ' + str(len(problems)) + ' problem(s)' if problems else 'ok'}")
        return 1 if problems else 0
    print("usage: python scripts/i18n.py extract|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
