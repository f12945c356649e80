import { createTrustStore, verifyCard } from '@cancuoc/chip';
import { readCard } from '@cancuoc/reader';
import { createSimulatedCard, issueTestCard } from '@cancuoc/testkit';
import { heading, line } from '../print.js';

/** Reads a software CCCD chip end to end: PACE with the CAN, chip and active authentication. */
export async function readerSection(): Promise<void> {
  heading('reader: read a (software) CCCD chip over PACE-CAN, then CA and AA');
  const card = await issueTestCard();
  const chip = createSimulatedCard({
    files: card.files,
    mrz: card.mrz,
    can: card.can,
    keys: { chipAuthentication: card.keys.ca, activeAuthentication: card.keys.aa },
    maxResponseLength: 1024,
  });
  let progressEvents = 0;
  const result = await readCard(chip, { access: { can: card.can }, onProgress: () => progressEvents++ });
  line('protocol', `${result.protocol} (${result.paceProtocol ?? 'no PACE'})`);
  line('chip / active authentication', `${result.chipAuthentication} / ${result.activeAuthentication}`);
  line('APDUs', `${result.apdus} (extended length: ${result.extendedLength}, max 1024 B per read)`);
  for (const f of result.files) line(`  ${f.file}`, `${f.bytes} bytes in ${f.apdus} READ BINARY`);
  line('progress events', progressEvents);
  const trust = await createTrustStore({ certificates: [card.pki.csca.pem] });
  line('verifyCard', (await verifyCard({ ...result, trust })).genuine ? 'genuine' : 'NOT genuine');
  const copy = createSimulatedCard({
    files: card.files,
    mrz: card.mrz,
    can: card.can,
    faults: { cloned: true },
  });
  const copied = await readCard(copy, { access: { can: card.can } });
  const verdict = await verifyCard({ ...copied, trust });
  line('a copy on a blank chip', {
    chipAuthentication: copied.chipAuthentication,
    activeAuthentication: copied.activeAuthentication,
    passive: verdict.passive.verified,
    genuine: verdict.genuine,
  });
  const wrong = await readCard(createSimulatedCard({ files: card.files, mrz: card.mrz, can: card.can }), {
    access: { can: '000000' },
  }).catch((e: { code: string; messageVi: string }) => `${e.code}: ${e.messageVi}`);
  line('wrong CAN', wrong);
}
