"""Assisted-access kiosk core: domain, services and command line. No Qt here."""

__version__ = "0.1.0"
