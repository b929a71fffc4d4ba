#!/usr/bin/env bash
# diff mode: finds the studies a pull request touches (scalestudy changed), builds them at the base and at
# the head, compares the builds with scalestudy diff, and writes comment.md (starting with the marker
# <!-- scalestudy-diff --> that finds the comment again) and the step output code (diff's exit code: 3 a
# --fail-on rule is broken, 1 the head does not build, 0 all well).
# Env: BASE_SHA and HEAD_SHA (action.yml passes them), else read from EVENT_PATH (the pull_request event payload), GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
#      STUDIES (roots to look in; default all), FAIL_ON_MRE_INCREASE, FAIL_ON_PARAMETER_CHANGE, FAIL_ON_LOST_FIT,
#      BASE_TOOL (same: the head's tool builds both sides; source: the base is built with the tool built from
#      the base's own checkout, for the scalestudy repository itself).
set -euo pipefail
sha() { sed -n "s/.*\"$1\": *{[^{}]*\"sha\": *\"\([0-9a-f]\{40\}\)\".*/\1/p" <(tr -d '\n' < "$EVENT_PATH") | head -1; }
BASE_SHA="${BASE_SHA:-$(sha base)}"
HEAD_SHA="${HEAD_SHA:-$(sha head)}"
if [ -z "$BASE_SHA" ] || [ -z "$HEAD_SHA" ]; then
  echo "::error::diff mode runs on pull_request events (no base and head SHAs in $EVENT_PATH)"
  exit 2
fi
read -r -a roots <<< "${STUDIES:-}"

scalestudy changed "$BASE_SHA" "$HEAD_SHA" "${roots[@]}" > changed.txt 2> why.txt
cat why.txt

mkdir -p base-site head-site
studies=()
while IFS= read -r s; do studies+=("$s"); done < changed.txt
if [ ${#studies[@]} -gt 0 ]; then
  base="$(mktemp -d)/base"
  git worktree add --detach "$base" "$BASE_SHA" > /dev/null 2>&1
  at_base=()
  for s in "${studies[@]}"; do if [ -f "$base/$s" ]; then at_base+=("$s"); fi; done
  if [ ${#at_base[@]} -gt 0 ]; then
    tool=(scalestudy)
    if [ "${BASE_TOOL:-same}" = "source" ]; then
      (cd "$base" && mvn -B -q package -DskipTests) && tool=(java -jar "$base/target/scalestudy.jar") \
        || tool=(false)
    fi
    here="$PWD"
    (cd "$base" && "${tool[@]}" build "${at_base[@]}" --out "$here/base-site" --no-cache --quiet) \
      || echo "The base does not build these studies (see the job log); every fit counts as added." > base-failed.txt
    if [ -f base-failed.txt ]; then rm -rf base-site && mkdir base-site; fi
  fi
  git worktree remove --force "$base" > /dev/null 2>&1 || true
  at_head=()
  for s in "${studies[@]}"; do if [ -f "$s" ]; then at_head+=("$s"); fi; done
  if [ ${#at_head[@]} -gt 0 ]; then
    scalestudy build "${at_head[@]}" --out head-site --no-cache --quiet 2> head-err.txt || touch head-failed.txt
    cat head-err.txt
  fi
fi

rules=()
if [ -n "${FAIL_ON_MRE_INCREASE:-}" ]; then rules+=(--fail-on-mre-increase "$FAIL_ON_MRE_INCREASE"); fi
if [ -n "${FAIL_ON_PARAMETER_CHANGE:-}" ]; then rules+=(--fail-on-parameter-change "$FAIL_ON_PARAMETER_CHANGE"); fi
if [ "${FAIL_ON_LOST_FIT:-true}" = "true" ]; then rules+=(--fail-on-lost-fit); fi

code=0
{
  echo "<!-- scalestudy-diff -->"
  if [ ! -s changed.txt ]; then
    echo "## scalestudy diff"
    echo
    echo "No study changed between ${BASE_SHA:0:7} and ${HEAD_SHA:0:7} (no study file, data it reads, or tool file)."
  elif [ -f head-failed.txt ]; then
    echo "## scalestudy diff"
    echo
    echo "**The head does not build** (nothing to compare):"
    echo
    echo '```'
    head -c 20000 head-err.txt
    echo '```'
    code=1
  else
    set +e
    scalestudy diff base-site head-site "${rules[@]}" > diff.md 2> diff-err.txt
    code=$?
    set -e
    # name the builds by their commits, not by their folders
    sed -i "1s/base-site → head-site/base ${BASE_SHA:0:7} → head ${HEAD_SHA:0:7}/" diff.md
    cat diff.md
    echo
    if [ -f base-failed.txt ]; then cat base-failed.txt; echo; fi
    echo "Base ${BASE_SHA:0:7} → head ${HEAD_SHA:0:7}. Studies built, and why:"
    echo
    sed 's/^/- /' why.txt
  fi
} > comment.md
cat diff-err.txt 2>/dev/null || true
cat comment.md >> "$GITHUB_STEP_SUMMARY"
echo "code=$code" >> "$GITHUB_OUTPUT"
