"""`cartref --self-test`: prove, headless, that this build works (also inside the bundle).

Checks the KB opens and verifies, search finds known pages in English and Chinese, a handout
renders to PDF with Chinese text in it, the compiled translations (.qm, .mo) load, and the map
outlines load. Prints `self-test: ok`.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def _check_kb() -> str:
    from desktop.kb.store import open_kb
    from desktop.kb.verify import verify_kb

    opened = open_kb()
    problems = verify_kb(opened.kb.path)
    if problems:
        raise RuntimeError(f"KB verify: {problems[0]}")
    if opened.installed_problem:  # the program still works, on the bundled copy, but say so (F8)
        raise RuntimeError(f"the installed knowledge base is damaged ({opened.installed_problem}); "
                           f"the bundled copy at {opened.kb.path} is in use")
    meta = opened.kb.meta()
    return f"KB {meta.kb_version} ({meta.short_hash}, {opened.source}) at {opened.kb.path}"


def _check_search() -> str:
    from desktop.kb.store import open_kb

    kb = open_kb().kb
    found = []
    for query, lang, expected in (
        ("cytokine release syndrome", "en", "crs"),
        ("细胞因子释放综合征", "zh-Hans", "crs"),
        ("FUCASO", None, "eque-cel"),
    ):
        ids = [h.id for h in kb.search(query, lang=lang, limit=20).hits]
        if not any(expected in i for i in ids):
            raise RuntimeError(f"search {query!r} did not find {expected!r}")
        found.append(query)
    return f"search found {len(found)} known pages"


def _check_handout() -> str:
    from desktop.handouts.selfcheck import render_check

    with tempfile.TemporaryDirectory() as tmp:
        return render_check(Path(tmp))


def _check_translations() -> str:
    """Both kinds of compiled catalogue are there: a build that skipped `make i18n` shows English."""
    import gettext

    from desktop import i18n, paths
    from desktop.handouts.catalog import HANDOUTS

    qm = sorted(paths.resource_path("i18n").glob("*.qm"))
    if not qm:
        raise RuntimeError("no compiled Qt translations (.qm) in resources/i18n")
    locales = sorted(p.parent.parent.name for p in Path(i18n.locale_dir()).glob(f"*/LC_MESSAGES/{i18n.DOMAIN}.mo"))
    if "zh_Hans" not in locales:
        raise RuntimeError(f"no compiled gettext catalogue (.mo) for zh_Hans in {i18n.locale_dir()}")
    for locale in locales:
        translated = gettext.translation(i18n.DOMAIN, i18n.locale_dir(), [locale]).gettext(HANDOUTS[0].title_en)
        if translated == HANDOUTS[0].title_en:
            raise RuntimeError(f"the {locale} catalogue does not translate {HANDOUTS[0].title_en!r}")
    return f"{len(qm)} Qt and {len(locales)} gettext catalogue(s)"


def _check_map() -> str:
    from desktop.geo.outlines import load_outlines

    outlines = load_outlines()
    if not outlines:
        raise RuntimeError("map outlines are empty")
    return f"{len(outlines)} map outlines"


CHECKS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("knowledge base", _check_kb),
    ("search", _check_search),
    ("handout", _check_handout),
    ("translations", _check_translations),
    ("map", _check_map),
)


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    failed = 0
    for name, check in CHECKS:
        started = time.perf_counter()
        try:
            detail = check()
        except Exception as exc:  # report every failing part, one line each
            failed += 1
            sys.stdout.write(f"self-test: {name}: FAILED: {type(exc).__name__}: {exc}\n")
            continue
        sys.stdout.write(f"self-test: {name}: ok ({detail}; {time.perf_counter() - started:.2f} s)\n")
    if failed:
        sys.stdout.write(f"self-test: FAILED ({failed} of {len(CHECKS)})\n")
        return 1
    sys.stdout.write("self-test: ok\n")
    return 0
