"""Mediator mode on screen: the staff PIN screen, the dashboard and its panels, the assisted
banner and consent, and the controller that wires them to kiosk.session.MediatorDesk.

Staff screens are not steps of the citizen journey: they cover it (KioskWindow.show_staff)
and leave it exactly where it was, so a citizen's session survives a mediator's visit.
"""
