"""The `kiosk` subcommands that open a screen: run, demo, screenshots.

They register like kiosk/cli's and import Qt only inside their handlers, so `kiosk --help`
and the core commands start without it.
"""
