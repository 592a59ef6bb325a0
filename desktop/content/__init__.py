"""The build side: data/ -> kb.sqlite.

`load.load_content` reads and checks every part of data/ (the checker core in `checker`, one
loader module per kind of content, `rules` and the place tables in `places`); `build.build_kb`
writes the checked rows into a new KB. Only the CLI and content packs import this package: the
running program reads the KB through `desktop.kb`.
"""
