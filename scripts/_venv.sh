# Shared by scripts/run, scripts/test and scripts/bench: a .venv with the pinned requirements.
set -euo pipefail
cd "$(dirname "$0")/.."
REQUIREMENTS="${1:-requirements.txt}"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# Reinstall only when the requirements changed since the last install.
stamp=".venv/.installed-$(cat requirements.txt "$REQUIREMENTS" | sha1sum | cut -c1-12)-$(basename "$REQUIREMENTS")"
if [ ! -f "$stamp" ]; then
  .venv/bin/pip install --quiet --disable-pip-version-check -r "$REQUIREMENTS"
  touch "$stamp"
fi
export PATH="$PWD/.venv/bin:$PATH"
# The compiled catalogues are committed; refresh them when gettext is there to do it.
if command -v msgfmt >/dev/null; then
  DEBUG=1 python manage.py compilemessages --ignore=.venv -v0
fi
