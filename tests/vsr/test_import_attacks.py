"""Files that are not what they claim, in one `vsr import` batch: a name that is not UTF-8 (a
Latin-1 name from an old USB stick), a WAV whose header makes 1 s of sound last 13 hours, a
WAV whose data size claims 149 hours, a photo. Each gets one sentence naming it; the rest of
the batch is imported; nothing is believed that is not really in the file."""

from __future__ import annotations

import json
import os
import shutil
import struct
from pathlib import Path

import cv2
import numpy as np
import pytest

from tests.corpus import CORPUS
from vsr.cli.main import main as cli_main

BUNNY_WAV = CORPUS / "media/valid/bunny.surround.audio.pcm16.wav"  # 1 s, 48 kHz, 6 channels
GOOD = CORPUS / "media/valid/t-rex-roar.mp3"


def _import(tmp_path: Path, capsys: pytest.CaptureFixture[str], *files: Path | str,
            ) -> tuple[int, list[dict[str, object]], list[str]]:
    code = cli_main(["--library", str(tmp_path / "lib.sqlite"), "--lang", "en", "import",
                     *map(str, files)])
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err.splitlines()


def _with_wav_fields(tmp_path: Path, name: str, **fields: int) -> Path:
    """The corpus WAV with header fields replaced: rate, byte_rate (fmt chunk), data_size."""
    data = bytearray(BUNNY_WAV.read_bytes())
    fmt = data.index(b"fmt ") + 8
    offsets = {"rate": fmt + 4, "byte_rate": fmt + 8, "data_size": data.index(b"data") + 4}
    for field, value in fields.items():
        data[offsets[field]:offsets[field] + 4] = struct.pack("<I", value)
    path = tmp_path / name
    path.write_bytes(bytes(data))
    return path


def test_a_name_that_is_not_utf8_is_one_sentence_and_the_batch_goes_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latin1 = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"gesprek caf\xe9 Zo\xeb.mp3"))
    shutil.copy(GOOD, latin1)
    code, imported, errors = _import(tmp_path, capsys, latin1, GOOD)
    assert code == 2
    assert [row["path"] for row in imported] == [str(GOOD)]
    assert len(errors) == 1 and "Traceback" not in errors[0]
    assert f"{tmp_path}/gesprek caf\ufffd Zo\ufffd.mp3" in errors[0]
    assert "Rename the file" in errors[0]


def test_a_wav_header_that_stretches_one_second_into_hours_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stretched = _with_wav_fields(tmp_path, "uitgerekt.wav", rate=1, byte_rate=12)
    code, imported, errors = _import(tmp_path, capsys, stretched, GOOD)
    assert code == 2 and [row["path"] for row in imported] == [str(GOOD)]
    assert errors == [f"{stretched} cannot be used: the file says its sound has 1 samples a "
                      "second, which no real recording has (the file is damaged or altered)."]


def test_a_wav_claiming_149_hours_gets_the_second_it_holds(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 149 h of 48 kHz 16-bit: more than a 32-bit size can say, so the largest it can
    claims = _with_wav_fields(tmp_path, "149uur.wav", data_size=0xFFFFFFF0)
    code, imported, errors = _import(tmp_path, capsys, claims)
    assert code == 0, errors
    assert imported[0]["duration_ms"] == pytest.approx(1000, abs=20)


def test_a_photo_is_not_a_recording(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    picture = np.zeros((48, 64, 3), np.uint8)
    photos = []
    for name in ("foto.jpg", "foto.png", "foto zonder extensie"):
        path = tmp_path / name
        ok, encoded = cv2.imencode(".png" if name.endswith("png") else ".jpg", picture)
        assert ok
        path.write_bytes(encoded.tobytes())
        photos.append(path)
    mjpeg_video = CORPUS / "media/valid/photo-jpeg.mov"  # pictures as JPEG, but a recording
    code, imported, errors = _import(tmp_path, capsys, *photos, mjpeg_video)
    assert code == 2
    assert errors == [f"{p} is a photo or picture, not a recording. Choose a video or sound "
                      "file." for p in photos]
    assert [row["path"] for row in imported] == [str(mjpeg_video)]
    assert imported[0]["duration_ms"] == 1000


@pytest.mark.parametrize("fmt", ["eaf", "csv", "vtt"])
def test_an_export_name_that_is_not_utf8_is_refused_before_writing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    from tests.vsr.fakes import add_fake_recording
    from vsr.library import open_library
    from vsr.library import reviews as rv

    lib = open_library(tmp_path / "lib.sqlite")
    review = rv.create_review(lib, add_fake_recording(lib, tmp_path).id)
    lib.close()
    out = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"verslag \xe9." + fmt.encode()))
    code = cli_main(["--library", str(tmp_path / "lib.sqlite"), "--lang", "en", "export", fmt,
                     str(review.id), "-o", out])
    _out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err
    assert err.strip() == (f"The name {tmp_path}/verslag \ufffd.{fmt} contains characters that "
                           "are not valid text. Choose another name; nothing was written.")
    assert not os.path.exists(out)
    lib = open_library(tmp_path / "lib.sqlite")
    try:
        assert lib.query("SELECT count(*) AS n FROM exported_files")[0]["n"] == 0
    finally:
        lib.close()
