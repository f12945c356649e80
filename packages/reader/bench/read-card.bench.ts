/**
 * `pnpm bench reader`: full read of a simulated CCCD (EF.COM, DG1, DG2 ≈ 18 KB, DG13, DG14, DG15,
 * EF.SOD) over PACE-CAN + chip authentication + active authentication, with a simulated link
 * delay per APDU; reports the APDU count against the minimum the card's maximum response length
 * allows, and the reader's own CPU time (total time minus time spent inside the transport).
 * Then the 3DES primitives (BAC / 3DES secure messaging) against des.js, the npm peer.
 */
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { createSampleCardFiles, createSimulatedCard } from '@cancuoc/testkit';
import desjs from 'des.js';
import { Bench } from 'tinybench';
import { cbcEncrypt, pad, retailMac, TDES_SUITE } from '../src/internal/crypto.js';
import { readCard } from '../src/read-card.js';

const mrz = { documentNumber: '098012345', dateOfBirth: '980312', dateOfExpiry: '380312' };
const can = '012345';
const mrzLines =
  'IDVNM0980123452001098012345<<4' + '9803122M3803128VNM<<<<<<<<<<<6' + 'NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<';
const key = (seed: number) =>
  Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? 0x11 : (seed + i * 7) & 0xff));
const keys = {
  chipAuthentication: { kind: 'ec' as const, parameterId: 13, privateKey: key(3) },
  activeAuthentication: { kind: 'ec' as const, parameterId: 13, privateKey: key(9) },
};
const files = createSampleCardFiles({ mrz: mrzLines, keys, dg2Size: 18000 });

/** The software card behind a link delay; counts the CPU time the card itself spends. */
function delayed(maxResponseLength: number, extendedLength: boolean, delayMs: number) {
  const card = createSimulatedCard({ files, mrz, can, keys, maxResponseLength, extendedLength });
  const meter = { cardCpuUs: 0 };
  const transport = {
    async transmit(apdu: Uint8Array) {
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      const before = process.cpuUsage();
      const response = card.transmit(apdu); // the card computes synchronously, then resolves
      const used = process.cpuUsage(before);
      meter.cardCpuUs += used.user + used.system;
      return response;
    },
  };
  return { transport, meter };
}

// CardAccess 1, PACE 5 (MSE + 4 GA), SELECT 1, CA 2 (MSE + GA), AA 1.
const PROTOCOL_APDUS = 10;
function minimum(chunk: number): number {
  const sizes = [files.com, files.sod, ...Object.values(files.dataGroups)].map((f) => f.length);
  return PROTOCOL_APDUS + sizes.reduce((n, s) => n + Math.ceil(s / chunk), 0);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

console.log(
  `node ${process.version}, nproc ${execSync('nproc').toString().trim()}, ${cpus()[0]?.model ?? '?'}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  '\n| card | link delay/APDU | APDUs | minimum | over min | wall ms | reader CPU ms (process CPU − card CPU) |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const [label, max, ext, chunk] of [
  ['short APDUs only (SM limit 223 B)', 256, false, 223],
  ['extended, max response 1024 B', 1024, true, 1024],
  ['extended, max response 4096 B', 4096, true, 4096],
  ['extended, max response 65536 B', 65536, true, 65280],
] as const) {
  for (const delay of [0, 5]) {
    const walls: number[] = [];
    const cpu: number[] = [];
    let apdus = 0;
    const runs = delay === 0 ? 15 : 5;
    for (let i = 0; i < runs; i++) {
      const { transport, meter } = delayed(max, ext, delay);
      const before = process.cpuUsage();
      const r = await readCard(transport, { access: { can } });
      const used = process.cpuUsage(before);
      walls.push(r.timings.totalMs);
      cpu.push((used.user + used.system - meter.cardCpuUs) / 1000);
      apdus = r.apdus;
    }
    const min = minimum(chunk);
    console.log(
      `| ${label} | ${delay} ms | ${apdus} | ${min} | ${(((apdus - min) / min) * 100).toFixed(1)} % | ${median(walls).toFixed(1)} | ${median(cpu).toFixed(1)} |`,
    );
  }
}

// 3DES primitives over an 18 KB DG2 (what BAC-protected reads cost): ours vs des.js 1.1.0.
const data = pad(new Uint8Array(18000).fill(7), 8);
const k16 = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
const peerKey = Array.from(k16.subarray(0, 8)).concat(
  Array.from(k16.subarray(8, 16)),
  Array.from(k16.subarray(0, 8)),
);
const bench = new Bench({ time: 1500 });
bench
  .add('ours: 3DES-CBC encrypt 18 KB', () => {
    cbcEncrypt(TDES_SUITE, k16, data);
  })
  .add('des.js 1.1.0: 3DES-CBC encrypt 18 KB', () => {
    const c = desjs.CBC.instantiate(desjs.EDE).create({
      type: 'encrypt',
      key: peerKey,
      iv: new Array(8).fill(0),
    });
    c.update(Array.from(data));
  })
  .add('ours: retail MAC over 18 KB', () => {
    retailMac(k16, data);
  });
await bench.run();
console.log('\n| task | ops/s |');
console.log('|---|---:|');
for (const t of bench.tasks) {
  const hz = t.result && 'throughput' in t.result ? t.result.throughput.mean : 0;
  console.log(`| ${t.name} | ${Math.round(hz).toLocaleString('en-US')} |`);
}
