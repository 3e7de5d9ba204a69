#!/usr/bin/env bash
# Runs the registry benchmark (vn.dvk.initiative.RegistryBenchmark) on the national synthetic data set.
#   tools/benchmark.sh h2         embedded H2 in file mode under target/benchmark-h2 (kept between runs)
#   tools/benchmark.sh postgres   the PostgreSQL given by DVK_DB_URL, DVK_DB_USER, DVK_DB_PASSWORD
#   tools/benchmark.sh import     the 100,000-row Excel import (issue 7), 512 MB heap, on the PostgreSQL given as above
#   tools/benchmark.sh import-h2  the same import on the embedded H2 in file mode, in a fresh target/benchmark-import-h2
# The first run imports today's communes from ../shared and writes 500,000 initiatives (a few minutes).
# Figures go to target/benchmark-results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-h2}" in
  h2) export SPRING_DATASOURCE_URL="jdbc:h2:file:$(pwd)/target/benchmark-h2/dvk;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64" ;;
  postgres) export SPRING_PROFILES_ACTIVE=postgres ;;
  import)
    # the 100,000-row import (vn.dvk.exchange.ImportBenchmark) with 512 MB of heap, on the PostgreSQL given by
    # SPRING_PROFILES_ACTIVE=postgres and DVK_DB_* (in-memory H2 would hold the whole import in that heap);
    # DVK_BENCHMARK_ROWS=10000 for a shorter run
    exec ./mvnw -B -ntp test -Ddvk.excludedGroups=none -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
      -DargLine="-Xmx512m -Ddvk.benchmark.rows=${DVK_BENCHMARK_ROWS:-100000}" ;;
  import-h2)
    # in-memory H2 would hold the database in the same 512 MB heap as the import: file mode, new file each run
    rm -rf target/benchmark-import-h2
    export SPRING_DATASOURCE_URL="jdbc:h2:file:$(pwd)/target/benchmark-import-h2/dvk;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64"
    exec ./mvnw -B -ntp test -Ddvk.excludedGroups=none -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
      -DargLine="-Xmx512m -Ddvk.benchmark.rows=${DVK_BENCHMARK_ROWS:-100000}" ;;
  *) echo "usage: $0 h2|postgres|import|import-h2" >&2; exit 2 ;;
esac
# DVK_BENCHMARK_ONLY=report measures only the shapes whose label contains that word (no spaces);
# DVK_BENCHMARK_WARMUP=300 sends that many requests of each shape before measuring (50 by default).
./mvnw -B -ntp test -Ddvk.excludedGroups=none -Dtest=RegistryBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Ddvk.benchmark.only=${DVK_BENCHMARK_ONLY:-} -Ddvk.benchmark.warmup=${DVK_BENCHMARK_WARMUP:-50}"
