#!/usr/bin/env bash
# Run a Qt program on the real display, or under Xvfb on a headless machine.
set -euo pipefail
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ -n "${QT_QPA_PLATFORM:-}" ]; then
    exec "$@"
fi
if command -v xvfb-run >/dev/null 2>&1; then
    echo "No display found: running under Xvfb (1080x1920)." >&2
    exec xvfb-run -a -s "-screen 0 1080x1920x24" "$@"
fi
echo "No display and no Xvfb: running offscreen." >&2
QT_QPA_PLATFORM=offscreen exec "$@"
