#!/usr/bin/env bash
# The whole test suite: type-check, then every tests/**/*.test.ts with Node's test runner.
# (Node 20 does not expand globs itself, so the file list is made here.)
set -euo pipefail
cd "$(dirname "$0")/.."

# The real tools the suites drive (browser, web server, HTML validator's Java, feed parser) come from
# Debian. Installed here, once and up front, so no suite skips on a new machine for lack of them.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
/usr/bin/python3 -c 'import feedparser' >/dev/null 2>&1 || need+=(python3-feedparser)
if [ "${#need[@]}" -gt 0 ]; then
  echo "› faltan paquetes de Debian para las pruebas: ${need[*]}; instalando con apt-get"
  apt-get update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}"
fi
echo "› tsc --noEmit"
npx --no-install tsc --noEmit
mapfile -t files < <(find tests -name '*.test.ts' -not -path '*/fixtures/*' | sort)
if [ "$#" -gt 0 ]; then files=("$@"); fi
echo "› node --test (${#files[@]} files)"
exec node --import tsx --test --test-concurrency=2 --test-reporter=spec "${files[@]}"
