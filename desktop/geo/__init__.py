"""Offline places and nearest-centre search (no Qt, no network).

`gazetteer` looks place names up in the KB's GeoNames tables (CC BY 4.0 data from
geonames.org, imported at build time by `desktop.content.places`); `distance` is the haversine
formula; `nearest` ranks the KB's centres by distance with filters; `outlines` loads the
bundled Natural Earth country outlines the map view draws.
"""
