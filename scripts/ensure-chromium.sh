#!/usr/bin/env bash
# Makes sure a Chromium is there for the browser tests, and fails loudly when it cannot be.
#
# - CHROME_PATH (if set) or Debian's /usr/bin/chromium found: nothing to do.
# - Otherwise, as root on Debian (apt-get present): install Debian's `chromium` package.
# - Otherwise: stop with a message saying how to get one.
#
# It never downloads a browser build (no `playwright install`), and a run that cannot test in a
# browser fails here rather than skipping the browser tests.
set -euo pipefail

usable() {
  [[ -n "${1:-}" && -x "$1" ]]
}

if [[ -n "${CHROME_PATH:-}" ]]; then
  if usable "$CHROME_PATH"; then
    exit 0
  fi
  echo "ensure-chromium: CHROME_PATH is set to '$CHROME_PATH', which is not an executable file." >&2
  echo "Point CHROME_PATH at a Chromium or Chrome binary, or unset it to use Debian's /usr/bin/chromium." >&2
  exit 1
fi

for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  if usable "$candidate"; then
    exit 0
  fi
done

if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: no Chromium found; installing Debian's chromium package for the browser tests." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y chromium
  if usable /usr/bin/chromium; then
    exit 0
  fi
  echo "ensure-chromium: apt-get installed chromium, but /usr/bin/chromium is still missing." >&2
  exit 1
fi

cat >&2 <<'EOF'
ensure-chromium: no Chromium found, so the browser tests cannot run (they are never skipped).
Get one of these, then run the tests again:
  - on Debian or Ubuntu, as root:   apt-get install -y chromium
  - with sudo:                      sudo apt-get install -y chromium
  - any other Chromium or Chrome:   export CHROME_PATH=/path/to/chromium
The tests never download a browser build (`npx playwright install` is not used).
EOF
exit 1
