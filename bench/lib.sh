# Shared by the bench scripts that start servers and write their tables into bench/README.md (http.sh, cold.sh).
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
