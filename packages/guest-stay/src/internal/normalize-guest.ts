/**
 * Turns any guest `buildStayNotice` accepts into one shape, telling the card shapes apart by their
 * fields: typed fields have `document`; `CardData` has `cardKind`; a card QR has `extra` and
 * `dateOfIssue`; an e-ID identity has `sub`, `issuer` and `claims`; a resident record has the
 * personal ID, name, birth date and sex without those.
 */
import { comparePartialDates, type Issue, normalizeText } from '@cancuoc/core';
import { stayIssue } from '../errors.js';
import type { BuildStayNoticeOptions, StayDocumentType, StayGuest, StayResidence } from '../stay-input.js';
import { isDocumentType } from './document-rules.js';

/** A guest in one shape, before the checks. */
export interface NormalizedGuest {
  readonly fullName: unknown;
  readonly dateOfBirth: unknown;
  readonly sex: unknown;
  /** As given (undefined for a card: card holders are Vietnamese citizens). */
  readonly nationality: unknown;
  readonly documentType: StayDocumentType | undefined;
  readonly documentNumber: unknown;
  readonly phone?: unknown;
  readonly residence?: StayResidence | undefined;
  /** Paths of the guest fields in the caller's object, for issues. */
  readonly paths: {
    readonly fullName: readonly string[];
    readonly dateOfBirth: readonly string[];
    readonly sex: readonly string[];
    readonly nationality: readonly string[];
    readonly documentNumber: readonly string[];
    readonly documentType: readonly string[];
  };
}

// Law on Identification 26/2023/QH15 took effect on 1 July 2024: cards issued from then are Căn
// cước cards (Circular 16/2024/TT-BCA), as `cardQrToCardData` of @cancuoc/qr decides.
const CAN_CUOC_SINCE = { year: 2024, month: 7, day: 1 } as const;

const CARD_PATHS = {
  fullName: ['guest', 'fullName'],
  dateOfBirth: ['guest', 'dateOfBirth'],
  sex: ['guest', 'sex'],
  nationality: ['guest', 'nationality'],
  documentNumber: ['guest', 'personalId'],
  documentType: ['guest'],
} as const;

const has = (o: object, key: string): boolean => key in o;

function residenceText(text: unknown): StayResidence | undefined {
  if (typeof text !== 'string') return undefined;
  const address = normalizeText(text);
  // Residence kind 1 = thường trú (the catalogue of API 11): the card prints the permanent residence.
  return address === '' ? undefined : { address, kind: 1 };
}

/** The guest in one shape, or an issue when it is none of the accepted shapes. */
export function normalizeGuest(
  guest: StayGuest,
  options: BuildStayNoticeOptions,
): { guest: NormalizedGuest } | { issue: Issue } {
  if (typeof guest !== 'object' || guest === null || Array.isArray(guest)) {
    return { issue: stayIssue('ERR_STAY_GUEST_UNKNOWN', ['guest']) };
  }
  const g = guest as unknown as Record<string, unknown>;
  if (has(g, 'document')) {
    const doc = g.document as { type?: unknown; number?: unknown } | null;
    const type = doc?.type;
    return {
      guest: {
        fullName: g.fullName,
        dateOfBirth: g.dateOfBirth,
        sex: g.sex,
        nationality: g.nationality,
        documentType: isDocumentType(type) ? type : undefined,
        documentNumber: doc?.number,
        phone: g.phone,
        residence: g.residence as StayResidence | undefined,
        paths: {
          fullName: ['guest', 'fullName'],
          dateOfBirth: ['guest', 'dateOfBirth'],
          sex: ['guest', 'sex'],
          nationality: ['guest', 'nationality'],
          documentNumber: ['guest', 'document', 'number'],
          documentType: ['guest', 'document', 'type'],
        },
      },
    };
  }
  let cardType: StayDocumentType | undefined;
  let residence: StayResidence | undefined;
  if (has(g, 'cardKind')) {
    cardType = g.cardKind === 'can-cuoc' ? 'can-cuoc' : 'citizen-card';
    residence = residenceText(g.permanentResidence);
  } else if (has(g, 'extra') && has(g, 'dateOfIssue') && has(g, 'personalId')) {
    const issued = g.dateOfIssue as { year: number; month?: number; day?: number };
    cardType = (comparePartialDates(issued, CAN_CUOC_SINCE) ?? -1) >= 0 ? 'can-cuoc' : 'citizen-card';
    residence = residenceText(g.permanentResidence);
  } else if (has(g, 'sub') && has(g, 'issuer') && has(g, 'claims')) {
    // The electronic identity (căn cước điện tử) stands for the Căn cước card (Law on Identification
    // 26/2023/QH15): declare it as document type 8 unless told otherwise.
    cardType = 'can-cuoc';
  } else if (has(g, 'personalId') && has(g, 'fullName') && has(g, 'dateOfBirth')) {
    const documents = Array.isArray(g.documents) ? (g.documents as { kind?: unknown }[]) : [];
    cardType = documents.some((d) => d?.kind === 'can-cuoc') ? 'can-cuoc' : 'citizen-card';
    residence = residenceText((g.permanentResidence as { text?: unknown } | undefined)?.text);
  } else {
    return { issue: stayIssue('ERR_STAY_GUEST_UNKNOWN', ['guest']) };
  }
  return {
    guest: {
      fullName: g.fullName,
      dateOfBirth: g.dateOfBirth,
      sex: g.sex,
      nationality: undefined,
      documentType: options.documentType ?? cardType,
      documentNumber: g.personalId,
      residence,
      paths: CARD_PATHS,
    },
  };
}
