// Client of bench/events.sh: fires N booking POSTs of one adult place each at /evenements/ID/inscription, all at
// once (Promise.all, one connection each), with the anonymous form's CSRF cookie and field read from the event page.
// Usage: node bench/events_book.mjs BASE_URL EVENT_ID N
// Prints one JSON line: {"ms": time from the first send to the last answer, "p50"/"p99": milliseconds of one
// request, "statuses": {"303": n, ...}, "registered": answers that redirect to the private page of a registration
// (booked or waitlisted alike: the database tells which), "errors": [the first few failures]}.
const [base, eventId, countText] = process.argv.slice(2);
const count = Number(countText);
if (!base || !eventId || !(count > 0)) {
  console.error('usage: node bench/events_book.mjs BASE_URL EVENT_ID N');
  process.exit(2);
}
// Node's fetch opens as many connections to one origin as there are requests in flight, one request each (no
// pipelining): the N bookings really are N concurrent connections.

// The anonymous form: a CSRF cookie set on the first visit and the same value in the hidden field.
const page = await fetch(`${base}/evenements/${eventId}`);
const html = await page.text();
const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => /^(__Host-)?csrf=/.test(c));
const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
if (page.status !== 200 || !cookie || !csrf) {
  console.error(`GET /evenements/${eventId}: ${page.status}, csrf cookie ${cookie ? 'set' : 'missing'}, `
    + `csrf field ${csrf ? 'found' : 'missing'}`);
  process.exit(2);
}

function body(i) {
  return new URLSearchParams({
    csrf, kind: 'adult', adult_category: 'women_reconversion', contact_name: `Participante ${i}`,
    email: `participante-${i}@bench.passerelles.test`, phone: '', needs: '',
  }).toString();
}

const statuses = {};
const errors = [];
let registered = 0;
const times = [];
const started = process.hrtime.bigint();
await Promise.all(Array.from({ length: count }, async (_, i) => {
  const t0 = process.hrtime.bigint();
  try {
    const r = await fetch(`${base}/evenements/${eventId}/inscription`, {
      method: 'POST', redirect: 'manual', body: body(i),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    });
    await r.arrayBuffer();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    if (r.status === 303 && /^\/inscriptions\/[^/?]+/.test(r.headers.get('location') ?? '')) registered += 1;
    else if (errors.length < 5) errors.push(`POST ${i}: ${r.status} ${r.headers.get('location') ?? ''}`);
  } catch (e) {
    statuses.network = (statuses.network ?? 0) + 1;
    if (errors.length < 5) errors.push(`POST ${i}: ${e.cause?.code ?? e.message}`);
  }
}));
const ms = Number(process.hrtime.bigint() - started) / 1e6;
times.sort((a, b) => a - b);
const tenth = (x) => Math.round(x * 10) / 10;
const at = (q) => (times.length ? tenth(times[Math.min(times.length - 1, Math.floor(q * times.length))]) : 0);
console.log(JSON.stringify({ ms: tenth(ms), p50: at(0.5), p99: at(0.99), statuses, registered, errors }));
