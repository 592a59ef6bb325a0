"""desktop.markup: the one Markdown path (reader, handouts, search index), citations and glossary terms."""

from __future__ import annotations

import subprocess
import sys

from desktop import markup
from tests.helpers.paths import ROOT

GLOSSARY = markup.Glossary({"CRS": "crs", "cytokine release syndrome": "crs", "ICANS": "icans"}, {"细胞因子释放综合征": "crs"})


def numbered(order: list[str]) -> markup.Cite:
    """A reader-like citation printer: numbers in order of first citation."""
    def cite(ids: list[str]) -> str:
        for i in ids:
            if i not in order:
                order.append(i)
        return "<sup>" + ",".join(str(order.index(i) + 1) for i in ids) + "</sup>"

    return cite


def test_citation_ids() -> None:
    assert markup.split_cite_ids("@R1; @R5, R7 ") == ["R1", "R5", "R7"]
    assert markup.cite_ids("a [@R1] b [@G2; @R1] `[@X]` c") == ["R1", "G2", "R1", "X"]  # text scan: code too
    assert markup.cite_groups("no citation [here] or [@]") == []


def test_citations_everywhere_but_code_and_printed_by_the_caller() -> None:
    md = "Fever [@G1; @R2].\n\n| a | b |\n|---|---|\n| cell [@R3] | `[@R9]` |\n\n## Heading [@G1]\n\n- item [@R2]\n"
    order: list[str] = []
    html = markup.to_html(md, cite=numbered(order))
    assert "Fever <sup>1,2</sup>." in html
    assert "<td>cell <sup>3</sup></td>" in html and "<code>[@R9]</code>" in html
    assert "<h2>Heading <sup>1</sup></h2>" in html and "<li>item <sup>2</sup></li>" in html
    assert order == ["G1", "R2", "R3"]
    assert '[<a href="x">' not in markup.to_html("[@R1](x)")  # a citation, not a link to x
    assert markup.to_html("[@R1, R2]") == "<p>[R1, R2]</p>\n"  # default printer


def test_raw_html_is_escaped_and_bold_next_to_chinese_punctuation() -> None:
    html = markup.to_html("Fever <script>x</script> and **指南：**管理 and **plain**")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<strong>指南：</strong>管理" in html and "<strong>plain</strong>" in html
    assert "<s>gone</s>" in markup.to_html("~~gone~~")


def test_headings_demoted_and_tables_styled() -> None:
    html = markup.to_html("# A\n\n#### B\n\n| x |\n|---|\n| 1 |\n", heading_base=3, table_attrs='border="1"')
    assert "<h3>A</h3>" in html and "<h6>B</h6>" in html and '<table border="1">' in html


def test_glossary_links_the_first_mention_outside_links_headings_and_code() -> None:
    md = ("# CRS in a heading\n\nA [CRS link](x) then `CRS` code, then **CRS** here and CRS again; "
          "ICANS-like is not ICANS. Cytokine release syndrome is CRS; 出现细胞因子释放综合征时 [@R1]\n")
    html = markup.to_html(md, glossary=GLOSSARY)
    assert "<h1>CRS in a heading</h1>" in html and '<a href="x">CRS link</a>' in html and "<code>CRS</code>" in html
    assert '<strong><a class="gl" href="glossary:crs">CRS</a></strong> here and CRS again' in html
    assert 'ICANS-like is not <a class="gl" href="glossary:icans">ICANS</a>.' in html
    assert html.count('href="glossary:crs"') == 1  # the Chinese name is the same term: not linked twice
    assert markup.to_html("细胞因子释放综合征", glossary=GLOSSARY).count('href="glossary:crs"') == 1


def test_glossary_in_html_built_outside_markdown() -> None:
    html = '<h2>CRS</h2><p>Grade &amp; CRS <a href="y">ICANS</a> ICANS</p><sup>CRS</sup>'
    linked = GLOSSARY.link_html(html)
    assert linked.startswith("<h2>CRS</h2><p>Grade &amp; <a class=\"gl\" href=\"glossary:crs\">CRS</a>")
    assert '<a href="y">ICANS</a> <a class="gl" href="glossary:icans">ICANS</a>' in linked
    assert GLOSSARY.link_html("<p>CRS</p>", skip="crs") == "<p>CRS</p>"
    assert markup.Glossary({}, {}).link_html("<p>CRS</p>") == "<p>CRS</p>"


def test_plain_text_for_the_index() -> None:
    md = ("## Heading\n\nSee [the label](https://x.example) for **dose** [@R1; @R2].\n\n"
          "| Grade | Fever* |\n|---|---|\n| 1 | ≥38 °C |\n\n1. first\n2. second\n\n> quoted\n\n```\ncode line\n```\n")
    assert markup.to_plain(md) == ("Heading See the label for dose. Grade Fever* 1 ≥38 °C first second quoted code line")
    assert markup.to_plain("**指南：**管理 [@G1]") == "指南：管理"


def test_importing_markup_does_not_load_markdown_it() -> None:
    """The window's first frame imports this module (through the reader) but converts no Markdown."""
    code = "import sys, desktop.markup, desktop.kb.text; print('markdown_it' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert out.strip() == "False"
    check = "import sys, desktop.markup as m; m.to_plain('x'); print('markdown_it' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, cwd=ROOT, check=True).stdout.strip() == "True"
