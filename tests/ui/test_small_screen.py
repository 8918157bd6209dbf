"""Everything fits a municipal laptop (1366x768, a window of 1366x698 after taskbar and title
bar), in Dutch and in English: the window's minimum, the timeline's lanes, every
Samenleergesprek page (no sideways scrolling, no cut button text), the dialogs; and the window
comes back where it was, fitted to a smaller screen."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QToolButton, QWidget
from vsr.ui.i18n import install_language
from vsr.ui.window_geometry import TITLE_BAR_H, fit_to_screen, saved_rect

from scripts.screenshots import (
    WINDOW_H,
    WINDOW_W,
    Scene,
    build_scene,
    dialogs,
    settle,
    show_step,
)
from vsr import samenleergesprek as ss
from vsr.i18n import current_language
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.samenleergesprek.model import SessionStep

# The window's minimum: fits 1366x768 and 1280x720 screens minus a taskbar and a title bar.
BUDGET = QSize(1280, 650)
DIALOG_BUDGET = QSize(1366, 700)
SMALL_SCREEN = QRect(0, 0, 1366, 728)  # 768 minus a 40 px taskbar
LANGS = ("nl", "en")


@pytest.fixture(scope="module", params=LANGS)
def lang(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    install_language(request.param)
    yield request.param
    install_language("nl")


@pytest.fixture(scope="module")
def shared_scene(tmp_path_factory: pytest.TempPathFactory, lang: str) -> Iterator[Scene]:
    """One window per language for the tests that only look (building one takes seconds)."""
    made = build_scene(tmp_path_factory.mktemp(f"scene-{lang}"), lang)
    yield made
    made.close()


@pytest.fixture
def scene(shared_scene: Scene) -> Scene:
    """The shared window, back at the full laptop size on the Moments tab."""
    window = shared_scene.window
    window.resize(WINDOW_W, WINDOW_H)
    window.review_view.tabs.setCurrentIndex(0)
    settle()
    return shared_scene


@pytest.fixture
def own_scene(qtbot, tmp_path: Path, lang: str) -> Iterator[Scene]:  # type: ignore[no-untyped-def]
    """A window of its own, for the tests that close it."""
    made = build_scene(tmp_path, lang)
    qtbot.addWidget(made.window)
    yield made
    made.close()


def fits(size: QSize, budget: QSize) -> bool:
    return size.width() <= budget.width() and size.height() <= budget.height()


def text_width(button: QAbstractButton) -> int:
    """The width the button's text (and icon) needs, bold if its style sheet makes it bold."""
    font = button.font()
    if "bold" in button.styleSheet():
        font.setBold(True)
    from PySide6.QtGui import QFontMetrics

    if isinstance(button, QToolButton) and \
            button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
        return button.iconSize().width()  # the text is only its name and tooltip
    width = QFontMetrics(font).horizontalAdvance(button.text())
    beside = not isinstance(button, QToolButton) or button.toolButtonStyle() in (
        Qt.ToolButtonStyle.ToolButtonTextBesideIcon, Qt.ToolButtonStyle.ToolButtonFollowStyle)
    if not button.icon().isNull() and beside:
        width += button.iconSize().width() + 4
    return width


def cut_buttons(root: QWidget, skip: QWidget | None = None) -> list[str]:
    """Visible buttons whose text does not fit them, or that are cut off or hidden by a
    parent or a neighbour (scrolled into view first, as a user would)."""
    bad = []
    for button in root.findChildren(QAbstractButton):
        if not button.isVisibleTo(root) or not button.text():
            continue
        if skip is not None and skip.isAncestorOf(button):
            continue
        area = next((a for a in root.findChildren(QScrollArea) if a.isAncestorOf(button)), None)
        if area is not None:
            area.ensureWidgetVisible(button, 0, 0)
            QApplication.processEvents()
        shown = button.visibleRegion().boundingRect()
        if text_width(button) > button.width() or shown.width() < button.width() or (
                shown.height() < min(button.height(), 40)):
            bad.append(f"{button.text()!r}: text {text_width(button)} px, button "
                       f"{button.width()}x{button.height()}, visible {shown.width()}x"
                       f"{shown.height()}")
    return bad


def sideways_scrolling(root: QWidget, skip: QScrollArea | None = None) -> list[str]:
    return [f"{type(area.widget()).__name__} needs {area.widget().minimumSizeHint().width()} px"
            f" in {area.viewport().width()} px"
            for area in root.findChildren(QScrollArea)
            if area is not skip and area.isVisibleTo(root)
            and area.horizontalScrollBar().maximum() > 0]


def test_window_minimum_fits_the_screen_on_every_tab_and_step(scene: Scene) -> None:
    window = scene.window
    assert fits(window.minimumSizeHint(), BUDGET), window.minimumSizeHint()
    for step in SessionStep:
        show_step(scene, step)
        assert fits(window.minimumSizeHint(), BUDGET), (step, window.minimumSizeHint())
    # The window was not pushed larger than the screen by any of them.
    assert (window.width(), window.height()) == (WINDOW_W, WINDOW_H)


def test_both_lanes_of_the_timeline_are_visible(scene: Scene) -> None:
    # (In Stap 2 the timeline folds away for the gespreksblad: see the test below.)
    for step in (None, SessionStep.MOMENTS, SessionStep.CLOSING):
        if step is not None:
            show_step(scene, step)
        view = scene.window.review_view.timeline.view
        layout = view.current_layout()
        last = layout.lane_rect(layout.lane_count - 1)
        assert layout.lane_count == 2
        assert last.y + last.h <= view.height(), (step, last, view.height())
        bottom = view.mapTo(scene.window, view.rect().bottomLeft()).y()
        assert bottom < scene.window.height()


def test_the_marked_moments_list_shows_six_rows(scene: Scene) -> None:
    table = scene.window.review_view.marker_list.table
    assert table.model().rowCount() >= 5
    assert table.viewport().height() >= 6 * table.rowHeight(0), table.viewport().height()


def test_the_video_keeps_a_sensible_size(scene: Scene) -> None:
    for step in (None, SessionStep.DISCUSS):
        if step is not None:
            show_step(scene, step)
        video = scene.window.review_view.screen
        assert video.width() >= 480 and video.height() >= 270, (step, video.size())


@pytest.mark.parametrize("step", list(SessionStep), ids=lambda s: s.name.lower())
def test_samenleergesprek_pages_fit_beside_the_video(scene: Scene, step: SessionStep) -> None:
    panel = show_step(scene, step)
    tabs = scene.window.review_view.tabs
    assert panel.width() <= tabs.width()
    assert panel.minimumSizeHint().width() <= panel.width()
    skip = None
    pages = [panel]
    if step == SessionStep.CLOSING:
        ratings = panel.pages[SessionStep.CLOSING].ratings  # type: ignore[attr-defined]
        ratings.start(rv.list_parties(scene.lib, scene.review_id)[0].id)
        settle()
        pages.append(panel)  # again, now with one party answering (faces in a row)
    for root in pages:
        assert not sideways_scrolling(root, skip), sideways_scrolling(root, skip)
        assert not cut_buttons(root, skip), cut_buttons(root, skip)
    if step == SessionStep.MOMENTS:
        assert len(panel.pages[step].cards) == 3  # type: ignore[attr-defined]


def test_stap2_gespreksblad_needs_no_sideways_scrolling(scene: Scene) -> None:
    panel = show_step(scene, SessionStep.DISCUSS)
    scroll = panel.discuss.sheet.scroll  # the same editor as the Moments tab
    # It never scrolls sideways, so what does not fit would be cut off instead.
    assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()
    assert scroll.widget().width() <= scroll.viewport().width()
    assert not cut_buttons(panel)


def inside_the_viewport(scroll: QScrollArea, widget: QWidget) -> bool:
    """The widget is shown whole in the scroll area's viewport, at its current scroll."""
    top_left = widget.mapTo(scroll.viewport(), widget.rect().topLeft())
    return scroll.viewport().rect().contains(QRect(top_left, widget.size()))


def test_stap2_whole_gespreksblad_fits_without_scrolling(scene: Scene) -> None:
    """A, B of both parties with their feelings, and C, all on screen at once in Stap 2 of a
    maximised window on a 1366x768 laptop."""
    panel = show_step(scene, SessionStep.DISCUSS)
    sheet = panel.discuss.sheet
    scroll = sheet.scroll
    assert scroll.verticalScrollBar().maximum() == 0, (
        scroll.widget().height(), scroll.viewport().height())
    parties = rv.list_parties(scene.lib, scene.review_id)
    fields = [sheet.field(sh.SheetField.WHAT_HAPPENED), sheet.field(sh.SheetField.KEEP_OR_CHANGE)]
    for party in parties:
        fields += [sheet.field(sh.SheetField.TO_ME, party.id),
                   sheet.field(sh.SheetField.TO_OTHER, party.id)]
        fields += list(sheet.columns[party.id].feeling_buttons.values())
    assert len(fields) == 2 + 2 * (2 + 8)
    window = scene.window
    for widget in [*fields, sheet.theme_combo]:
        assert widget.isVisibleTo(window), widget.accessibleName()
        assert inside_the_viewport(scroll, widget), (widget.accessibleName(), widget.geometry())
        bottom = widget.mapTo(window, widget.rect().bottomLeft()).y()
        assert bottom < window.height(), widget.accessibleName()
    for field in fields[:2]:
        assert field.height() >= 44  # still two lines to type in
    # The clip stays at hand (under the video), and so do the moments (between Back/Next).
    view = window.review_view
    assert panel.discuss.play_button.isVisibleTo(window)
    assert view.isAncestorOf(panel.discuss.play_button)
    assert all(b.isVisibleTo(window) for b in panel.discuss.tab_buttons)
    assert not view.timeline.isVisibleTo(window)  # folded in Stap 2 ...
    view.tabs.setCurrentIndex(0)
    settle()
    assert view.timeline.isVisibleTo(window)  # ... and back beside the Moments tab
    assert view.mark_buttons.isVisibleTo(window)
    assert not panel.discuss.play_button.isVisibleTo(window)


def test_agreements_buttons_stay_put_when_the_notice_goes(qtbot, scene: Scene) -> None:  # type: ignore[no-untyped-def]
    """"Nog 2 te gaan" comes after Next and goes after the first "ik doe mee": the second
    party's button (and everything else on the page) must not move under the pointer."""
    lib, rid = scene.lib, scene.review_id
    parties = rv.list_parties(lib, rid)
    panel = show_step(scene, SessionStep.RULES)
    for party in parties:
        ss.confirm_rules(lib, rid, party.id, False)
    panel.current_page().refresh()
    settle()
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    settle()
    assert panel.step == SessionStep.RULES and panel.notice.isVisible()
    rules = panel.pages[SessionStep.RULES]
    watched = [*rules.confirm_buttons.values(), rules.blind,  # type: ignore[attr-defined]
               panel.next_button, panel.back_button]

    def places() -> list[tuple[int, int]]:
        return [(w.mapToGlobal(w.rect().topLeft()).x(), w.mapToGlobal(w.rect().topLeft()).y())
                for w in watched]

    before = places()
    first = rules.confirm_buttons[parties[0].id]  # type: ignore[attr-defined]
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    settle()
    assert not panel.notice.isVisible()  # the notice went ...
    assert places() == before  # ... and nothing moved
    # "Mark separately" is on screen without scrolling.
    scroll = rules.findChild(QScrollArea)
    assert scroll.verticalScrollBar().value() == 0
    assert inside_the_viewport(scroll, rules.blind)  # type: ignore[attr-defined]


def test_at_the_minimum_size_nothing_is_cut_cropped_or_scrolled_sideways(scene: Scene) -> None:
    """The window's minimum is honest: at it, every step shows whole buttons (the client's
    pause too), pages that never scroll sideways, and the video at its own minimum size."""
    window, view = scene.window, scene.window.review_view
    least = window.minimumSizeHint()
    for step in [*SessionStep, *SessionStep]:  # every page built, so every page's minimum counts
        show_step(scene, step)
        settle()
        least = least.expandedTo(window.minimumSizeHint())
    assert fits(least, QSize(WINDOW_W, WINDOW_H)), least
    window.resize(least)
    settle()
    assert window.size() == least
    video = view.screen
    for step in (None, *SessionStep):
        if step is None:
            view.tabs.setCurrentIndex(0)
            settle()
        else:
            show_step(scene, step)
        assert window.minimumSizeHint().width() <= least.width(), step
        assert not cut_buttons(view), (step, cut_buttons(view))
        assert not sideways_scrolling(view), (step, sideways_scrolling(view))
        assert video.width() >= video.minimumWidth() and video.height() >= video.minimumHeight(), (
            step, video.size())
        assert video.visibleRegion().boundingRect() == video.rect(), step  # not covered
    panel = show_step(scene, SessionStep.DISCUSS)
    assert panel.pause_button.isVisibleTo(window)
    assert panel.pause_button.text().startswith("❚❚  ")  # not "Pa"
    assert panel.pause_button.width() >= text_width(panel.pause_button)


def test_both_mark_buttons_say_the_same_kind_of_thing(qapp: QApplication) -> None:
    """One party's button never says "Markeer: Al" while the other only says a name: with a
    two-letter name beside a long one, both show the name only, or both the long text."""
    from vsr.ui.review.mark_buttons import MarkButtons

    from vsr.model import MarkerShape, Party, PartyRole

    parties = [Party(1, 1, PartyRole.PROFESSIONAL, "Al", "#1f77b4", MarkerShape.CIRCLE, 0),
               Party(2, 1, PartyRole.CLIENT, "Zoë Çelik-Øğünç Łukasiewicz", "#d95f02",
                     MarkerShape.DIAMOND, 1)]
    buttons = MarkButtons()
    buttons.set_parties(parties)
    short_al = buttons.buttons[1].long_width()
    long_other = buttons.buttons[2].long_width()
    assert short_al < long_other
    kinds = set()
    for width in range(2 * buttons.buttons[2].minimumSizeHint().width() + 20,
                       2 * long_other + 40, 7):
        buttons.resize(width, 60)
        buttons.show()
        settle()
        texts = [b.text() for b in buttons.buttons.values()]
        long_form = [text != party.name for text, party in zip(texts, parties, strict=True)]
        assert long_form[0] == long_form[1], (width, texts)
        kinds.add(long_form[0])
    assert kinds == {True, False}  # both forms were seen, each on both buttons
    buttons.close()


def test_parties_set_again_leave_one_button_each(qapp: QApplication) -> None:
    """Setting the parties again (a review opened a second time) replaces the buttons at once:
    the old ones leave the row before the event loop deletes them, so there are never four."""
    from PySide6.QtWidgets import QPushButton
    from vsr.ui.review.mark_buttons import MarkButtons

    from vsr.model import MarkerShape, Party, PartyRole

    parties = [Party(1, 1, PartyRole.PROFESSIONAL, "Anouk", "#1f77b4", MarkerShape.CIRCLE, 0),
               Party(2, 1, PartyRole.CLIENT, "Zoë", "#d95f02", MarkerShape.DIAMOND, 1)]
    buttons = MarkButtons()
    buttons.resize(600, 60)
    buttons.show()
    buttons.set_parties(parties)
    buttons.set_parties(parties)  # no event loop turn in between
    assert buttons.layout().count() == 2  # the row holds only the new two
    qapp.processEvents()  # the layout shows the new buttons on the next turn
    shown = [b for b in buttons.findChildren(QPushButton) if b.isVisible()]
    assert sorted(shown, key=lambda b: b.x()) == list(buttons.buttons.values())
    buttons.close()


def test_blind_lanes_show_the_whole_name_and_say_why_they_are_empty(scene: Scene) -> None:
    """While the parties mark separately, a lane's header shows the whole name (never
    "Professiona…") and the note that the moments are hidden stands in the empty lane."""
    from PySide6.QtGui import QImage, QPainter
    from vsr.ui.timeline.marker_paint import paint_headers

    class Recording(QPainter):
        def __init__(self, image: QImage) -> None:
            super().__init__(image)
            self.texts: list[tuple[float, str]] = []

        def drawText(self, *args: object) -> None:  # type: ignore[override]  # noqa: N802
            point, text = args[0], args[1]
            self.texts.append((point.x(), str(text)))  # type: ignore[attr-defined]
            super().drawText(*args)  # type: ignore[arg-type]

    view = scene.window.review_view.timeline.view
    parties = [replace(p, name=name) for p, name in
               zip(rv.list_parties(scene.lib, scene.review_id), ("Professional", "Cliënt"),
                   strict=True)]
    view.set_parties(parties)
    layout = view.current_layout()
    image = QImage(layout.width, layout.height, QImage.Format.Format_ARGB32)
    painter = Recording(image)
    paint_headers(painter, layout, parties, {p.id for p in parties}, "Audio", "verborgen")
    painter.end()
    names = [text for x, text in painter.texts if x < layout.header_w]
    notes = [x for x, text in painter.texts if text == "(verborgen)"]
    assert "Professional" in names and "Cliënt" in names, names
    assert len(notes) == 2 and all(x > layout.header_w for x in notes)
    view.set_parties(rv.list_parties(scene.lib, scene.review_id))


def test_dialogs_fit_the_screen(qtbot, scene: Scene) -> None:  # type: ignore[no-untyped-def]
    for name, make in dialogs(scene).items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        settle()
        hint = dialog.minimumSizeHint()
        assert fits(hint, DIALOG_BUDGET), (name, hint)
        assert fits(dialog.size(), DIALOG_BUDGET), (name, dialog.size())
        assert dialog.width() >= hint.width() and dialog.height() >= hint.height(), name
        assert not cut_buttons(dialog), (name, cut_buttons(dialog))
        dialog.close()


# -- where the window opens ------------------------------------------------------------------
def test_fit_to_screen_shrinks_and_moves_a_window_from_a_bigger_screen() -> None:
    fitted = fit_to_screen(QRect(300, 200, 1900, 1150), SMALL_SCREEN)
    assert fitted == QRect(0, TITLE_BAR_H, 1366, 728 - TITLE_BAR_H)
    # Off to the right (a second monitor that is gone): moved back, size kept.
    assert fit_to_screen(QRect(2000, 100, 800, 600), SMALL_SCREEN) == QRect(566, 100, 800, 600)
    # A window that fits stays where it was.
    assert fit_to_screen(QRect(40, 60, 900, 600), SMALL_SCREEN) == QRect(40, 60, 900, 600)


def test_first_start_fits_a_small_screen_and_opens_maximised(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "first.ini"), QSettings.Format.IniFormat)
    rect, maximised = saved_rect(settings, SMALL_SCREEN)
    assert SMALL_SCREEN.contains(rect) and maximised
    rect, maximised = saved_rect(settings, QRect(0, 0, 1920, 1040))
    assert rect.size() == QSize(1360, 860) and not maximised


def test_window_and_splitters_come_back(qtbot, own_scene: Scene, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "vsr.ini"), QSettings.Format.IniFormat)
    first = own_scene.window
    first.show_restored(settings, SMALL_SCREEN)
    assert first.isMaximized()  # first start on a small screen
    first.showNormal()
    first.setGeometry(QRect(20, 50, 1200, 640))
    settle()
    view = first.review_view
    view._moments.setSizes([350, 150])
    view._outer.setSizes([380, 200])
    view.tabs.setCurrentIndex(1)
    view._top.setSizes([500, 690])
    view._top.splitterMoved.emit(500, 1)
    moments, outer = view._moments.sizes(), view._outer.sizes()
    first.close()  # saves

    again = _second_window(qtbot, own_scene)
    again.show_restored(settings, SMALL_SCREEN)
    settle()
    assert again.geometry() == QRect(20, 50, 1200, 640)
    assert again.review_view._moments.sizes() == moments
    assert again.review_view._outer.sizes() == outer
    again.review_view.tabs.setCurrentIndex(1)
    left, right = again.review_view._top.sizes()
    assert abs(left / (left + right) - 500 / 1190) < 0.02

    # On a smaller screen than last time: fitted to it, not larger.
    again.setGeometry(QRect(100, 100, 1800, 1000))
    again.close()
    third = _second_window(qtbot, own_scene)
    third.show_restored(settings, SMALL_SCREEN)
    settle()
    # (The offscreen platform adds a 2 px frame on the left.)
    assert third.size() == QSize(1366, 728 - TITLE_BAR_H), third.geometry()
    inside = third.geometry()
    assert 0 <= inside.x() <= 2 and inside.y() >= TITLE_BAR_H, inside
    third.close()


def test_splitters_of_a_review_never_shown_are_not_saved(qtbot, tmp_path: Path, lang: str,  # type: ignore[no-untyped-def]
                                                        library) -> None:
    from vsr.ui.bridge import LibraryBridge
    from vsr.ui.main_window import MainWindow

    from tests.ui.fake_player import FakePlayer

    settings = QSettings(str(tmp_path / "vsr.ini"), QSettings.Format.IniFormat)
    bridge = LibraryBridge(library)
    window = MainWindow(bridge, FakePlayer(duration_ms=120_000))
    qtbot.addWidget(window)
    window.show_restored(settings, SMALL_SCREEN)  # the start page: the review view never shows
    window.close()
    assert settings.value("window/rect") is not None
    assert settings.value("review/outer") is None  # its sizes are unknown, not worth keeping
    bridge.close()


def test_maximised_state_comes_back(qtbot, own_scene: Scene, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "vsr.ini"), QSettings.Format.IniFormat)
    own_scene.window.show_restored(settings, SMALL_SCREEN)
    own_scene.window.showMaximized()
    qtbot.waitUntil(own_scene.window.isMaximized)
    own_scene.window.close()
    again = _second_window(qtbot, own_scene)
    again.show_restored(settings, SMALL_SCREEN)
    qtbot.waitUntil(again.isMaximized)
    again.close()


def test_language_change_keeps_the_window_in_place(qtbot, own_scene: Scene, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import vsr.ui.app as app_module

    from tests.ui.fake_player import FakePlayer

    ini = str(tmp_path / "vsr.ini")
    monkeypatch.setattr(app_module, "QSettings", lambda: QSettings(ini, QSettings.Format.IniFormat))
    monkeypatch.setattr(app_module, "create_player", lambda: FakePlayer(duration_ms=120_000))
    monkeypatch.setattr(app_module, "save_language", lambda _lang: None)
    shell = app_module.Application(QApplication.instance(), own_scene.bridge, current_language())
    window = shell.build(own_scene.review_id)
    qtbot.addWidget(window)
    window.showNormal()
    least = window.minimumSizeHint()
    # A place and size of the user's, inside the offscreen screen (800x800), above the minimum
    # of both languages (English wraps the video column's controls onto one more row than Dutch
    # below about 710 px; a window that small may grow when the language changes).
    placed = QRect(30, 60, max(760, least.width() + 20), max(700, least.height() + 20))
    window.setGeometry(placed)
    settle()
    shell.change_language("en" if current_language() == "nl" else "nl")
    rebuilt = shell.window
    assert rebuilt is not None and rebuilt is not window
    qtbot.addWidget(rebuilt)
    settle()
    assert rebuilt.geometry() == placed
    assert rebuilt.review_view.review is not None
    rebuilt.close()


def _second_window(qtbot, scene: Scene):  # type: ignore[no-untyped-def]
    from vsr.ui.main_window import MainWindow

    from tests.ui.fake_player import FakePlayer

    window = MainWindow(scene.bridge, FakePlayer(duration_ms=120_000))
    qtbot.addWidget(window)
    assert window.open_review(scene.review_id)
    return window
