"""Search questions that name a place go to the centre finder (issue 17).

`武汉哪家医院可以做` or `hospital near Kunming` is a question about where to be treated: the
nearest centres to the place lead the results, nearest first, as ordinary `center` hits (so
`cartref search --json` keeps its shape and the window shows them as the first group). The
words that mark such a question are content (data/lay_terms.yaml, `route: centres`). A bare
place name (`武汉`, `Kunming`) counts as the question too.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Protocol

from desktop.kb.records import SearchHit, SearchResult
from desktop.kb.text import normalise

if TYPE_CHECKING:
    from desktop.geo.gazetteer import Origin
    from desktop.geo.nearest import CentreFinder

ROUTE = "centres"
NEAREST = 5
MIN_POPULATION = 100_000  # a village called like a common word never hijacks a question
_WORD = r"[^\W\d_]+"
SHORT = 3  # a query of at most this many words may be a bare place name (武汉, New York)


@functools.cache
def _cjk_run() -> re.Pattern[str]:
    """Compiled on first use (a class over the ideographs takes milliseconds to compile)."""
    return re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _is_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u4dbf" or "\u4e00" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


class _KB(Protocol):
    def route_terms(self, route: str) -> list[str]: ...


def _asks_where(text: str, terms: list[str]) -> tuple[bool, str]:
    """Whether the question asks where to be treated, and the text without those words."""
    found = False
    for term in sorted(terms, key=len, reverse=True):
        if term not in text:
            continue
        pattern = re.escape(term) if _is_cjk(term) else rf"\b{re.escape(term)}\b"
        text, n = re.subn(pattern, " ", text)
        found = found or n > 0
    return found, text


def named_place(finder: CentreFinder, terms: list[str], query: str) -> Origin | None:
    """The place a where-to-be-treated question names (None when it names none or does not
    ask); `terms` are the words that ask (a bare place name asks too)."""
    from desktop.geo.gazetteer import Origin

    text = normalise(query)[:200]
    asks, rest = _asks_where(text, terms)
    gazetteer = finder.gazetteer
    if not gazetteer.available:
        return None
    candidates: list[str] = []
    for run in _cjk_run().findall(rest):
        # Longest first: 乌鲁木齐 before 乌鲁.
        candidates += [run[i:i + size] for size in range(min(len(run), 6), 1, -1) for i in range(len(run) - size + 1)]
    words = re.findall(_WORD, rest)
    candidates += [" ".join(words[i:i + 2]) for i in range(len(words) - 1)]
    candidates += [w for w in words if len(w) >= 3]
    for name in candidates:
        for place in gazetteer.candidates(name, limit=1):
            if place.population < MIN_POPULATION:
                continue
            leftover = rest.replace(name, " ", 1)
            if asks or not (_cjk_run().search(leftover) or re.search(_WORD, leftover)):
                return Origin(place.lat, place.lon, place=place, query=name)
    return None


def with_nearest_centres(kb: _KB, result: SearchResult, *, lang: str = "en", kind: str | None = None,
                         limit: int = 20) -> SearchResult:
    """`result` with the centres nearest to the place its question names in front (unchanged
    when the question names no place or `kind` asks for something other than centres)."""
    if kind not in (None, "center") or not result.query.strip():
        return result
    terms = kb.route_terms(ROUTE)
    text = normalise(result.query)[:200]
    asks, rest = _asks_where(text, terms)
    if not asks and len(rest.split()) > SHORT:
        return result  # neither asks where nor is short enough to be a bare place name
    from desktop.geo.nearest import CentreFinder  # only a search that may name a place needs it

    finder = CentreFinder(kb)  # type: ignore[arg-type]
    origin = named_place(finder, terms, result.query)
    if origin is None:
        return result
    near = finder.find(origin=origin, limit=NEAREST).hits
    front: list[SearchHit] = []
    for hit in near:
        c = hit.center
        km = hit.distance_km or 0.0
        city = c.city_zh if lang.startswith("zh") and c.city_zh else c.city
        front.append(SearchHit(kind="center", id=c.id, title=c.name(lang), snippet=f"{city} · {km:,.0f} km",
                               score=round(1000.0 / (1.0 + km), 4), lang="zh-Hans" if lang.startswith("zh") else "en"))
    # The nearest centres replace the centres the words found ("医院" is in every hospital's
    # name); text hits found only by "correcting" the place name (Kunming -> wenming) go.
    others = [] if result.corrected else [h for h in result.hits if h.kind != "center"]
    return result._replace(hits=tuple([*front, *others][:max(limit, len(front))]), corrected=None)
