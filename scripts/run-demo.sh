#!/usr/bin/env bash
# Set up everything, then open the app on the demo recording (made on first use).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/vsr demo "$@"
