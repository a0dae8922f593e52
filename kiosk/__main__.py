"""`python -m kiosk`: the core commands (hub, outbox, voice, catalogue...), without Qt."""

import sys

from kiosk.cli import main

sys.exit(main())
