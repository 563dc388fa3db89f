-- Every request is a new visitor (its own User-Agent) on one of the demo's links, so every request is a
-- click that must be counted and written: the redirect's worst case.
-- Each wrk thread runs its own copy of this script, counting from 1 with the same random numbers: the
-- run's and the thread's numbers in every User-Agent keep two threads, or two runs within the hour that
-- Canopy remembers visitors for, from sending the same visitor.
local paths = {}
local counter = 0
local threads = 0
local run = os.time()

function setup(thread)
  threads = threads + 1
  thread:set("id", run .. "-" .. threads)
end

function init(args)
  for i = 1, #args do paths[i] = args[i] end
  if #paths == 0 then paths[1] = "/" end
end

function request()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1] .. "?utm_content=bench"
  return wrk.format("GET", path, {
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Chrome/142.0 bench-" .. id .. "-" .. counter,
    ["Accept"] = "text/html"
  })
end

-- wrk prints 50, 75, 90 and 99 %; the run script reads p99.9 (in microseconds) from this line.
function done(summary, latency, requests)
  io.write(string.format("p99.9 %d\n", latency:percentile(99.9)))
end
