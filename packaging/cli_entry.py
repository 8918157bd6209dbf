"""The command line of the standalone build (vsr): what `python -m vsr` runs."""

import sys

from vsr.cli import main

sys.exit(main())
