// `pnpm bench insurance`: card checks per second through createInsuranceClient against the BHXH
// gateway simulator (in its own process, over loopback HTTP) at 50 concurrent requests, and the
// client's overhead per check over a bare `fetch` of the very same request (same URL with the
// session in the query string, same form, JSON parsed), measured one request at a time in
// alternating rounds. Targets: ≤ 1.2× bare fetch at p50, ≤ 1 ms added at p99.
import { insuranceGatewayTestAccount } from '@cancuoc/testkit';
import { createInsuranceClient, type InsuranceQuery } from '../src/index.js';
import { machine, quantile, startGatewayProcess } from './report.js';

const { username, password, staff } = insuranceGatewayTestAccount;
const server = await startGatewayProcess();
const query: InsuranceQuery = {
  personalId: '001099012345',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '15/01/1999',
};

try {
  const bhyt = createInsuranceClient({ baseUrl: server.url, username, password, staff: staff[0] });

  // The bare request: log in once by hand, then POST the same URL and form and parse the JSON.
  const { md5 } = await import('@noble/hashes/legacy.js');
  const hash = Buffer.from(md5(new TextEncoder().encode(password)))
    .toString('hex')
    .toUpperCase();
  const login = (await (
    await fetch(`${server.url}/api/token/take`, {
      method: 'POST',
      body: new URLSearchParams({ username, password: hash }),
    })
  ).json()) as { APIKey: { access_token: string; id_token: string } };
  const url = `${server.url}/api/egw/KQNhanLichSuKCB2024?${new URLSearchParams({
    token: login.APIKey.access_token,
    id_token: login.APIKey.id_token,
    username,
    password: hash,
  })}`;
  const form = {
    maThe: '001099012345',
    hoTen: 'Nguyễn Văn An',
    ngaySinh: '15/01/1999',
    hoTenCb: staff[0].fullName,
    cccdCb: staff[0].personalId,
  };
  let sink = 0;
  const bare = async (): Promise<void> => {
    const response = await fetch(url, { method: 'POST', body: new URLSearchParams(form) });
    const body = (await response.json()) as { maKetQua: string };
    sink += body.maKetQua === '000' ? 1 : 0;
  };
  const client = async (): Promise<void> => {
    sink += (await bhyt.checkCard(query)).outcome === 'eligible' ? 1 : 0;
  };

  // Warm up both paths (JIT, keep-alive connections, the session).
  for (let i = 0; i < 300; i++) {
    await bare();
    await client();
  }

  // 1. Throughput at 50 concurrent checks.
  async function throughput(run: () => Promise<void>, ms: number): Promise<number> {
    let done = 0;
    const end = performance.now() + ms;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (performance.now() < end) {
          await run();
          done++;
        }
      }),
    );
    return done / (ms / 1000);
  }
  const rates = { client: [] as number[], bare: [] as number[] };
  for (let round = 0; round < 6; round++) {
    // Alternate which path goes first: load from other work on the machine hits both alike.
    if (round % 2 === 0) {
      rates.client.push(await throughput(client, 1500));
      rates.bare.push(await throughput(bare, 1500));
    } else {
      rates.bare.push(await throughput(bare, 1500));
      rates.client.push(await throughput(client, 1500));
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

  // 2. Latency one at a time, alternating rounds so that load bursts hit both paths alike.
  const samples = { client: [] as number[], bare: [] as number[] };
  const ratios: number[] = [];
  for (let round = 0; round < 20; round++) {
    const start = { client: samples.client.length, bare: samples.bare.length };
    for (const [name, run] of [
      ['client', client],
      ['bare', bare],
    ] as const) {
      for (let i = 0; i < 200; i++) {
        const t = performance.now();
        await run();
        samples[name].push(performance.now() - t);
      }
    }
    const p50 = (xs: number[]) =>
      quantile(
        [...xs].sort((a, b) => a - b),
        0.5,
      );
    ratios.push(p50(samples.client.slice(start.client)) / p50(samples.bare.slice(start.bare)));
  }
  const c = samples.client.sort((a, b) => a - b);
  const b = samples.bare.sort((a, b2) => a - b2);
  const rows = [
    { task: 'checkCard, 50 concurrent (checks/s, median of 6)', value: Math.round(median(rates.client)) },
    { task: 'bare fetch, 50 concurrent (requests/s, median of 6)', value: Math.round(median(rates.bare)) },
    { task: 'checkCard p50 (ms)', value: +quantile(c, 0.5).toFixed(3) },
    { task: 'bare fetch p50 (ms)', value: +quantile(b, 0.5).toFixed(3) },
    { task: 'checkCard p99 (ms)', value: +quantile(c, 0.99).toFixed(3) },
    { task: 'bare fetch p99 (ms)', value: +quantile(b, 0.99).toFixed(3) },
    { task: 'p50 ratio, pooled (target ≤ 1.2)', value: +(quantile(c, 0.5) / quantile(b, 0.5)).toFixed(3) },
    { task: 'p50 ratio, median of 20 rounds', value: +median(ratios).toFixed(3) },
    { task: 'p99 added (ms, target ≤ 1)', value: +(quantile(c, 0.99) - quantile(b, 0.99)).toFixed(3) },
  ];
  console.log(machine());
  console.table(rows);
  if (sink === 0) console.log('(nothing checked)');
} finally {
  server.stop();
}
