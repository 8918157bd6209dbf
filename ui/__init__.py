"""The Qt interface. It lives in the repository's ui/ folder and is installed (and imported) as
vsr.ui; importing it as a top-level `ui` from a checkout would load a second copy of every
module, so that is refused."""

if __name__ != "vsr.ui":
    raise ImportError(f"import vsr.ui, not {__name__} (the repository's ui/ folder is vsr.ui)")
