import { createSampleCardFiles, createSimulatedCard, type SimulatedCardOptions } from '@cancuoc/testkit';

// Synthetic holder: ID 001098012345 (synthetic), MRZ document number = last 9 digits.
export const mrz = { documentNumber: '098012345', dateOfBirth: '980312', dateOfExpiry: '380312' };
export const can = '012345';
export const mrzLines =
  'IDVNM0980123452001098012345<<4' + '9803122M3803128VNM<<<<<<<<<<<6' + 'NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<';

const hex32 = (seed: number) => {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = (seed + i * 7) & 0xff;
  out[0] = 0x11; // below the brainpoolP256r1 order
  return out;
};

export const keys = {
  chipAuthentication: { kind: 'ec' as const, parameterId: 13, privateKey: hex32(3) },
  activeAuthentication: { kind: 'ec' as const, parameterId: 13, privateKey: hex32(9) },
};

export const files = createSampleCardFiles({ mrz: mrzLines, keys, dg2Size: 18000 });
export const bacOnlyFiles = { com: files.com, sod: files.sod, dataGroups: files.dataGroups };

export function card(overrides: Partial<SimulatedCardOptions> = {}) {
  return createSimulatedCard({ files, mrz, can, keys, ...overrides });
}
