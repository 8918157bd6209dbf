"""Build what the checkout does not hold: the compiled UI translations (.qm) and the pictograms
drawn to PNG for the PDF and DOCX summaries. The package build does the same (_build/)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_build"))
sys.path.insert(0, str(ROOT / "scripts"))

import build_translations  # noqa: E402 - after the path set-up
import vsr_assets  # noqa: E402


def main() -> int:
    build_translations.main()
    written = vsr_assets.render_pictograms(ROOT)
    print(f"rendered {len(written)} pictograms to {written[0].parent}" if written
          else "no pictograms found", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
