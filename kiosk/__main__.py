"""Allow `python -m kiosk`, which the frozen bundle also uses."""

import sys

from kiosk.cli import main

sys.exit(main())
