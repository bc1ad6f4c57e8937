#!/usr/bin/env bash
# Heap per number of questions: generates a content folder of QUESTIONS questions (default 10,000), starts faqkb
# on it, and prints the heap used (after a full GC) once started and again once every page has been asked for
# (so the page cache holds them all). See bench/README.md.
#
#   bench/memory.sh                          # 10,000 questions, -Xmx256m
#   QUESTIONS=20000 JAVA_OPTS=-Xmx512m bench/memory.sh
#
# Needs a JDK 17+, curl and python3. The answers are taken from ../shared/corpora/python-faq when it is there
# (from content/ otherwise), so pages are of a realistic size.
set -euo pipefail
cd "$(dirname "$0")/.."

QUESTIONS=${QUESTIONS:-10000}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
SOURCE=../shared/corpora/python-faq
[ -d "$SOURCE" ] || SOURCE=content

if [ ! -f target/faqkb.jar ] || [ -n "$(find src/main pom.xml -newer target/faqkb.jar -print -quit)" ]; then
	./mvnw -B -q -DskipTests package
fi
WORK=$(mktemp -d /tmp/faqkb-memory.XXXXXX)
APP_PID=
cleanup() {
	set +e
	[ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 20 categories of questions whose answers are the source's answers in turn (links dropped: they would not resolve).
python3 - "$SOURCE" "$WORK/content" "$QUESTIONS" <<'EOF'
import pathlib, re, sys
source, target, count = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
answers = []
for md in sorted(source.glob('*.md')):
    body = re.sub(r'^---\n.*?\n---\n', '', md.read_text(encoding='utf-8'), flags=re.S)
    for block in re.split(r'^## .*$', body, flags=re.M)[1:]:
        text = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', block).strip()
        text = re.sub(r'^#{1,2} .*$', '', text, flags=re.M).strip()
        if text:
            answers.append(text)
target.mkdir()
categories = 20
for c in range(categories):
    lines = [f'---\ntitle: Category {c + 1}\n---\n']
    for q in range(c, count, categories):
        words = [re.sub(r'[^A-Za-z0-9]', '', w) for w in answers[(q * 7) % len(answers)].split()[:6]]
        lines.append(f'## Question {q + 1} about {" ".join(w for w in words if w)}? {{#q{q + 1}}}\n\n{answers[q % len(answers)]}\n')
    (target / f'c{c + 1}.md').write_text('\n'.join(lines), encoding='utf-8')
EOF

port=$((20000 + RANDOM % 40000))
# shellcheck disable=SC2086
java $JAVA_OPTS -jar target/faqkb.jar --server.address=127.0.0.1 --server.port="$port" \
	--faqkb.content-dir="$WORK/content" --faqkb.data-dir="$WORK/data" --faqkb.content.watch=false >"$WORK/app.log" 2>&1 &
APP_PID=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do
	kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }
	sleep 0.2
done
heap() {
	jcmd "$APP_PID" GC.run >/dev/null
	jcmd "$APP_PID" GC.heap_info | grep -o 'used [0-9]*K' | sed -n '1s/[^0-9]//gp' | awk '{ printf "%.0f MB", $1 / 1024 }'
}
started=$(heap)
{
	echo "http://127.0.0.1:$port/"
	for c in $(seq 1 20); do echo "http://127.0.0.1:$port/faq/c$c"; done
	for q in $(seq 1 "$QUESTIONS"); do echo "http://127.0.0.1:$port/faq/c$(((q - 1) % 20 + 1))/q$q"; done
} >"$WORK/urls"
start=$(date +%s)
xargs -P 4 -n 100 curl -s -H "Accept-Encoding: gzip" <"$WORK/urls" >/dev/null
filled=$(heap)
errors=$(grep -c -E ' (ERROR|WARN) .*(OutOfMemory|Exception)' "$WORK/app.log" || true)
echo "$QUESTIONS questions, $JAVA_OPTS: heap $started after start, $filled with all $(wc -l <"$WORK/urls") pages cached" \
	"(made in $(($(date +%s) - start)) s); errors in the log: $errors"
