-- wrk script of bench/directory.sh: directory queries as members make them, with a bearer token.
--   BENCH_TOKEN=<access token> BENCH_CITIES=paris,lyon,... [BENCH_PATH=/api/community/members] \
--     wrk -t2 -c4 -d15s --latency -s bench/directory.lua http://localhost:8080
-- The mix (each request draws one; every query also has page and size):
--   30 % a city                      15 % a city and a topic        10 % a city and a language
--   10 % a city and a name/word prefix (q)                          5 % a city's frontrunners or transition team
--   10 % a topic                      5 % a language                15 % a prefix alone
-- page 0 for 60 %, 1 for 20 %, 2..5 for 20 %; size 20. Prefixes mix names and bio words, some with accents.
-- At the end it prints one line that bench/directory.sh reads:
--   RESULT requests=N seconds=S rps=R p50_ms=A p99_ms=B max_ms=C non2xx=D socket_errors=E

local token = os.getenv("BENCH_TOKEN") or error("BENCH_TOKEN is not set")
local path = os.getenv("BENCH_PATH") or "/api/community/members"
local cities = {}
for city in string.gmatch(os.getenv("BENCH_CITIES") or error("BENCH_CITIES is not set"), "[^,]+") do
  cities[#cities + 1] = city
end
local topics = { "energy", "mobility", "buildings", "green-space", "waste", "food", "participation", "water",
  "adaptation" }
local languages = { "en", "en", "en", "fr", "de", "it", "es", "nl", "pl", "sv", "pt", "el", "ro", "fi" }
local roles = { "FRONTRUNNER", "FRONTRUNNER", "FRONTRUNNER", "TRANSITION_TEAM" }
-- "zür", "mül", "jör", "ana", "ene", ... percent-encoded as a browser sends them
local prefixes = { "zur", "z%C3%BCr", "m%C3%BCl", "mul", "j%C3%B6r", "ene", "sol", "cyc", "gard", "rep", "ana",
  "mar", "joh", "nik", "luk", "fra", "sem", "kos", "ren", "heat", "kli", "trans", "%C3%A9qu", "ali" }

local function pick(list)
  return list[math.random(#list)]
end

local function page()
  local p = math.random(100)
  if p <= 60 then
    return 0
  elseif p <= 80 then
    return 1
  end
  return math.random(2, 5)
end

local function query()
  local r = math.random(100)
  local q
  if r <= 30 then
    q = "city=" .. pick(cities)
  elseif r <= 45 then
    q = "city=" .. pick(cities) .. "&topic=" .. pick(topics)
  elseif r <= 55 then
    q = "city=" .. pick(cities) .. "&language=" .. pick(languages)
  elseif r <= 65 then
    q = "city=" .. pick(cities) .. "&q=" .. pick(prefixes)
  elseif r <= 70 then
    q = "city=" .. pick(cities) .. "&role=" .. pick(roles)
  elseif r <= 80 then
    q = "topic=" .. pick(topics)
  elseif r <= 85 then
    q = "language=" .. pick(languages)
  else
    q = "q=" .. pick(prefixes)
  end
  return path .. "?" .. q .. "&page=" .. page() .. "&size=20"
end

local thread_count = 0
function setup(thread)
  thread_count = thread_count + 1
  thread:set("seed", thread_count)
end

function init(args)
  math.randomseed(os.time() * 1000 + (seed or 0))
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Accept"] = "application/json"
end

function request()
  return wrk.format("GET", query())
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
