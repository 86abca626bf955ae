#!/usr/bin/env bash
# Makes sure the browser tests have what they run against, and fails loudly when they cannot:
#
# - Chromium: CHROME_PATH, or Debian's /usr/bin/chromium (the suite's browser; never a downloaded build);
# - nginx: NGINX_PATH, or Debian's /usr/sbin/nginx (tests/browser/nginx.spec.ts and publish.spec.ts
#   run the generated deploy configuration in a real one).
#
# What is missing is installed with one apt-get, as root on Debian (Debian's `chromium` and
# `nginx-light` packages); nginx's package would start a service on port 80, which policy-rc.d
# forbids for the install (the tests start their own nginx on loopback ports). Anywhere else it
# stops with a message saying how to get them. The browser tests are never skipped.
set -euo pipefail

usable() {
  [[ -n "${1:-}" && -x "$1" ]]
}

missing=()

# $1 tool, $2 the variable that may point at it, $3 the package, $4… where Debian puts it.
check() {
  local tool=$1 variable=$2 package=$3
  shift 3
  local given=${!variable:-}
  if [[ -n "$given" ]]; then
    if usable "$given"; then return 0; fi
    echo "ensure-test-tools: $variable is set to '$given', which is not an executable file." >&2
    echo "Point $variable at a $tool binary, or unset it to use Debian's $1." >&2
    exit 1
  fi
  local candidate
  for candidate in "$@"; do
    if usable "$candidate"; then return 0; fi
  done
  missing+=("$package")
}

check Chromium CHROME_PATH chromium /usr/bin/chromium /usr/bin/chromium-browser
check nginx NGINX_PATH nginx-light /usr/sbin/nginx

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-test-tools: installing Debian's ${missing[*]} for the browser tests." >&2
  export DEBIAN_FRONTEND=noninteractive
  # policy-rc.d answering 101 tells the package scripts not to start any service.
  policy=/usr/sbin/policy-rc.d
  created_policy=0
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod +x "$policy"
    created_policy=1
  fi
  cleanup() {
    if [[ "$created_policy" -eq 1 ]]; then rm -f "$policy"; fi
  }
  trap cleanup EXIT
  apt-get update
  for package in "${missing[@]}"; do
    # Chromium with its recommended packages (its fonts among them: the layout tests measure text);
    # nginx without (it would pull in more than the light server).
    if [[ "$package" == chromium ]]; then
      apt-get install -y chromium
    else
      apt-get install -y --no-install-recommends "$package"
    fi
  done
  # Should a service have been started anyway (no policy-rc.d honoured), stop it: port 80 stays free.
  if [[ -s /run/nginx.pid ]]; then
    /usr/sbin/nginx -s quit 2>/dev/null || true
  fi
  if usable /usr/bin/chromium && usable /usr/sbin/nginx; then
    exit 0
  fi
  echo "ensure-test-tools: apt-get ran, but /usr/bin/chromium or /usr/sbin/nginx is still missing." >&2
  exit 1
fi

cat >&2 <<MSG
ensure-test-tools: missing ${missing[*]}, so the browser tests cannot run (they are never skipped).
Get them, then run the tests again:
  - on Debian or Ubuntu, as root:   apt-get install -y chromium nginx-light
  - with sudo:                      sudo apt-get install -y chromium nginx-light
  - any other Chromium or Chrome:   export CHROME_PATH=/path/to/chromium
  - any other nginx (1.22 or later, with gzip_static):   export NGINX_PATH=/path/to/nginx
The tests never download a browser build (\`npx playwright install\` is not used).
MSG
exit 1
