-- SPDX-License-Identifier: MIT
-- wrk script of the soak: rotates over pages, API documents, a search, a
-- 404 and an asset; counts every status seen, for soak.py to check.
local paths = {
  "/", "/codes", "/codes/404", "/codes/418", "/api/v1/codes/503",
  "/api/v1/codes?class=4xx", "/api/v1/codes?q=redirect", "/codes?q=teapot",
  "/healthz", "/codes/299",
}
local threads = {}
local i = 0
statuses = {}

function setup(thread)
  table.insert(threads, thread)
end

function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1],
                    {["Accept-Encoding"] = "gzip, br"})
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + n
    end
  end
  for status, n in pairs(total) do
    io.write(string.format("status %d %d\n", status, n))
  end
end
