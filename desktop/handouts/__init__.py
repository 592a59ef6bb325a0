"""Printable patient and clinician handouts: Jinja2 templates over KB records -> HTML -> PDF.

`catalog` lists the handouts, `content` reads the KB for them, `render` fills the templates
(no Qt), `pdf` lays them out on paper with Qt (QtGui only) and `batch` prints many.
"""
