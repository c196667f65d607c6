#!/usr/bin/env bash
# Reproduce every number in docs/evaluation.md.
#   bench/eval_all.sh                 # full splits (about 5 minutes on 2 cores)
#   LIMIT=50 bench/eval_all.sh        # quick pass while developing
# Reads the shared gold sets from ../shared/eval (relative to the repo); writes reports, the
# dev-trained model and logs to $OUT (default /tmp/fogofwar-eval), never into the repo:
# the ACLED/CASE data may not be redistributed, and nothing trained on it is shipped.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-../shared/eval}"
OUT="${OUT:-/tmp/fogofwar-eval}"
PY="${PY:-.venv/bin/python}"
LIM=()
[ -n "${LIMIT:-}" ] && LIM=(--limit "$LIMIT")
mkdir -p "$OUT"
FOG=(.venv/bin/fogofwar)
ACLED="$SHARED/acled-mali/events.csv"
CASE="$SHARED/case2021-task2/test.tsv"
UCDP="$SHARED/ucdp-ged/ged-sample.csv"
for f in "$ACLED" "$CASE" "$UCDP"; do [ -f "$f" ] || { echo "missing $f" >&2; exit 2; }; done

run() {  # name, then eval arguments
  local name=$1; shift
  local t0=$SECONDS
  "${FOG[@]}" eval "$@" "${LIM[@]}" --report "$OUT/$name" > "$OUT/$name.txt"
  echo "$name: $((SECONDS - t0)) s" | tee -a "$OUT/timings.txt"
}
: > "$OUT/timings.txt"
git rev-parse --short HEAD > "$OUT/commit.txt"

# 1. the pipeline as it stands (rules only)
run acled-dev  --gold "$ACLED" --format acled --split dev
run acled-test --gold "$ACLED" --format acled --split test
run case       --gold "$CASE"  --format case2021
run ucdp       --gold "$UCDP"  --format ucdp
run fogofwar   --gold tests/fixtures/gold --format fogofwar
run fogofwar-en --gold tests/fixtures/gold --format fogofwar --lang en
run fogofwar-fr --gold tests/fixtures/gold --format fogofwar --lang fr
# the held-out pairs: written apart, never looked at while the rules were tuned (report, don't tune)
run holdout-en --gold tests/fixtures/holdout/gold --format fogofwar --lang en
run holdout-fr --gold tests/fixtures/holdout/gold --format fogofwar --lang fr

# 2. the classifier seam, tuned on dev only (train 2017-2018, tune on 2019)
"$PY" -m fogofwar.evaluate tune-seam --gold "$ACLED" > "$OUT/tune-seam.md"

# 3. train on ACLED dev (2017-2019), evaluate with --model (dev is in-sample, test and CASE are not)
"${FOG[@]}" train --gold "$ACLED" --split dev --out "$OUT/model-dev"
run acled-dev-model  --gold "$ACLED" --format acled --split dev  --model "$OUT/model-dev"
run acled-test-model --gold "$ACLED" --format acled --split test --model "$OUT/model-dev"
run case-model       --gold "$CASE"  --format case2021 --model "$OUT/model-dev"
run ucdp-model       --gold "$UCDP"  --format ucdp --model "$OUT/model-dev"

echo "reports in $OUT (*.md, *.json); timings in $OUT/timings.txt"
