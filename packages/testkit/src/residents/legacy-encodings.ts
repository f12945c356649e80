/**
 * Unicode → legacy Vietnamese font encodings, the direction test data needs: TCVN3 (TCVN
 * 5712:1993 "VN3", the ABC fonts .VnTime…) and VNI (VNI-Windows fonts). Files saved from those
 * fonts and later read as Unicode show the font's bytes as Latin-1 characters ("NguyÔn V¨n A",
 * "Nguyeãn Vaên A"), which is how they reach a cleaning engine.
 *
 * Hand-written on purpose, encoding direction only: the one npm converter found
 * (vietnamese-conversion 2.0.0) fails round trips on ordinary names ("Lê Đức Ưng" through VNI,
 * "Ẩn" through TCVN3) and takes ~0.2 ms a call, too slow for millions of rows; decoding belongs to
 * `@cancuoc/clean`, so this file must not grow a decoder. The TCVN3 table was checked against
 * two independent published tables (the TCVN3 column of vietnamese-conversion and a Unicode →
 * TCVN3 table in a public C# converter), VNI's composition rules against vietnamese-conversion's
 * output for every toned vowel.
 */

// TCVN 5712:1993 VN3: the 67 lower-case letters with marks and the 7 capitals the 8-bit font has.
const TCVN3_LOWER =
  'àµá¸ả¶ã·ạ¹ă¨ằ»ắ¾ẳ¼ẵ½ặÆâ©ầÇấÊẩÈẫÉậËđ®èÌéÐẻÎẽÏẹÑêªềÒếÕểÓễÔệÖì×íÝỉØĩÜịÞòßóãỏáõâọäô«ồåốèổæỗçộéơ¬ờêớíởëỡìợîùïúóủñũòụôư\u00adừõứøửöữ÷ựùỳúýýỷûỹüỵþ';
const TCVN3_UPPER = 'Ă¡Â¢Đ§Ê£Ô¤Ơ¥Ư¦';

const tcvn3 = new Map<string, string>();
for (let i = 0; i < TCVN3_LOWER.length; i += 2) tcvn3.set(TCVN3_LOWER[i]!, TCVN3_LOWER[i + 1]!);
for (let i = 0; i < TCVN3_UPPER.length; i += 2) tcvn3.set(TCVN3_UPPER[i]!, TCVN3_UPPER[i + 1]!);

/**
 * Writes Unicode Vietnamese text as TCVN3 (ABC) bytes read back as Latin-1 characters. VN3 has no
 * code for a capital with a tone mark ("Á", "Ấ"): ABC users typed those in the capitals-only font
 * (.VnTimeH) with the lower-case code, so the lower-case code is written and the capital is lost,
 * as in real files.
 */
export function toTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const direct = tcvn3.get(ch);
    if (direct !== undefined) {
      out += direct;
      continue;
    }
    const lower = ch.toLowerCase();
    const viaLower = lower !== ch ? tcvn3.get(lower) : undefined;
    out += viaLower ?? ch;
  }
  return out;
}

// VNI-Windows: a base letter followed by a mark byte. Indexes: grave, acute, hook, tilde, dot.
const TONES = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] as const;
const VNI_TONE = ['ø', 'ù', 'û', 'õ', 'ï'];
const VNI_CIRCUMFLEX = ['à', 'á', 'å', 'ã', 'ä'];
const VNI_BREVE = ['è', 'é', 'ú', 'ü', 'ë'];
// "i" with a tone is a single VNI byte.
const VNI_I = ['ì', 'í', 'æ', 'ó', 'ò'];

/**
 * Writes Unicode Vietnamese text as VNI-Windows bytes read back as Latin-1 characters
 * ("Nguyễn" → "Nguyeãn", "Đức" → "Ñöùc").
 */
export function toVni(text: string): string {
  let out = '';
  // Each letter is decomposed (NFD) into base + modifier (circumflex, breve, horn) + tone.
  for (const ch of text.normalize('NFC')) {
    if (ch === 'đ' || ch === 'Đ') {
      out += ch === 'đ' ? 'ñ' : 'Ñ';
      continue;
    }
    const parts = ch.normalize('NFD');
    if (parts.length === 1) {
      out += ch;
      continue;
    }
    const base = parts[0]!;
    const upper = base !== base.toLowerCase();
    const marks = parts.slice(1);
    const tone = TONES.findIndex((t) => marks.includes(t));
    const cased = (s: string) => (upper ? s.toUpperCase() : s);
    let piece: string;
    if (base.toLowerCase() === 'i' && tone >= 0) piece = cased(VNI_I[tone]!);
    else if (marks.includes('\u031b')) {
      // Horn: ơ → ô, ư → ö, then the tone byte.
      piece = cased(base.toLowerCase() === 'o' ? 'ô' : 'ö') + (tone >= 0 ? cased(VNI_TONE[tone]!) : '');
    } else if (marks.includes('\u0302')) piece = base + cased(tone >= 0 ? VNI_CIRCUMFLEX[tone]! : 'â');
    else if (marks.includes('\u0306')) piece = base + cased(tone >= 0 ? VNI_BREVE[tone]! : 'ê');
    else if (tone >= 0) piece = base + cased(VNI_TONE[tone]!);
    else piece = ch;
    out += piece;
  }
  return out;
}
