"""Kiosks: their identity, per-kiosk tokens (stored hashed), last heartbeat, audit journals."""
