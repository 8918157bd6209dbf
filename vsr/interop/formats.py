"""The file formats a review's moments can be exported as: their names only, so the command
line can offer them without loading the writers (and the export code behind them)."""

EXPORT_FORMATS = ("eaf", "vtt", "srt", "csv")
