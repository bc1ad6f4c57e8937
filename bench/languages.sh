#!/usr/bin/env bash
# What each added language costs: the Python FAQ served in English alone, with French, then with French and
# Japanese (../shared/corpora/python-faq, -fr, -ja), each started once with semantic search off (its model is
# measured apart, and ranks English only): the content's load time (the log's "Loaded ... in N ms"), the time to the
# first 200 of GET /, the heap after a full GC once started, and again once every page of every language has been
# asked for (so the page cache holds them all). See "Languages" in bench/README.md.
#
#   bench/languages.sh
#   JAVA_OPTS=-Xmx256m bench/languages.sh
#
# Needs a JDK 17+, curl and the shared corpora beside the checkout. Builds target/faqkb.jar when it is older than
# the sources.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
SHARED=../shared/corpora
for corpus in python-faq python-faq-fr python-faq-ja; do
	[ -d "$SHARED/$corpus" ] || { echo "missing $SHARED/$corpus" >&2; exit 2; }
done
if [ ! -f target/faqkb.jar ] || [ -n "$(find src/main pom.xml -newer target/faqkb.jar -print -quit)" ]; then
	./mvnw -B -q -DskipTests package
fi
WORK=$(mktemp -d /tmp/faqkb-languages.XXXXXX)
APP_PID=
cleanup() {
	set +e
	[ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

heap() {
	jcmd "$APP_PID" GC.run >/dev/null
	jcmd "$APP_PID" GC.heap_info | grep -o 'used [0-9]*K' | sed -n '1s/[^0-9]//gp' | awk '{ printf "%.1f MB", $1 / 1024 }'
}

run() { # label, translations...
	local label=$1
	shift
	local content="$WORK/$label"
	mkdir -p "$content"
	cp "$SHARED"/python-faq/*.md "$content/"
	for language in "$@"; do
		mkdir -p "$content/$language"
		cp "$SHARED/python-faq-$language"/*.md "$content/$language/"
	done
	local port=$(free_port)
	local begin
	begin=$(date +%s%N)
	# shellcheck disable=SC2086
	java $JAVA_OPTS -jar target/faqkb.jar --server.address=127.0.0.1 --server.port="$port" \
		--faqkb.content-dir="$content" --faqkb.data-dir="$WORK/data-$label" --faqkb.content.watch=false \
		--faqkb.search.semantic.enabled=false >"$WORK/$label.log" 2>&1 &
	APP_PID=$!
	until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do
		kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/$label.log" >&2; exit 1; }
		sleep 0.05
	done
	local first=$((($(date +%s%N) - begin) / 1000000))
	local loaded
	loaded=$(grep -o 'in [0-9]* ms' "$WORK/$label.log" | head -1)
	local started
	started=$(heap)
	{
		for prefix in "" "${@/#//}"; do
			echo "http://127.0.0.1:$port$prefix/"
			for md in "$SHARED"/python-faq/*.md; do
				category=$(basename "$md" .md)
				echo "http://127.0.0.1:$port$prefix/faq/$category"
			done
		done
	} >"$WORK/urls"
	xargs -P 4 -n 1 curl -s -o /dev/null -H "Accept-Encoding: gzip" <"$WORK/urls"
	local filled
	filled=$(heap)
	echo "$label: content loaded $loaded, first 200 after $first ms, heap $started after start, $filled with the home and category pages of every language cached"
	kill "$APP_PID" && wait "$APP_PID" 2>/dev/null || true
	APP_PID=
}

run en
run en+fr fr
run en+fr+ja fr ja
