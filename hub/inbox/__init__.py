"""Receiving services, their agents, the request workflow, notes and the access log."""
