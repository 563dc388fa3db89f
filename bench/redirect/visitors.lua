-- Every request is a new visitor (its own User-Agent) on one of the demo's links, so every request is a
-- click that must be counted and written: the redirect's worst case.
local paths = {}
local counter = 0

function init(args)
  for i = 1, #args do paths[i] = args[i] end
  if #paths == 0 then paths[1] = "/" end
end

function request()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1] .. "?utm_content=bench"
  return wrk.format("GET", path, {
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Chrome/142.0 bench-" .. math.random(1, 2147483647) .. "-" .. counter,
    ["Accept"] = "text/html"
  })
end
