// `pnpm bench chip`: hostile inputs from the fuzz audit (issue 13) must be answered in milliseconds.
// Explicit EC parameters with a 200 KB cofactor took 19-43 s before the parameters were bounded;
// this run fails when any answer takes longer than BUDGET_MS (median of several runs).
import { issueTestCard } from '@cancuoc/testkit';
import {
  createTrustStore,
  namedCurveParameters,
  parseCardSecurity,
  parseDg14,
  parseDg15,
  parseSod,
  verifyActiveAuthentication,
  verifyCardSecurity,
  verifyPassive,
} from '../src/index.js';
import { editChildren, elementAt, int, octets, oid, seq, tlv } from '../test/der-edit.js';

const BUDGET_MS = 50;
const bp = namedCurveParameters('1.3.36.3.3.2.8.1.1.7')!.params;
const be = (x: bigint) => Uint8Array.from(Buffer.from(x.toString(16).padStart(64, '0'), 'hex'));
const base = new Uint8Array([4, ...be(bp.Gx), ...be(bp.Gy)]);
const params = (h: Uint8Array) =>
  seq(
    int(1n),
    seq(oid('1.2.840.10045.1.1'), int(be(bp.p))),
    seq(octets(be(bp.a)), octets(be(bp.b))),
    octets(base),
    int(be(bp.n)),
    int(h),
  );
const spki = seq(
  seq(oid('1.2.840.10045.2.1'), params(new Uint8Array(200_000).fill(0x11))),
  tlv(0x03, new Uint8Array([0]), base),
);
const dg15 = tlv(0x6f, spki);
const dg14 = tlv(0x6e, tlv(0x31, seq(oid('0.4.0.127.0.7.2.2.1.2'), spki, int(1n))));
const card = await issueTestCard({}, { pkiOptions: { algorithm: 'ecdsa-p256' } });
const TBS = [0, 1, 0, 3, 0, 0];
const sod = editChildren(card.files.sod, TBS, (c) => c.map((x, i) => (i === 6 ? spki : x)));
const contentInfo = elementAt(sod, [0]).raw.slice();
const certificate = elementAt(sod, TBS.slice(0, -1)).raw.slice();
const trust = await createTrustStore({ certificates: [card.pki.csca.pem] });
const challenge = new Uint8Array(8);
const signature = new Uint8Array(64);

const settle = async (f: () => unknown) => {
  try {
    await f();
  } catch {
    // typed refusals are what is measured
  }
};

const cases: Record<string, () => unknown> = {
  'parseSod, 200 KB SOD (size limit)': () => parseSod(sod),
  'parseSod, 200 KB SOD (no size limit: key bound)': () => parseSod(sod, { maxBytes: Infinity }),
  'verifyPassive, 200 KB SOD': () => verifyPassive({ sod, dataGroups: {}, trust }),
  'verifyPassive, 200 KB SOD (no size limit)': () =>
    verifyPassive({ sod, dataGroups: {}, trust, maxSodBytes: Infinity }),
  'parseCardSecurity (no size limit)': () => parseCardSecurity(contentInfo, { maxBytes: Infinity }),
  'verifyCardSecurity (no size limit)': () =>
    verifyCardSecurity({ cardSecurity: contentInfo, trust, maxBytes: Infinity }),
  'parseDg14 (no size limit)': () => parseDg14(dg14, { maxBytes: Infinity }),
  'parseDg15 (no size limit)': () => parseDg15(dg15, { maxBytes: Infinity }),
  'verifyActiveAuthentication (no size limit)': () =>
    verifyActiveAuthentication({ publicKey: dg15, challenge, signature, maxPublicKeyBytes: Infinity }),
  'createTrustStore, hostile CSCA (no size limit)': () =>
    createTrustStore({ certificates: [certificate], maxCertificateBytes: Infinity }),
};

const rows = [];
let over = 0;
for (const [name, run] of Object.entries(cases)) {
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t = performance.now();
    await settle(run);
    times.push(performance.now() - t);
  }
  const median = times.sort((a, b) => a - b)[4]!;
  if (median > BUDGET_MS) over++;
  rows.push({ input: name, 'median ms': Number(median.toFixed(2)), 'max ms': Number(times[8]!.toFixed(2)) });
}
console.table(rows);
if (over > 0) {
  console.error(`${over} hostile input(s) took longer than ${BUDGET_MS} ms`);
  process.exit(1);
}
