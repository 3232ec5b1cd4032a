#!/usr/bin/env bash
# Print the newest supported Python (3.13, 3.12, 3.11) on this machine: on PATH, or in a
# pyenv installation whose shims do not expose it. With an argument, only that version.
set -u
versions=("${@:-3.13 3.12 3.11}")
for v in ${versions[*]}; do
    if python"$v" -c '' >/dev/null 2>&1; then echo "python$v"; exit 0; fi
    for root in "${PYENV_ROOT:-$HOME/.pyenv}" /root/.pyenv /opt/pyenv; do
        for exe in "$root"/versions/"$v".*/bin/python"$v"; do
            if [ -x "$exe" ] && "$exe" -c '' >/dev/null 2>&1; then echo "$exe"; exit 0; fi
        done
    done
done
[ $# -gt 0 ] && exit 1
echo python3
