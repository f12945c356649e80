/** LDS1 elementary files of the eMRTD application (ICAO 9303-10 §4.6, Table 36/37). */

export interface LdsFile {
  /** Name used in progress events and results: `EF.COM`, `EF.SOD`, `DG1` … */
  readonly name: string;
  readonly fid: number;
  readonly sfi: number;
  /** Data group number, or undefined for EF.COM / EF.SOD / EF.CardAccess. */
  readonly dataGroup?: number;
}

export const EF_COM: LdsFile = { name: 'EF.COM', fid: 0x011e, sfi: 0x1e };
export const EF_SOD: LdsFile = { name: 'EF.SOD', fid: 0x011d, sfi: 0x1d };
export const EF_CARD_ACCESS: LdsFile = { name: 'EF.CardAccess', fid: 0x011c, sfi: 0x1c };

export function dataGroupFile(n: number): LdsFile {
  return { name: `DG${n}`, fid: 0x0100 + n, sfi: n, dataGroup: n };
}

/** AID of the eMRTD LDS1 application (9303-10 §4.2). */
export const EMRTD_AID = Uint8Array.of(0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01);
