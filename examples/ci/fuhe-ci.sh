#!/usr/bin/env bash
# How a CI job uses fuhe: extract a folder of reports into a fresh store, gate on what is
# missing, and publish the comparison as artifacts.
#
#   examples/ci/fuhe-ci.sh REPORTS_DIR OUT_DIR REGION REGION [REGION...]
#
# Exit codes are fuhe's own (see README): 1 when a gate trips, 4 when a report is unreadable.
set -euo pipefail

reports=${1:?reports directory}
out=${2:?output directory}
shift 2
regions=("$@")
[ "${#regions[@]}" -ge 2 ] || { echo "usage: $0 REPORTS OUT REGION REGION..." >&2; exit 2; }

mkdir -p "$out"
export FUHE_DB="$out/fuhe.sqlite"   # a store of this run only
export NO_COLOR=1

# 1. Extract every report; fail if any report yields no figure at all.
fuhe -q extract "$reports" --format jsonl --fail-on empty > "$out/facts.jsonl"

# 2. Publish the comparison for people (Markdown, Excel-friendly CSV) and for scripts (JSON).
fuhe -q compare "${regions[@]}" --format md > "$out/compare.md"
fuhe -q compare "${regions[@]}" --format csv --bom > "$out/compare.csv"

# 3. Gate: every indicator reported by one region must be reported by the others.
#    Remove `--fail-on missing` to publish without gating.
fuhe -q compare "${regions[@]}" --format json ${FUHE_INDICATORS:+$(printf -- '--indicator %s ' $FUHE_INDICATORS)} \
  --fail-on missing > "$out/compare.json"

echo "fuhe: $(wc -l < "$out/facts.jsonl") facts; comparison in $out/compare.md"
