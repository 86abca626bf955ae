#!/usr/bin/env bash
# Makes sure an nginx is there for the browser tests (tests/browser/nginx.spec.ts runs the
# generated deploy configuration in a real one), and fails loudly when it cannot be.
#
# - NGINX_PATH (if set) or Debian's /usr/sbin/nginx found: nothing to do.
# - Otherwise, as root on Debian (apt-get present): install Debian's `nginx-light` (or `nginx`).
#   Its postinst starts the packaged service on port 80 where it can; the tests start their own
#   nginx, so the service is stopped again and nothing is left listening.
# - Otherwise: stop with a message saying how to get one.
set -euo pipefail

usable() {
  [[ -n "${1:-}" && -x "$1" ]]
}

if [[ -n "${NGINX_PATH:-}" ]]; then
  if usable "$NGINX_PATH"; then
    exit 0
  fi
  echo "ensure-nginx: NGINX_PATH is set to '$NGINX_PATH', which is not an executable file." >&2
  echo "Point NGINX_PATH at an nginx binary, or unset it to use Debian's /usr/sbin/nginx." >&2
  exit 1
fi

if usable /usr/sbin/nginx; then
  exit 0
fi

if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-nginx: no nginx found; installing Debian's nginx-light package for the browser tests." >&2
  export DEBIAN_FRONTEND=noninteractive
  # policy-rc.d answering 101 tells the package scripts not to start the service at all.
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
  apt-get install -y --no-install-recommends nginx-light || apt-get install -y --no-install-recommends nginx
  # Should a service have been started anyway (no policy-rc.d honoured), stop it: port 80 stays free.
  if [[ -s /run/nginx.pid ]]; then
    /usr/sbin/nginx -s quit 2>/dev/null || true
  fi
  if usable /usr/sbin/nginx; then
    exit 0
  fi
  echo "ensure-nginx: apt-get installed nginx, but /usr/sbin/nginx is still missing." >&2
  exit 1
fi

cat >&2 <<'EOF'
ensure-nginx: no nginx found, so the deploy configuration cannot be tested (the test is never skipped).
Get one of these, then run the tests again:
  - on Debian or Ubuntu, as root:   apt-get install -y nginx-light
  - with sudo:                      sudo apt-get install -y nginx-light
  - any other nginx (1.22 or later, with gzip_static):   export NGINX_PATH=/path/to/nginx
EOF
exit 1
