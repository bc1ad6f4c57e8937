#!/usr/bin/env bash
# Startup: time from starting `java` to the first 200 of `GET /` with the seed content, and the CPU time the JVM
# had used by then, for RUNS starts in a row (median printed last), with the load average before each start.
# Every start gets its own empty data folder, as a first start would (set DATA to a folder to reuse one, as a
# restart would). See "Startup" in bench/README.md.
#
#   bench/startup.sh                                        # java -jar target/faqkb.jar, 5 runs
#   APP_ARGS=--faqkb.search.semantic.enabled=false bench/startup.sh
#   JAR=app/faqkb.jar JAVA_OPTS=-XX:SharedArchiveFile=app/faqkb.jsa bench/startup.sh   # the Dockerfile's way
#
# Needs a JDK 17+ and curl. Does not build: run `./mvnw -B -q -DskipTests package` first.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${JAR:-target/faqkb.jar}
JAVA_OPTS=${JAVA_OPTS:-}
APP_ARGS=${APP_ARGS:-}
CONTENT=${CONTENT:-content}
RUNS=${RUNS:-5}
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

TICKS=$(getconf CLK_TCK)
times=()
for run in $(seq "$RUNS"); do
	data=${DATA:-$WORK/data-$run}
	load=$(cut -d' ' -f1 /proc/loadavg)
	start=$(date +%s%N)
	# shellcheck disable=SC2086
	java $JAVA_OPTS -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" --faqkb.content-dir="$CONTENT" \
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
	kill "$APP_PID"
	wait "$APP_PID" 2>/dev/null || true
	APP_PID=
	ms=$(((end - start) / 1000000))
	times+=("$ms")
	printf 'run %d: first 200 after %d ms, JVM CPU %d ms, load average %s\n' "$run" "$ms" \
		$(((utime + stime) * 1000 / TICKS)) "$load"
	sleep 1
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }')
printf 'median: %d ms over %d runs\n' "$median" "$RUNS"
