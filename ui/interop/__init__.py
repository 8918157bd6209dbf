"""Import from and export to other tools (ELAN, subtitles, spreadsheets) in the window."""
