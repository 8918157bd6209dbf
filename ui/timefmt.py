"""Times as people read them."""


def format_ms(ms: int, *, tenths: bool = False) -> str:
    """m:ss (h:mm:ss past an hour); with tenths m:ss.t."""
    ms = max(0, int(ms))
    s, rest = divmod(ms, 1000)
    h, s = divmod(s, 3600)
    m, s = divmod(s, 60)
    base = f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
    return f"{base}.{rest // 100}" if tenths else base
