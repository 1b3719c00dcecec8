#!/usr/bin/env bash
# Refactor check: `assistant ask --json --batch` and `assistant cite --json --batch` print the same
# bytes at REF (default HEAD) and in the work tree, on every question and claim set we keep.
#   usage: scripts/same_output.sh [REF]      (run from the project root, after `make setup`)
# Each side gets a fresh index of corpus/ in a temporary folder; REF is checked out in a
# temporary git worktree and imported ahead of the editable install (PYTHONPATH).
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:-HEAD}
py=$PWD/.venv/bin/python
tmp=$(mktemp -d)
trap 'git worktree remove --force "$tmp/ref" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git worktree add --detach -q "$tmp/ref" "$ref"
cp -r corpus/. "$tmp/ref/corpus/"  # the same corpus on both sides

questions=(tests/data/dev.jsonl tests/data/own_eval.jsonl tests/data/holdout_eval.jsonl tests/data/calibration.jsonl)
claims=(tests/data/claims_smoke.jsonl)
[ -f tests/data/claims.jsonl ] && claims+=(tests/data/claims.jsonl)

run() {  # run SIDE_DIR OUT_DIR
  local side=$1 out=$2 f
  mkdir -p "$out"
  (cd "$side" && PYTHONPATH=$side GRADIO_ANALYTICS_ENABLED=False \
     "$py" ingest.py --quiet --index "$out/index" >/dev/null)
  for f in "${questions[@]}"; do
    (cd "$side" && PYTHONPATH=$side "$py" -m assistant.cli ask --json --batch "$OLDPWD/$f" --index "$out/index") \
      > "$out/ask-$(basename "$f")"
  done
  for f in "${claims[@]}"; do
    (cd "$side" && PYTHONPATH=$side "$py" -m assistant.cli cite --json --batch "$OLDPWD/$f" --index "$out/index") \
      > "$out/cite-$(basename "$f")"
  done
}

run "$tmp/ref" "$tmp/before"
run "$PWD" "$tmp/after"
status=0
for f in "$tmp"/before/*.jsonl; do
  name=$(basename "$f")
  if cmp -s "$f" "$tmp/after/$name"; then
    echo "same  $name ($(wc -l < "$f") lines)"
  else
    echo "DIFF  $name"; diff <(head -c 2000 "$f") <(head -c 2000 "$tmp/after/$name") | head -20 || true; status=1
  fi
done
exit $status
