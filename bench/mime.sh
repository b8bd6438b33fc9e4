#!/usr/bin/env bash
# MIME parser benchmark: our reader against Python's email package and the npm package mailparser,
# on the same files in the same run. Writes bench/results/mime.md (git-ignored).
#
#   bash bench/mime.sh             # warm-up (1 pass and >= 10 s), 3 measured passes, full synthetic set (~300 MB)
#   bash bench/mime.sh --quick     # warm-up >= 2 s, 1 measured pass, small synthetic set: a fast check that all works
#   options: --passes N  --warmup N (passes)  --warmup-seconds S  --corpus DIR (default: ../shared/corpus beside the repository)
#            --only-ours (skip the baselines; prints our JSON, for profiling)
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$bench")
corpus="$repo/../shared/corpus"
work="${TMPDIR:-/tmp}/mailticketing-bench"
passes=3
warmup=1
warmup_seconds=10
quick=
only_ours=
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=--quick; passes=1; warmup_seconds=2 ;;
        --passes) passes=$2; shift ;;
        --warmup) warmup=$2; shift ;;
        --warmup-seconds) warmup_seconds=$2; shift ;;
        --corpus) corpus=$2; shift ;;
        --only-ours) only_ours=1 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
    shift
done
[ -d "$corpus" ] || { echo "corpus not found: $corpus" >&2; exit 1; }
corpus=$(cd "$corpus" && pwd)

step() { printf '\n== %s\n' "$*" >&2; }

# 1. Tools: /usr/bin/time for peak RSS, python3, node and npm for the baselines.
step "tools"
missing=()
[ -x /usr/bin/time ] || missing+=(time)
command -v python3 >/dev/null || missing+=(python3)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}" >&2
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >&2
fi
# npm ci installs exactly the committed lock file; skipped when the pinned mailparser is already there.
if ! (cd "$bench/node" && node -e "process.exit(require('./node_modules/mailparser/package.json').version === require('./package.json').dependencies.mailparser ? 0 : 1)" 2>/dev/null); then
    (cd "$bench/node" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
echo "python3 $(python3 -c 'import platform; print(platform.python_version())'), node $(node --version), mailparser $(node -p "require('$bench/node/node_modules/mailparser/package.json').version")" >&2

# 2. Our harness, Release.
step "build (Release)"
dotnet build "$bench/MimeBench/MailTicketing.Bench.Mime.csproj" -c Release --nologo -v q -clp:ErrorsOnly >&2
ours_dll="$bench/MimeBench/bin/Release/net10.0/MailTicketing.Bench.Mime.dll"

# 3. Inputs: one list per set, written once and given to all three parsers.
step "inputs"
dotnet "$ours_dll" prepare "$corpus" "$work" $quick

# 4. Each parser in its own process per set; parsers alternate so a busy moment hurts all alike.
results="$bench/results"
raw="$results/raw"
rm -rf "$raw"
mkdir -p "$raw"
run() { # parser set command...
    local parser=$1 set=$2 w=$warmup ws=$warmup_seconds
    shift 2
    [ "$set" = idle ] && w=0 ws=0
    echo "$parser on $set" >&2
    /usr/bin/time -v -o "$raw/$parser-$set.time" "$@" "$work/$set.list" "$set" "$passes" "$w" "$ws" >"$raw/$parser-$set.json"
}
: >"$work/idle.list"
for set in idle corpus synthetic; do
    # "idle" is an empty list: the RSS of the runtime and the loaded parser alone, for reading the peaks.
    step "$set"
    run ours "$set" dotnet "$ours_dll" run
    if [ -z "$only_ours" ]; then
        run python "$set" python3 "$bench/python/parse_all.py"
        run mailparser "$set" node "$bench/node/parse_all.js"
    fi
done

if [ -n "$only_ours" ]; then
    cat "$raw"/ours-*.json
    exit 0
fi

# 5. Table and Markdown report.
step "results"
commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
meta="commit $commit, $(date -u +%Y-%m-%d), $(nproc) cores ($cpu), .NET $(dotnet --version), $passes measured passes after a warm-up of $warmup pass(es) and >= ${warmup_seconds} s${quick:+, quick}"
python3 "$bench/python/report.py" "$raw" "$results/mime.md" "$meta"
