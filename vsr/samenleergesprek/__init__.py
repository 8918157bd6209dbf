"""The Samenleergesprek of a review: ground rules, Stap 1-3, the perception check and
independent marking. Every operation commits at once (see `vsr.library.db.Library.write`)."""

from vsr.samenleergesprek.actions import add_action, remove_action, update_action
from vsr.samenleergesprek.blind import (
    Candidate,
    SharedScreen,
    candidate_moments,
    mark_counts,
    markers_hidden,
    reveal_markers,
    set_blind_marking,
    shared_screen,
    visible_markers,
)
from vsr.samenleergesprek.compare import MarkerComparison, MarkerMatch, compare_markers
from vsr.samenleergesprek.model import (
    RATING_QUESTIONS,
    TOGETHER,
    ActionItem,
    Moment,
    PartyRatings,
    SessionState,
    SessionStep,
    TrendPoint,
)
from vsr.samenleergesprek.moments import (
    add_moment_at,
    choose_candidate,
    choose_moment,
    loop_range,
    moment_markers,
    moment_party_ids,
    move_moment,
    remove_moment,
    set_loop_margins,
    set_moment_theme,
)
from vsr.samenleergesprek.ratings import (
    describe_difference,
    own_ratings,
    rating_status,
    rating_trend,
    ratings_revealed,
    revealed_ratings,
    set_rating,
    shared_ratings,
    visible_ratings,
)
from vsr.samenleergesprek.state import (
    confirm_rules,
    get_session,
    go_to_step,
    set_learning,
    set_summary,
    start_session,
    step_blocker,
)

__all__ = [
    "RATING_QUESTIONS", "TOGETHER", "ActionItem", "Candidate", "MarkerComparison", "MarkerMatch",
    "Moment", "PartyRatings", "SessionState", "SessionStep", "SharedScreen", "TrendPoint",
    "add_action", "add_moment_at", "candidate_moments", "choose_candidate", "choose_moment",
    "compare_markers", "confirm_rules", "describe_difference", "get_session", "go_to_step",
    "loop_range", "mark_counts", "markers_hidden", "moment_markers", "moment_party_ids",
    "move_moment", "own_ratings", "rating_status", "rating_trend", "ratings_revealed",
    "remove_action", "remove_moment", "reveal_markers", "revealed_ratings", "set_blind_marking",
    "set_learning", "set_loop_margins", "set_moment_theme", "set_rating", "set_summary",
    "shared_screen",
    "start_session", "step_blocker", "update_action", "visible_markers", "visible_ratings",
    "shared_ratings",
]
