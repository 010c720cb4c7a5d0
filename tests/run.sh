#!/usr/bin/env bash
# The whole test suite: type-check, then every tests/**/*.test.ts with Node's test runner.
# (Node 20 does not expand globs itself, so the file list is made here.)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "› tsc --noEmit"
npx --no-install tsc --noEmit
mapfile -t files < <(find tests -name '*.test.ts' -not -path '*/fixtures/*' | sort)
if [ "$#" -gt 0 ]; then files=("$@"); fi
echo "› node --test (${#files[@]} files)"
exec node --import tsx --test --test-concurrency=2 --test-reporter=spec "${files[@]}"
