-- wrk script for the warm-up of bench/http.sh: each request asks for the next address given after "--",
-- accepting gzip as browsers do.
local paths = {}
local next_path = 0

function init(args)
  for _, path in ipairs(args) do
    paths[#paths + 1] = path
  end
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path], { ["Accept-Encoding"] = "gzip" })
end
