""""Suivre ma demande" at the kiosk: the states the hub sends back with each heartbeat, kept
on disk (no personal data), and a typed reference looked up in them or in the local queue."""
