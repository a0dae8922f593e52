"""The citizen's tracking page, `/suivi/<uuid>?ref=<reference>`: state and message only."""
