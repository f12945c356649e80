/**
 * `pnpm --filter @cancuoc/example-hotel-check-in start`: runs the front desk.
 *
 * Without configuration it starts the accommodation-API simulator of `@cancuoc/testkit` on
 * 127.0.0.1 with synthetic credentials, and offers a synthetic sample card on the page. With
 * STAY_API_URL, STAY_CLIENT_ID, STAY_CLIENT_SECRET, STAY_USERNAME and STAY_PASSWORD set it sends
 * to that API instead. PORT (default 3000), HOST (default 127.0.0.1), HOTEL_DB (the outbox's
 * SQLite file; default in the system's temp folder, kept between runs) and HOTEL_NAME are read
 * too; STAY_SIM_DROP_EVERY=N makes the simulator drop every Nth answer after storing the notices.
 * Ctrl+C stops everything cleanly.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type HotelDesk, type StayApiAccess, startHotelDesk } from './desk.js';
import { cardQrPhoto } from './sample-card.js';

const env = process.env;
const port = Number(env.PORT ?? 3000);
const dbPath = env.HOTEL_DB ?? join(tmpdir(), 'cancuoc-hotel-check-in', 'outbox.sqlite');
mkdirSync(dirname(dbPath), { recursive: true });

const closers: (() => Promise<void>)[] = [];
let access: StayApiAccess;
let apiLabel: string;
let sampleCard: Uint8Array | undefined;

if (
  env.STAY_API_URL &&
  env.STAY_CLIENT_ID &&
  env.STAY_CLIENT_SECRET &&
  env.STAY_USERNAME &&
  env.STAY_PASSWORD
) {
  access = {
    baseUrl: env.STAY_API_URL,
    clientId: env.STAY_CLIENT_ID,
    clientSecret: env.STAY_CLIENT_SECRET,
    username: env.STAY_USERNAME,
    password: env.STAY_PASSWORD,
  };
  apiLabel = env.STAY_API_URL;
} else {
  const { startStayApi } = await import('@cancuoc/testkit');
  const credentials = {
    clientId: 'HOTEL_DEMO_CLIENT',
    clientSecret: crypto.randomUUID(),
    username: 'cslt-demo',
    password: crypto.randomUUID(),
  };
  // STAY_SIM_DROP_EVERY=N: the simulator stores every Nth submission, then drops the connection
  // before answering, to watch a notice go `unknown` and come back "confirmed by duplicate".
  const dropEvery = Number(env.STAY_SIM_DROP_EVERY ?? 0);
  const simulator = await startStayApi({
    ...credentials,
    ...(dropEvery > 0 ? { faults: { dropAfterAcceptEvery: dropEvery } } : {}),
  });
  closers.push(() => simulator.close());
  access = { baseUrl: simulator.url, ...credentials };
  apiLabel = `simulator ${simulator.url} (@cancuoc/testkit startStayApi, synthetic data)`;
  sampleCard = cardQrPhoto();
}

let desk: HotelDesk;
try {
  desk = await startHotelDesk({
    api: access,
    apiLabel,
    dbPath,
    facility: env.HOTEL_NAME ?? 'Khách sạn Hoa Sen',
    port,
    host: env.HOST ?? '127.0.0.1',
    ...(sampleCard ? { sampleCard } : {}),
  });
} catch (error) {
  for (const close of closers) await close();
  throw error;
}
closers.unshift(() => desk.close());

console.log(`Front desk / Lễ tân:   ${desk.url}`);
console.log(`Accommodation API:     ${apiLabel}`);
console.log(`Outbox (SQLite):       ${dbPath}`);
console.log('Ctrl+C to stop.');

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) {
    console.log('Forced exit.');
    process.exit(1);
  }
  stopping = true;
  console.log(`${signal}: stopping (the send in flight finishes, then the outbox and SQLite close)…`);
  try {
    for (const close of closers) await close();
    process.exit(0);
  } catch (error) {
    console.error('Shutdown failed:', error);
    process.exit(1);
  }
}
// A second Ctrl+C while stopping forces the exit.
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
