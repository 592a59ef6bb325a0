"""The window's history: one list covers pages (`therapy:eque-cel`) and views (`view:compare`),
so Back after opening a trial from the Trials list returns to the list."""

from __future__ import annotations

HISTORY_LIMIT = 200


class History:
    """Locations visited, with a cursor; going somewhere new drops the forward part."""

    def __init__(self, limit: int = HISTORY_LIMIT) -> None:
        self.entries: list[str] = []
        self.index = -1
        self.limit = limit

    @property
    def current(self) -> str | None:
        return self.entries[self.index] if self.index >= 0 else None

    def push(self, location: str) -> None:
        """Record a visit; visiting the current location again records nothing."""
        if self.current == location:
            return
        del self.entries[self.index + 1:]
        self.entries.append(location)
        if len(self.entries) > self.limit:
            del self.entries[0]
        self.index = len(self.entries) - 1

    def can_go_back(self) -> bool:
        return self.index > 0

    def can_go_forward(self) -> bool:
        return self.index < len(self.entries) - 1

    def back(self) -> str | None:
        """The location before the current one (and step to it), or None at the start."""
        if not self.can_go_back():
            return None
        self.index -= 1
        return self.entries[self.index]

    def forward(self) -> str | None:
        if not self.can_go_forward():
            return None
        self.index += 1
        return self.entries[self.index]
