#!/usr/bin/env bash
# Stops the private Dovecot and Postfix started by scripts/servers/up.sh: only the master
# processes named in $MT_SERVERS_DIR's pid files (their children exit with them), never
# the system's instances. --purge also removes $MT_SERVERS_DIR (configs, mail, logs, cert).
set -uo pipefail

BASE=${MT_SERVERS_DIR:-/tmp/mailticketing-servers}

stop() { # name pidfile program
    local pid
    if [ -s "$2" ]; then
        pid=$(tr -dc '0-9' <"$2")
        # The process must still be the program we started: a recycled pid is left alone.
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q "$3" "/proc/$pid/cmdline" 2>/dev/null; then
            kill -TERM "$pid"
            for _ in $(seq 1 100); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.1
            done
            if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi
            echo "servers: $1 (pid $pid) stopped" >&2
        fi
        rm -f "$2"
    fi
}

# Postfix first: it delivers into Dovecot and authenticates through it.
stop postfix "$BASE/postfix/spool/pid/master.pid" master
stop dovecot "$BASE/dovecot/run/master.pid" dovecot

if [ "${1:-}" = "--purge" ]; then
    case "$BASE" in
        "" | / | /tmp | /tmp/) echo "servers: refusing to remove '$BASE'" >&2; exit 1 ;;
    esac
    rm -rf "$BASE"
    echo "servers: removed $BASE" >&2
fi
