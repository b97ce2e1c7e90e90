# Sourced by scripts/bench and scripts/bench-scale: timing and statistics shared by the benches.
# Expects $work (a scratch folder) to be set. Call the functions that stop the bench as `out=$(f ...)`: an exit inside
# `< <(f ...)` or a here-string would end only the subshell, and the bench would go on with empty figures.

# "wall-ms cpu-ms" of one command: elapsed, and user + system time of it and every process it started. A failed
# command prints its output and stops the bench.
timed() {
  if ! /usr/bin/time -f '%e %U %S' -o "$work/timed.txt" "$@" >"$work/timed.log" 2>&1; then
    echo "Failed: $*" >&2
    cat "$work/timed.log" >&2
    exit 1
  fi
  tail -1 "$work/timed.txt" | awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}'
}

# "wall-ms cpu-ms" of sparta:package itself in a logged `package` of the project $2, as the goal reports it
# ("sparta:package took … ms, … ms of CPU on its thread"); $1 is the Maven command.
goal_ms() {
  "$1" -B -ntp -o -f "$2/pom.xml" package >"$work/goal.log" 2>&1 || { cat "$work/goal.log" >&2; exit 1; }
  grep -o 'sparta:package took [0-9]* ms, [0-9]* ms of CPU' "$work/goal.log" | awk '{print $3, $5}' \
    || { echo "No 'sparta:package took' line in $work/goal.log" >&2; exit 1; }
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
range() { printf '%s\n' "$@" | sort -n | awk 'NR == 1 {lo = $1} {hi = $1} END {print lo "–" hi}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# Removes the sparta-maven-plugin block from the pom of the project $1: the same build without the plugin.
without_plugin() {
  python3 - "$1/pom.xml" <<'PY'
import re, sys
path = sys.argv[1]
pom = open(path).read()
pom, removed = re.subn(r"\s*<plugin>\s*<groupId>io\.sparta</groupId>.*?</plugin>", "", pom, flags=re.S)
assert removed == 1, "the sample's sparta-maven-plugin block was not found"
open(path, "w").write(pom)
PY
}
