"""Guided forms: field validation, the offline commune table, and the one-request state machine.

Plain Python, no Qt: the screens in ui/ render `kiosk.forms.engine.FormEngine` and forward taps
to it. Import from the submodules (engine, validators, communes, messages): this package file
stays empty so that `kiosk.receipt` and the engine can import each other's parts without a cycle.
"""
