# Shared by the bench scripts: a free port, and the README section their tables go in.
# Sourced, not run.

# A loopback port nothing listens on.
free_port() {
	local port
	while :; do
		port=$((20000 + RANDOM % 40000))
		(echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
	done
}

# write_section KIND LABEL SECTION SCRATCH: puts SECTION (which starts with <!-- KIND:LABEL:start --> and ends with
# <!-- KIND:LABEL:end -->) into bench/README.md in place of the section of the same label, or at the end when there
# is none; SCRATCH is a folder for the rewritten file.
write_section() {
	local kind=$1 label=$2 section=$3 scratch=$4 readme=bench/README.md
	if grep -qF "<!-- $kind:$label:start -->" "$readme"; then
		awk -v start="<!-- $kind:$label:start -->" -v end="<!-- $kind:$label:end -->" -v section="$section" '
			$0 == start { print section; skip = 1; next }
			$0 == end { skip = 0; next }
			!skip { print }' "$readme" >"$scratch/README.md"
		cat "$scratch/README.md" >"$readme"
	else
		printf '\n%s\n' "$section" >>"$readme"
	fi
	echo "Wrote the table to $readme (section $label)"
}

# wrk_figures: reads wrk --latency's report and prints req/s|p50 ms|p99 ms|what went wrong (0 when nothing): non-2xx
# replies, socket errors, and bench/cold.lua running out of queries.
wrk_figures() {
	local out rps p50 p99 bad
	out=$(cat)
	rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
	p50=$(awk '$1 == "50%" { print $2 }' <<<"$out" | to_ms)
	p99=$(awk '$1 == "99%" { print $2 }' <<<"$out" | to_ms)
	bad=$(awk '/Non-2xx/ { printf "%s non-2xx; ", $5 } /Socket errors/ { sub(/^ +/, ""); printf "%s; ", $0 } /ran out of queries/ { printf "queries repeated; " }' <<<"$out")
	echo "$rps|$p50|$p99|${bad:-0}"
}

# to_ms: a wrk duration (950.00us, 1.20ms, 2.01s) in milliseconds.
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }'; }
