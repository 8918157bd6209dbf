"""Times as people read them: the core's one rendering (vsr.dates), named as the window uses it."""

from vsr.dates import clock


def format_ms(ms: int, *, tenths: bool = False, length_ms: int = 0) -> str:
    """m:ss (h:mm:ss in a recording of an hour or longer); with tenths m:ss.t."""
    return clock(ms, length_ms, exact=tenths)
