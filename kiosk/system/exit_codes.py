"""What the kiosk's exit status tells the service manager (systemd, through cage).

The unit restarts the kiosk on failure only, so the statuses below are the contract between
the kiosk and its unit file (kiosk.system.install writes the unit from these values):
a clean stop asked by staff ends the service; a planned restart (nightly, new settings) and
any crash bring it back.
"""

STOPPED_BY_STAFF = 0  # "Arrêter la borne" behind the PIN: the service stays stopped
RESTART_REQUESTED = 75  # EX_TEMPFAIL: nightly restart or settings that apply at restart
