"""The names vsr gives its own ELAN tiers, so an exported file can be read back whole."""

from __future__ import annotations

EXPORT_PROPERTY = "vsr-export"  # HEADER PROPERTY: the vsr version that wrote the file
POINTS_PROPERTY = "vsr-points"  # HEADER PROPERTY: ids of the annotations that are point moments
CVE_PREFIX = "vsr-theme-"  # CVE_ID of a theme card: the prefix and the card's key
THEME_CV = "vsr-themakaarten"

LT_MOMENT = "vsr-moment"
LT_A = "vsr-a"
LT_B_ME = "vsr-b-zelf"
LT_B_OTHER = "vsr-b-ander"
LT_C = "vsr-c"
LT_THEME = "vsr-themakaart"
LT_SUBTOPIC = "vsr-onderwerp"
LT_FEELINGS = "vsr-b-gevoelens"  # the feelings a party chose as pictograms, in words
FIELD_TYPES = (LT_A, LT_C, LT_THEME, LT_SUBTOPIC)
