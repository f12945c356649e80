import { createSimulatedCard, issueTestCard, type SimulatedCard, type TestCard } from '@cancuoc/testkit';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  type BridgeAgent,
  type BridgeAgentEvent,
  type BridgeCard,
  startBridgeAgent,
} from '../src/bridge/agent/index.js';
import { encodeBridgeMessage } from '../src/bridge/bridge-protocol.js';
import {
  type BridgeSocketConstructor,
  type BridgeTransport,
  createBridgeTransport,
} from '../src/bridge/create-bridge-transport.js';
import { readCard } from '../src/read-card.js';
import type { Transport } from '../src/transport.js';
import { passesPassiveAuthentication } from './helpers/passive.js';

const DESK = 'https://desk.hotel.example';

/** `ws` as a browser would connect: with an `Origin` header (Node 20 has no global WebSocket). */
function socketFrom(
  origin: string | undefined,
  headers: Record<string, string> = {},
): BridgeSocketConstructor {
  return class extends WebSocket {
    constructor(url: string) {
      super(url, { headers, ...(origin === undefined ? {} : { origin }) });
    }
  } as unknown as BridgeSocketConstructor;
}

let test: TestCard;
beforeAll(async () => {
  test = await issueTestCard();
}, 60_000);

function simulated(faults: Parameters<typeof createSimulatedCard>[0]['faults'] = {}): SimulatedCard {
  return createSimulatedCard({
    files: test.files,
    mrz: test.mrz,
    can: test.can,
    keys: { chipAuthentication: test.keys.ca, activeAuthentication: test.keys.aa },
    faults,
  });
}

const agents: BridgeAgent[] = [];
const transports: BridgeTransport[] = [];
afterEach(async () => {
  await Promise.all(transports.splice(0).map((t) => t.close()));
  await Promise.all(agents.splice(0).map((a) => a.close()));
});

async function start(transport: BridgeCard, extra: Partial<Parameters<typeof startBridgeAgent>[0]> = {}) {
  const events: BridgeAgentEvent[] = [];
  const agent = await startBridgeAgent({
    transport,
    origins: [DESK],
    port: 0,
    onEvent: (e) => events.push(e),
    ...extra,
  });
  agents.push(agent);
  return { agent, events };
}

async function connect(agent: BridgeAgent, options: { token?: string; origin?: string; max?: number } = {}) {
  const transport = await createBridgeTransport({
    url: agent.url,
    token: options.token ?? agent.token,
    WebSocket: socketFrom(options.origin ?? DESK),
    ...(options.max === undefined ? {} : { maxMessageBytes: options.max }),
  });
  transports.push(transport);
  return transport;
}

/** A raw `ws` client, to send what a well-behaved page never would. */
function raw(agent: BridgeAgent): Promise<{ socket: WebSocket; closed: Promise<number> }> {
  const socket = new WebSocket(agent.url, { origin: DESK });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, closed }));
    socket.once('error', reject);
  });
}

describe('bridge agent and transport (Node)', () => {
  it('reads a card through the bridge: DG1, DG13, chip and active authentication, passive authentication', async () => {
    const card = simulated();
    const { agent, events } = await start(card);
    const transport = await connect(agent);
    expect(agent.busy).toBe(true);
    const result = await readCard(transport, { access: { can: test.can } });
    expect(result.dataGroups[1]).toEqual(test.files.dataGroups[1]);
    expect(result.dataGroups[13]).toEqual(test.files.dataGroups[13]);
    expect(result.chipAuthentication).toBe('passed');
    expect(result.activeAuthentication).toBe('passed');
    expect(await passesPassiveAuthentication(result, test)).toBe(true);
    await transport.close();
    expect(events[0]).toEqual({ type: 'connected', origin: DESK });
  });

  it('generates a fresh pairing token of 32 random bytes when none is given', async () => {
    const { agent: a } = await start(simulated());
    const { agent: b } = await start(simulated());
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.url).toBe(`ws://127.0.0.1:${a.port}`);
  });

  it('refuses an origin off the allow-list at the upgrade, before any APDU', async () => {
    const card = simulated();
    const { agent, events } = await start(card);
    await expect(connect(agent, { origin: 'https://evil.example' })).rejects.toMatchObject({
      code: 'ERR_READER_BRIDGE_UNREACHABLE',
      details: { url: agent.url },
    });
    expect(events).toEqual([{ type: 'refused', reason: 'origin', origin: 'https://evil.example' }]);
    expect(card.apdus).toBe(0);
  });

  it('refuses a connection without an Origin header', async () => {
    const { agent, events } = await start(simulated());
    const socket = new WebSocket(agent.url);
    const status = await new Promise((resolve) =>
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode)),
    );
    expect(status).toBe(403);
    expect(events).toEqual([{ type: 'refused', reason: 'origin', origin: undefined }]);
  });

  it('refuses a Host that is not the loopback address (DNS rebinding)', async () => {
    const { agent, events } = await start(simulated());
    await expect(
      createBridgeTransport({
        url: agent.url,
        token: agent.token,
        WebSocket: socketFrom(DESK, { host: `rebound.example:${agent.port}` }),
      }),
    ).rejects.toMatchObject({ code: 'ERR_READER_BRIDGE_UNREACHABLE' });
    expect(events[0]).toMatchObject({ type: 'refused', reason: 'host' });
  });

  it('accepts an origin by predicate', async () => {
    const { agent } = await start(simulated(), { origins: (o) => o.endsWith('.hotel.example') });
    const transport = await connect(agent, { origin: 'https://front.hotel.example' });
    expect(transport.closed).toBe(false);
  });

  it('refuses a wrong pairing token with ERR_READER_BRIDGE_TOKEN before any APDU', async () => {
    const card = simulated();
    const { agent, events } = await start(card);
    await expect(connect(agent, { token: `${agent.token.slice(0, -1)}x` })).rejects.toMatchObject({
      code: 'ERR_READER_BRIDGE_TOKEN',
    });
    await expect(connect(agent, { token: 'short' })).rejects.toMatchObject({
      code: 'ERR_READER_BRIDGE_TOKEN',
    });
    expect(events.map((e) => e.type === 'refused' && e.reason)).toEqual(['token', 'token']);
    expect(card.apdus).toBe(0);
    expect(agent.busy).toBe(false);
  });

  it('closes a connection whose first message is not hello, without touching the card', async () => {
    const card = simulated();
    const { agent } = await start(card);
    const { socket, closed } = await raw(agent);
    socket.send(
      encodeBridgeMessage({ v: 1, type: 'transmit', id: 1, apdu: Uint8Array.of(0, 0x84, 0, 0, 8) }),
    );
    expect(await closed).toBe(4002);
    expect(card.apdus).toBe(0);
  });

  it('closes a connection that never presents the token (auth timeout)', async () => {
    const { agent, events } = await start(simulated(), { authTimeoutMs: 50 });
    const { closed } = await raw(agent);
    expect(await closed).toBe(4008);
    expect(events).toEqual([{ type: 'refused', reason: 'auth-timeout', origin: DESK }]);
  });

  it('serves one page at a time: a second gets ERR_READER_BRIDGE_BUSY until the first closes', async () => {
    let released!: () => void;
    const disconnected = new Promise<void>((resolve) => {
      released = resolve;
    });
    const { agent } = await start(simulated(), {
      onEvent: (e) => e.type === 'disconnected' && released(),
    });
    const first = await connect(agent);
    await expect(connect(agent)).rejects.toMatchObject({ code: 'ERR_READER_BRIDGE_BUSY' });
    expect(agent.busy).toBe(true);
    await first.close();
    // The agent frees the session when the first socket closes.
    await disconnected;
    expect(agent.busy).toBe(false);
    const second = await connect(agent);
    expect(second.closed).toBe(false);
  });

  it('closes with 1009 on a frame over the size cap, before parsing it', async () => {
    const card = simulated();
    const { agent, events } = await start(card, { maxMessageBytes: 1024 });
    const { socket, closed } = await raw(agent);
    socket.send(encodeBridgeMessage({ v: 1, type: 'hello', token: agent.token }));
    socket.send('x'.repeat(2000));
    expect(await closed).toBe(1009);
    expect(events).toContainEqual({ type: 'refused', reason: 'too-large', origin: DESK });
    expect(card.apdus).toBe(0);
  });

  it('reports an oversized frame to the page as ERR_READER_BRIDGE_MESSAGE_TOO_LARGE', async () => {
    const card = simulated();
    const { agent } = await start(card, { maxMessageBytes: 1024 });
    const transport = await connect(agent, { max: 1 << 20 });
    await expect(transport.transmit(new Uint8Array(2000))).rejects.toMatchObject({
      code: 'ERR_READER_BRIDGE_MESSAGE_TOO_LARGE',
    });
    expect(card.apdus).toBe(0);
  });

  it('refuses to send an APDU over its own cap', async () => {
    const card = simulated();
    const { agent } = await start(card);
    const transport = await connect(agent, { max: 1024 });
    await expect(transport.transmit(new Uint8Array(2000))).rejects.toMatchObject({
      code: 'ERR_READER_BRIDGE_MESSAGE_TOO_LARGE',
      details: { max: 1024 },
    });
    expect(transport.closed).toBe(false);
    expect(card.apdus).toBe(0);
  });

  it('fails a read with ERR_READER_BRIDGE_CLOSED, not a hang, when the agent shuts down mid-read', async () => {
    const card = simulated();
    let agent: BridgeAgent | undefined;
    let seen = 0;
    const stopping: Transport = {
      transmit: (apdu) => {
        if (++seen === 12) void agent?.close();
        return card.transmit(apdu);
      },
    };
    ({ agent } = await start(stopping));
    const transport = await connect(agent);
    await expect(readCard(transport, { access: { can: test.can } })).rejects.toMatchObject({
      code: 'ERR_READER_BRIDGE_CLOSED',
      details: { reason: 'the agent shut down' },
    });
    expect(transport.closed).toBe(true);
    await expect(transport.transmit(Uint8Array.of(0, 0x84, 0, 0, 8))).rejects.toMatchObject({
      code: 'ERR_READER_BRIDGE_CLOSED',
    });
    expect(seen).toBe(12);
  });

  it('reports a card removed behind the agent as ERR_READER_CARD_REMOVED', async () => {
    const { agent } = await start(simulated({ dropAfter: 5 }));
    const transport = await connect(agent);
    await expect(readCard(transport, { access: { can: test.can } })).rejects.toMatchObject({
      code: 'ERR_READER_CARD_REMOVED',
    });
  });

  it('reports another reader failure as ERR_READER_TRANSPORT with its message', async () => {
    const { agent } = await start({ transmit: () => Promise.reject(new Error('SCardTransmit: 0x80100016')) });
    const transport = await connect(agent);
    await expect(transport.transmit(Uint8Array.of(0, 0x84, 0, 0, 8))).rejects.toMatchObject({
      code: 'ERR_READER_TRANSPORT',
      details: { reason: 'SCardTransmit: 0x80100016' },
    });
  });

  it('sends the ATR on connect and after a reset', async () => {
    const atr = Uint8Array.of(0x3b, 0x88, 0x80, 0x01);
    const card = simulated();
    let resets = 0;
    const { agent } = await start({
      transmit: (a) => card.transmit(a),
      atr,
      reset: async () => {
        resets++;
        return atr;
      },
    });
    const transport = await connect(agent);
    expect(transport.atr).toEqual(atr);
    expect(await transport.reset()).toEqual(atr);
    expect(resets).toBe(1);
  });

  it('stops listening on close: a later page gets ERR_READER_BRIDGE_UNREACHABLE', async () => {
    const { agent } = await start(simulated());
    await agent.close();
    await agent.close();
    await expect(connect(agent)).rejects.toMatchObject({ code: 'ERR_READER_BRIDGE_UNREACHABLE' });
  });

  it('rejects unusable options with TypeError and RangeError', async () => {
    const card = simulated();
    await expect(startBridgeAgent({ transport: card, origins: 'x' as never, port: 0 })).rejects.toThrow(
      TypeError,
    );
    await expect(
      startBridgeAgent({ transport: card, origins: [DESK], token: 'short', port: 0 }),
    ).rejects.toThrow(RangeError);
    await expect(createBridgeTransport({ url: 'http://127.0.0.1', token: 't' })).rejects.toThrow(TypeError);
    await expect(createBridgeTransport({ url: 'ws://127.0.0.1:1', token: '' })).rejects.toThrow(TypeError);
  });
});
