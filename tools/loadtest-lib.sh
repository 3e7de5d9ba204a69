# Shared by tools/loadtest.sh and tools/loadtest-faults.sh: one PostgreSQL, two DVK nodes on it and Debian's
# nginx in front, all on loopback, everything under $WORK. Sourced, not run.
#   PG on $PGPORT (55440), nodes on 8081 and 8082, nginx on $LB_PORT (8090).
PGPORT=${PGPORT:-55440}
LB_PORT=${LB_PORT:-8090}
WORK=${WORK:-/tmp/dvk-load}
NODE_HEAP=${NODE_HEAP:-1g}
ADMIN=${DVK_ADMIN:-quantri.demo:DanVanKheo2025}
PGVER=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)
PGBIN=/usr/lib/postgresql/$PGVER/bin
declare -A NODE_PID

install_tools() { # CI and fresh machines: Debian's PostgreSQL and nginx, as root
  if [ ! -x "$PGBIN/postgres" ] || ! command -v nginx >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql nginx >/dev/null
    PGVER=$(ls /usr/lib/postgresql | sort -V | tail -n 1); PGBIN=/usr/lib/postgresql/$PGVER/bin
  fi
}

pg() { su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $WORK/pg -w -l $WORK/pg/server.log $*"; }

start_pg_fresh() {
  pg stop -m fast >/dev/null 2>&1 || true
  rm -rf "$WORK"; mkdir -p "$WORK/pg" "$WORK/files" "$WORK/data"; chown postgres:postgres "$WORK/pg"
  su postgres -s /bin/sh -c "$PGBIN/initdb -D $WORK/pg -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
  pg start -o "'-c listen_addresses=127.0.0.1 -p $PGPORT -k $WORK/pg -c max_connections=200'" >/dev/null
  "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "create user dvk password 'dvk'"
  "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "create database dvk owner dvk"
}

sql() { "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U dvk -d dvk -Atqc "$1"; }

jar() { ls target/dvk-*.jar | grep -v original | head -n 1; }

start_node() { # port, demo(true|false)
  local port=$1 demo=${2:-false}
  SPRING_PROFILES_ACTIVE=postgres DVK_DEMO=$demo PORT=$port DVK_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/dvk" \
    DVK_DB_USER=dvk DVK_DB_PASSWORD=dvk \
    java -Xmx$NODE_HEAP ${NODE_OPTS:-} -Ddvk.storage.dir="$WORK/files" -Ddvk.node=node-$port -jar "$(jar)" > "$WORK/node-$port.log" 2>&1 &
  NODE_PID[$port]=$!
  echo "${NODE_PID[$port]}" > "$WORK/node-$port.pid"
}

wait_ready() { # port
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null && return 0
    kill -0 "$(cat "$WORK/node-$1.pid")" 2>/dev/null || { echo "node $1 stopped; see $WORK/node-$1.log" >&2; return 1; }
    sleep 2
  done
  echo "node $1 not ready after 10 minutes" >&2; return 1
}

start_nginx() {
  cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
  log_format dvk '\$status \$request_time \$upstream_addr \$request_method \$uri \$msec';
  access_log $WORK/access.log dvk;
  client_body_temp_path $WORK/nginx-body;
  proxy_temp_path $WORK/nginx-proxy;
  fastcgi_temp_path $WORK/nginx-fcgi; uwsgi_temp_path $WORK/nginx-uwsgi; scgi_temp_path $WORK/nginx-scgi;
  client_max_body_size 60m;
  upstream dvk {
    server 127.0.0.1:8081 max_fails=1 fail_timeout=10s;
    server 127.0.0.1:8082 max_fails=1 fail_timeout=10s;
    keepalive 64;
  }
  server {
    listen 127.0.0.1:$LB_PORT;
    location / {
      proxy_pass http://dvk;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Port \$server_port;
      proxy_connect_timeout 2s;
      proxy_read_timeout 120s;
      # a node that refuses connections is skipped; a request it had taken is not sent twice unless it is idempotent
      proxy_next_upstream error timeout http_502;
    }
  }
}
CONF
  nginx -c "$WORK/nginx.conf" -t -q && nginx -c "$WORK/nginx.conf"
}

stop_all() {
  [ -f "$WORK/nginx.pid" ] && nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null || true
  for f in "$WORK"/node-*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
  sleep 3
  pg stop -m fast >/dev/null 2>&1 || true
}

start_cluster() { # fresh database, node 1 with the demo data, then node 2, then nginx
  install_tools
  start_pg_fresh
  start_node 8081 true
  wait_ready 8081
  start_node 8082 false
  wait_ready 8082
  start_nginx
}

gatling() { # users duration importRows run-name -> target/load/<run>/ (stats.json and the acknowledged writes)
  local users=$1 duration=$2 rows=$3 run=$4
  ./mvnw -B -ntp -q -f load/pom.xml gatling:test -Dgatling.resultsFolder="$(pwd)/target/load/$run" \
    -Dbase="http://127.0.0.1:$LB_PORT" -Dusers="$users" -Dduration="$duration" -DimportRows="$rows" -Drun="$run" \
    -Ddata="$(pwd)/target/load" -Dacknowledged="$(pwd)/target/load/$run/acknowledged.csv" > "target/load/$run.log" 2>&1 || true
}

rotate_access_log() { # -> the requests since the last call, in $1
  mv "$WORK/access.log" "$1" 2>/dev/null || : > "$1"
  nginx -c "$WORK/nginx.conf" -s reopen; sleep 1
}

differing() { # kept-count query, fresh-count query -> the rows found in only one of them
  sql "select (select count(*) from ($1 except $2) a) + (select count(*) from ($2 except $1) b)"
}

check_after() { # run-name: every acknowledged write is in the database, kept counts = a fresh count, the audit verifies
  local run=$1
  local acks="target/load/$run/acknowledged.csv" missing=0 total=0
  sql "create temporary table ack (kind text, id text, y int)" >/dev/null 2>&1 || true
  if [ -f "$acks" ]; then
    total=$(wc -l < "$acks")
    missing=$("$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U dvk -d dvk -Atq <<SQL
create temporary table ack (kind text, id text, y int);
\copy ack from '$acks' with (format csv)
select count(*) from ack a where
  (a.kind = 'registration' and not exists (select 1 from registration r where r.initiative_id = a.id::bigint and r.reg_year = a.y))
  or (a.kind = 'submitted' and not exists (select 1 from registration r where r.initiative_id = a.id::bigint and r.reg_year = a.y
        and r.workflow_state <> 'DRAFT'))
  or (a.kind = 'evaluated' and not exists (select 1 from registration r where r.initiative_id = a.id::bigint and r.reg_year = a.y
        and r.workflow_state not in ('DRAFT', 'SUBMITTED')))
  or (a.kind = 'recognised' and not exists (select 1 from registration r where r.initiative_id = a.id::bigint and r.reg_year = a.y
        and r.workflow_state in ('RECOGNISED', 'PROPOSED', 'COMMENDED')))
  or (a.kind = 'attachment' and not exists (select 1 from attachment t where t.id = a.id::bigint))
  or (a.kind = 'import' and not exists (select 1 from import_job j where j.id = a.id and j.state = 'DONE'));
SQL
)
  fi
  # the same comparison as RegistrationTally.drift(): the units' and the provinces' kept counts against a fresh count
  local c="sector, status, kind, holder, featured, workflow_state"
  local drift
  drift=$(( $(differing "select province_id, unit_id, reg_year, $c, n from registration_tally where n <> 0" \
                        "select province_id, unit_id, reg_year, $c, count(*) from registration group by province_id, unit_id, reg_year, $c") \
          + $(differing "select province_id, reg_year, $c, n from registration_tally_province where n <> 0" \
                        "select province_id, reg_year, $c, count(*) from registration group by province_id, reg_year, $c") ))
  local audit
  audit=$(curl -sf -u "$ADMIN" "http://127.0.0.1:$LB_PORT/api/v1/audit/verify" || echo '{"intact":"unreachable"}')
  echo "acknowledged writes: $total, missing in the database: ${missing:-?}; kept counts differing from a fresh count: $drift; audit: $audit"
}
