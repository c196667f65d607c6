"""Places stage: gazetteer, toponym scanning and event-location resolution.

    from fogofwar.places import Gazetteer, Place, Toponym, Location, resolve_location, scan_toponyms
"""

from .gazetteer import Gazetteer, haversine_km
from .model import Location, Place, Toponym
from .resolve import mentioned_countries, rank_candidates, resolve_location
from .scan import name_candidates, scan_toponyms

__all__ = [
    "Gazetteer",
    "Location",
    "Place",
    "Toponym",
    "haversine_km",
    "mentioned_countries",
    "rank_candidates",
    "resolve_location",
    "name_candidates",
    "scan_toponyms",
]
