"""Reading files from other tools without trusting them: a size limit before anything is parsed,
XML through defusedxml with no DTD, no entities and no external references, JSON with its nesting
bounded. Every failure is an ImportFileError that names the file; nothing here touches the library."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml
from defusedxml import ElementTree as SafeET

from vsr.errors import ImportFileError

MAX_IMPORT_BYTES = 50 * 1024 * 1024  # ELAN's own large files are a few MB; 50 MB leaves room


def read_limited(path: Path | str, limit: int = MAX_IMPORT_BYTES) -> bytes:
    """The bytes of `path`, refused before reading when larger than `limit`."""
    file = Path(path)
    try:
        if file.is_dir():
            raise ImportFileError(path=str(file), reason="reason.folder")
        size = file.stat().st_size
        if size > limit:
            raise ImportFileError("error.import.too_big", path=str(file),
                                  size_mb=round(size / 1_048_576, 1), limit_mb=limit // 1_048_576)
        with file.open("rb") as handle:
            data = handle.read(limit + 1)  # the file may have grown since stat()
    except FileNotFoundError as exc:
        raise ImportFileError(path=str(file), reason="reason.not_found") from exc
    except PermissionError as exc:
        raise ImportFileError(path=str(file), reason="reason.permission") from exc
    except OSError as exc:
        raise ImportFileError(path=str(file), reason=exc.strerror or str(exc)) from exc
    if len(data) > limit:
        raise ImportFileError("error.import.too_big", path=str(file),
                              size_mb=round(len(data) / 1_048_576, 1), limit_mb=limit // 1_048_576)
    if not data.strip():
        raise ImportFileError(path=str(file), reason="reason.empty_file")
    return data


def parse_xml(data: bytes, path: Path | str) -> Element:
    """The root element. A DTD, entity or external reference is refused as hostile (billion
    laughs, XXE); broken XML is refused as damaged."""
    try:
        root: Element = SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True,
                                          forbid_external=True)
    except defusedxml.DefusedXmlException as exc:
        raise ImportFileError(path=str(path), reason="reason.xml_hostile") from exc
    except ParseError as exc:
        raise ImportFileError(path=str(path), reason="reason.xml_malformed") from exc
    except (ValueError, LookupError, RecursionError, UnicodeError) as exc:
        # LookupError: an encoding Python does not know (encoding="U-F-8")
        raise ImportFileError(path=str(path), reason="reason.xml_malformed") from exc
    return root


def parse_json(data: bytes, path: Path | str) -> object:
    """JSON only (no pickles, no code): a damaged or deeply nested file is refused."""
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeError, ValueError, RecursionError) as exc:
        raise ImportFileError(path=str(path), reason="reason.json_malformed") from exc
