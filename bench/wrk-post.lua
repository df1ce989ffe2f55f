-- wrk script: POSTs the urlencoded body in $BENCH_BODY on every request (or, with BENCH_METHOD=GET,
-- GETs the URL with the cookie in $BENCH_COOKIE) and prints one machine-readable line at the end:
--   BENCH {"requests":..,"duration_us":..,"p50_us":..,"p99_us":..,"max_us":..,"errors":..,"non2xx":..}
wrk.method = os.getenv("BENCH_METHOD") or "POST"
if wrk.method == "POST" then
  wrk.body = os.getenv("BENCH_BODY") or ""
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
if os.getenv("BENCH_COOKIE") then
  wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,"errors":%d,"non2xx":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.connect + e.read + e.write + e.timeout, e.status))
end
