#!/usr/bin/env bash
# HTTP benchmark: faqkb against nginx serving the very same bytes, on loopback. See bench/README.md.
#
#   bench/http.sh                      # seed content (content/), writes the table into bench/README.md
#   CONTENT=../shared/corpora/python-faq JAVA_OPTS=-Xmx256m LABEL=python-faq bench/http.sh
#   ONLY='sitemap|robots|opensearch' bench/http.sh   # some targets only; the table goes under LABEL-only
#
# Needs a JDK 17+, curl, and Debian's nginx-light and wrk:  sudo apt-get install nginx-light wrk
# Settings (environment): WARMUP (s, default 60), DURATION (s per target and server, default 12),
# CONTENT, JAVA_OPTS, APP_ARGS (extra --name=value for faqkb), LABEL (README section, default seed),
# QUESTION, CATEGORY (page addresses; found on the home page when not given), QUERY, PREFIX,
# ONLY (an extended regular expression: only the targets whose name matches it are warmed and measured),
# JAR (another build to measure, e.g. one of an older commit; default target/faqkb.jar, built when stale),
# SCREENSHOT (a picture shown first in the first answer of a copy of CONTENT; the answer's page is then the
# question page, and the picture the image target).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

WARMUP=${WARMUP:-60}
DURATION=${DURATION:-12}
CONTENT=${CONTENT:-content}
JAVA_OPTS=${JAVA_OPTS:-}
APP_ARGS=${APP_ARGS:-}
LABEL=${LABEL:-seed}
ONLY=${ONLY:-}
# A run of some targets must not replace the table of a run of them all.
SECTION=$LABEL${ONLY:+-only}
QUERY=${QUERY:-largest deployment}
PREFIX=${PREFIX:-how do}
THREADS=2
CONNECTIONS=32

for tool in wrk nginx curl java gzip; do
	command -v "$tool" >/dev/null || { echo "bench/http.sh needs $tool (Debian: sudo apt-get install nginx-light wrk curl)" >&2; exit 2; }
done

JAR=${JAR:-}
if [ -z "$JAR" ]; then
	JAR=target/faqkb.jar
	if [ ! -f "$JAR" ] || [ -n "$(find src/main pom.xml -newer "$JAR" -print -quit)" ]; then
		echo "Building $JAR"
		./mvnw -B -q -DskipTests package
	fi
fi

WORK=$(mktemp -d /tmp/faqkb-bench.XXXXXX)
chmod 755 "$WORK"
APP_PID=
NGINX_PID=
cleanup() {
	set +e
	[ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
	[ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

APP_PORT=$(free_port)
NGINX_PORT=$(free_port)
APP="http://127.0.0.1:$APP_PORT"
NGINX="http://127.0.0.1:$NGINX_PORT"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# --- with SCREENSHOT: a copy of the content whose first answer (first question of the first file) shows it
CONTENT_GIVEN=$CONTENT
if [ -n "${SCREENSHOT:-}" ]; then
	cp -r "$CONTENT" "$WORK/content"
	mkdir -p "$WORK/content/img"
	cp "$SCREENSHOT" "$WORK/content/img/"
	first=$(find "$WORK/content" -maxdepth 1 -name '*.md' | sort | head -1)
	awk -v img="img/$(basename "$SCREENSHOT")" '
		{ print }
		!done && /^## / { print ""; print "![The screen this answer is about](" img ")"; done = 1 }' "$first" >"$WORK/first.md"
	mv "$WORK/first.md" "$first"
	CONTENT="$WORK/content"
fi

# --- faqkb, and how long it takes to answer its first request
start=$(date +%s%N)
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" --server.address=127.0.0.1 --server.port="$APP_PORT" \
	--faqkb.content-dir="$CONTENT" --faqkb.data-dir="$WORK/data" $APP_ARGS >"$WORK/app.log" 2>&1 &
APP_PID=$!
until curl -sf -o /dev/null "$APP/"; do
	kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }
	sleep 0.05
done
FIRST_ANSWER=$(awk -v s="$start" -v e="$(date +%s%N)" 'BEGIN { printf "%.1f", (e - s) / 1e9 }')
STARTED=$(grep -o 'Started FaqkbApplication in [0-9.]* seconds' "$WORK/app.log" | grep -o '[0-9.]*' || true)
echo "faqkb answered its first request ${FIRST_ANSWER} s after java -jar (Spring: started in ${STARTED} s)"

home=$(curl -s "$APP/")
# prints nothing when there is none (no picture on the page, say): not a failure under pipefail
first_link() { { grep -o "$1" || true; } | sed -n '1s/^[a-z]*="\(.*\)"$/\1/p'; }
CATEGORY=${CATEGORY:-$(first_link 'href="/faq/[^"/#]*"' <<<"$home")}
if [ -n "${SCREENSHOT:-}" ] && [ -z "${QUESTION:-}" ]; then
	# the first question of the file the screenshot went into: the first answer its category page opens
	QUESTION=$(curl -s "$APP/faq/$(basename "$first" .md)" | first_link 'href="/faq/[^"/#]*/[^"#]*"')
fi
QUESTION=${QUESTION:-$(first_link 'href="/faq/[^"/#]*/[^"#]*"' <<<"$home")}
page=$(curl -s "$APP$QUESTION")
# An image of the content folder on the question page, when it shows one (SCREENSHOT, or content with pictures).
IMAGE=$(first_link 'src="/files/[^"]*"' <<<"$page")
CSS=$(first_link 'href="/css/[^"]*"' <<<"$page")
JS=$(first_link 'src="/js/search[^"]*"' <<<"$page")
q=${QUERY// /+}
p=${PREFIX// /+}

# name|address|goal (ratio to nginx)|p99 goal in ms (0: none)
TARGETS=(
	"question page|$QUESTION|0.5|10"
	"category page|$CATEGORY|0.5|10"
	"home|/|0.5|10"
	"CSS|$CSS|0.5|0"
	"JS|$JS|0.5|0"
	"/api/suggest?q=$p|/api/suggest?q=$p|0.3|0"
	"/api/search?q=$q|/api/search?q=$q|0.2|0"
	"search page|/search?q=$q|0.2|0"
	"sitemap.xml|/sitemap.xml|0.5|10"
	"robots.txt|/robots.txt|0.5|10"
	"opensearch.xml|/opensearch.xml|0.5|10"
)
if [ -n "$IMAGE" ]; then
	TARGETS+=("image|$IMAGE|0.5|0")
fi
# A translated site (content/fr/, ...): the same question page and search in its first translation, whose address
# the question page gives as its second alternate (the first is the default language's).
TRANSLATED=$({ grep -o 'rel="alternate" hreflang="[^"]*" href="[^"]*"' <<<"$page" || true; } | sed -n '2s/.*href="\(.*\)"$/\1/p' |
	sed 's#^https\{0,1\}://[^/]*##')
if [ -n "$TRANSLATED" ]; then
	LANG_BASE=${TRANSLATED%%/faq/*}
	TARGETS+=("question page ($LANG_BASE)|$TRANSLATED|0.5|10" "search page ($LANG_BASE)|$LANG_BASE/search?q=$q|0.2|0")
fi
if [ -n "$ONLY" ]; then
	chosen=()
	for target in "${TARGETS[@]}"; do
		if grep -Eq -- "$ONLY" <<<"${target%%|*}"; then chosen+=("$target"); fi
	done
	[ ${#chosen[@]} -gt 0 ] || { echo "No target's name matches ONLY=$ONLY" >&2; exit 2; }
	TARGETS=("${chosen[@]}")
fi

# --- the same bytes for nginx: each reply as faqkb sends it to a browser that takes gzip
mkdir -p "$WORK/www" "$WORK/nginx"
locations=""
i=0
for target in "${TARGETS[@]}"; do
	IFS='|' read -r name path goal p99goal <<<"$target"
	i=$((i + 1))
	curl -s -H 'Accept-Encoding: gzip' -D "$WORK/h$i" -o "$WORK/www/t$i" "$APP$path"
	type=$(grep -i '^content-type:' "$WORK/h$i" | cut -d' ' -f2- | tr -d '\r')
	if grep -qi '^content-encoding: gzip' "$WORK/h$i"; then
		mv "$WORK/www/t$i" "$WORK/www/t$i.gz"
		gzip -dc "$WORK/www/t$i.gz" >"$WORK/www/t$i"
		bytes=$(stat -c %s "$WORK/www/t$i.gz")
	else
		bytes=$(stat -c %s "$WORK/www/t$i")
	fi
	echo "$bytes" >"$WORK/bytes$i"
	locations+="        location = ${path%%\?*} { default_type \"$type\"; rewrite ^ /t$i break; }"$'\n'
done
chmod -R a+rX "$WORK/www"
awk -v port="$NGINX_PORT" -v work="$WORK" -v locations="$locations" '
	{ gsub(/@PORT@/, port); gsub(/@WORK@/, work) }
	/@LOCATIONS@/ { printf "%s", locations; next }
	{ print }' bench/nginx.conf >"$WORK/nginx/nginx.conf"
nginx -p "$WORK/nginx" -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
IFS='|' read -r _ first_path _ _ <<<"${TARGETS[0]}"
until curl -sf -o /dev/null "$NGINX$first_path"; do
	kill -0 "$NGINX_PID" 2>/dev/null || { cat "$WORK/nginx/error.log" >&2; exit 1; }
	sleep 0.05
done

# --- warm the JVM: WARMUP seconds of load in all, shared by the targets, each one on its own (in a mix, the slow
# search page would hold the connections and leave the others cold)
per_target=$(((WARMUP + ${#TARGETS[@]} - 1) / ${#TARGETS[@]}))
echo "Warming up: ${per_target} s on each of ${#TARGETS[@]} targets"
# Slowest first, and a pause after: requests still queued when wrk stops would run into the first measurement.
for ((w = ${#TARGETS[@]} - 1; w >= 0; w--)); do
	IFS='|' read -r name path _ _ <<<"${TARGETS[w]}"
	wrk -t$THREADS -c$CONNECTIONS -d"${per_target}s" -H 'Accept-Encoding: gzip' "$APP$path" >"$WORK/warmup.txt"
	echo "  warm-up $name: $(awk '/Requests\/sec/ { printf "%.0f req/s", $2 } /Non-2xx/ { printf ", %s non-2xx", $5 }' "$WORK/warmup.txt")"
done

sleep 10

# --- measure, faqkb then nginx for each target, so both see the same load from elsewhere
measure() {
	wrk -t$THREADS -c$CONNECTIONS -d"${DURATION}s" --latency -H 'Accept-Encoding: gzip' "$1" | wrk_figures
}
rows=""
i=0
for target in "${TARGETS[@]}"; do
	IFS='|' read -r name path goal p99goal <<<"$target"
	i=$((i + 1))
	IFS='|' read -r a_rps a_p50 a_p99 a_bad <<<"$(measure "$APP$path")"
	IFS='|' read -r n_rps n_p50 n_p99 n_bad <<<"$(measure "$NGINX$path")"
	ratio=$(awk -v a="$a_rps" -v n="$n_rps" 'BEGIN { printf "%.2f", a / n }')
	met=$(awk -v r="$ratio" -v g="$goal" -v p="$a_p99" -v pg="$p99goal" \
		'BEGIN { print (r >= g && (pg == 0 || p <= pg)) ? "yes" : "no" }')
	goaltext="≥ $goal×"
	if [ "$p99goal" != 0 ]; then goaltext+=", p99 ≤ $p99goal ms"; fi
	row="| $name | $(cat "$WORK/bytes$i") | $a_rps | $a_p50 | $a_p99 | $n_rps | $n_p50 | $n_p99 | $ratio | $goaltext | $met |"
	if [ "$a_bad" != 0 ]; then row+=" faqkb errors: $a_bad"; fi
	if [ "$n_bad" != 0 ]; then row+=" nginx errors: $n_bad"; fi
	echo "$row"
	rows+="$row"$'\n'
done

# --- heap after the run, after a full collection
jcmd "$APP_PID" GC.run >/dev/null 2>&1 || true
HEAP=$(jcmd "$APP_PID" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | sed -n '1s/[^0-9]//gp' || true)
HEAP_MB=n/a
if [ -n "$HEAP" ]; then HEAP_MB=$(awk -v k="$HEAP" 'BEGIN { printf "%.0f MB", k / 1024 }'); fi
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
QUESTIONS=$(grep -o 'Loaded [0-9]* questions' "$WORK/app.log" | sed -n '1s/[^0-9]//gp')

COMMAND="bench/http.sh"
CONTENT=$CONTENT_GIVEN
SCREENSHOT=${SCREENSHOT:-}
for setting in JAR APP_ARGS JAVA_OPTS CONTENT SCREENSHOT LABEL ONLY; do
	value=${!setting}
	case "$value" in *[!A-Za-z0-9._/=:-]*) value="'$value'" ;; esac
	case "$setting=$value" in JAR=target/faqkb.jar | LABEL=seed | CONTENT=content | *=) ;; *) COMMAND="$setting=$value $COMMAND" ;; esac
done
section=$(cat <<EOF
<!-- http-bench:$SECTION:start -->
#### \`$SECTION\`: $CONTENT${SCREENSHOT:+ with $(basename "$SCREENSHOT") in its first answer} ($QUESTIONS questions)

Measured $(date -u '+%Y-%m-%d %H:%M UTC') with \`$COMMAND\`
(warm-up ${per_target} s on each target, then wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s per target and server, gzip accepted) on
$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/ { print $2 }') GB RAM,
$(java -version 2>&1 | head -1 | tr -d '"'), $(nginx -v 2>&1 | cut -d: -f2 | sed 's/^ //'), wrk $(wrk -v 2>&1 | head -1 | cut -d' ' -f2).
Load average $LOAD_BEFORE before, $LOAD_AFTER after (other processes share the machine).
First request answered ${FIRST_ANSWER} s after \`java -jar\`; heap used after the run (after a full GC): $HEAP_MB.

| target | bytes | faqkb req/s | p50 ms | p99 ms | nginx req/s | p50 ms | p99 ms | ratio | goal | met |
|---|---|---|---|---|---|---|---|---|---|---|
${rows%$'\n'}
<!-- http-bench:$SECTION:end -->
EOF
)
write_section http-bench "$SECTION" "$section" "$WORK"
