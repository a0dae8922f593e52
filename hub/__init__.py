"""The back office: where kiosk requests land and get handled (Django).

Apps, one concern each: `intake` (protocol v1 endpoints and stored submissions), `fleet`
(kiosks, their tokens, heartbeats and audit journals), `inbox` (receiving services, agents,
the request workflow, the access log), `tracking` (the citizen's `/suivi/` page).
Never imports `kiosk`, `ui` or Qt: what it shares with kiosks lives in `offline_cache`.
"""
