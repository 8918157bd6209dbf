"""The window program of the standalone build (vsr-gui): what `python -m vsr.ui` runs."""

import sys

from vsr.ui.app import main

sys.exit(main())
