#!/usr/bin/env bash
# Cold-path benchmark: searches asked for the first time (never-repeating queries drawn from the content) against the
# same endpoints with one repeated query, and against the search engine's own cost in process. See bench/README.md.
#
#   bench/cold.sh                                          # this build; writes its table into bench/README.md
#   JAR=/tmp/old/target/faqkb.jar bench/cold.sh            # this build and another beside it, in the same run
#
# Needs a JDK 17+, curl and wrk (Debian: sudo apt-get install wrk curl), and ../shared/corpora/python-faq for the
# engine's side. Settings (environment): WARMUP (s per target and build, default 20), DURATION (s per target and
# build, default 12), CONTENT (default ../shared/corpora/python-faq), JAVA_OPTS (default -Xmx256m), APP_ARGS (extra
# --name=value for faqkb), LABEL (README section, default python-faq), QUERY and PREFIX (the repeated controls),
# JAR (another build to measure beside target/faqkb.jar, e.g. one of an older commit), ENGINE (false: skip the
# in-process measure).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

WARMUP=${WARMUP:-20}
DURATION=${DURATION:-12}
CONTENT=${CONTENT:-../shared/corpora/python-faq}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
APP_ARGS=${APP_ARGS:-}
LABEL=${LABEL:-python-faq}
QUERY=${QUERY:-largest deployment}
PREFIX=${PREFIX:-how do}
ENGINE=${ENGINE:-true}
OTHER=${JAR:-}
THREADS=2
CONNECTIONS=32

for tool in wrk curl java; do
	command -v "$tool" >/dev/null || { echo "bench/cold.sh needs $tool (Debian: sudo apt-get install wrk curl)" >&2; exit 2; }
done
[ -d "$CONTENT" ] || { echo "No content at $CONTENT" >&2; exit 2; }

THIS=target/faqkb.jar
if [ ! -f "$THIS" ] || [ -n "$(find src/main pom.xml -newer "$THIS" -print -quit)" ]; then
	echo "Building $THIS"
	./mvnw -B -q -DskipTests package
fi

WORK=$(mktemp -d /tmp/faqkb-cold.XXXXXX)
PIDS=()
cleanup() {
	set +e
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the queries, and the engine's own cost per query (before any server runs: it has the cores to itself)
echo "Writing the queries$([ "$ENGINE" = true ] && echo ' and measuring the engine in process')"
BENCH_COLD_DIR=$WORK BENCH_COLD_CONTENT=$CONTENT BENCH_COLD_SECONDS=$DURATION BENCH_COLD_THREADS=$THREADS \
	BENCH_COLD_MEASURE=$ENGINE ./mvnw -B -q -Pbench test-compile exec:exec \
	-Dbench.main=dev.faqkb.search.bench.ColdPathBenchmark >"$WORK/engine.txt"
grep '^ENGINE' "$WORK/engine.txt" || true
engine() { awk -v name="$1" -v field="$2" '$1 == "ENGINE" && $2 == name { print $field }' "$WORK/engine.txt"; }


# --- each build on its own port, both running for the whole run, measured one after the other per target
BUILDS=("$THIS")
[ -n "$OTHER" ] && BUILDS+=("$OTHER")
ADDRESSES=()
FIRST=()
for b in "${!BUILDS[@]}"; do
	port=$(free_port)
	start=$(date +%s%N)
	# shellcheck disable=SC2086
	java $JAVA_OPTS -jar "${BUILDS[b]}" --server.address=127.0.0.1 --server.port="$port" \
		--faqkb.content-dir="$CONTENT" --faqkb.data-dir="$WORK/data$b" $APP_ARGS >"$WORK/app$b.log" 2>&1 &
	PIDS+=($!)
	until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do
		kill -0 "${PIDS[b]}" 2>/dev/null || { cat "$WORK/app$b.log" >&2; exit 1; }
		sleep 0.05
	done
	FIRST+=("$(awk -v s="$start" -v e="$(date +%s%N)" 'BEGIN { printf "%.1f", (e - s) / 1e9 }')")
	# search ranks by meaning once the vectors are ready: measure only then (unless semantic search is off)
	case "$APP_ARGS" in
	*semantic.enabled=false*) ;;
	*) for _ in $(seq 1200); do grep -q 'Semantic search ready' "$WORK/app$b.log" && break; sleep 0.1; done ;;
	esac
	ADDRESSES+=("http://127.0.0.1:$port")
	echo "${BUILDS[b]}: first request answered ${FIRST[b]} s after java -jar"
done

q=${QUERY// /+}
p=${PREFIX// /+}
# name|path before the query|queries file|first line|connections|goal: ratio this/other, or p50 ratio for one reader
TARGETS=(
	"/api/search, new queries|/api/search?q=|queries.txt|1|$CONNECTIONS|4"
	"/search page, new queries|/search?q=|queries.txt|50001|$CONNECTIONS|4"
	"/api/suggest, new prefixes|/api/suggest?q=|prefixes.txt|1|$CONNECTIONS|3"
	"/api/search?q=$q (repeated)|/api/search?q=$q|-|0|$CONNECTIONS|0"
	"/search?q=$q (repeated)|/search?q=$q|-|0|$CONNECTIONS|0"
	"/api/suggest?q=$p (repeated)|/api/suggest?q=$p|-|0|$CONNECTIONS|0"
	"one reader, /search page, new queries|/search?q=|queries.txt|100001|1|0.4"
)

# wrk against one build: req/s|p50|p99|errors
run_wrk() {
	local base=$1 path=$2 file=$3 first=$4 connections=$5 seconds=$6 threads=$THREADS
	[ "$connections" = 1 ] && threads=1
	if [ "$file" = - ]; then
		wrk -t$threads -c"$connections" -d"${seconds}s" --latency -H 'Accept-Encoding: gzip' "$base$path" | wrk_figures
	else
		tail -n +"$first" "$WORK/$file" >"$WORK/lines"
		wrk -t$threads -c"$connections" -d"${seconds}s" --latency -H 'Accept-Encoding: gzip' \
			-s bench/cold.lua "$base" -- "$WORK/lines" "$path" "$threads" 2>&1 | wrk_figures
	fi
}

# --- warm the JVMs: WARMUP seconds per target and build, on queries the measures never send
echo "Warming up: ${WARMUP} s on each target and build"
for base in "${ADDRESSES[@]}"; do
	for target in "${TARGETS[@]}"; do
		IFS='|' read -r name path file _ _ _ <<<"$target"
		[ "$file" = - ] || file=warm-$file
		run_wrk "$base" "$path" "$file" 1 "$CONNECTIONS" "$WARMUP" >/dev/null
	done
done
sleep 5

rows=""
for target in "${TARGETS[@]}"; do
	IFS='|' read -r name path file first connections goal <<<"$target"
	results=()
	for base in "${ADDRESSES[@]}"; do
		results+=("$(run_wrk "$base" "$path" "$file" "$first" "$connections" "$DURATION")")
	done
	IFS='|' read -r a_rps a_p50 a_p99 a_bad <<<"${results[0]}"
	row="| $name | $a_rps | $a_p50 | $a_p99 |"
	if [ ${#BUILDS[@]} -gt 1 ]; then
		IFS='|' read -r b_rps b_p50 b_p99 b_bad <<<"${results[1]}"
		if [ "$connections" = 1 ]; then
			ratio=$(awk -v a="$a_p50" -v b="$b_p50" 'BEGIN { printf "%.2f", a / b }')
			goaltext="p50 ≤ $goal× (ratio of p50)"
			met=$(awk -v r="$ratio" -v g="$goal" 'BEGIN { print (r <= g) ? "yes" : "no" }')
		else
			ratio=$(awk -v a="$a_rps" -v b="$b_rps" 'BEGIN { printf "%.2f", a / b }')
			goaltext=$([ "$goal" = 0 ] && echo "control" || echo "≥ $goal×")
			met=$(awk -v r="$ratio" -v g="$goal" 'BEGIN { print (g == 0) ? "" : (r >= g) ? "yes" : "no" }')
		fi
		case "$name" in
		/api/suggest,*)
			goaltext+=", p99 ≤ 20 ms"
			met=$(awk -v m="$met" -v p="$a_p99" 'BEGIN { print (m == "yes" && p <= 20) ? "yes" : "no" }')
			;;
		esac
		row+=" $b_rps | $b_p50 | $b_p99 | $ratio | $goaltext | $met |"
		[ "$b_bad" != 0 ] && row+=" other build: $b_bad"
	fi
	[ "$a_bad" != 0 ] && row+=" this build: $a_bad"
	echo "$row"
	rows+="$row"$'\n'
	case "$name" in "/api/search, new queries") API_RPS=$a_rps ;; esac
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
QUESTIONS=$(grep -o 'Loaded [0-9]* questions' "$WORK/app0.log" | sed -n '1s/[^0-9]//gp')

engine_text="not measured (ENGINE=false)"
if [ "$ENGINE" = true ]; then
	share=$(awk -v a="$API_RPS" -v e="$(engine search 3)" 'BEGIN { printf "%.2f", a / e }')
	engine_text=$(
		cat <<EOF
| engine, in process | queries/s | p50 ms | p99 ms |
|---|---|---|---|
| \`SearchIndex.search\`, $THREADS threads | $(engine search 3) | $(engine search 4) | $(engine search 5) |
| \`SearchIndex.search\`, one thread | $(engine search-one 3) | $(engine search-one 4) | $(engine search-one 5) |
| \`SearchIndex.suggest\`, $THREADS threads | $(engine suggest 3) | $(engine suggest 4) | $(engine suggest 5) |
| \`SearchIndex.search\` by words alone (no model), $THREADS threads | $(engine search-words 3) | $(engine search-words 4) | $(engine search-words 5) |

\`/api/search\` with new queries over HTTP (this build) against the engine on $THREADS threads: **$share×** (goal ≥ 0.5×).
EOF
	)
fi

COMMAND="bench/cold.sh"
for setting in JAR APP_ARGS JAVA_OPTS CONTENT LABEL; do
	value=${!setting:-}
	case "$value" in *[!A-Za-z0-9._/=:-]*) value="'$value'" ;; esac
	case "$setting=$value" in JAVA_OPTS=-Xmx256m | LABEL=python-faq | CONTENT=../shared/corpora/python-faq | *=) ;; *) COMMAND="$setting=$value $COMMAND" ;; esac
done
header="| target | this build req/s | p50 ms | p99 ms |"
rule="|---|---|---|---|"
if [ ${#BUILDS[@]} -gt 1 ]; then
	header+=" $OTHER req/s | p50 ms | p99 ms | ratio | goal | met |"
	rule+="---|---|---|---|---|---|"
fi
section=$(
	cat <<EOF
<!-- cold-bench:$LABEL:start -->
#### \`$LABEL\`: $CONTENT ($QUESTIONS questions), this build ($(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ' and changes'))${OTHER:+ beside $OTHER}

Measured $(date -u '+%Y-%m-%d %H:%M UTC') with \`$COMMAND\` (warm-up ${WARMUP} s on each target and build, then
wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s per target and build, gzip accepted; one reader: wrk -t1 -c1) on
$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/ { print $2 }') GB RAM,
$(java -version 2>&1 | head -1 | tr -d '"'), \`JAVA_OPTS=$JAVA_OPTS\`.
Load average $LOAD_BEFORE before, $LOAD_AFTER after (other processes share the machine).
First request answered ${FIRST[0]} s after \`java -jar\`${OTHER:+ (the other build: ${FIRST[1]:-} s)}.

$header
$rule
${rows%$'\n'}

$engine_text
<!-- cold-bench:$LABEL:end -->
EOF
)
write_section cold-bench "$LABEL" "$section" "$WORK"
