#!/usr/bin/env bash
# Rules benchmark: samples/rules.yaml plus generated rules (500 by default) evaluated against
# generated support mail (10,000 by default), against the MIME parse of the same messages in
# the same run. Rule evaluation must not be the pipeline's bottleneck: it should be clearly
# faster than parsing. Writes bench/results/rules.md (git-ignored).
#
#   bash bench/rules.sh            # 10,000 messages, 500 generated rules, warm-up >= 10 s, median of 3 passes (about 2 minutes)
#   bash bench/rules.sh --quick    # 2,000 messages, warm-up >= 2 s, 1 pass: a fast check that all works (not for quoting)
#   options: --count N  --generated N  --passes N  --warmup-seconds S  --seed N  --rules FILE
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$bench")
rules="$repo/samples/rules.yaml"
count=10000
generated=500
passes=3
warmup_seconds=10
seed=20260302
quick=
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=1; count=2000; passes=1; warmup_seconds=2 ;;
        --count) count=$2; shift ;;
        --generated) generated=$2; shift ;;
        --passes) passes=$2; shift ;;
        --warmup-seconds) warmup_seconds=$2; shift ;;
        --seed) seed=$2; shift ;;
        --rules) rules=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
    shift
done

step() { printf '\n== %s\n' "$*" >&2; }

step "build (Release)"
dotnet build "$bench/RulesBench/MailTicketing.Bench.Rules.csproj" -c Release --nologo -v q -clp:ErrorsOnly >&2
dll="$bench/RulesBench/bin/Release/net10.0/MailTicketing.Bench.Rules.dll"

step "run"
commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
load=$(cut -d' ' -f1-3 /proc/loadavg)
meta="commit $commit, $(date -u +%Y-%m-%d), $(nproc) cores ($cpu), .NET $(dotnet --version); load average at the start $load${quick:+; quick: not for quoting}"
dotnet "$dll" "$rules" "$bench/results/rules.md" \
    --count "$count" --generated "$generated" --passes "$passes" --warmup-seconds "$warmup_seconds" --seed "$seed" --meta "$meta"
