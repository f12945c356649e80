import {
  type InsuranceGateway,
  type InsuranceGatewayOptions,
  insuranceGatewayTestAccount,
  insuredTestPeople,
  startInsuranceGateway,
} from '@cancuoc/testkit';
import { afterEach } from 'vitest';
import { createInsuranceClient, type InsuranceClientOptions } from '../src/index.js';

const running: InsuranceGateway[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((g) => g.close()));
});

/** A simulator with the built-in registry, closed after the test. */
export async function gateway(options: Partial<InsuranceGatewayOptions> = {}): Promise<InsuranceGateway> {
  const { username, password, staff } = insuranceGatewayTestAccount;
  const gw = await startInsuranceGateway({
    people: insuredTestPeople,
    username,
    password,
    staff,
    ...options,
  });
  running.push(gw);
  return gw;
}

/** A client of `gw` with the test account; retries wait 1 ms so that no test sleeps. */
type Loose<T> = { [K in keyof T]?: T[K] | undefined };

export function client(gw: { url: string }, options: Loose<InsuranceClientOptions> = {}) {
  const { username, password, staff } = insuranceGatewayTestAccount;
  return createInsuranceClient({
    baseUrl: gw.url,
    username,
    password,
    staff: staff[0],
    retryDelayMs: 1,
    ...options,
  } as InsuranceClientOptions);
}

export const person = (personalId: string) => {
  const p = insuredTestPeople.find((x) => x.personalId === personalId);
  if (!p) throw new Error(`no test person ${personalId}`);
  return p;
};
