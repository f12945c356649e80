import { maskId } from '@cancuoc/core';
import {
  cardQrToCardData,
  formatCardQr,
  formatInsuranceQr,
  parseCardQr,
  parseInsuranceQr,
  readIdentityQr,
  safeParseCardQr,
} from '@cancuoc/qr';
import { decodeQrImage } from '@cancuoc/qr/image';
import { cardDataToResident } from '@cancuoc/schemas';
import { addNoise, createRandom, greyToPng, renderQrImage, rotate } from '@cancuoc/testkit';
import { heading, line } from '../print.js';

const date = (d: { year: number; month?: number; day?: number }) =>
  [d.day, d.month, d.year].filter((x) => x !== undefined).join('/');

/** Card and BHYT QR payloads, mangled scanner text, and a QR read back from a rendered photo. */
export async function qrSection(): Promise<void> {
  heading('qr: citizen-card and BHYT QR codes, from scanner text and from images');
  // Synthetic person: the ID encodes Hà Nội (001), a woman born in the 1900s (1), year 98.
  const cardText = formatCardQr({
    personalId: '001198012345',
    fullName: 'Đặng Thị Ngọc Ánh',
    dateOfBirth: { year: 1998, month: 8, day: 15 },
    sex: 'female',
    permanentResidence: 'Số 1 Phố Huế, Phường Hai Bà Trưng, Hà Nội',
    dateOfIssue: { year: 2024, month: 7, day: 15 },
  });
  const card = parseCardQr(cardText);
  line(
    'card QR',
    `${maskId(card.personalId)}, ${card.fullName}, born ${date(card.dateOfBirth)}, ${card.sex}`,
  );
  const resident = cardDataToResident(cardQrToCardData(card));
  line(
    '→ resident record',
    `${resident.documents?.[0]?.kind}, residence "${resident.currentResidence?.text}"`,
  );

  // What a keyboard-wedge scanner in the wrong mode types: NFD text, a lost "ữ", CRLF, a label.
  const mangled = `CCCD: ${cardText.replace('Nữ', 'N\ufffd').normalize('NFD')}\r\n`;
  const scanned = parseCardQr(mangled);
  line('mangled scan', `${scanned.sex}; warnings: ${scanned.warnings.map((w) => w.code).join(', ')}`);
  line('  for the front desk', scanned.warnings[0]?.messageVi);
  // A serial reader set to Windows-1252: every accented letter arrives as two or three symbols.
  const garbled = new TextDecoder('windows-1252').decode(new TextEncoder().encode(cardText));
  const repaired = parseCardQr(garbled);
  line(
    'Windows-1252 scan',
    `${garbled.split('|')[2]} → ${repaired.fullName} (${repaired.warnings[0]?.code})`,
  );
  // The ID says a woman born in 1998; a QR saying 1999 is parsed and flagged.
  const mismatch = parseCardQr(cardText.replace('15081998', '15081999'));
  line('ID vs birth year', mismatch.warnings.map((w) => `${w.code} at ${w.path.join('.')}`).join('; '));
  const bad = safeParseCardQr(cardText.replace('15081998', '31021998'));
  line('31/02 birth date', bad.success ? 'accepted?!' : `${bad.error.code}: ${bad.error.messageVi}`);

  const insuranceText = formatInsuranceQr({
    cardCode: 'GD4790123456789',
    fullName: 'Nguyễn Văn A',
    dateOfBirth: { year: 1990 },
    sex: 'male',
    address: 'Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh',
    primaryCareFacility: '79 - 001',
    validFrom: { year: 2024, month: 1, day: 1 },
    validTo: null,
    dateOfIssue: { year: 2023, month: 12, day: 15 },
  });
  line('BHYT QR text', `${insuranceText.slice(0, 60)}…`);
  const insurance = parseInsuranceQr(insuranceText);
  const level = insurance.card.format === 'card' ? insurance.card.benefitLevel : '-';
  line(
    'BHYT QR',
    `${insurance.fullName}, born ${date(insurance.dateOfBirth)}, level ${level}, facility ${insurance.primaryCareFacility.code}, valid to ${insurance.validTo === null ? 'no end' : date(insurance.validTo)}`,
  );

  // The testkit renders the card QR, rotates it 30° and adds sensor noise; the PNG stays in memory.
  const photo = addNoise(rotate(renderQrImage(cardText, { moduleSize: 3 }), 30), 25, createRandom(42));
  const png = greyToPng(photo);
  const started = performance.now();
  const found = await decodeQrImage(png);
  const elapsed = performance.now() - started;
  for (const qr of found) {
    const read = readIdentityQr(qr.text);
    const who =
      read.kind === 'card'
        ? `${maskId(read.card.personalId)} ${read.card.fullName}`
        : read.insurance.cardCode;
    line(
      `image ${photo.width}×${photo.height} PNG`,
      `${read.kind}: ${who} (rotated ${Math.round(qr.orientation)}°, ${elapsed.toFixed(0)} ms incl. wasm load)`,
    );
  }
  if (found.length === 0) line('image', 'no QR code found');
}
