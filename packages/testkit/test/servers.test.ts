import { createConnection } from 'node:net';
import { describe, expect, it } from 'vitest';
import { postgresSkipReason, redisSkipReason, startPostgres, startRedis } from '../src/servers/index.js';

function roundTrip(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
      if (answer.endsWith('\r\n')) {
        socket.destroy();
        resolve(answer);
      }
    });
    socket.on('error', reject);
    socket.write(request);
  });
}

const pgSkip = postgresSkipReason();
if (pgSkip) console.warn(pgSkip);
describe.skipIf(pgSkip !== undefined)('startPostgres', () => {
  it('starts a real server that answers queries, and stop() removes it', async () => {
    const { default: pg } = await import('pg');
    const server = await startPostgres();
    const client = new pg.Client({ connectionString: server.connectionString });
    await client.connect();
    const { rows } = await client.query<{ n: number }>('select 40 + 2 as n');
    expect(rows[0]?.n).toBe(42);
    await client.end();
    await server.stop();
    const again = new pg.Client({ connectionString: server.connectionString });
    await expect(again.connect()).rejects.toThrow();
  });
});

const redisSkip = redisSkipReason();
if (redisSkip) console.warn(redisSkip);
describe.skipIf(redisSkip !== undefined)('startRedis', () => {
  it('starts a real server that answers PING, and stop() ends it', async () => {
    const server = await startRedis();
    expect(await roundTrip(server.port, 'PING\r\n')).toBe('+PONG\r\n');
    await server.stop();
    await expect(roundTrip(server.port, 'PING\r\n')).rejects.toThrow();
  });
});
