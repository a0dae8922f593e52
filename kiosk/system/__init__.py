"""The kiosk as a service of the machine it runs on: locked-down session, watchdog, restarts."""
