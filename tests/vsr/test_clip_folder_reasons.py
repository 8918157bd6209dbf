"""A clip or pack that cannot be written because of its folder says why in the user's
language: "folder not found" and "not a folder" stood in English inside the Dutch sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.vsr.collection_fixtures import CLIENT, make_source, make_world
from vsr.clip_packs import export_collection
from vsr.clips.cut import export_clip
from vsr.errors import StorageError
from vsr.i18n import set_language
from vsr.library import Library
from vsr.library import collections as co
from vsr.library import consent as cs


@pytest.mark.parametrize(("lang", "said"), [("nl", "bestaat niet"), ("en", "does not exist")])
def test_a_clip_into_a_folder_that_is_not_there(tmp_path: Path, lang: str, said: str) -> None:
    source = make_source(tmp_path / "media", "gesprek.mp4", 2.0)
    set_language(lang)
    with pytest.raises(StorageError) as caught:
        export_clip(source, 0, 1000, tmp_path / "weg" / "clip.mp4")
    text = caught.value.message()
    assert said in text and "folder not found" not in text.replace(said, "")
    assert str(tmp_path / "weg") in text


@pytest.mark.parametrize(("lang", "said"), [("nl", "geen map"), ("en", "not a folder")])
def test_a_pack_into_a_file_instead_of_a_folder(library: Library, tmp_path: Path, lang: str,
                                                said: str) -> None:
    world = make_world(library, make_source(tmp_path / "media", "gesprek.mp4", 2.0))
    cs.grant_consent(library, world.rec.id, "intervisie", given_by=CLIENT)
    collection = co.create_collection(library, "Intervisie", "intervisie")
    co.add_clip(library, collection.id, world.rec.id, 0, 800)
    file = tmp_path / "een-bestand"
    file.write_text("x")
    set_language(lang)
    with pytest.raises(StorageError) as caught:
        export_collection(library, collection.id, file, anonymize_faces=False)
    assert said in caught.value.message() and str(file) in caught.value.message()
