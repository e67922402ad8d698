#!/usr/bin/env bash
# The "Scan" step of the iacscan composite action (action.yml). Inputs arrive as IACSCAN_* variables,
# never spliced into the script text, so no input can inject shell code. Writes the step outputs
# sarif-file and exit-code, and always exits 0: the action's last step enforces the result after
# the SARIF upload.
set -uo pipefail

words() { tr ',\n' '  ' <<<"${1:-}"; }

read -r -a paths <<<"$(words "${IACSCAN_PATHS:-.}")"
[ "${#paths[@]}" -gt 0 ] || paths=(.)
sarif="${IACSCAN_SARIF:-iacscan.sarif}"
mkdir -p "$(dirname "$sarif")"

# Two reports from each run: the findings as text in the step's log, SARIF to a file.
scan_args=()
drift_args=()
[ -n "${IACSCAN_FAIL_ON:-}" ] && scan_args+=(--fail-on "$IACSCAN_FAIL_ON")
[ -n "${IACSCAN_FRAMEWORK:-}" ] && scan_args+=(--framework "$IACSCAN_FRAMEWORK")
[ -n "${IACSCAN_CONFIG:-}" ] && scan_args+=(--config "$IACSCAN_CONFIG")
if [ "${IACSCAN_DOWNLOAD_MODULES:-false}" = "true" ]; then
  scan_args+=(--download-external-modules --module-cache "${RUNNER_TEMP:-/tmp}/iacscan-modules")
fi
merge_args=(--category "${IACSCAN_CATEGORY:-iacscan}")
if [ -n "${IACSCAN_BASELINE:-}" ]; then
  scan_args+=(--baseline "$IACSCAN_BASELINE")
  merge_args+=(--baseline "$IACSCAN_BASELINE") # drift accepted in the baseline: suppressed at the merge
fi
for file in $(words "${IACSCAN_VAR_FILES:-}"); do scan_args+=(--var-file "$file"); done
for dir in $(words "${IACSCAN_POLICY_DIRS:-}"); do scan_args+=(--policies "$dir"); done
regions="$(words "${IACSCAN_DRIFT_REGIONS:-}" | xargs)"
[ -n "$regions" ] && drift_args+=(--regions "${regions// /,}")
read -r -a extra <<<"${IACSCAN_DRIFT_ARGS:-}"
drift_args+=("${extra[@]}")

status=0
if [ -z "${IACSCAN_DRIFT_SOURCE:-}" ]; then
  iacscan scan "${paths[@]}" "${scan_args[@]}" -f text -o - -f sarif -o "$sarif" || status=$?
else
  work="${RUNNER_TEMP:-/tmp}/iacscan-$$"
  mkdir -p "$work"
  scan_status=0
  drift_status=0
  iacscan scan "${paths[@]}" "${scan_args[@]}" -f text -o - -f sarif -o "$work/policy.sarif" || scan_status=$?
  iacscan drift "$IACSCAN_DRIFT_SOURCE" "${drift_args[@]}" -f text -o - -f sarif -o "$work/drift.sarif" ||
    drift_status=$?
  parts=()
  for part in "$work/policy.sarif" "$work/drift.sarif"; do [ -f "$part" ] && parts+=("$part"); done
  if [ "${#parts[@]}" -gt 0 ]; then
    iacscan merge "${parts[@]}" "${merge_args[@]}" --output "$sarif" || status=2
  fi
  if [ "$drift_status" = 3 ] && [ -f "$sarif" ] &&
    python "$(dirname "$0")/counts.py" "$sarif" | grep -qx 'drift=0'; then
    drift_status=0 # every drifted resource is in the baseline
  fi
  if [ "$scan_status" = 2 ] || [ "$drift_status" = 2 ] || [ "$status" = 2 ]; then
    status=2
  elif [ "$scan_status" = 1 ] && [ "$drift_status" != 0 ]; then
    status=4
  elif [ "$drift_status" != 0 ]; then
    status=3
  else
    status=$scan_status
  fi
fi

echo "exit-code=$status" >>"${GITHUB_OUTPUT:-/dev/null}"
if [ -f "$sarif" ]; then
  echo "sarif-file=$sarif" >>"${GITHUB_OUTPUT:-/dev/null}"
fi
echo "iacscan exit code: $status"
exit 0
