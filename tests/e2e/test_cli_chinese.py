"""Every command with `--lang zh` reads in Chinese: its output, its tables and CSV, its JSON's
human-readable values, and its one-line errors, argparse's usage errors included (issue 18).

Each command and sub-command runs in-process through `desktop.cli.main`, on its success path and
its typical error paths, and the test fails on any English word that is not one of:

- `ALLOWED`: drug and disease codes, agencies and scales that Chinese clinical text writes in
  Latin letters (BCMA, CRS, FDA, ASTCT), units (mg/kg), and the program's name;
- proper names the knowledge base carries, taken from it field by field (`_kb_names`): sources'
  citations, companies, brands and codes, international nonproprietary names that have no
  sourced Chinese name, trial acronyms, centre names with no Chinese name;
- ids and codes (a word with a digit, a hyphen or an underscore: eque-cel, NCT05066646, n_infused),
  command-line options (`--lang`), commands in backquotes, values quoted as typed ('abc'),
  file paths, and text marked `（仅英文）`, which data/ has only in English.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from desktop import cli
from desktop.kb.store import KnowledgeBase

ALLOWED = frozenset({
    # the program, and the file kinds it names
    "cartref", "sha256", "KiB", "PDF", "CSV", "UTC",
    # targets, diseases, scales, tests and agencies as Chinese clinical text writes them
    "BCMA", "CAR", "T", "CRS", "ICANS", "ICE", "ICAHT", "ASTCT", "HLH", "MAS", "MRD", "ORR", "CR", "sCR", "VGPR",
    "PFS", "OS", "CI", "IV", "IL", "CRP", "PT", "PTT", "ICU", "NMOSD", "AQP4", "IgG", "CD3ζ", "scFv", "CIBMTR",
    "FDA", "NMPA", "EMA", "CHMP", "HSA", "ISAF", "MHLW", "PMDA", "ASCO", "NCCN", "EHA", "EBMT", "ASH", "IMWG",
    "KYMRIAH", "RRMM", "N", "n", "KB", "PML", "JC", "VRD", "PCD", "PAD", "PMID", "ANC", "PJP",
    "CMV", "DNA", "HBV", "HBsAg", "HBcAb", "HSV", "VZV", "IVIG", "TEAMM",
    # units
    "mg", "kg", "mL", "dL", "g", "L", "µL", "µl", "m²", "h",
})
"""Latin-script words Chinese output may contain besides proper names and ids (kept small)."""

_ALLOWED_NFKC = frozenset(w.replace("\u00b5", "\u03bc") for w in ALLOWED)
WORD = re.compile(r"(?<![A-Za-z0-9μ])[A-Za-z0-9μ²ζ]*[A-Za-zμ][A-Za-z0-9μ²ζ]*(?:[-_./:'][A-Za-z0-9μ²ζ]+)*")
DEGREES = re.compile(r"°[CF]")
CITED_AUTHOR = re.compile(r"\b[A-Z][a-z]+(?= (?:等|et al\.|\d{4}))")  # "Lee 等", "Santomasso 2023"
ENGLISH_ONLY = re.compile(r"（仅英文）[^\n]*")
OPTION = re.compile(r"--[a-z][a-z0-9-]*")
BACKQUOTED = re.compile(r"`[^`\n]*`")
QUOTED = re.compile(r"'[^'\n]*'")
URL = re.compile(r"(?:https?://|doi:|www\.)\S+")

# (command line, exit code); TMP is a fresh folder, KB the bundled knowledge base.
CASES: list[tuple[str, int]] = [
    ("search 骨髓瘤 --lang zh --limit 3", 0),
    ("search CRS --lang zh --limit 3", 0),
    ("search FUMANBA-1 --lang zh --kind trial --limit 2", 0),
    ("search zzqqxxyy --lang zh", 1),
    ("search x --lang zh --limit abc", 2),
    ("search x --lang zh --limit 999", 2),
    ("show therapy eque-cel --lang zh", 0),
    ("show therapy cilta-cel --lang zh", 0),
    ("show therapy zevor-cel --lang zh", 0),
    ("show trial fumanba-1 --lang zh", 0),
    ("show trial ide-cel-cibmtr --lang zh", 0),
    ("show outcome fumanba-1/car-t/all/pfs_median/jama-oncol-2024 --lang zh", 0),
    ("show center beijing-hospital --lang zh", 0),
    ("show glossary astct --lang zh", 0),
    ("show article crs-patient --lang zh", 0),
    ("show therapy nope --lang zh", 1),
    ("show bogus x --lang zh", 2),
    ("show --lang zh", 2),
    ("trials --lang zh", 0),
    ("trials --csv --lang zh", 0),
    ("trials --compare --lang zh", 0),
    ("trials --compare --csv --lang zh", 0),
    ("trials --compare --json --lang zh", 0),
    ("trials --compare --cohort prior-car-t --lang zh", 0),
    ("trials --compare --cohort nope --lang zh", 1),
    ("trials --json --csv --lang zh", 2),
    ("centers --near 乌鲁木齐 --lang zh --limit 3", 0),
    ("centers --near Urumqi --lang zh --limit 3", 0),
    ("centers --near 深圳 --lang zh --limit 2", 0),
    ("centers --lang zh --limit 5", 0),
    ("centers --lang zh --kind certified", 0),
    ("centers --near 91,200 --lang zh", 2),
    ("centers --near 12,abc --lang zh", 2),
    ("centers --near Wuhna --lang zh", 1),
    ("centers --therapy nope --lang zh", 2),
    ("centers --limit 0 --lang zh", 2),
    ("handout --list --lang zh", 0),
    ("handout wallet-card --out TMP/w.pdf --lang zh --infusion-date 2026-11-20 --phone 027-83660000", 0),
    ("handout nope --out TMP/x.pdf --lang zh", 2),
    ("handout about-car-t --lang zh", 2),
    ("handout about-car-t --out TMP/x.pdf --lang zh --infusion-date 2026-13-45", 2),
    ("handout about-car-t --out TMP/无此文件夹/x.pdf --lang zh", 2),
    ("handout wallet-card --out TMP/w.pdf --lang zh --phone 12ab", 2),
    ("grade ice --orientation 4 --naming 3 --commands 1 --writing 1 --attention 1 --lang zh", 0),
    ("grade ice --orientation 9 --naming 3 --commands 1 --writing 1 --attention 1 --lang zh", 2),
    ("grade ice --orientation x --naming 3 --commands 1 --writing 1 --attention 1 --lang zh", 2),
    ("grade ice --naming 3 --lang zh", 2),
    ("grade crs --temp 39 --hypotension none --oxygen none --lang zh", 0),
    ("grade crs --temp 39 --hypotension none --oxygen none --lang zh --json", 0),
    ("grade crs --temp abc --hypotension none --oxygen none --lang zh", 2),
    ("grade crs --temp 39 --hypotension bad --oxygen none --lang zh", 2),
    ("grade icans --ice 5 --consciousness voice --seizure none --motor none --edema none --lang zh", 0),
    ("grade icaht --counts TMP/none.csv --lang zh", 2),
    ("grade icaht --counts TMP/counts.csv --risk high --lang zh", 0),
    ("grade icaht --counts TMP/bad.csv --lang zh", 2),
    ("grade hematotox --anc 1 --hb 1 --plt 1 --crp 1 --ferritin 1 --lang zh", 2),
    ("dose tocilizumab --weight-kg 70 --lang zh", 0),
    ("dose tocilizumab --weight-kg abc --lang zh", 2),
    ("dose tocilizumab --weight-kg 70 --doses-given -1 --lang zh", 2),
    ("dose tocilizumab --weight-kg 500 --lang zh", 2),
    ("dose tocilizumab --weight-kg 70 --doses-given 2 --dose-times 10,2 --lang zh", 0),
    ("pathway --crs 2 --icans 1 --lang zh", 0),
    ("pathway --crs x --lang zh", 2),
    ("watch neuro --day 30 --lang zh", 0),
    ("watch neuro --day x --lang zh", 2),
    ("watch neuro --day 40 --temp-c 39 --sign chills --lang zh", 0),
    ("watch neuro --temp-c 50 --lang zh", 2),
    ("handover --product cilta-cel --infusion-date 2026-11-20 --today 2026-11-27 --crs 2 --out TMP/h.pdf --lang zh", 0),
    ("handover --product cilta-cel --infusion-date 2026-11-20 --today 2026-11-27 --json --lang zh", 0),
    ("handover --product cilta-cel --infusion-date 2026-11-20 --lang zh", 2),
    ("handover --product cilta-cel --infusion-date 2026-13-01 --json --lang zh", 2),
    ("plan infections --ld-date 2026-11-15 --infusion-date 2026-11-20 --hbv negative --lang zh", 0),
    ("plan infections --ld-date 2026-11-15 --infusion-date 2026-11-20 --hbv negative --edition patient --lang zh", 0),
    ("plan infections --ld-date 2026-11-15 --infusion-date x --hbv negative --lang zh", 2),
    ("kb info --lang zh", 0),
    ("kb verify --lang zh", 0),
    ("kb verify KB --stale 36500 --as-of 2026-12-07 --lang zh", 0),
    ("kb verify KB --stale 1 --as-of 2026-12-07 --lang zh", 1),
    ("kb verify TMP/none.sqlite --lang zh", 2),
    ("kb verify --stale x --lang zh", 2),
    ("kb diff KB KB --lang zh", 0),
    ("kb diff TMP/a.sqlite TMP/b.sqlite --lang zh", 2),
    ("kb build --data TMP/nodata --out TMP/kb.sqlite --lang zh", 2),
    ("kb --lang zh", 2),
    ("pack list --lang zh", 0),
    ("pack keygen --out TMP/k.key --name 测试签名 --lang zh", 0),
    ("pack verify TMP/none.cartpack --lang zh", 2),
    ("pack rollback --lang zh", 2),
    ("pack trust --lang zh", 2),
    ("pack export TMP/p.cartpack --lang zh", 2),
    ("feedback list --lang zh", 0),
    ("feedback export TMP/f.json --lang zh", 0),
    ("feedback clear --lang zh", 0),
    ("--lang zh --version", 0),
    ("--lang zh kb info", 0),
    ("--lang zh centers --near 武汉 --limit 2", 0),
    ("--lang zh grade ice --orientation 4 --naming 3 --commands 1 --writing 1 --attention 0", 0),
    ("--lang zh nosuchcommand", 2),
]


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
    return int(code), out.getvalue(), err.getvalue()


def _kb_names(kb: KnowledgeBase) -> Names:
    """Proper names the KB holds (and the ids a reader types back)."""
    names: set[str] = set()
    for s in kb.sources():
        names |= {s.citation, s.authors, s.title, s.journal}
    for t in kb.therapies():
        names |= {t.company, t.brand, *t.codes}
        if not t.name_zh:
            names.add(t.name_en)  # an international nonproprietary name without a sourced Chinese one
    for trial in kb.trials():
        names.add(trial.name)
        names |= {o.data_cut for o in kb.outcomes(trial.id)}  # "JAMA Oncol 2024": a citation
    for c in kb.centers():
        if not c.name_zh:
            names.add(c.name_en)
    for g in kb.glossary():
        names |= {g.abbr, g.id}
    # ids: what a reader types back (`cartref show trial karmma`), not prose
    names |= {t.id for t in kb.therapies()} | {t.id for t in kb.trials()} | {c.id for c in kb.centers()}
    names |= {a.id for a in kb.articles()} | {a.topic for a in kb.articles()}
    names |= {t.name.split(" (")[0] for t in kb.trials()}  # "CARTinNS (CT103A in ...)": the acronym
    from desktop.handouts import catalog
    from desktop.packs.keys import trusted_keys

    names |= {h.name for h in catalog.HANDOUTS}
    names |= {k.name for k in trusted_keys().values()}  # a signing key's owner, as its signer named it
    phrases = sorted((n for n in names if n and " " in n), key=len, reverse=True)
    return Names(re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(map(re.escape, phrases)) + r")(?![A-Za-z0-9])"),
                 frozenset(n for n in names if n and " " not in n))


class Names(NamedTuple):
    """Proper names of several words (removed from the text first) and of one (a word that is one)."""

    phrases: re.Pattern[str]
    words: frozenset[str]


def english_words(text: str, names: Names, paths: list[str]) -> list[str]:
    """The Latin-script words of `text` that are none of the allowed kinds (module docstring)."""
    for p in paths:
        text = text.replace(p, " ")
    text = ENGLISH_ONLY.sub(" ", text)
    text = text.replace("\u00b5", "\u03bc")  # the micro sign µ as the Greek letter μ, as in ALLOWED
    text = URL.sub(" ", text)
    text = names.phrases.sub(" ", text)
    text = BACKQUOTED.sub(" ", text)
    text = DEGREES.sub(" ", text)
    text = CITED_AUTHOR.sub(" ", text)
    text = OPTION.sub(" ", text)
    text = QUOTED.sub(" ", text)
    found = []
    for word in WORD.findall(text):
        if word in _ALLOWED_NFKC or word in names.words or any(ch.isdigit() for ch in word) or re.search(r"[-_/.:']", word):
            continue
        found.append(word)
    return found


HUMAN_JSON_KEYS = frozenset({"label", "trial", "display", "cohort_label", "reasons", "summary", "title", "text"})
"""JSON keys whose values are read by people; every other key holds a machine value (ids, units)."""


def _json_texts(data: object, key: str = "") -> Iterator[str]:
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _json_texts(v, k)
    elif isinstance(data, list):
        for v in data:
            yield from _json_texts(v, key)
    elif isinstance(data, str) and key in HUMAN_JSON_KEYS:
        yield data


@pytest.fixture(scope="module")
def names(real_kb: Path) -> Names:
    kb = KnowledgeBase(real_kb)
    try:
        return _kb_names(kb)
    finally:
        kb.close()


@pytest.mark.parametrize(("line", "code"), CASES, ids=[c[0] for c in CASES])
def test_command_reads_in_chinese(line: str, code: int, names: Names, real_kb: Path, tmp_path: Path) -> None:
    argv = [a.replace("TMP", str(tmp_path)).replace("KB", str(real_kb)) if a in ("KB",) or "TMP" in a else a
            for a in line.split()]
    (tmp_path / "counts.csv").write_text("day,anc,plt\n0,1500,120\n7,300,20\n14,400,25\n", encoding="utf-8")
    (tmp_path / "bad.csv").write_text("day,anc\nx,1\n", encoding="utf-8")
    got, out, err = _run(argv)
    assert got == code, f"exit {got}, expected {code}\n{out}\n{err}"
    assert out or err
    if code:
        lines = [ln for ln in err.splitlines() if ln.strip()]
        assert lines and all(ln.startswith("cartref: ") or ln.startswith(str(tmp_path)) for ln in lines[-1:]), err
        assert "Traceback" not in err
    paths = [str(tmp_path), str(real_kb), str(real_kb.parent), str(Path.cwd())]
    text = out + "\n" + err
    if "--json" in argv and not code:
        text = "\n".join(_json_texts(json.loads(out))) + "\n" + err
        assert text.strip() or "--compare" not in argv
    leaks = english_words(text, names, paths)
    assert not leaks, f"English in Chinese output: {sorted(set(leaks))}\n---\n{out[:3000]}\n---\n{err}"
    assert re.search(r"[\u4e00-\u9fff]", text) or line.startswith(("search CRS", "search FUMANBA")), text[:500]


HELP_PAGES = ["", "search", "show", "trials", "handout", "grade", "grade ice", "grade crs", "grade icans",
              "grade icaht", "grade hematotox", "dose", "dose tocilizumab", "pathway", "watch", "watch neuro", "kb",
              "kb build", "kb verify", "kb info", "kb diff", "pack", "pack keygen", "pack build", "pack verify",
              "pack apply", "pack rollback", "pack list", "pack trust", "pack rotate-key", "pack export", "feedback",
              "feedback export", "feedback list", "feedback clear", "handover", "plan", "plan infections",
              "centers", "centers add", "centers edit", "centers remove", "centers import", "centers export"]
"""Every help page."""

USAGE = re.compile(r"^用法：.*?(?=\n\n|\Z)", re.S | re.M)
CHOICES = re.compile(r"\{[^{}\n]*\}")
METAVAR = re.compile(r"(?<![A-Za-z0-9µμ])[A-Z][A-Z0-9_]*(?:[.,][A-Z0-9_]+)*(?:\.[a-z]+)?(?![A-Za-z])")
NAME_COLUMN = re.compile(r"^ {2,4}[a-z][a-z_-]*(?: \([a-z]+\))?(?= |$)", re.M)


def help_english(page: str, names: Names) -> list[str]:
    """English in a help page besides its syntax: the usage line, {choices}, METAVARS, and the
    names of positional arguments and sub-commands in their column are what the reader types, and
    stay as they are."""
    page = USAGE.sub(" ", page)
    page = CHOICES.sub(" ", page)
    page = NAME_COLUMN.sub(" ", page)
    page = METAVAR.sub(" ", page)
    return english_words(page, names, [])


@pytest.mark.parametrize("command", HELP_PAGES)
def test_help_reads_in_chinese(command: str, names: Names, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # no wrapping inside an option's name (--crs-already-diagnosed)
    code, out, err = _run([*command.split(), "--help", "--lang", "zh"])
    assert code == 0 and out.startswith("用法：") and not err
    leaks = help_english(out, names)
    assert not leaks, f"English in `cartref {command} --help --lang zh`: {sorted(set(leaks))}\n{out}"


def test_the_site_centre_list_reads_in_chinese(names: Names, tmp_path: Path) -> None:
    """`centers add|edit|remove|import|export`: one site's list, in order, every step in Chinese."""
    steps = [
        (["centers", "add", "--name", "Test Hospital", "--name-zh", "测试医院", "--city", "昆明",
          "--contact", "病房=+86 871 6532 4888", "--product", "eque-cel"], 0),
        (["centers", "--near", "昆明", "--limit", "2"], 0),
        (["centers", "edit", "测试医院", "--notes", "联系血液科"], 0),
        (["centers", "export", str(tmp_path / "c.csv")], 0),
        (["centers", "import", str(tmp_path / "c.csv")], 0),
        (["centers", "remove", "测试医院"], 0),
        (["centers", "remove", "测试医院"], 2),
        (["centers", "add", "--name", "X"], 2),
    ]
    for argv, code in steps:
        got, out, err = _run([*argv, "--lang", "zh"])
        assert got == code, f"{argv}: exit {got}\n{out}\n{err}"
        leaks = english_words(out + "\n" + err, names, [str(tmp_path)])
        assert not leaks, f"{argv}: {sorted(set(leaks))}\n{out}\n{err}"
        assert re.search(r"[\u4e00-\u9fff]", out + err)


def test_the_same_commands_stay_english_without_lang(real_kb: Path, tmp_path: Path) -> None:
    """The default is unchanged: no `--lang` gives the English output the scripts rely on."""
    code, out, _err = _run(["trials", "--compare"])
    assert code == 0 and "Median PFS" in out and "not reached" in out and "—" in out
    code, _out, err = _run(["search", "x", "--limit", "abc"])
    assert code == 2 and err == "cartref: error: argument --limit: --limit needs a whole number, not 'abc'\n"
    code, _out, err = _run(["centers", "--near", "Wuhna"])
    assert code == 1 and "did you mean: " in err and "Wuhan, Hubei, China" in err


def test_the_checker_catches_english(names: Names) -> None:
    """The word check itself: plain English fails, the allowed kinds pass."""
    assert english_words("中位随访 13.8 mo，not reached", names, []) == ["mo", "not", "reached"]
    assert english_words("CRS 2 级；8 mg/kg；eque-cel；--lang；`cartref kb verify`；'abc'；（仅英文）approval letter",
                         names, []) == []
    assert english_words("Beijing Hospital 北京", names, []) == []  # a centre with no Chinese name in data/


def test_dates_in_chinese_prose_and_iso_in_machine_fields(real_kb: Path) -> None:
    code, out, _err = _run(["kb", "info", "--lang", "zh"])
    assert code == 0 and re.search(r"内容日期：\d{4}年\d{1,2}月\d{1,2}日", out), out
    code, out, _err = _run(["kb", "info", "--json", "--lang", "zh"])
    assert code == 0 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", json.loads(out)["content_date"])
    code, out, _err = _run(["trials", "--compare", "--csv", "--lang", "zh"])
    assert code == 0 and "未达到" in out and "个月" in out and " mo" not in out


@pytest.mark.parametrize("near", ["乌鲁木齐", "Urumqi"])
def test_urumqi_is_named_urumqi(near: str) -> None:
    code, out, _err = _run(["centers", "--near", near, "--lang", "zh", "--limit", "1"])
    assert code == 0 and out.startswith("距乌鲁木齐，新疆，中国") and "迪化" not in out
