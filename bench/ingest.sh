#!/usr/bin/env bash
# Ingest benchmark: the whole pipeline (hash, store raw, parse, redact, split, extract, thread,
# write, acknowledge, commit) into a fresh SQLite file, against the MIME parse alone over the same
# files in the same run; then the time per message with 0 and with N existing tickets.
# Writes bench/results/ingest.md (git-ignored).
#
#   bash bench/ingest.sh            # 20,000 messages, 200,000 existing tickets, warm-up >= 30 s (needs ~15 GB in $TMPDIR)
#   bash bench/ingest.sh --quick    # 2,000 messages, 20,000 existing tickets, warm-up >= 5 s: a fast check that all works
#   options: --count N  --existing N  --batch N (scale messages per round)  --rounds N  --parse-passes N
#            --warmup-seconds S  --breakdown N (messages through the timed store; 0 skips)
#            --history bulk|pipeline (how the existing tickets are made)  --work DIR  --keep
#            --only-pipeline (warm up, then pipeline passes only, alternating files and memory: for perf)
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$bench")
work="${TMPDIR:-/tmp}/mailticketing-ingest-bench"
count=20000
existing=200000
batch=2000
rounds=2
parse_passes=3
warmup_seconds=30
breakdown=5000
history=bulk
quick=
extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=1; count=2000; existing=20000; batch=500; warmup_seconds=5; breakdown=2000 ;;
        --count) count=$2; shift ;;
        --existing) existing=$2; shift ;;
        --batch) batch=$2; shift ;;
        --rounds) rounds=$2; shift ;;
        --parse-passes) parse_passes=$2; shift ;;
        --warmup-seconds) warmup_seconds=$2; shift ;;
        --breakdown) breakdown=$2; shift ;;
        --history) history=$2; shift ;;
        --work) work=$2; shift ;;
        --keep) extra+=(--keep) ;;
        --only-pipeline) extra+=(--only-pipeline) ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
    shift
done

step() { printf '\n== %s\n' "$*" >&2; }

step "build (Release)"
dotnet build "$bench/IngestBench/MailTicketing.Bench.Ingest.csproj" -c Release --nologo -v q -clp:ErrorsOnly >&2
dll="$bench/IngestBench/bin/Release/net10.0/MailTicketing.Bench.Ingest.dll"

step "mail ($count messages)"
mkdir -p "$work"
list=$(dotnet "$dll" prepare "$work" "$count")

step "run"
commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
load=$(cut -d' ' -f1-3 /proc/loadavg)
meta="commit $commit, $(date -u +%Y-%m-%d), $(nproc) cores ($cpu), .NET $(dotnet --version); load average at the start $load${quick:+; quick: not for quoting}"
dotnet "$dll" run "$list" "$work" "$bench/results/ingest.md" \
    --existing "$existing" --batch "$batch" --rounds "$rounds" --parse-passes "$parse_passes" \
    --warmup-seconds "$warmup_seconds" --breakdown "$breakdown" --history "$history" --meta "$meta" "${extra[@]}"
