#!/usr/bin/env bash
# Stops the private Dovecot, Postfix and PostgreSQL started by scripts/servers/up.sh: only
# the master processes named in $MT_SERVERS_DIR's pid files (their children exit with them),
# never the system's instances. --purge also removes $MT_SERVERS_DIR (configs, mail, logs, cert).
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

# PostgreSQL through pg_ctl (a fast shutdown: sessions are ended, the data is kept), as the
# user that owns the cluster, and only when the postmaster of our data directory runs.
PG_DATA="$BASE/postgres/data"
if [ -s "$PG_DATA/postmaster.pid" ]; then
    pid=$(head -n 1 "$PG_DATA/postmaster.pid" | tr -dc '0-9')
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q postgres "/proc/$pid/cmdline" 2>/dev/null; then
        ctl=$(ls -d /usr/lib/postgresql/"$(cat "$PG_DATA/PG_VERSION")"/bin/pg_ctl 2>/dev/null)
        owner=$(stat -c %U "$PG_DATA")
        if [ -z "$ctl" ]; then
            kill -INT "$pid" # what pg_ctl stop -m fast sends
        elif [ "$(id -un)" = "$owner" ]; then
            "$ctl" -D "$PG_DATA" -m fast -w stop >/dev/null
        else
            runuser -u "$owner" -- "$ctl" -D "$PG_DATA" -m fast -w stop >/dev/null
        fi
        echo "servers: postgresql (pid $pid) stopped" >&2
    fi
fi

if [ "${1:-}" = "--purge" ]; then
    case "$BASE" in
        "" | / | /tmp | /tmp/) echo "servers: refusing to remove '$BASE'" >&2; exit 1 ;;
    esac
    rm -rf "$BASE"
    echo "servers: removed $BASE" >&2
fi
