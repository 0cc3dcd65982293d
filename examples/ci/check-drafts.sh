#!/usr/bin/env bash
# How a CI job gates drafts with `fuhe check`: annotations on the pull request, SARIF for code
# scanning, and a non-zero exit when a figure is wrong.
#
#   examples/ci/check-drafts.sh DRAFTS_DIR [OUT_DIR]
#
# Exit 0: no finding at the error level; 1: a figure to fix; 3: a bad .fuhe.yaml; 4: unreadable draft.
set -uo pipefail

drafts=${1:?drafts directory}
out=${2:-fuhe-check}
mkdir -p "$out"
export NO_COLOR=1

# SARIF for GitHub code scanning (upload it with github/codeql-action/upload-sarif).
fuhe -q check "$drafts" --format sarif --fail-on never > "$out/fuhe.sarif"
# Annotations in the job log and on the pull request; this one decides the job's status.
fuhe -q check "$drafts" --format github --fail-on error
