import { compareNames, foldDiacritics, formatPartialDate, maskId, safeParsePartialDate } from '@cancuoc/core';
import { heading, line } from '../print.js';

/** Vietnamese text, partial dates and masking. */
export function coreSection(): void {
  heading('core: Vietnamese text, partial dates, masking');
  line('fold "Đặng Thị Ngọc Ánh"', foldDiacritics('Đặng Thị Ngọc Ánh'));
  line('NGUYEN VAN A ~ Nguyễn Văn A', compareNames('NGUYEN VAN A', 'Nguyễn Văn A'));
  for (const text of ['15/08/1998', '1998', '31/02/2000']) {
    const r = safeParsePartialDate(text);
    line(
      `date "${text}"`,
      r.success ? formatPartialDate(r.data, 'iso') : `${r.error.code}: ${r.error.messageVi}`,
    );
  }
  line('mask 001098012345', maskId('001098012345'));
}
