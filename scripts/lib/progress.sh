# Sourced by scripts/demo and scripts/lib/local-aws.sh: long steps that say how far they got instead of staying
# silent (an install on an empty Maven repository takes about ten minutes, the Python venv several). Each keeps the
# tool's whole output in a log file and prints a few lines a minute; errors are printed as they come.

# mvn_with_progress LOG COMMAND...: runs a Maven command (batch mode, no -q), printing a line per module it starts
# and, while it downloads, how many artifacts it has fetched, at most every 15 seconds. The whole output goes to LOG.
mvn_with_progress() {
  local log="$1"
  shift
  local started=$SECONDS
  if ! "$@" -Dstyle.color=never 2>&1 | tee "$log" | _mvn_progress "$started"; then
    printf 'Maven failed after %d s; its whole output is in %s\n' $((SECONDS - started)) "$log" >&2
    return 1
  fi
  printf '  done in %d s (output in %s)\n' $((SECONDS - started)) "$log"
}

_mvn_progress() {
  local started="$1" last=$SECONDS downloads=0 line
  local module='^\[INFO\] Building (.*[^ ]) +\[([0-9]+/[0-9]+)\]$'
  while IFS= read -r line; do
    if [[ $line =~ $module ]]; then
      printf '  [%s] %s  (%d s)\n' "${BASH_REMATCH[2]}" "${BASH_REMATCH[1]}" $((SECONDS - started))
    elif [[ $line == *"Downloaded from "* ]]; then
      downloads=$((downloads + 1))
      if ((SECONDS - last >= 15)); then
        printf '    %d artifacts downloaded so far  (%d s)\n' "$downloads" $((SECONDS - started))
        last=$SECONDS
      fi
    elif [[ $line == "[ERROR]"* ]]; then
      printf '%s\n' "$line"
    fi
  done
  if ((downloads > 0)); then
    printf '    %d artifacts downloaded in all\n' "$downloads"
  fi
}

# pip_with_progress LOG PIP-ARGUMENTS...: runs pip, printing how many packages it has collected and downloaded at
# most every 10 seconds, each package it builds from source (the slow case), and when it starts installing.
pip_with_progress() {
  local log="$1"
  shift
  local started=$SECONDS
  if ! "$@" --progress-bar off 2>&1 | tee "$log" | _pip_progress "$started"; then
    printf 'pip failed after %d s; its whole output is in %s\n' $((SECONDS - started)) "$log" >&2
    return 1
  fi
  printf '  done in %d s (output in %s)\n' $((SECONDS - started)) "$log"
}

_pip_progress() {
  local started="$1" last=$SECONDS collected=0 downloaded=0 line
  while IFS= read -r line; do
    case "$line" in
      Collecting\ *)
        collected=$((collected + 1))
        if ((SECONDS - last >= 10)); then
          printf '    %d packages collected, %d downloaded  (%d s)\n' "$collected" "$downloaded" $((SECONDS - started))
          last=$SECONDS
        fi
        ;;
      *Downloading\ *) downloaded=$((downloaded + 1)) ;;
      *Building\ wheel\ for\ *) printf '    %s  (%d s)\n' "${line#"${line%%[! ]*}"}" $((SECONDS - started)) ;;
      Installing\ collected\ packages:*)
        printf '    %d packages collected; installing them  (%d s)\n' "$collected" $((SECONDS - started))
        ;;
      ERROR:* | error:*) printf '%s\n' "$line" ;;
    esac
  done
}
