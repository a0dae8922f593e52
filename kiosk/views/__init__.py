"""What each screen shows and says, built by the core from the journey's state.

A screen in ui/ receives one frozen record (kiosk.views.records) and renders it; it never
reads the form engine or the catalogue. `build_view` (kiosk.views.build) is the only place
that turns a JourneyState into words, so what is shown, what is spoken and what is private
are decided once, here, and `kiosk voice prepare` can list every sentence a screen says.
"""

from kiosk.views.build import ViewFacts, build_view
from kiosk.views.records import Speech

__all__ = ["Speech", "ViewFacts", "build_view"]
