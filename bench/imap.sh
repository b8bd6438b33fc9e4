#!/usr/bin/env bash
# IMAP benchmark: a backlog APPENDed to the test Dovecot, then in the same run a plain UID FETCH
# by our client, IMAP ingestion into a fresh SQLite and the file import of the same messages;
# then delivery-to-ticket latency with IDLE over messages sent one by one through Postfix.
# Starts the servers with scripts/servers/up.sh (and stops them again if it started them).
# Writes bench/results/imap.md.
#
#   bash bench/imap.sh                    # 20,000 messages, 200 latency probes
#   bash bench/imap.sh --count 2000 --latency 50
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$bench")
work="${TMPDIR:-/tmp}/mailticketing-imap-bench"
count=20000
latency=200
while [ $# -gt 0 ]; do
    case "$1" in
        --count) count=$2; shift ;;
        --latency) latency=$2; shift ;;
        --work) work=$2; shift ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
    shift
done

step() { printf '\n== %s\n' "$*" >&2; }

started=
if ! bash "$repo/scripts/servers/up.sh" --running; then
    step "servers"
    bash "$repo/scripts/servers/up.sh" >&2
    started=1
fi
trap '[ -n "$started" ] && bash "$repo/scripts/servers/down.sh" >&2 || true' EXIT
# shellcheck disable=SC1091
. "${MT_SERVERS_DIR:-/tmp/mailticketing-servers}/servers.env"

step "build (Release)"
dotnet build "$bench/ImapBench/MailTicketing.Bench.Imap.csproj" -c Release --nologo -v q -clp:ErrorsOnly >&2
dll="$bench/ImapBench/bin/Release/net10.0/MailTicketing.Bench.Imap.dll"

step "run ($count messages, $latency latency probes)"
mkdir -p "$work"
commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
load=$(cut -d' ' -f1-3 /proc/loadavg)
meta="commit $commit, $(date -u +%Y-%m-%d), $(nproc) cores ($cpu), .NET $(dotnet --version), Dovecot $(dovecot --version 2>/dev/null | cut -d' ' -f1); load average at the start $load"
dotnet "$dll" "$work" "$bench/results/imap.md" --count "$count" --latency "$latency" --meta "$meta"
