-- One operation of the benchmark, chosen by BENCH_OP; wrk runs it over many connections.
-- Environment: BENCH_OP (get|list|search|create|patch|history|match), BENCH_KEY (API key), BENCH_IDS
-- (file of claim ids, one a line), BENCH_SEARCH (search text), BENCH_SEED, BENCH_DELAY_MS (per
-- connection mean pause between requests, for a lower rate; 0 = as fast as possible),
-- BENCH_ARRIVALS (poisson|fixed, see delay() below), BENCH_RUN.
-- done() prints one line "BENCH-RESULT {json}" that bench.py reads.

local op = os.getenv("BENCH_OP")
local key = os.getenv("BENCH_KEY")
local ids_file = os.getenv("BENCH_IDS")
local search = os.getenv("BENCH_SEARCH") or "kabul"
local seed = tonumber(os.getenv("BENCH_SEED") or "42")
-- which wrk run this is: keys and patched values must differ between runs, or a later run would
-- replay the earlier one's creates and repeat its patches as no-ops
local run = tonumber(os.getenv("BENCH_RUN") or "0")
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

local ids = {}
local counter = 0
local headers = {}

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  math.randomseed(seed * 1000003 + run * 1009 + (tid or 0))
  if ids_file and ids_file ~= "" then
    for line in io.lines(ids_file) do
      ids[#ids + 1] = line
    end
  end
  headers["Authorization"] = "Bearer " .. key
  headers["Accept"] = "application/json"
end

local function any_id()
  return ids[math.random(#ids)]
end

local function with(extra)
  local h = {}
  for k, v in pairs(headers) do h[k] = v end
  for k, v in pairs(extra) do h[k] = v end
  return h
end

local create_body = '{"statement":"Benchmark: two explosions killed over 70 people near the airport",'
  .. '"type":"CASUALTY_COUNT","claimant":"Global News","claimDate":"2021-08-26","language":"en",'
  .. '"location":"Kabul, Afghanistan","tags":["bench"],'
  .. '"quantity":{"measure":"KILLED","qualifier":"MORE_THAN","value":70,"subject":"people"}}'

-- match: a draft like the seeded casualty claims, worded otherwise, at a random place and figure
local places = {"Kabul", "Kandahar", "Herat", "Mazar-i-Sharif", "Jalalabad", "Kunduz", "Ghazni", "Bamyan"}
local match_body = '{"statement":"More than %d people were killed in an attack in %s, officials said",'
  .. '"type":"CASUALTY_COUNT","claimDate":"2021-08-26","language":"en",'
  .. '"quantity":{"measure":"KILLED","qualifier":"MORE_THAN","value":%d,"subject":"people"}}'

function request()
  counter = counter + 1
  if op == "get" then
    return wrk.format("GET", "/api/v1/claims/" .. any_id(), headers)
  elseif op == "list" then
    return wrk.format("GET", "/api/v1/claims?status=IN_REVIEW&limit=50", headers)
  elseif op == "search" then
    return wrk.format("GET", "/api/v1/claims?q=" .. urlencode(search) .. "&limit=50", headers)
  elseif op == "history" then
    return wrk.format("GET", "/api/v1/claims/" .. any_id() .. "/history", headers)
  elseif op == "create" then
    local h = with({["Content-Type"] = "application/json",
      ["Idempotency-Key"] = string.format("bench-%d-%d-%d-%d", seed, run, tid, counter)})
    return wrk.format("POST", "/api/v1/claims", h, create_body)
  elseif op == "match" then
    local value = math.random(2, 400)
    local body = string.format(match_body, value, places[math.random(#places)], value)
    return wrk.format("POST", "/api/v1/claims:match", with({["Content-Type"] = "application/json"}), body)
  elseif op == "patch" then
    local h = with({["Content-Type"] = "application/merge-patch+json", ["If-Match"] = "*"})
    local body = string.format('{"location":"Kabul, Afghanistan (%d)"}', math.random(1, 1000000))
    return wrk.format("PATCH", "/api/v1/claims/" .. any_id(), h, body)
  end
  error("unknown BENCH_OP " .. tostring(op))
end

-- BENCH_ARRIVALS: how a connection spaces its requests at a fixed lower rate. "poisson" (default):
-- each pause is drawn from an exponential distribution of mean BENCH_DELAY_MS, so the connections'
-- requests arrive independently of each other, as independent users' would. "fixed": every pause
-- is BENCH_DELAY_MS; the connections then start together and stay in step, all of them sending
-- at once, so a request waits for up to connections - 1 others.
local arrivals = os.getenv("BENCH_ARRIVALS") or "poisson"
if pause > 0 then
  if arrivals == "fixed" then
    function delay()
      return pause
    end
  else
    function delay()
      return math.floor(-pause * math.log(1 - math.random()) + 0.5)
    end
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCH-RESULT {"requests":%d,"duration_us":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,'
      .. '"mean_us":%.1f,"max_us":%d,"non2xx":%d,"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.mean, latency.max, e.status, e.connect, e.read, e.write, e.timeout))
end
