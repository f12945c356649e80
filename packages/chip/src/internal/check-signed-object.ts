/**
 * The checks EF.SOD and EF.CardSecurity share (ICAO 9303-11 §5.1, 9303-12 §7; RFC 5652 §5.4-5.6):
 * message-digest and content-type attributes, the CMS signature with the algorithm named in
 * SignerInfo, and the Document Signer's chain to a trusted CSCA with validity and revocation.
 */
import { equalBytes, isCancuocError } from '@cancuoc/core';
import type { TrustStore } from '../create-trust-store.js';
import type { SignatureScheme } from './algorithm-identifiers.js';
import type { Certificate } from './certificate.js';
import type { SignerInfo } from './cms.js';
import { digest, digestNow } from './digest.js';
import { verifySignature, verifySignatureNow } from './verify-signature.js';

/** What both signed objects provide. */
export interface SignedObject {
  readonly eContentType: string;
  readonly eContent: Uint8Array;
  readonly signer: SignerInfo;
  readonly signatureAlgorithm: SignatureScheme;
  readonly documentSigner?: Certificate;
  readonly signingTime?: Date;
}

/**
 * Checks an `at` option: undefined, `'signing-time'` (where allowed) or a valid Date.
 *
 * @throws RangeError for an invalid Date or any other value (misuse, not bad data).
 */
export function checkAtOption(at: unknown, name: string, signingTime = true): void {
  if (at === undefined || (signingTime && at === 'signing-time')) return;
  if (!(at instanceof Date) || Number.isNaN(at.getTime()))
    throw new RangeError(`${name} must be a valid Date${signingTime ? " or 'signing-time'" : ''}`);
}

function validAt(cert: Certificate, at: Date): boolean {
  return cert.notBefore.getTime() <= at.getTime() && at.getTime() <= cert.notAfter.getTime();
}

function message(e: unknown): string {
  return isCancuocError(e) ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : 'unknown error';
}

/** Checks signature and chain, pushing one reason per finding. */
export async function checkSignedObject(
  obj: SignedObject,
  name: string,
  trust: TrustStore,
  when: Date | 'signing-time' | undefined,
  reasons: string[],
): Promise<{
  signature: 'valid' | 'invalid' | 'unsupported';
  chain: 'trusted' | 'untrusted' | 'expired' | 'revoked';
}> {
  let signature: 'valid' | 'invalid' | 'unsupported' = 'valid';
  const { signer, documentSigner: dsc } = obj;
  const md =
    digestNow(signer.digestAlgorithm.hash, obj.eContent) ??
    (await digest(signer.digestAlgorithm.hash, obj.eContent));
  if (!signer.messageDigest || !equalBytes(md, signer.messageDigest)) {
    signature = 'invalid';
    reasons.push(`the ${name} message-digest attribute does not match the signed content`);
  }
  if (signer.contentType !== obj.eContentType) {
    signature = 'invalid';
    reasons.push(`the ${name} content-type attribute does not match the eContentType`);
  }
  if (!dsc) {
    signature = 'invalid';
    reasons.push(`${name} holds no Document Signer certificate matching its SignerInfo`);
  } else if (!dsc.publicKey) {
    signature = 'unsupported';
    reasons.push(`the Document Signer key is not supported (${dsc.publicKeyError ?? 'unknown'})`);
  } else if (signature === 'valid') {
    try {
      const args = [
        dsc.publicKey,
        obj.signatureAlgorithm,
        signer.signedAttributesDer,
        signer.signature,
      ] as const;
      if (!(verifySignatureNow(...args) ?? (await verifySignature(...args)))) {
        signature = 'invalid';
        reasons.push(`the ${name} signature is invalid`);
      }
    } catch (e) {
      signature = 'unsupported';
      reasons.push(`the ${name} signature cannot be checked: ${message(e)}`);
    }
  }

  let chain: 'trusted' | 'untrusted' | 'expired' | 'revoked' = 'untrusted';
  const at = when === 'signing-time' ? (obj.signingTime ?? new Date()) : (when ?? new Date());
  if (when === 'signing-time' && !obj.signingTime) {
    reasons.push(`${name} has no signing time; validity checked at the current time`);
  }
  if (!dsc) {
    reasons.push('no Document Signer certificate to build a chain from');
    return { signature, chain };
  }
  const candidates = trust.issuersOf(dsc);
  let issuer: Certificate | undefined;
  for (const c of candidates) {
    if (await trust.signed(c, dsc)) {
      issuer = c;
      break;
    }
  }
  if (!issuer) {
    reasons.push(
      candidates.length === 0
        ? 'no trusted CSCA certificate matches the Document Signer issuer'
        : 'the Document Signer certificate is not signed by any trusted CSCA',
    );
  } else if (trust.isRevoked(dsc, issuer)) {
    chain = 'revoked';
    reasons.push('the Document Signer certificate is revoked');
  } else if (!validAt(dsc, at) || !validAt(issuer, at)) {
    chain = 'expired';
    reasons.push(`the Document Signer or CSCA certificate is not valid on ${at.toISOString().slice(0, 10)}`);
  } else {
    chain = 'trusted';
  }
  return { signature, chain };
}
