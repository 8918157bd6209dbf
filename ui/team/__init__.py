"""The team library in the window: its settings, sharing a review, what is shared with me."""
