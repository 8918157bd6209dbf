"""Data in and out of other tools: ELAN (.eaf), WebVTT and SRT subtitles, CSV for spreadsheets,
and BORIS projects. Readers parse untrusted files safely (size limit, no XML entities or
external references) and importers change the library in one transaction or not at all."""
