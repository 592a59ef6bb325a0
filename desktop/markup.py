"""Content Markdown -> HTML (the reader, the handouts) and -> plain text (the search index).

The one place that knows the content's markup: CommonMark with tables and strikethrough, raw
HTML escaped, `[@ID]` / `[@ID1; @ID2]` citations and glossary terms. Citations are an inline
rule of markdown-it (a `cite` token, so a citation in a table cell, a list or a heading is one
like any other, and one inside code stays code); glossary terms are found by a core rule over
the text tokens, so links, headings and code are never touched. Each caller decides how a
citation prints (numbered links in the reader, `[R1]` on paper) by passing a function.

Ground floor: no Qt, no KB. markdown-it is imported on the first conversion, not with this
module: the window's first frame (the home page) converts no Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

# Patterns as text: `re` compiles each on first use and caches it, so importing this module
# (on the window's start-up path) compiles none.
CITE = r"\[@([^\]]+)\]"
"""A citation group in content text: `[@R1]`, `[@R1; @R5]`; group 1 is what is inside."""
_CITE_SPLIT = r"[;,]"
_STRONG = r"(?<![*\\`])\*\*(?=\S)([^*`\n]+?)(?<=\S)\*\*(?!\*)"
_STRONG_OPEN, _STRONG_CLOSE = "\ue020", "\ue021"
_SPACES = r"\s+"
_TAG_SPLIT = r"(<[^>]+>)"
_SKIP_TAGS = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "sup"}
"""Where a glossary term is never linked (in HTML; the Markdown rule skips the same places)."""

# html.escape(quote=True) as one translate: the html module pulls in html.entities (~3 ms
# of start-up) for unescaping, which this program never does here.
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def esc(text: object) -> str:
    """HTML-escape text (quotes too), for attributes and element text alike."""
    return str(text).translate(_ESCAPES)


# -- citations ---------------------------------------------------------------------------
def split_cite_ids(raw: str) -> list[str]:
    """What is inside one citation group -> its ids: `@R1; @R5` -> ['R1', 'R5']."""
    return [p.strip().lstrip("@").strip() for p in re.split(_CITE_SPLIT, raw) if p.strip().lstrip("@").strip()]


def cite_groups(text: str) -> list[str]:
    """The inside of every citation group in `text`, in order (`[@R1; @R5]` -> '@R1; @R5' without the first @)."""
    return re.findall(CITE, text)


def cite_ids(text: str) -> list[str]:
    """Every id cited in `text`, in order, repeats kept."""
    return [i for group in cite_groups(text) for i in split_cite_ids(group)]


# -- glossary terms ----------------------------------------------------------------------
class Glossary:
    """Links the first mention of each glossary term to `glossary:ID`.

    `words` are names matched as whole words (Latin script: not inside a longer word or a
    hyphenated one); `runs` are names matched anywhere (Chinese has no spaces between words).
    Both map a name to its term id; longer names win over shorter ones that start alike.
    """

    def __init__(self, words: Mapping[str, str], runs: Mapping[str, str]) -> None:
        self._ids = {**runs, **words}
        self._escaped_ids: dict[str, str] | None = None
        self._words = sorted(words, key=len, reverse=True)
        self._runs = sorted(runs, key=len, reverse=True)
        self._compiled: dict[bool, tuple[re.Pattern[str] | None, re.Pattern[str] | None]] = {}

    def __bool__(self) -> bool:
        return bool(self._ids)

    def _patterns(self, escaped: bool) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        """(word pattern, run pattern) over raw text, or over HTML-escaped text when `escaped`."""
        if escaped not in self._compiled:
            shown: Callable[[str], str] = esc if escaped else str
            words = "|".join(re.escape(shown(w)) for w in self._words)
            runs = "|".join(re.escape(shown(w)) for w in self._runs)
            self._compiled[escaped] = (
                re.compile(r"(?<![\w-])(" + words + r")(?![\w-])") if words else None,
                re.compile("(" + runs + ")") if runs else None,
            )
        return self._compiled[escaped]

    def _term_id(self, found: str, escaped: bool) -> str | None:
        if not escaped:
            return self._ids.get(found)
        if self._escaped_ids is None:
            self._escaped_ids = {esc(name): term_id for name, term_id in self._ids.items()}
        return self._escaped_ids.get(found)

    def split(self, text: str, done: set[str], *, escaped: bool = False) -> list[tuple[str, str]]:
        """`text` as (term id or '', piece) pairs; each term id is linked once (`done` records it)."""
        words, runs = self._patterns(escaped)
        pieces: list[tuple[str, str]] = [("", text)]
        for pattern in (words, runs):
            if pattern is None:
                continue
            out: list[tuple[str, str]] = []
            for term, piece in pieces:
                if term:
                    out.append((term, piece))
                    continue
                last = 0
                for m in pattern.finditer(piece):
                    term_id = self._term_id(m.group(1), escaped)
                    if term_id is None or term_id in done:
                        continue
                    done.add(term_id)
                    out += [("", piece[last:m.start()]), (term_id, m.group(1))]
                    last = m.end()
                out.append(("", piece[last:]))
            pieces = [(t, p) for t, p in out if p]
        return pieces

    def link_html(self, html: str, *, skip: str = "") -> str:
        """Link terms in HTML built outside Markdown (facts tables, lists), outside links, headings and code."""
        if not self:
            return html
        done: set[str] = {skip} if skip else set()
        depth = 0
        out: list[str] = []
        for part in re.split(_TAG_SPLIT, html):
            if part.startswith("<"):
                name = part.strip("</>").split()[0].lower() if part.strip("</>") else ""
                if name in _SKIP_TAGS:
                    depth += -1 if part.startswith("</") else (0 if part.endswith("/>") else 1)
                    depth = max(depth, 0)
                out.append(part)
            elif depth == 0 and part.strip():
                out.append("".join(_term_link(t, p) if t else p for t, p in self.split(part, done, escaped=True)))
            else:
                out.append(part)
        return "".join(out)


def glossary_from(names: Iterable[tuple[str, str]], is_run: Callable[[str], bool]) -> Glossary:
    """A `Glossary` from (name, term id) pairs; `is_run(name)` says which are matched anywhere."""
    words: dict[str, str] = {}
    runs: dict[str, str] = {}
    for name, term_id in names:
        (runs if is_run(name) else words).setdefault(name, term_id)
    return Glossary(words, runs)


def _term_link(term_id: str, shown_html: str) -> str:
    return f'<a class="gl" href="glossary:{esc(term_id)}">{shown_html}</a>'


# -- Markdown -> HTML --------------------------------------------------------------------
Cite = Callable[[list[str]], str]
"""How one citation prints: its ids -> HTML (numbered links, `[R1, R5]`, ...)."""


def to_html(md: str, *, cite: Cite | None = None, glossary: Glossary | None = None, heading_base: int = 1,
            table_attrs: str = "") -> str:
    """Content Markdown -> safe HTML (raw HTML in the source is escaped).

    `cite` prints each citation (default: `[R1, R5]`); `glossary` links the first mention of
    each term; headings are demoted so that `#` becomes `<h{heading_base}>`; `table_attrs`
    goes into every `<table ...>` tag.
    """
    env: dict[str, Any] = {
        "cite": cite or _plain_cite,
        "glossary": glossary,
        "glossary_done": set(),
        "heading_base": heading_base,
        "table_attrs": table_attrs,
    }
    html = _parser().render(_mark_strong(md), env)
    return html.replace(_STRONG_OPEN, "<strong>").replace(_STRONG_CLOSE, "</strong>")


def to_plain(md: str) -> str:
    """Content Markdown -> one line of plain text (the search index and its snippets): the words
    a reader sees, without markup, citations or link targets."""
    parts: list[str] = []
    for token in _parser().parse(_mark_strong(md), {}):
        if token.type in ("fence", "code_block"):
            parts.append(" " + token.content + " ")
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
            elif child.type == "cite" and parts:
                parts[-1] = parts[-1].rstrip()
            elif child.type == "image":
                parts.append(child.content)
        if token.type.endswith("_close") and token.block:
            parts.append(" ")
    text = "".join(parts).replace(_STRONG_OPEN, "").replace(_STRONG_CLOSE, "")
    return re.sub(_SPACES, " ", text).strip()


def _mark_strong(md: str) -> str:
    """CommonMark's flanking rules leave `**1 级：**只有` unbolded (CJK punctuation next to the
    marker): pair the markers on a line ourselves, through private-use placeholders."""
    return re.sub(_STRONG, lambda m: f"{_STRONG_OPEN}{m.group(1)}{_STRONG_CLOSE}", md)


def _plain_cite(ids: list[str]) -> str:
    return f"[{esc(', '.join(ids))}]"


_md: MarkdownIt | None = None


def _parser() -> MarkdownIt:
    """The one markdown-it parser, built on first use (markdown-it is not on the start-up path)."""
    global _md
    if _md is None:
        from markdown_it import MarkdownIt

        md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable(["table", "strikethrough"])
        md.inline.ruler.before("link", "cite", _cite_rule)
        md.core.ruler.push("glossary", _glossary_rule)
        md.add_render_rule("cite", _render_cite)
        md.add_render_rule("glossary_link", _render_glossary_link)
        md.add_render_rule("heading_open", _render_heading)
        md.add_render_rule("heading_close", _render_heading)
        md.add_render_rule("table_open", _render_table_open)
        _md = md
    return _md


def _cite_rule(state: StateInline, silent: bool) -> bool:
    """`[@...]` -> one `cite` token carrying the ids (before links, which also start at `[`)."""
    start = state.pos
    if not state.src.startswith("[@", start):
        return False
    end = state.src.find("]", start + 2)
    if end < 0:
        return False
    ids = split_cite_ids(state.src[start + 2:end])
    if not ids:
        return False
    if not silent:
        token = state.push("cite", "", 0)
        token.meta = {"ids": ids}
        token.content = state.src[start:end + 1]
    state.pos = end + 1
    return True


def _glossary_rule(state: StateCore) -> None:
    """Split text tokens at glossary terms (first mention each), outside links and headings."""
    glossary: Glossary | None = state.env.get("glossary") if isinstance(state.env, dict) else None
    if not glossary:
        return
    from markdown_it.token import Token
    done: set[str] = state.env["glossary_done"]
    in_heading = False
    for block in state.tokens:
        if block.type in ("heading_open", "heading_close"):
            in_heading = block.type == "heading_open"
        if block.type != "inline" or in_heading or not block.children:
            continue
        children: list[Token] = []
        in_link = 0
        for child in block.children:
            if child.type == "link_open":
                in_link += 1
            elif child.type == "link_close":
                in_link -= 1
            if child.type != "text" or in_link:
                children.append(child)
                continue
            for term_id, piece in glossary.split(child.content, done):
                token = Token("glossary_link" if term_id else "text", "", 0)
                token.content = piece
                token.meta = {"term": term_id}
                children.append(token)
        block.children = children


def _render_cite(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
    return str(env["cite"](list(tokens[idx].meta["ids"])))


def _render_glossary_link(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
    token = tokens[idx]
    return _term_link(token.meta["term"], _escape_text(token.content))


def _render_heading(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
    token = tokens[idx]
    level = min(6, int(token.tag[1]) + int(env.get("heading_base", 1)) - 1)
    if token.nesting == 1:
        return f"<h{level}>"
    return f"</h{level}>\n"


def _render_table_open(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
    attrs = env.get("table_attrs", "")
    return f"<table {attrs}>\n" if attrs else "<table>\n"


def _escape_text(text: str) -> str:
    """markdown-it's own escaping of text (quotes as `&quot;`, apostrophes kept)."""
    from markdown_it.common.utils import escapeHtml

    return str(escapeHtml(text))
