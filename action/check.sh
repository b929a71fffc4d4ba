#!/usr/bin/env bash
# check mode: checks the studies and writes every diagnostic as a workflow annotation
# (::error file=…,line=…,col=…::message), then a line in the job summary. Exits as check does:
# 0 no errors, 1 a study has errors, 2 the command could not run.
# Env: STUDIES (space-separated files or folders), GITHUB_STEP_SUMMARY.
set -uo pipefail
read -r -a studies <<< "${STUDIES:-studies}"
scalestudy check "${studies[@]}" --format github > annotations.txt
code=$?
cat annotations.txt
errors=$(grep -c '^::error ' annotations.txt)
warnings=$(grep -c '^::warning ' annotations.txt)
if [ "$code" = 0 ]; then verdict="no errors"; elif [ "$code" = 1 ]; then verdict="errors"; else verdict="check could not run"; fi
echo "scalestudy check: $verdict ($errors errors, $warnings warnings)." >> "$GITHUB_STEP_SUMMARY"
exit "$code"
