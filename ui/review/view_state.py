"""What the user was looking at in the review workspace, so that rebuilding the window (a
language change) brings them back to the same place: the review, the playhead and whether it
was playing, the selected moment, the tab and the speed."""

from __future__ import annotations

from dataclasses import dataclass

from .review_view import ReviewView


@dataclass(frozen=True)
class ViewState:
    review_id: int
    position_ms: int
    playing: bool
    selected: int | None
    tab: int
    rate: float


def capture(view: ReviewView) -> ViewState | None:
    """The state of the open review, or None when no review is open."""
    if view.review is None:
        return None
    return ViewState(view.review.id, view.player.position(), view.player.is_playing(),
                     view.selected, view.tabs.currentIndex(), view.player.rate())


def restore(view: ReviewView, state: ViewState) -> None:
    """Bring a freshly opened review back to `state` (the review must be open already).

    The player may still be opening the recording: seek and play then apply once it is ready."""
    if state.selected is not None and any(m.id == state.selected for m in view.markers):
        view.select_marker(state.selected, seek=False)
    view.tabs.setCurrentIndex(min(state.tab, view.tabs.count() - 1))
    view.player.set_rate(state.rate)
    view.player.seek(state.position_ms)
    if state.playing:
        view.player.play()
