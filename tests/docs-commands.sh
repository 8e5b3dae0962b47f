#!/usr/bin/env bash
# Runs every `dotnet run --project src/MentorBot.Host …` command shown in the code blocks of README.md and docs/*.md,
# verbatim, from the repository root, so no page can show a command that fails. A line whose command fails (non-zero
# exit, or no exit within 5 minutes) fails the script. Skipped, each with its reason printed: lines that need an
# external service (storage migrate to PostgreSQL), a running host (health), or that rewrite a tracked file
# (faq calibrate rewrites knowledge/faq-calibration.json, which records the command that made it).
# The host is built once up front; each command then runs with --no-build so the runs are quick.
# Usage: tests/docs-commands.sh [FILE.md ...]   (default: README.md docs/*.md)
set -uo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -gt 0 ]; then pages=("$@"); else pages=(README.md docs/*.md); fi

if ! dotnet build src/MentorBot.Host -v quiet -nologo; then
  echo "docs-commands: build failed"; exit 1
fi

# The lines inside ```sh or ``` blocks that run the host, with a leading "$ " prompt and a trailing "# comment" removed.
mapfile -t lines < <(awk '
  /^```/ { inblock = !inblock; next }
  inblock {
    line = $0
    sub(/^\$ /, "", line)
    if (line !~ /dotnet run --project src\/MentorBot\.Host/) next
    sub(/[ \t]+#[^"'\'']*$/, "", line)
    print line
  }' "${pages[@]}")

passed=0; failed=0; skipped=0
for line in "${lines[@]}"; do
  case "$line" in
    *"storage migrate"*|*"postgres:"*) echo "-- skip (needs PostgreSQL): $line"; skipped=$((skipped+1)); continue ;;
    *"-- health"*) echo "-- skip (needs a running host): $line"; skipped=$((skipped+1)); continue ;;
    *"faq calibrate"*) echo "-- skip (rewrites knowledge/faq-calibration.json): $line"; skipped=$((skipped+1)); continue ;;
  esac
  cmd="${line//dotnet run --project src\/MentorBot.Host/dotnet run --no-build --project src/MentorBot.Host}"
  echo "== $line"
  # Commands without a pipe get an empty stdin, so the console (if the line starts the bot) stops at once.
  if [[ "$cmd" == *"|"* ]]; then
    timeout 300 bash -o pipefail -c "$cmd" >/tmp/docs-commands.$$.out 2>&1; rc=$?
  else
    timeout 300 bash -o pipefail -c "$cmd" </dev/null >/tmp/docs-commands.$$.out 2>&1; rc=$?
  fi
  if [ "$rc" -eq 0 ]; then
    passed=$((passed+1))
  else
    failed=$((failed+1)); echo "!! exit $rc"; tail -20 /tmp/docs-commands.$$.out
  fi
done
rm -f /tmp/docs-commands.$$.out
echo "docs-commands: ran $passed, failures $failed, skipped $skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
