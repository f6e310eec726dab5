-- wrk script of bench/http.ts: POST the request bodies of a file (one JSON body per line) in order, from a given
-- line on (wrapping at the end), and print one JSON summary line: completed requests, failures, latency percentiles
-- (microseconds) and wrk's own CPU time (clock ticks, from /proc/self/stat).
--   wrk -t1 -c64 -d15s --timeout 30s -s bench/wrk-bodies.lua URL -- BODIES_FILE FIRST_LINE(0-based) [PAUSE_MS]
-- With PAUSE_MS, each connection waits that long after an answer before sending its next request, as a client
-- that does something with each answer would (wrk's latency figures leave the pause out).

local bodies = {}
local nextBody = 1
local headers = { ["Content-Type"] = "application/json" }

function init(args)
  for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
  nextBody = (tonumber(args[2]) or 0) % #bodies + 1
  local pause = tonumber(args[3]) or 0
  -- defined only when asked for: without it wrk sends at once, as in the other scenarios
  if pause > 0 then
    delay = function() return pause end
  end
end

function request()
  local body = bodies[nextBody]
  nextBody = nextBody % #bodies + 1
  return wrk.format("POST", nil, headers, body)
end

-- user and system time of this process in clock ticks (fields 14 and 15 of /proc/self/stat; the name in
-- parentheses may hold spaces, so fields are counted after its closing parenthesis)
local function cpuTicks()
  local f = io.open("/proc/self/stat", "r")
  if not f then return -1 end
  local stat = f:read("*a")
  f:close()
  local fields = {}
  for field in stat:sub(stat:find("%)[^)]*$") + 2):gmatch("%S+") do fields[#fields + 1] = field end
  return tonumber(fields[14 - 2]) + tonumber(fields[15 - 2])
end

function done(summary, latency)
  local e = summary.errors
  io.write(string.format(
    'WRK-SUMMARY {"requests":%d,"durationUs":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f,"cpuTicks":%d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean, cpuTicks()))
end
