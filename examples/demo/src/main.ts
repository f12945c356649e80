/**
 * `pnpm demo`: a tour of cancuoc on built-in synthetic data. No server to start, no network,
 * nothing left running. Each package adds its section here.
 */
import { chipSection } from './sections/chip.js';
import { cleanSection } from './sections/clean.js';
import { coreSection } from './sections/core.js';
import { eidSection } from './sections/eid.js';
import { guestStaySection } from './sections/guest-stay.js';
import { idNumberSection } from './sections/id-number.js';
import { insuranceSection } from './sections/insurance.js';
import { qrSection } from './sections/qr.js';
import { readerSection } from './sections/reader.js';
import { schemasSection } from './sections/schemas.js';

const sections: Array<() => void | Promise<void>> = [
  coreSection,
  idNumberSection,
  schemasSection,
  qrSection,
  chipSection,
  readerSection,
  eidSection,
  insuranceSection,
  guestStaySection,
  cleanSection,
];

for (const section of sections) await section();
console.log('\nDemo finished: every section ran on synthetic test data.');
