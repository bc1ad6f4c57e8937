#!/usr/bin/env bash
# How long a content change takes to be served while readers keep the server busy: a file of a copy of the content is
# changed (a new sentence in an answer) and its answer's page is asked for every 20 ms until it shows the change;
# meanwhile wrk sends never-repeating searches over CONNECTIONS connections. See bench/README.md.
#
#   bench/reload.sh                                   # this build, ../shared/corpora/python-faq, 16 connections
#   JAR=/tmp/old/target/faqkb.jar bench/reload.sh     # another build
#
# Settings (environment): JAR, CONTENT, JAVA_OPTS (default -Xmx256m), APP_ARGS, CONNECTIONS (default 16), TIMES
# (changes, default 5). Needs the query files of bench/cold.sh's engine step (made here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

CONTENT=${CONTENT:-../shared/corpora/python-faq}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
APP_ARGS=${APP_ARGS:-}
CONNECTIONS=${CONNECTIONS:-16}
TIMES=${TIMES:-5}
JAR=${JAR:-target/faqkb.jar}

WORK=$(mktemp -d /tmp/faqkb-reload.XXXXXX)
APP_PID=
WRK_PID=
cleanup() {
	set +e
	[ -n "$WRK_PID" ] && kill "$WRK_PID" 2>/dev/null && wait "$WRK_PID" 2>/dev/null
	[ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "Writing the queries"
BENCH_COLD_DIR=$WORK BENCH_COLD_CONTENT=$CONTENT BENCH_COLD_MEASURE=false ./mvnw -B -q -Pbench test-compile exec:exec \
	-Dbench.main=dev.faqkb.search.bench.ColdPathBenchmark >/dev/null

cp -r "$CONTENT" "$WORK/content"
port=$(free_port)
APP="http://127.0.0.1:$port"
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" --server.address=127.0.0.1 --server.port="$port" \
	--faqkb.content-dir="$WORK/content" --faqkb.data-dir="$WORK/data" $APP_ARGS >"$WORK/app.log" 2>&1 &
APP_PID=$!
until curl -sf -o /dev/null "$APP/"; do
	kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }
	sleep 0.05
done
for _ in $(seq 1200); do grep -q 'Semantic search ready' "$WORK/app.log" && break; sleep 0.1; done

# the first answer of the first file: its page shows the change
file=$(find "$WORK/content" -maxdepth 1 -name '*.md' | sort | head -1)
QUESTION=$(curl -s "$APP/faq/$(basename "$file" .md)" | grep -o 'href="/faq/[^"/#]*/[^"#]*"' | head -1 | sed 's/^href="\(.*\)"$/\1/')
[ -n "$QUESTION" ] || { echo "No question found on /faq/$(basename "$file" .md)" >&2; exit 1; }
echo "Changing $(basename "$file"); watching $QUESTION"

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
wrk -t2 -c"$CONNECTIONS" -d600s -s bench/cold.lua "$APP" -- "$WORK/queries.txt" "/api/search?q=" 2 >"$WORK/wrk.txt" 2>&1 &
WRK_PID=$!
sleep 5
times=()
for i in $(seq "$TIMES"); do
	word="reloadcheck$i$RANDOM"
	awk -v word="$word" '{ print } !done && /^## / { getline; print; print ""; print "Changed: " word "."; done = 1 }' \
		"$file" >"$WORK/changed.md"
	start=$(date +%s%N)
	cat "$WORK/changed.md" >"$file"
	until curl -s "$APP$QUESTION" | grep -q "$word"; do
		sleep 0.02
		[ $(($(date +%s%N) - start)) -lt 60000000000 ] || { echo "not served after 60 s" >&2; exit 1; }
	done
	took=$(awk -v s="$start" -v e="$(date +%s%N)" 'BEGIN { printf "%.2f", (e - s) / 1e9 }')
	echo "change $i served after $took s"
	times+=("$took")
	sleep 3
done
kill "$WRK_PID" 2>/dev/null
wait "$WRK_PID" 2>/dev/null || true
WRK_PID=
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
echo "RELOAD $JAR connections=$CONNECTIONS served after (sorted, s): $sorted; load average $LOAD_BEFORE before, $LOAD_AFTER after"
grep -o 'Loaded [0-9]* questions.*' "$WORK/app.log" | tail -3
