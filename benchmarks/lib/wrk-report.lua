-- wrk's end-of-run hook for benchmarks/run/net: one NETJSON line (throughput, latency
-- percentiles in µs, errors) that the runner parses.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('NETJSON {"ops_per_s": %.1f, "p50_us": %.1f, "p99_us": %.1f, "p999_us": %.1f, "max_us": %.1f, "count": %d, "errors": %d}\n',
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    latency:percentile(99.9), latency.max, summary.requests, e.connect + e.read + e.write + e.status + e.timeout))
end
