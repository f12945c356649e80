// The bridge in a real browser (Debian's chromium, headless, driven by playwright-core): a page
// bundled as an application would ship it reads the software card behind the local agent with the
// same readCard, checks passive authentication, and meets a refused origin, a wrong token and an
// agent that shuts down mid-read. Skipped when /usr/bin/chromium is absent.
import { fileURLToPath } from 'node:url';
import { createSimulatedCard, issueTestCard } from '@cancuoc/testkit';
import { chromiumSkipReason, runInBrowser } from '@cancuoc/testkit/browser';
import { describe, expect, it } from 'vitest';
import { type BridgeAgent, type BridgeAgentEvent, startBridgeAgent } from '../src/bridge/agent/index.js';

const skip = chromiumSkipReason();
if (skip) console.warn(skip);

const PAGE_SCRIPT = `
import { readCard } from '@cancuoc/reader';
import { createBridgeTransport } from '@cancuoc/reader/bridge';
import { createTrustStore, parseDg1, parseDg13, verifyPassive } from '@cancuoc/chip';

const failure = (promise) => promise.then(() => 'no error', (e) => e.code ?? String(e));
window.run = async () => {
  const config = await (await fetch('/bridge.json')).json();
  const transport = await createBridgeTransport({ url: config.url, token: config.token });
  const card = await readCard(transport, { access: { can: config.can } });
  await transport.close();
  const trust = await createTrustStore({ certificates: [config.csca] });
  const report = await verifyPassive({ sod: card.sod, dataGroups: card.dataGroups, trust, at: 'signing-time' });

  const wrongToken = await failure(createBridgeTransport({ url: config.url, token: config.token + 'x' }));
  const refusedOrigin = await failure(createBridgeTransport({ url: config.refusedUrl, token: config.refusedToken }));
  const stopping = await createBridgeTransport({ url: config.stoppingUrl, token: config.stoppingToken });
  const midRead = await failure(readCard(stopping, { access: { can: config.can } }));
  return {
    node: typeof process !== 'undefined',
    protocol: card.protocol,
    chipAuthentication: card.chipAuthentication,
    activeAuthentication: card.activeAuthentication,
    personalId: parseDg1(card.dataGroups[1]).mrz.personalId,
    fullName: parseDg13(card.dataGroups[13]).fullName,
    passive: report.verified,
    wrongToken,
    refusedOrigin,
    midRead,
    closedAfterMidRead: stopping.closed,
  };
};
`;

describe.skipIf(skip !== undefined)('bridge in a browser (chromium)', () => {
  it('reads DG1 and DG13 with passive authentication through the agent; refuses origin and token; fails fast mid-read', async () => {
    const test = await issueTestCard();
    const simulated = () =>
      createSimulatedCard({
        files: test.files,
        mrz: test.mrz,
        can: test.can,
        keys: { chipAuthentication: test.keys.ca, activeAuthentication: test.keys.aa },
      });
    // runInBrowser serves the page from a loopback port chosen at run time.
    const loopbackPage = (origin: string) => /^http:\/\/127\.0\.0\.1:\d+$/.test(origin);
    const events: BridgeAgentEvent[] = [];
    const card = simulated();
    const refusedCard = simulated();
    const stoppingCard = simulated();
    let stopping: BridgeAgent | undefined;
    let stoppingApdus = 0;
    const agents: BridgeAgent[] = [];
    try {
      const agent = await startBridgeAgent({
        transport: card,
        origins: loopbackPage,
        port: 0,
        onEvent: (e) => events.push(e),
      });
      agents.push(agent);
      const refused = await startBridgeAgent({
        transport: refusedCard,
        origins: ['https://desk.hotel.example'],
        port: 0,
      });
      agents.push(refused);
      stopping = await startBridgeAgent({
        transport: {
          transmit: (apdu) => {
            if (++stoppingApdus === 12) void stopping?.close();
            return stoppingCard.transmit(apdu);
          },
        },
        origins: loopbackPage,
        port: 0,
      });
      agents.push(stopping);
      const config = {
        url: agent.url,
        token: agent.token,
        refusedUrl: refused.url,
        refusedToken: refused.token,
        stoppingUrl: stopping.url,
        stoppingToken: stopping.token,
        can: test.can,
        csca: test.pki.csca.pem,
      };
      const { result, origin, requests } = await runInBrowser({
        script: PAGE_SCRIPT,
        resolveDir: fileURLToPath(new URL('..', import.meta.url)),
        files: { '/bridge.json': { type: 'application/json', body: JSON.stringify(config) } },
      });
      expect(result).toEqual({
        node: false,
        protocol: 'PACE',
        chipAuthentication: 'passed',
        activeAuthentication: 'passed',
        personalId: test.person.personalId,
        fullName: test.person.fullName,
        passive: true,
        wrongToken: 'ERR_READER_BRIDGE_TOKEN',
        refusedOrigin: 'ERR_READER_BRIDGE_UNREACHABLE',
        midRead: 'ERR_READER_BRIDGE_CLOSED',
        closedAfterMidRead: true,
      });
      expect(events).toEqual([
        { type: 'connected', origin },
        { type: 'disconnected', origin },
        { type: 'refused', reason: 'token', origin },
      ]);
      expect(refusedCard.apdus).toBe(0);
      expect(card.apdus).toBeGreaterThan(10);
      expect(stoppingApdus).toBe(12);
      // The page talked to its own server and the agents' loopback sockets only.
      expect(requests.every((u) => u.startsWith(origin) || u.startsWith('ws://127.0.0.1:'))).toBe(true);
    } finally {
      await Promise.all(agents.map((a) => a.close()));
    }
  }, 120_000);
});
