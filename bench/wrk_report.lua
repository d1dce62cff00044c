-- Prints one JSON line with throughput, latency percentiles (microseconds) and errors.
-- Every answer that is not 2xx counts as an error: wrk alone only counts status >= 400,
-- so a signed-in page that turns into a redirect to the sign-in page would look fast.
-- An optional argument (wrk ... url -- TEXT) is text every 2xx body must contain (the
-- sign-out form of a signed-in page): answers without it are counted apart.
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

init = function(args)
  marker = args[1]
  not_2xx = 0
  first_status = 0
  unmarked = 0
end

response = function(status, headers, body)
  if status < 200 or status >= 300 then
    not_2xx = not_2xx + 1
    if first_status == 0 then
      first_status = status
    end
  elseif marker and not string.find(body or "", marker, 1, true) then
    unmarked = unmarked + 1
  end
end

done = function(summary, latency, requests)
  local socket_errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  local bad, first, missing = 0, 0, 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("not_2xx")
    missing = missing + thread:get("unmarked")
    local status = thread:get("first_status")
    if first == 0 and status ~= 0 then
      first = status
    end
  end
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "errors": %d, "non2xx": %d, "first_non2xx": %d, '
      .. '"unmarked": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d}\n',
    summary.requests, summary.duration, socket_errors, bad, first, missing,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
