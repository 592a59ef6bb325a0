"""The writable user database: bookmarks, history, notes, site presets, feedback.

Separate from the read-only KB on purpose: nothing a user writes can change the KB, and a
new KB (content pack) never loses what the user wrote. No Qt here.
"""
