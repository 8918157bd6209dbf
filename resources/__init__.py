"""Package data (method content, pictograms, icons, fonts, translations, models), installed as
vsr.resources and read with importlib.resources.files("vsr.resources")."""

if __name__ != "vsr.resources":
    raise ImportError(f"import vsr.resources, not {__name__}")
