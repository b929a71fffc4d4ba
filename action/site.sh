#!/usr/bin/env bash
# site mode: builds the studies into $OUT for actions/upload-pages-artifact.
# Env: STUDIES (space-separated files or folders), OUT, BASE_URL (may be empty), GITHUB_STEP_SUMMARY.
set -euo pipefail
read -r -a studies <<< "${STUDIES:-studies}"
args=(build "${studies[@]}" --out "${OUT:-site}")
if [ -n "${BASE_URL:-}" ]; then args+=(--base-url "$BASE_URL"); fi
scalestudy "${args[@]}"
count=$(find "${OUT:-site}" -mindepth 2 -maxdepth 2 -name results.json | wc -l)
echo "Built $count stud$([ "$count" = 1 ] && echo y || echo ies) into ${OUT:-site}/." >> "$GITHUB_STEP_SUMMARY"
