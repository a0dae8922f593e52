"""`python -m ui`, and the frozen bundle's entry: every `kiosk` command."""

import sys

from ui.cli import main

sys.exit(main())
