"""The window program of the standalone build (vsr-gui): what `python -m ui` runs."""

import sys

from ui.app import main

sys.exit(main())
