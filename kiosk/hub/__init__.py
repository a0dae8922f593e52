"""The reference hub: the back-office end of protocol v1, small enough to read in an afternoon.

A municipality can run it as is (`kiosk hub`) or read it with docs/protocol.md to connect its
own back office. Pieces: `keys` (decryption and catalogue-signing keys), `store` (its own
SQLite, one row per UUID), `app` (the Flask endpoints and the staff page), `server` (waitress,
`start_in_thread` for `kiosk demo` and the tests), `importer` (items exported to a USB stick).
"""
