"""Mediator mode, plain Python: staff accounts and unlock, waiting list, take-over with consent,
audit journal, today's anonymous statistics. The Qt screens in ui/ sit on top of this API."""
