"""Item data roles shared by the list views and the two-line delegate that paints them."""

from PySide6.QtCore import Qt

LINK_ROLE = Qt.ItemDataRole.UserRole + 1
"""The page a row opens (`kind:id`)."""
TITLE_ROLE = Qt.ItemDataRole.UserRole + 3
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 4
"""The second line: HTML with <b> around the matched words."""
HEADER_ROLE = Qt.ItemDataRole.UserRole + 5
"""A group heading row (bold, not selectable)."""
