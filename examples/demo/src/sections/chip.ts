import {
  createTrustStore,
  parseDg1,
  parseDg2,
  parseDg13,
  parseSod,
  toResident,
  verifyPassive,
} from '@cancuoc/chip';
import { maskId } from '@cancuoc/core';
import { issueTestCard } from '@cancuoc/testkit';
import { heading, line } from '../print.js';

/** Issue a synthetic signed chip image, parse it, verify it passively, then tamper with it. */
export async function chipSection(): Promise<void> {
  heading('chip: parse a CCCD chip image and verify it passively');
  const card = await issueTestCard(); // test CSCA → DSC (RSASSA-PSS), synthetic holder
  const { mrz } = parseDg1(card.files.dataGroups[1]!);
  line(
    'DG1 MRZ (TD1)',
    `${mrz.documentCode} ${mrz.issuingState} doc ${mrz.documentNumber}, ID ${maskId(mrz.personalId!)}`,
  );
  const dg13 = parseDg13(card.files.dataGroups[13]!);
  line(
    'DG13 (16 fields)',
    `${dg13.fullName}, ${dg13.sex}, born ${dg13.dateOfBirth?.year}, ${dg13.entries.length} entries`,
  );
  const face = parseDg2(card.files.dataGroups[2]!).faces[0]!;
  line('DG2 face', `${face.mimeType} ${face.width}×${face.height}, ${face.image.length} bytes`);
  const sod = parseSod(card.files.sod);
  line(
    'EF.SOD',
    `${sod.signatureAlgorithm.scheme} ${sod.signatureAlgorithm.hash}, DGs ${Object.keys(sod.ldsSecurityObject.dataGroupHashes).join(',')}`,
  );

  const trust = await createTrustStore({ certificates: [card.pki.csca.pem] });
  const ok = await verifyPassive({ sod: card.files.sod, dataGroups: card.files.dataGroups, trust });
  line('verifyPassive', { verified: ok.verified, signature: ok.signature, chain: ok.chain });

  const tampered = new Uint8Array(card.files.dataGroups[13]!);
  tampered[tampered.length - 3]! ^= 0x01; // one bit of the card ID
  const bad = await verifyPassive({
    sod: card.files.sod,
    dataGroups: { ...card.files.dataGroups, 13: tampered },
    trust,
  });
  line('after changing 1 bit of DG13', {
    verified: bad.verified,
    dg13: bad.dataGroups[13],
    reasons: bad.reasons,
  });

  const resident = toResident({ dataGroups: card.files.dataGroups });
  line('toResident', `${resident.fullName}, ${resident.ethnicity?.name}, ${resident.documents?.[0]?.kind}`);
}
