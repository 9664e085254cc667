#!/usr/bin/env bash
# README command 1: set up, create the database (plan + demo data when empty) and start the dashboard.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
# one Python process before Streamlit: create or migrate the database, load the plan (and the demo data when it
# is empty), then print the listening address and allowed host names (demo data: this computer only; see
# README, Security)
ARGS_TEXT=$(.venv/bin/python -m tracker server-args --prepare)
mapfile -t SERVER_ARGS < <(printf '%s' "$ARGS_TEXT")
if [ "${SERVER_ARGS[1]:-}" = "127.0.0.1" ] && [ -z "${TRACKER_ADDRESS:-}" ]; then
    echo "Demo data (public demo passwords): listening on this computer only. TRACKER_ADDRESS=0.0.0.0 to share it."
fi
echo "Dashboard: http://localhost:${PORT:-8501}  (Ctrl+C to stop)"
exec .venv/bin/python -m streamlit run app.py --server.port "${PORT:-8501}" "${SERVER_ARGS[@]}" "$@"
