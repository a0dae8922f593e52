"""Protocol v1 (docs/protocol.md): submissions, heartbeat and catalogue endpoints."""
