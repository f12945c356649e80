import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isCancuocError, maskId } from '@cancuoc/core';
import {
  buildStayNotice,
  createOutbox,
  createStayClient,
  type Outbox,
  type OutboxEvents,
} from '@cancuoc/guest-stay';
import { createSqliteStore } from '@cancuoc/guest-stay/sqlite';
import { formatCardQr, parseCardQr } from '@cancuoc/qr';
import { startStayApi, testPerson } from '@cancuoc/testkit';
import { heading, line } from '../print.js';

const CREDENTIALS = {
  username: 'cslt-demo',
  password: 'demo-password',
  clientId: 'API_CSLT',
  clientSecret: 'demo-secret',
} as const;

/**
 * A hotel front desk: the guest's card QR becomes the police stay notice, the notice goes into the
 * durable outbox (SQLite in a temporary folder) and on to the accommodation API (the simulator on
 * 127.0.0.1). The first send is stored by the API but its answer is lost, and the front-desk PC
 * "crashes" before it can retry; after a restart on the same file, the outbox re-sends and the
 * API's "already declared" answer confirms the first send: the police hold the stay exactly once.
 * Everything is stopped and deleted at the end.
 */
export async function guestStaySection(): Promise<void> {
  heading('guest-stay: card QR → stay notice → durable outbox → accommodation API (simulator on 127.0.0.1)');
  const dir = mkdtempSync(join(tmpdir(), 'cancuoc-demo-stay-'));
  // The first submission is stored, then the connection is cut before the answer.
  const api = await startStayApi({ ...CREDENTIALS, faults: { dropAfterAcceptEvery: 1 } });
  try {
    const [day, month, year] = testPerson.dateOfBirth.split('/').map(Number) as [number, number, number];
    const qrText = formatCardQr({
      personalId: testPerson.personalId,
      fullName: testPerson.fullName,
      dateOfBirth: { year, month, day },
      sex: testPerson.sex,
      permanentResidence: testPerson.permanentResidence,
      dateOfIssue: { year: 2021, month: 5, day: 10 },
    });
    const arrival = new Date(Date.now() - 20 * 60_000);
    const notice = buildStayNotice({
      guest: parseCardQr(qrText),
      stay: {
        arrival,
        expectedDeparture: new Date(arrival.getTime() + 2 * 86_400_000),
        room: '302',
        reason: 1,
      },
    });
    line('card QR scanned', `${maskId(testPerson.personalId)}, ${testPerson.fullName}`);
    line('stay notice', `${notice.kind} guest, ${notice.label}`);
    line('payload (API 5)', {
      hoTen: notice.payload.hoTen,
      loaiGiayTo: notice.payload.loaiGiayTo,
      soGiayTo: maskId(String(notice.payload.soGiayTo)),
      ngayDenCsltStr: notice.payload.ngayDenCsltStr,
      soPhong: notice.payload.soPhong,
    });
    line('legal deadline', `${notice.deadline} (Law on Residence art. 30)`);

    const path = join(dir, 'stay-outbox.db');
    const client = createStayClient({ baseUrl: api.url, ...CREDENTIALS, timeoutMs: 5_000 });

    // The front-desk PC, first life.
    let store = createSqliteStore({ path });
    let outbox = createOutbox({ client, store });
    const { id } = await outbox.enqueue(notice);
    line('enqueue', `stored on disk before it returned: ${(await outbox.get(id))?.state}`);
    const lost = once(outbox, 'unknown');
    await outbox.start();
    await lost;
    line('send 1', `the API stored it (holds ${api.accepted.length}), the answer was lost → unknown`);
    await outbox.stop({ abandon: true });
    await store.close();
    line('crash', 'the PC goes down before retrying; on disk the notice is "unknown"');

    // Second life: same file.
    api.setFaults({});
    store = createSqliteStore({ path });
    outbox = createOutbox({ client, store });
    line(
      'restart: list()',
      (await outbox.list()).map((r) => `${r.label} ${r.state}, attempts ${r.attempts}`).join('; '),
    );
    const accepted = once(outbox, 'accepted');
    await outbox.start();
    const event = await accepted;
    line('send 2', `API: "already declared" → accepted, confirmed by ${event.confirmedBy}`);
    const record = await outbox.get(id);
    line('record', { state: record?.state, confirmedBy: record?.confirmedBy, attempts: record?.attempts });
    const refused = await outbox.enqueue(notice).catch((e: unknown) => e);
    line(
      'queue it again?',
      isCancuocError(refused) ? `${refused.code}: ${refused.messageVi}` : 'queued twice (!)',
    );
    await outbox.stop();
    await store.close();
    line(
      'simulator',
      `holds ${api.accepted.length} stay, duplicate answers ${api.stats.duplicates}: exactly once`,
    );
  } finally {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function once<E extends keyof OutboxEvents>(outbox: Outbox, event: E): Promise<OutboxEvents[E]> {
  return new Promise((resolve) => {
    const off = outbox.on(event, (payload) => {
      off();
      resolve(payload);
    });
  });
}
