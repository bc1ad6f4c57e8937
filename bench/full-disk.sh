#!/usr/bin/env bash
# The fault probe of a full disk under the embedded database, as a script (root: it mounts a tmpfs).
# The jar's data folder on a small tmpfs; PRE votes from 4 readers at once (the database grows, and may fill the
# disk itself); the rest of the disk filled with dd; N votes in bursts of 50, each followed by PAUSE seconds so that
# the storage recheck (every 5 s) has its say; kill -9 with the disk still full; space freed; a restart; then every
# vote answered 200 is looked for in the database. Prints the answers while full and "acked N, stored M,
# acked-but-missing K" (K must be 0), and the database file's size.
#   bench/full-disk.sh                                   # target/faqkb.jar, 3,000 votes first, a 40 MB disk
#   JAR=/tmp/other.jar PRE=20 N=200 SIZE=20m bench/full-disk.sh
# Figures: bench/README.md, "The embedded database's size".
set -u
cd "$(dirname "$0")/.."
JAR=$(realpath "${JAR:-target/faqkb.jar}")
PRE=${PRE:-3000}; N=${N:-300}
MNT=$(mktemp -d /tmp/faqkb-full-disk.XXXXXX); SIZE=${SIZE:-40m}
WORK=$(mktemp -d /tmp/faqkb-full-disk-work.XXXXXX)
trap 'kill -9 $PID 2>/dev/null; umount "$MNT"; rm -rf "$MNT" "$WORK"' EXIT
mount -t tmpfs -o size=$SIZE tmpfs "$MNT" || exit 1
mkdir -p "$WORK/content"
cat > "$WORK/content/help.md" <<'MD'
---
title: Help
---

## Can I export my data? {#export}

Yes, from the account page.
MD
PORT=${PORT:-18091}
start() { java -Xmx256m -jar $JAR --server.port=$PORT --faqkb.data-dir=$MNT/data --faqkb.content-dir=$WORK/content --faqkb.content.watch=false --faqkb.search.semantic.enabled=false --faqkb.feedback.rate-limit=1000000 > "$WORK/$1" 2>&1 & PID=$!; until curl -s -o /dev/null localhost:$PORT/faq/help/export; do sleep 0.5; done; }
vote() { curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Accept: application/json' -H "Origin: http://localhost:$PORT" -H "Cookie: faqkb_reader=$1" --data "helpful=yes&comment=c$1" localhost:$PORT/faq/help/export/feedback; }
start run1.log
cd "$WORK"; : > acked
export -f vote; export PORT; seq 1 ${PRE:-20} | xargs -P4 -I{} bash -c '[ "$(vote pre{})" = 200 ] && echo pre{}' >> acked; ls -la $MNT/data
dd if=/dev/zero of=$MNT/filler bs=1M 2>/dev/null; dd if=/dev/zero of=$MNT/filler2 bs=4k 2>/dev/null; df -h $MNT | tail -1
declare -A codes
for i in $(seq 1 ${N:-400}); do c=$(vote full$i); codes[$c]=$(( ${codes[$c]:-0} + 1 )); [ "$c" = 200 ] && echo full$i >> acked; [ $((i % 50)) = 0 ] && sleep ${PAUSE:-6}; done
for c in "${!codes[@]}"; do echo "while full: $c x ${codes[$c]}"; done
kill -9 $PID; wait $PID 2>/dev/null
rm -f $MNT/filler $MNT/filler2
start run2.log
kill $PID; wait $PID 2>/dev/null
java -cp $JAR -Dloader.main=org.h2.tools.Shell org.springframework.boot.loader.launch.PropertiesLauncher -url "jdbc:h2:file:$MNT/data/faqkb" -user sa -sql "SELECT comment_text FROM vote" 2>&1 | grep -o 'c[a-z]*[0-9]*' | sed 's/^c//' | sort > stored
echo "acked $(wc -l < acked), stored $(wc -l < stored), acked-but-missing $(comm -23 <(sort acked) stored | wc -l)"
ls -la $MNT/data
