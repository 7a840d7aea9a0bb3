// The load generator of bench/redirect.ts, run as its own process so it does not share an event
// loop with the server it measures. Argument: JSON {url, connections, seconds, rate?}. Prints the
// autocannon figures as one JSON line. Every request has its own user agent, so each one is a new
// visitor to the redirect (recorded, never deduplicated as a repeat): the worst case for it.
// Also prints the CPU time the run took it (cpuMs), to tell a busy load generator from a slow server.
import autocannon from 'autocannon';

const { url, connections, seconds, rate } = JSON.parse(process.argv[2] ?? '{}') as {
  url: string;
  connections: number;
  seconds: number;
  rate?: number;
};

// A prefix per process: a later run must not repeat an earlier run's visitors (that would be a repeat click).
const run = `${process.pid}-${Date.now()}`;
let visitor = 0;
const cpuBefore = process.cpuUsage();
const result = await autocannon({
  url,
  connections,
  duration: seconds,
  pipelining: 1,
  ...(rate ? { overallRate: rate } : {}),
  requests: [
    {
      method: 'GET',
      setupRequest: (request) => {
        visitor += 1;
        request.headers = {
          ...request.headers,
          'user-agent': `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36 visitor/${run}-${visitor}`,
        };
        return request;
      },
    },
  ],
});
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(
  `${JSON.stringify({
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    redirects: result['3xx'],
    other: result['1xx'] + result['2xx'] + result['4xx'] + result['5xx'],
    errors: result.errors,
    timeouts: result.timeouts,
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    cpuMs: (cpu.user + cpu.system) / 1000,
  })}\n`,
);
