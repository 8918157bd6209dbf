"""Offline Dutch transcripts of recordings (issue 22): the model, the child process that
transcribes, the store, who spoke how much, and the text for a moment."""
