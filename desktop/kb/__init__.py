"""The knowledge base: pure Python + sqlite3, no Qt.

`build` turns data/ into kb.sqlite, `store` reads it (read-only), `search` queries it.
"""
