#!/usr/bin/env bash
# Starts a private Dovecot (IMAP, LMTP, SASL for Postfix), Postfix (MX, submission, smtps)
# and PostgreSQL on 127.0.0.1 for the tests and for local runs, and writes
# $MT_SERVERS_DIR/servers.env.
#
# Everything (configs, queue, state, logs, Maildirs, TLS certificate) lives under
# $MT_SERVERS_DIR (default /tmp/mailticketing-servers). The system's own /etc/dovecot,
# /etc/postfix, /etc/postgresql and system instances (the Debian "main" cluster included)
# are never read for configuration, written, started or stopped.
# Installs the Debian packages when they are missing and we are root.
#
# Idempotent: when the instances run with the same configuration nothing is restarted;
# a changed configuration is reloaded (PostgreSQL: restarted). Stop with scripts/servers/down.sh.
#
# Usage: up.sh            start (or keep) the servers, wait until their ports answer
#        up.sh --running  exit 0 when all three instances of $MT_SERVERS_DIR are running, else 1
# Exit codes: 0 up, 1 failed to start (log tail printed), 3 unavailable here (not root and
# the packages or the servers are missing): tests that need them skip.
set -euo pipefail

BASE=${MT_SERVERS_DIR:-/tmp/mailticketing-servers}
IMAP_PORT=${MT_IMAP_PORT:-12143}
IMAPS_PORT=${MT_IMAPS_PORT:-12993}
LMTP_PORT=${MT_LMTP_PORT:-12024}
MX_PORT=${MT_SMTP_MX_PORT:-12025}
SUBMISSION_PORT=${MT_SMTP_PORT:-12587}
SMTPS_PORT=${MT_SMTPS_PORT:-12465}
PASSWORD=${MT_MAIL_PASSWORD:-mt-test-password}
STAFF_DOMAIN=exchange.example
CUSTOMER_DOMAIN=customer.example
STAFF_USERS="support security compliance team"
CUSTOMER_USERS="alice bob carol"
# Mail files belong to Debian's existing "mail" user, so no account is added to the system.
VMAIL_USER=${MT_VMAIL_USER:-mail}
TIMEOUT=${MT_SERVERS_TIMEOUT:-30}
PG_PORT=${MT_PG_PORT:-12432}
PG_USER=${MT_PG_USER:-mailticketing}
PG_PASSWORD=${MT_PG_PASSWORD:-mt-pg-password}
PG_DATABASE=${MT_PG_DATABASE:-mailticketing}

DOVECOT_DIR="$BASE/dovecot"
POSTFIX_DIR="$BASE/postfix"
LOG_DIR="$BASE/log"
DOVECOT_PID="$DOVECOT_DIR/run/master.pid"
POSTFIX_PID="$POSTFIX_DIR/spool/pid/master.pid"
# postfix-script wants everything under config_directory owned by root: queue and data sit beside it.
POSTFIX_CONF="$POSTFIX_DIR/etc"
PG_DIR="$BASE/postgres"
PG_DATA="$PG_DIR/data"
PG_RUN="$PG_DIR/run"
PG_PID="$PG_DATA/postmaster.pid"

say() { echo "servers: $*" >&2; }

# A pid file counts only when its process is alive and is the program we started, so a
# recycled pid never makes us think a server runs (or makes down.sh kill a stranger).
running() { # pidfile program
    local pid
    [ -s "$1" ] || return 1
    pid=$(tr -dc '0-9' <"$1" 2>/dev/null)
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    grep -q "$2" "/proc/$pid/cmdline" 2>/dev/null
}

# postmaster.pid holds more than the pid: its first line is the pid.
pg_running() {
    local pid
    [ -s "$PG_PID" ] || return 1
    pid=$(head -n 1 "$PG_PID" 2>/dev/null | tr -dc '0-9')
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    grep -q postgres "/proc/$pid/cmdline" 2>/dev/null
}

if [ "${1:-}" = "--running" ]; then
    running "$DOVECOT_PID" dovecot && running "$POSTFIX_PID" master && pg_running
    exit
fi

# The newest PostgreSQL server installed (Debian keeps its programs out of PATH).
pg_bin() {
    local ctl
    ctl=$(ls -d /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1)
    [ -n "$ctl" ] && dirname "$ctl"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

install_packages() {
    local missing=()
    command -v dovecot >/dev/null 2>&1 || missing+=(dovecot-imapd)
    [ -x /usr/lib/dovecot/lmtp ] || missing+=(dovecot-lmtpd)
    command -v postfix >/dev/null 2>&1 || missing+=(postfix)
    pg_bin >/dev/null || missing+=(postgresql)
    ((${#missing[@]})) || return 0
    if [ "$(id -u)" != 0 ]; then
        say "unavailable: ${missing[*]} not installed and not root (apt-get install -y ${missing[*]})"
        exit 3
    fi
    say "installing ${missing[*]}"
    # "No configuration": postfix's debconf must not prompt, and the package then writes no
    # /etc/postfix/main.cf and starts no system instance.
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    # Keep the packages from starting system daemons (Debian's policy-rc.d convention);
    # remove the guard afterwards only when we added it.
    local guard=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        guard=/usr/sbin/policy-rc.d
        printf '#!/bin/sh\nexit 101\n' >"$guard"
        chmod 0755 "$guard"
    fi
    # System instances that run before the install are not ours to stop afterwards.
    local before_dovecot=0 before_postfix=0 before_pg=""
    running /run/dovecot/master.pid dovecot && before_dovecot=1
    running /var/spool/postfix/pid/master.pid master && before_postfix=1
    for pidfile in /var/lib/postgresql/*/main/postmaster.pid; do
        running "$pidfile" postgres && before_pg="$before_pg $pidfile"
    done
    local ok=0
    if ! { apt-get -o DPkg::Lock::Timeout=300 update -qq &&
        DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
            --no-install-recommends "${missing[@]}" >/dev/null; }; then
        ok=1
    fi
    [ -z "$guard" ] || rm -f "$guard"
    # Should a policy that allows starts have let the packages start system daemons, stop
    # exactly those (by their pid files): they would listen on every interface.
    if [ $before_dovecot = 0 ] && running /run/dovecot/master.pid dovecot; then
        kill -TERM "$(cat /run/dovecot/master.pid)" && say "stopped the system dovecot the install started"
    fi
    if [ $before_postfix = 0 ] && running /var/spool/postfix/pid/master.pid master; then
        kill -TERM "$(tr -dc '0-9' </var/spool/postfix/pid/master.pid)" && say "stopped the system postfix the install started"
    fi
    # The postgresql package creates a "main" cluster; it must not run (it would take port 5432).
    for pidfile in /var/lib/postgresql/*/main/postmaster.pid; do
        case "$before_pg " in *" $pidfile "*) continue ;; esac
        if running "$pidfile" postgres; then
            kill -TERM "$(head -n 1 "$pidfile" | tr -dc '0-9')" && say "stopped the system postgresql cluster the install started"
        fi
    done
    if [ $ok -ne 0 ]; then
        say "apt-get install ${missing[*]} failed"
        exit 1
    fi
}

if [ "$(id -u)" != 0 ]; then
    # Postfix needs root to start; servers started earlier by root are still usable (their
    # pid files are root's, so their ports tell).
    if [ -s "$BASE/servers.env" ] && port_open "$IMAP_PORT" && port_open "$SUBMISSION_PORT" &&
        port_open "$MX_PORT" && port_open "$LMTP_PORT" && port_open "$PG_PORT"; then
        exit 0
    fi
    install_packages # exits 3 with the reason when packages are missing
    say "unavailable: starting Postfix and Dovecot needs root"
    exit 3
fi
install_packages
command -v openssl >/dev/null 2>&1 || {
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq openssl >/dev/null
}

VUID=$(id -u "$VMAIL_USER")
VGID=$(id -g "$VMAIL_USER")

mkdir -p "$BASE" "$LOG_DIR" "$BASE/tls" "$BASE/mail" "$DOVECOT_DIR"/{run,state} "$POSTFIX_DIR"/{etc,spool,data}
chown postfix: "$POSTFIX_DIR/data"
chmod 0755 "$BASE" "$DOVECOT_DIR" "$DOVECOT_DIR/run" "$BASE/mail"

# Writes stdin to $1 only when it differs, and records that something changed.
changed=0
put() {
    local tmp="$1.tmp"
    cat >"$tmp"
    if [ -f "$1" ] && cmp -s "$tmp" "$1"; then
        rm -f "$tmp"
    else
        mv "$tmp" "$1"
        changed=1
    fi
}

# Self-signed certificate for both servers, made once: clients pin it through MT_CA_FILE.
if [ ! -s "$BASE/tls/cert.pem" ] || [ ! -s "$BASE/tls/key.pem" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=127.0.0.1" \
        -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
        -addext "basicConstraints=critical,CA:TRUE" \
        -keyout "$BASE/tls/key.pem" -out "$BASE/tls/cert.pem" >/dev/null 2>&1
    chmod 0600 "$BASE/tls/key.pem"
    chmod 0644 "$BASE/tls/cert.pem"
fi

# Users: the login is the full address; every mailbox is a Maildir under $BASE/mail.
{
    for u in $STAFF_USERS; do echo "$u@$STAFF_DOMAIN"; done
    for u in $CUSTOMER_USERS; do echo "$u@$CUSTOMER_DOMAIN"; done
} >"$BASE/addresses.tmp"
while read -r address; do
    echo "$address:{PLAIN}$PASSWORD:$VUID:$VGID::$BASE/mail/${address#*@}/${address%@*}::"
done <"$BASE/addresses.tmp" | put "$DOVECOT_DIR/users"
chmod 0640 "$DOVECOT_DIR/users"
chgrp dovecot "$DOVECOT_DIR/users"
while read -r address; do
    mkdir -p "$BASE/mail/${address#*@}/${address%@*}/Maildir"/{cur,new,tmp}
done <"$BASE/addresses.tmp"
chown -R "$VUID:$VGID" "$BASE/mail"

put "$DOVECOT_DIR/dovecot.conf" <<EOF
# Generated by scripts/servers/up.sh: private test instance, rewritten on every start.
instance_name = mailticketing-dovecot
base_dir = $DOVECOT_DIR/run
state_dir = $DOVECOT_DIR/state
listen = 127.0.0.1
protocols = imap lmtp
log_path = $LOG_DIR/dovecot.log
info_log_path = $LOG_DIR/dovecot.log

ssl = yes
ssl_cert = <$BASE/tls/cert.pem
ssl_key = <$BASE/tls/key.pem
ssl_min_protocol = TLSv1.2
# Tests also log in on the plain port (the IMAP client's own policy decides whether it may).
disable_plaintext_auth = no
auth_mechanisms = plain login
# Tests try wrong passwords on purpose; no need to make them wait.
auth_failure_delay = 0

first_valid_uid = $VUID
last_valid_uid = $VUID
first_valid_gid = $VGID
last_valid_gid = $VGID
mail_location = maildir:~/Maildir
mail_uid = $VUID
mail_gid = $VGID
namespace inbox {
  inbox = yes
  separator = /
}

passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%Lu $DOVECOT_DIR/users
}
userdb {
  driver = passwd-file
  args = username_format=%Lu $DOVECOT_DIR/users
}

service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $IMAPS_PORT
    ssl = yes
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $LMTP_PORT
  }
}
# Postfix's smtpd asks Dovecot to check submission passwords over this socket.
service auth {
  unix_listener auth-postfix {
    mode = 0660
    user = postfix
    group = postfix
  }
}
EOF
doveconf -c "$DOVECOT_DIR/dovecot.conf" -n >/dev/null
dovecot_changed=$changed
changed=0

# Postfix: its own config directory, queue and data directory; started with postfix -c.
# Nothing is chrooted (the paths are outside any chroot) and logs go to a file (no syslog).
{
    for u in $STAFF_USERS; do echo "$u@$STAFF_DOMAIN OK"; done
    for u in $CUSTOMER_USERS; do echo "$u@$CUSTOMER_DOMAIN OK"; done
} | put "$POSTFIX_CONF/vmailbox"

put "$POSTFIX_CONF/main.cf" <<EOF
# Generated by scripts/servers/up.sh: private test instance, rewritten on every start.
compatibility_level = 3.6
queue_directory = $POSTFIX_DIR/spool
data_directory = $POSTFIX_DIR/data
maillog_file = $LOG_DIR/postfix.log
maillog_file_prefixes = $LOG_DIR
myhostname = mail.$STAFF_DOMAIN
mydomain = $STAFF_DOMAIN
myorigin = $STAFF_DOMAIN
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.1/32
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
biff = no
append_dot_mydomain = no
smtputf8_enable = yes

# Both domains are virtual mailboxes handed to Dovecot over LMTP; unknown users are
# refused at RCPT (550 5.1.1). Nothing leaves the machine: other domains bounce at once.
virtual_mailbox_domains = $STAFF_DOMAIN $CUSTOMER_DOMAIN
virtual_mailbox_maps = texthash:$POSTFIX_CONF/vmailbox
virtual_transport = lmtp:inet:127.0.0.1:$LMTP_PORT
default_transport = error:5.7.1 the test servers deliver to the local domains only
relay_transport = error:5.7.1 the test servers deliver to the local domains only

# Inbound (MX) defaults: no AUTH, STARTTLS offered, mail only for our domains. Note: no
# permit_mynetworks, since every client here is 127.0.0.1 and that would make an open relay.
smtpd_tls_cert_file = $BASE/tls/cert.pem
smtpd_tls_key_file = $BASE/tls/key.pem
smtpd_tls_security_level = may
smtpd_relay_restrictions = reject_unauth_destination
smtpd_recipient_restrictions =
smtpd_sasl_type = dovecot
smtpd_sasl_path = $DOVECOT_DIR/run/auth-postfix
smtpd_sasl_auth_enable = no
message_size_limit = 10240000
EOF

put "$POSTFIX_CONF/master.cf" <<EOF
# Generated by scripts/servers/up.sh. service type private unpriv chroot wakeup maxproc command
127.0.0.1:$MX_PORT inet n - n - - smtpd
127.0.0.1:$SUBMISSION_PORT inet n - n - - smtpd
  -o syslog_name=postfix/submission
  -o smtpd_tls_security_level=encrypt
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_tls_auth_only=yes
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
  -o smtpd_recipient_restrictions=permit_sasl_authenticated,reject
127.0.0.1:$SMTPS_PORT inet n - n - - smtpd
  -o syslog_name=postfix/submissions
  -o smtpd_tls_wrappermode=yes
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
  -o smtpd_recipient_restrictions=permit_sasl_authenticated,reject
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF

log_tails() {
    for f in "$LOG_DIR"/*.log; do
        [ -f "$f" ] || continue
        echo "--- $f" >&2
        tail -n 30 "$f" >&2
    done
}

# Start or reload each instance; a running instance with an unchanged configuration is left alone.
if running "$DOVECOT_PID" dovecot; then
    if [ "$dovecot_changed" = 1 ]; then
        doveadm -c "$DOVECOT_DIR/dovecot.conf" reload
        say "dovecot configuration reloaded"
    fi
else
    rm -f "$DOVECOT_PID"
    dovecot -c "$DOVECOT_DIR/dovecot.conf"
    say "dovecot started"
fi

if running "$POSTFIX_PID" master; then
    if [ "$changed" = 1 ]; then
        postfix -c "$POSTFIX_CONF" reload 2>>"$LOG_DIR/postfix-start.log"
        say "postfix configuration reloaded"
    fi
else
    # "check" creates the queue directories with the ownership Postfix expects.
    rm -f "$POSTFIX_PID"
    if ! { postfix -c "$POSTFIX_CONF" check && postfix -c "$POSTFIX_CONF" start; } >>"$LOG_DIR/postfix-start.log" 2>&1; then
        say "postfix did not start"
        log_tails
        exit 1
    fi
    say "postfix started"
fi

# PostgreSQL: a cluster of our own under $PG_DIR, listening on 127.0.0.1 and on a unix
# socket in $PG_RUN only. postgres refuses to run as root, so as root it runs as Debian's
# "postgres" user (created by the package); its bootstrap superuser is that OS user, reached
# by peer authentication over the socket. The test role logs in over TCP with a password.
PG_BIN=$(pg_bin) || { say "PostgreSQL is not installed"; exit 1; }
PG_OWNER=postgres
as_pg() { runuser -u "$PG_OWNER" -- "$@"; }
mkdir -p "$PG_DIR" "$PG_RUN"
chown "$PG_OWNER:" "$PG_DIR" "$PG_RUN"
chmod 0700 "$PG_DIR"
chmod 0700 "$PG_RUN"
if [ ! -s "$PG_DATA/PG_VERSION" ]; then
    rm -rf "$PG_DATA"
    if ! as_pg "$PG_BIN/initdb" -D "$PG_DATA" --encoding=UTF8 --locale=C.UTF-8 \
        --auth-local=peer --auth-host=scram-sha-256 >>"$LOG_DIR/postgres-initdb.log" 2>&1; then
        say "initdb failed"
        tail -n 30 "$LOG_DIR/postgres-initdb.log" >&2
        exit 1
    fi
    echo "include_if_exists = 'mailticketing.conf'" >>"$PG_DATA/postgresql.conf"
fi
touch "$LOG_DIR/postgres.log"
chown "$PG_OWNER:" "$LOG_DIR/postgres.log"
changed=0
put "$PG_DATA/mailticketing.conf" <<EOC
# Generated by scripts/servers/up.sh: private test instance, rewritten on every start.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_RUN'
max_connections = 200
# A throw-away test database: durability is not what the tests measure, and every test
# creates a database of its own (CREATE DATABASE would otherwise sync each file).
fsync = off
synchronous_commit = off
full_page_writes = off
# Test databases live for one test; autovacuum would only hold them open when they are dropped.
autovacuum = off
EOC
put "$PG_DATA/pg_hba.conf" <<EOC
# Generated by scripts/servers/up.sh. TYPE DATABASE USER ADDRESS METHOD
local all all peer
host  all all 127.0.0.1/32 scram-sha-256
EOC
chown "$PG_OWNER:" "$PG_DATA/mailticketing.conf" "$PG_DATA/pg_hba.conf"
chmod 0600 "$PG_DATA/mailticketing.conf" "$PG_DATA/pg_hba.conf"
if pg_running; then
    if [ "$changed" = 1 ]; then
        # Port and listen addresses take effect only at a start.
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t "$TIMEOUT" restart -l "$LOG_DIR/postgres.log" >/dev/null
        say "postgresql restarted with its new configuration"
    fi
else
    if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -t "$TIMEOUT" start -l "$LOG_DIR/postgres.log" >/dev/null 2>&1; then
        say "postgresql did not start"
        log_tails
        exit 1
    fi
    say "postgresql started"
fi
# The test role may create databases: the storage tests give every test one of its own.
# Variables reach SQL through psql's quoting (:'name'), never pasted into the text.
if ! as_pg "$PG_BIN/psql" -h "$PG_RUN" -p "$PG_PORT" -d postgres -X -q -v ON_ERROR_STOP=1 \
    -v user="$PG_USER" -v password="$PG_PASSWORD" -v database="$PG_DATABASE" >/dev/null 2>>"$LOG_DIR/postgres.log" <<'EOSQL'; then
SELECT format('CREATE ROLE %I', :'user') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB NOSUPERUSER PASSWORD %L', :'user', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'user') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
EOSQL
    say "postgresql: creating the test role and database failed"
    log_tails
    exit 1
fi

deadline=$((SECONDS + TIMEOUT))
for port in $IMAP_PORT $IMAPS_PORT $LMTP_PORT $MX_PORT $SUBMISSION_PORT $SMTPS_PORT $PG_PORT; do
    until port_open "$port"; do
        if ((SECONDS >= deadline)); then
            say "port 127.0.0.1:$port did not answer within ${TIMEOUT}s"
            log_tails
            exit 1
        fi
        sleep 0.1
    done
done
if ! running "$DOVECOT_PID" dovecot || ! running "$POSTFIX_PID" master || ! pg_running; then
    say "a server exited after starting"
    log_tails
    exit 1
fi

put "$BASE/servers.env" <<EOF
# Written by scripts/servers/up.sh; source it to reach the private test servers.
export MT_SERVERS_DIR=$BASE
export MT_MAIL_HOST=127.0.0.1
export MT_IMAP_PORT=$IMAP_PORT
export MT_IMAPS_PORT=$IMAPS_PORT
export MT_SMTP_PORT=$SUBMISSION_PORT
export MT_SMTPS_PORT=$SMTPS_PORT
export MT_SMTP_MX_PORT=$MX_PORT
export MT_LMTP_PORT=$LMTP_PORT
export MT_CA_FILE=$BASE/tls/cert.pem
export MT_MAIL_PASSWORD=$PASSWORD
export MT_STAFF_DOMAIN=$STAFF_DOMAIN
export MT_CUSTOMER_DOMAIN=$CUSTOMER_DOMAIN
export MT_DOVECOT_CONFIG=$DOVECOT_DIR/dovecot.conf
export MT_MAILDIR_ROOT=$BASE/mail
export MT_PG_HOST=127.0.0.1
export MT_PG_PORT=$PG_PORT
export MT_PG_USER=$PG_USER
export MT_PG_PASSWORD=$PG_PASSWORD
export MT_PG_DATABASE=$PG_DATABASE
export MT_PG_CONNECTION='Host=127.0.0.1;Port=$PG_PORT;Username=$PG_USER;Password=$PG_PASSWORD;Database=$PG_DATABASE'
EOF
rm -f "$BASE/addresses.tmp"
say "up: IMAP $IMAP_PORT, IMAPS $IMAPS_PORT, LMTP $LMTP_PORT, MX $MX_PORT, submission $SUBMISSION_PORT, smtps $SMTPS_PORT, PostgreSQL $PG_PORT; env in $BASE/servers.env"
