"""Read and check all of data/, in the order the cross-references need."""

from __future__ import annotations

from pathlib import Path

from desktop.content import articles, corrections, outcomes, products, rules, tables
from desktop.content.checker import Checker, Content, content_hash


def load_content(data_dir: Path) -> Content:
    """Every table's rows and every problem found (`file:line: message`), plus the content hash.

    Sources come first so citations can be checked, then therapies and trials so the tables
    that name them can be; rules last, as they name all of these.
    """
    checker = Checker(data_dir)
    if not data_dir.is_dir():
        checker.problem(data_dir, 1, "data folder not found")
        return checker.content
    tables.load_meta(checker)
    tables.load_sources(checker)
    products.load_therapies(checker)
    products.load_trials(checker)
    products.check_key_trials(checker)
    outcomes.load_outcomes(checker)
    articles.load_articles(checker)
    tables.load_glossary(checker)
    tables.load_synonyms(checker)
    tables.load_lay_terms(checker)
    tables.load_centers(checker)
    rules.load(checker)
    corrections.load_corrections(checker)  # last: its refs may name any record above
    checker.content.content_hash = content_hash(data_dir)
    return checker.content
