"""The command line of the standalone build (vsr): what `python -m vsr` runs.

It also stands in for `python -m vsr.media.probe_child` (a frozen program has no -m): media files
are probed in a child process, started as `vsr --vsr-probe-child FILE`, and for
`python -m vsr.jobs.child` (the window's long work), started as `vsr --vsr-job-child`.
"""

import sys

from vsr.jobs import FROZEN_FLAG as JOB_FLAG
from vsr.media.probe_child import FROZEN_FLAG

if len(sys.argv) > 1 and sys.argv[1] == FROZEN_FLAG:
    from vsr.media.probe_child import main as probe_main

    sys.exit(probe_main(sys.argv[2:]))
if len(sys.argv) > 1 and sys.argv[1] == JOB_FLAG:  # a window's long work (vsr.jobs)
    from vsr.jobs.child import main as job_main

    sys.exit(job_main())

from vsr.cli import main  # noqa: E402

sys.exit(main())
