import { createTrustStore, toCardData, verifyCard } from '@cancuoc/chip';
import { maskId } from '@cancuoc/core';
import { createInsuranceClient, insuranceQueryFrom } from '@cancuoc/insurance';
import { readCard } from '@cancuoc/reader';
import {
  createSimulatedCard,
  insuranceGatewayTestAccount,
  insuredTestPeople,
  issueTestCard,
  startInsuranceGateway,
} from '@cancuoc/testkit';
import { heading, line } from '../print.js';

/** A verified chip read → the patient's health insurance, against the local BHXH gateway simulator. */
export async function insuranceSection(): Promise<void> {
  heading('insurance: chip card → BHYT check at hospital reception (local BHXH gateway simulator)');
  const { username, password, staff } = insuranceGatewayTestAccount;
  const gateway = await startInsuranceGateway({ people: insuredTestPeople, username, password, staff });
  try {
    const bhyt = createInsuranceClient({ baseUrl: gateway.url, username, password, staff: staff[0] });

    // Read the (software) chip at the desk; its data is used only once verifyCard says genuine.
    const card = await issueTestCard();
    const chip = createSimulatedCard({
      files: card.files,
      mrz: card.mrz,
      can: card.can,
      keys: { chipAuthentication: card.keys.ca, activeAuthentication: card.keys.aa },
    });
    const read = await readCard(chip, { access: { can: card.can } });
    const trust = await createTrustStore({ certificates: [card.pki.csca.pem] });
    const verdict = await verifyCard({ ...read, trust });
    line('verifyCard', verdict.genuine ? 'genuine' : `NOT genuine: ${verdict.reasons.join(', ')}`);
    if (!verdict.genuine) return;
    const patient = toCardData({ dataGroups: read.dataGroups });
    line('patient', `${patient.fullName}, ID ${maskId(patient.personalId)}`);

    const result = await bhyt.checkCard(insuranceQueryFrom(patient));
    line('verdict', `${result.code} ${result.outcome}: ${result.messageVi}`);
    line(
      'card',
      `${result.card?.cardCode ? maskId(result.card.cardCode) : '—'}, valid to ${result.card?.validTo?.year}, ĐKBĐ ${result.card?.primaryCareFacility?.code}`,
    );

    for (const personalId of ['079185001234', '001192000003']) {
      const p = insuredTestPeople.find((x) => x.personalId === personalId)!;
      const r = await bhyt.checkCard(
        insuranceQueryFrom({ personalId, fullName: p.fullName, dateOfBirth: p.dateOfBirth }),
      );
      line(
        `  ${maskId(personalId)}`,
        `${r.code} ${r.outcome}: ${r.messageVi}${r.card?.newCard ? ` → ${maskId(r.card.newCard.cardCode)}` : ''}`,
      );
    }
    const typo = await bhyt.checkCard({ ...insuranceQueryFrom(patient), fullName: 'Nguyễn Văn Ân' });
    line('  wrong name', `${typo.code} ${typo.outcome}: ${typo.adviceVi}`);
    const history = await bhyt.getVisitHistory(insuranceQueryFrom(patient));
    line('visit history', `${history.visits.length} visits, last: ${history.visits[0]?.diagnosis}`);
    line('gateway', `${gateway.stats.tokensIssued} session, ${gateway.stats.cardChecks} card checks`);
  } finally {
    await gateway.close();
  }
}
