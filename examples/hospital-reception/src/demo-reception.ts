/**
 * The reception service in demo mode: a test PKI and software chip cards of the sample patients,
 * QR photos of their cards, and a gateway client for the given gateway (the simulator, by default).
 */
import { createTrustStore } from '@cancuoc/chip';
import { createInsuranceClient } from '@cancuoc/insurance';
import { createTestPki } from '@cancuoc/testkit';
import { type Reception, startReception } from './reception.js';
import { issueSampleCards, samplePhoto, samples } from './samples.js';

/** Options of {@link startDemoReception}. */
export interface DemoReceptionOptions {
  readonly gateway: {
    readonly baseUrl: string;
    readonly username: string;
    readonly password: string;
    readonly staff: { readonly fullName: string; readonly personalId: string };
  };
  readonly port?: number;
  readonly host?: string;
  readonly log?: (line: string) => void;
}

/** Starts the reception page with the sample patients, against `options.gateway`. */
export async function startDemoReception(options: DemoReceptionOptions): Promise<Reception> {
  const pki = await createTestPki();
  const [trust, cards] = await Promise.all([
    createTrustStore({ certificates: [pki.csca.pem] }),
    issueSampleCards(pki),
  ]);
  const files = new Map(samples.map((s, i) => [`/samples/${s.key}.png`, samplePhoto(s, 11 + i)]));
  const insurance = createInsuranceClient({ ...options.gateway, timeoutMs: 8000 });
  return startReception({
    insurance,
    trust,
    cards,
    files,
    info: {
      facility: 'Bệnh viện Đa khoa Thử Nghiệm',
      staff: options.gateway.staff.fullName,
      gateway: options.gateway.baseUrl,
      samples: samples.map((s) => ({
        key: s.key,
        label: s.label,
        labelEn: s.labelEn,
        qr: `/samples/${s.key}.png`,
        chip: cards.has(s.key),
      })),
    },
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.log ? { log: options.log } : {}),
  });
}
