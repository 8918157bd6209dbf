"""Making what leaves the app anonymous: one name replacement for every exported text."""
