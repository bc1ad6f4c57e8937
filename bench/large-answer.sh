#!/usr/bin/env bash
# Heap under load on one very large answer (issue 19): faqkb serves the Python FAQ plus a category whose one answer
# is SIZE_MB megabytes (or SIZE_KB kilobytes) of Markdown; CONCURRENCY readers at once ask for that answer with
# ?hl= (ROUNDS each, other search words every time), while another client searches /api/search for words the large
# answer holds. Prints the status codes, the OutOfMemoryErrors in the log, and the live heap (in use after a full
# GC) after start and at its most during the load, sampled every half second: what the requests in flight keep
# alive. See bench/README.md.
#
#   bench/large-answer.sh                                 # 5 MB answer, 16 readers, -Xmx256m
#   JAR=/tmp/old/faqkb.jar bench/large-answer.sh          # another build, e.g. of an older commit
#   SIZE_MB=20 JAVA_OPTS=-Xmx512m bench/large-answer.sh
#   SIZE_KB=80 bench/large-answer.sh                     # marked for each request (under 100KB of HTML)
#
# Needs a JDK 17+ (java, jcmd), curl and python3, and ../shared/corpora/python-faq beside the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

SIZE_MB=${SIZE_MB:-5}
# or the size in KB, for an answer under faqkb.pages.large-answer (100KB), which ?hl= marks per request
SIZE_KB=${SIZE_KB:-$((SIZE_MB * 1024))}
SIZE_LABEL=$([ $((SIZE_KB % 1024)) -eq 0 ] && echo "$((SIZE_KB / 1024)) MB" || echo "$SIZE_KB KB")
CONCURRENCY=${CONCURRENCY:-16}
ROUNDS=${ROUNDS:-16}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
SOURCE=../shared/corpora/python-faq
[ -d "$SOURCE" ] || { echo "bench/large-answer.sh needs $SOURCE" >&2; exit 2; }

JAR=${JAR:-}
if [ -z "$JAR" ]; then
	JAR=target/faqkb.jar
	if [ ! -f "$JAR" ] || [ -n "$(find src/main pom.xml -newer "$JAR" -print -quit)" ]; then
		./mvnw -B -q -DskipTests package
	fi
fi
WORK=$(mktemp -d /tmp/faqkb-large-answer.XXXXXX)
APP_PID=
SEARCH_PID=
SAMPLE_PID=
cleanup() {
	set +e
	[ -n "$SAMPLE_PID" ] && kill "$SAMPLE_PID" 2>/dev/null && wait "$SAMPLE_PID" 2>/dev/null
	[ -n "$SEARCH_PID" ] && kill "$SEARCH_PID" 2>/dev/null && wait "$SEARCH_PID" 2>/dev/null
	[ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The Python FAQ as it is, plus big.md: one question whose answer is the FAQ's answers (links dropped, headings
# left out) over and over, code blocks and lists included, until it is that long.
mkdir "$WORK/content"
cp "$SOURCE"/*.md "$WORK/content/"
python3 - "$SOURCE" "$WORK/content/big.md" "$SIZE_KB" <<'EOF'
import pathlib, re, sys
source, target, size = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3]) * 1024
blocks = []
for md in sorted(source.glob('*.md')):
    body = re.sub(r'^---\n.*?\n---\n', '', md.read_text(encoding='utf-8'), flags=re.S)
    body = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', body)
    blocks += [b for b in re.split(r'^#{1,2} .*$', body, flags=re.M) if b.strip()]
parts, length = ['---\ntitle: Everything at once\n---\n\n## Everything about Python in one answer? {#everything}\n'], 0
while length < size:
    for block in blocks:
        parts.append(block.strip() + '\n')
        length += len(block.encode('utf-8')) + 1
        if length >= size:
            break
target.write_text('\n'.join(parts), encoding='utf-8')
EOF

port=$(free_port)
APP="http://127.0.0.1:$port"
# shellcheck disable=SC2086
java $JAVA_OPTS -Xlog:gc:file="$WORK/gc.log" -jar "$JAR" --server.address=127.0.0.1 --server.port="$port" \
	--faqkb.content-dir="$WORK/content" --faqkb.data-dir="$WORK/data" --faqkb.content.watch=false \
	--faqkb.feedback.rate-limit=1000000 >"$WORK/app.log" 2>&1 &
APP_PID=$!
until curl -sf -o /dev/null "$APP/"; do
	kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }
	sleep 0.2
done
# Semantic search embeds the questions in the background after start (loading its model takes heap for a while):
# the load waits for it, so that what it measures is the requests.
for _ in $(seq 1 600); do # at most 2 minutes
	grep -q 'Semantic search \(ready\|is off\|: embedding failed\)' "$WORK/app.log" && break
	sleep 0.2
done
# The live heap: what a full GC keeps, the requests in flight included, as the GC log gives it ("Pause Full
# (Diagnostic Command) 95M->61M(256M)"). Not GC.class_histogram: it skips its GC while a thread holds the GC
# locker, as gzip does, and then counts garbage too.
full_gc() {
	jcmd "$APP_PID" GC.run >/dev/null 2>&1
}
live() { # the live heap after each of the samples' collections from the $1th on, in MB
	grep 'Pause Full (Diagnostic Command)' "$WORK/gc.log" | tail -n +"$1" | grep -o '[0-9]*M->[0-9]*M' |
		sed 's/.*->//; s/M//'
}
full_gc
started=$(live 1 | tail -1)
samples_from=$(($(grep -c 'Pause Full (Diagnostic Command)' "$WORK/gc.log") + 1))

# The other client: searches for words of the large answer (its snippet is cut from it) until the readers are done.
(
	for i in $(seq 1 100000); do
		curl -s -o /dev/null -w '%{http_code}\n' -H 'Accept-Encoding: gzip' "$APP/api/search?q=python+module+$i" || echo 000
	done
) >"$WORK/search.codes" &
SEARCH_PID=$!
# The live heap while the readers come, every half second (each full GC pauses the server a little).
(
	while :; do
		full_gc
		sleep 0.5
	done
) &
SAMPLE_PID=$!

words=(python list module function file string class thread import error dictionary object)
for r in $(seq 1 "$ROUNDS"); do
	for c in $(seq 1 "$CONCURRENCY"); do
		echo "$APP/faq/big/everything?hl=${words[$(((r * 7 + c) % ${#words[@]}))]}+${words[$((c % ${#words[@]}))]}+r$r"
	done
done >"$WORK/urls"
start=$(date +%s%N)
xargs -P "$CONCURRENCY" -n 1 curl -s -o /dev/null -w '%{http_code}\n' -H 'Accept-Encoding: gzip' --max-time 120 \
	<"$WORK/urls" >"$WORK/answer.codes" || true
elapsed=$(awk -v s="$start" -v e="$(date +%s%N)" 'BEGIN { printf "%.1f", (e - s) / 1e9 }')
kill "$SEARCH_PID" "$SAMPLE_PID" 2>/dev/null
wait "$SEARCH_PID" "$SAMPLE_PID" 2>/dev/null || true
SEARCH_PID=
SAMPLE_PID=

codes() { sort "$1" | uniq -c | awk '{ printf "%s%s × %s", (NR > 1 ? ", " : ""), $1, $2 }'; }
most=$(live "$samples_from" | sort -n | tail -1)
samples=$(live "$samples_from" | grep -c . || true)
# Full collections the JVM needed itself (not the samples'), a sign of a heap too small.
full=$(grep 'Pause Full' "$WORK/gc.log" | grep -vc 'Diagnostic Command' || true)
oom=$(grep -c 'OutOfMemoryError' "$WORK/app.log" || true)
echo "$(grep -c . "$WORK/urls") × ?hl= on a $SIZE_LABEL answer, $CONCURRENCY at once, $JAVA_OPTS" \
	"($(basename "$(dirname "$JAR")")/$(basename "$JAR")):"
echo "  answers: $(codes "$WORK/answer.codes") in $elapsed s"
echo "  /api/search meanwhile: $(codes "$WORK/search.codes")"
echo "  live heap: ${started} MB after start, at most ${most:-?} MB during the load ($samples samples);" \
	"$full full GCs of its own"
echo "  OutOfMemoryError in the log: $oom; load average $(cut -d' ' -f1-3 /proc/loadavg)"
