"""The service catalogue: life themes, services, forms. Plain data, validated at load."""

from kiosk.catalog.loader import CatalogError, load_catalog, parse_catalog
from kiosk.catalog.model import Action, Catalog, Choice, Service, Step, Theme, localized

__all__ = [
    "Action", "Catalog", "CatalogError", "Choice", "Service", "Step", "Theme",
    "load_catalog", "localized", "parse_catalog",
]
