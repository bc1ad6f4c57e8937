#!/usr/bin/env bash
# Startup: time from starting `java` to the first 200 of `GET /` with the seed content, the CPU time the JVM had
# used by then, and its resident memory (RSS) then and after a short load (LOAD requests, one after the other, over
# the home page, the category pages, every answer page and a few searches), for RUNS starts of each jar (in turn,
# so that a busy machine weighs on each alike; median per jar printed last), with the load average before each
# start. Every start gets its own empty data folder, as a first start would (set DATA to a folder to reuse one, as
# a restart would). See "Startup" in bench/README.md.
#
#   bench/startup.sh                                        # java -jar target/faqkb.jar, 5 runs
#   JARS="../oldjar/target/faqkb.jar target/faqkb.jar" bench/startup.sh   # two builds side by side, in turn
#   APP_ARGS=--faqkb.search.semantic.enabled=false bench/startup.sh
#   JAR=app/faqkb.jar JAVA_OPTS=-XX:SharedArchiveFile=app/faqkb.jsa bench/startup.sh   # the Dockerfile's way
#
# Needs a JDK 17+ and curl. Does not build: run `./mvnw -B -q -DskipTests package` first.
set -euo pipefail
cd "$(dirname "$0")/.."

JARS=${JARS:-${JAR:-target/faqkb.jar}}
JAVA_OPTS=${JAVA_OPTS:-}
APP_ARGS=${APP_ARGS:-}
CONTENT=${CONTENT:-content}
RUNS=${RUNS:-5}
LOAD=${LOAD:-200}
PORT=${PORT:-$((20000 + RANDOM % 20000))}
WORK=$(mktemp -d /tmp/faqkb-startup.XXXXXX)
APP_PID=
cleanup() {
	set +e
	[ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

rss_mb() {
	awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status"
}

# The addresses of the short load: the home page, then every page it links to under /faq/, then searches.
load() {
	local base=$1 paths
	paths=$(curl -s "$base/" | grep -o 'href="/faq/[^"#]*"' | sed 's/href="//; s/"$//' | sort -u)
	local sent=0
	while [ "$sent" -lt "$LOAD" ]; do
		for path in / $paths "/search?q=password" "/search?q=mobile+app" "/api/search?q=notifications"; do
			curl -s -o /dev/null -H 'Accept-Encoding: gzip' "$base$path"
			sent=$((sent + 1))
			[ "$sent" -ge "$LOAD" ] && break
		done
	done
}

TICKS=$(getconf CLK_TCK)
declare -A times
for jar in $JARS; do
	printf '%s: %d bytes (%.1f MB)\n' "$jar" "$(stat -c %s "$jar")" "$(echo "$(stat -c %s "$jar") / 1000000" | bc -l)"
	times[$jar]=
done
for run in $(seq "$RUNS"); do
	for jar in $JARS; do
		data=${DATA:-$WORK/data-$run}
		rm -rf "$WORK/data-$run"
		load_average=$(cut -d' ' -f1 /proc/loadavg)
		start=$(date +%s%N)
		# shellcheck disable=SC2086
		java $JAVA_OPTS -jar "$jar" --server.address=127.0.0.1 --server.port="$PORT" --faqkb.content-dir="$CONTENT" \
			--faqkb.data-dir="$data" $APP_ARGS >"$WORK/app-$run.log" 2>&1 &
		APP_PID=$!
		until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$PORT/" 2>/dev/null)" = 200 ]; do
			if ! kill -0 "$APP_PID" 2>/dev/null; then
				echo "faqkb stopped; its log:" >&2
				cat "$WORK/app-$run.log" >&2
				exit 1
			fi
			sleep 0.02
		done
		end=$(date +%s%N)
		read -r utime stime < <(awk '{ print $14, $15 }' "/proc/$APP_PID/stat")
		rss_first=$(rss_mb "$APP_PID")
		load "http://127.0.0.1:$PORT"
		rss_load=$(rss_mb "$APP_PID")
		kill "$APP_PID"
		wait "$APP_PID" 2>/dev/null || true
		APP_PID=
		ms=$(((end - start) / 1000000))
		times[$jar]+="$ms "
		printf 'run %d %s: first 200 after %d ms, JVM CPU %d ms, RSS %d MB then, %d MB after %d requests, load average %s\n' \
			"$run" "$jar" "$ms" $(((utime + stime) * 1000 / TICKS)) "$rss_first" "$rss_load" "$LOAD" "$load_average"
		sleep 1
	done
done
for jar in $JARS; do
	# shellcheck disable=SC2086
	median=$(printf '%s\n' ${times[$jar]} | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }')
	printf 'median %s: %d ms over %d runs\n' "$jar" "$median" "$RUNS"
done
