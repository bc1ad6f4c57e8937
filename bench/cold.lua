-- wrk script of bench/cold.sh: each request asks PATH followed by the next line of FILE (URL-encoded queries), each
-- line once; with several threads, thread t of T sends lines t, t + T, t + 2T, ...
--   wrk -t T -s bench/cold.lua URL -- FILE PATH T
-- A thread that runs out of lines starts again at its first (counted, and said at the end: then queries repeat).
local threads = {}

function setup(thread)
	thread:set("id", #threads)
	table.insert(threads, thread)
end

function init(args)
	local count = tonumber(args[3] or "1")
	lines = {}
	local i = 0
	for line in io.lines(args[1]) do
		if i % count == id then
			table.insert(lines, line)
		end
		i = i + 1
	end
	path = args[2]
	at = 0
	wrapped = 0
end

function request()
	at = at + 1
	if at > #lines then
		at = 1
		wrapped = wrapped + 1
	end
	return wrk.format("GET", path .. lines[at])
end

function done(summary, latency, requests)
	local total = 0
	for _, thread in ipairs(threads) do
		total = total + (thread:get("wrapped") or 0)
	end
	if total > 0 then
		io.stderr:write("cold.lua: a thread ran out of queries and repeated them\n")
	end
end
