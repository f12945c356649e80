import { formatApiDateTime, formatVietnamIso } from '../../src/internal/vietnam-time.js';
import type { StayNotice } from '../../src/types.js';

/** A Vietnamese guest's notice with the document number `0010980` + 5 digits of `n`, arriving at `arrival`. */
export function vietnameseNotice(n: number, arrival = Date.now(), room = '302'): StayNotice {
  const number = `0010980${String(n).padStart(5, '0')}`;
  const departure = arrival + 2 * 86_400_000;
  return {
    kind: 'vietnamese',
    payload: {
      hoTen: 'NGUYỄN VĂN AN',
      gioiTinh: 'M',
      ngayThangNamSinhStr: '1998-08-15',
      ngayDenCsltStr: formatApiDateTime(arrival),
      ngayDiDuKienStr: formatApiDateTime(departure),
      lyDoCuTru: 1,
      loaiGiayTo: 1,
      soGiayTo: number,
      soPhong: room,
    },
    arrival: formatVietnamIso(arrival),
    expectedDeparture: formatVietnamIso(departure),
    deadline: formatVietnamIso(arrival + 3_600_000),
    key: `vietnamese:1:${number}:${formatVietnamIso(arrival)}`,
    label: `001******${number.slice(-3)} · P.${room}`,
  };
}

/** A foreign guest's notice with passport `B` + 7 digits of `n`. */
export function foreignNotice(n: number, arrival = Date.now(), nationality = 'D'): StayNotice {
  const passport = `B${String(n).padStart(7, '0')}`;
  const departure = arrival + 3 * 86_400_000;
  return {
    kind: 'foreign',
    payload: {
      hoTen: 'MUSTERMANN ERIKA',
      quocTich: nationality,
      soHoChieu: passport,
      gioiTinh: 'F',
      loaiNgayThangNamSinh: 'Y',
      ngayThangNamSinhStr: '1964-01-01',
      ngayDenCsltStr: formatApiDateTime(arrival),
      ngayDiDuKienStr: formatApiDateTime(departure),
      thoiHanTamTruStr: formatApiDateTime(arrival + 30 * 86_400_000),
      soPhong: '501',
    },
    arrival: formatVietnamIso(arrival),
    expectedDeparture: formatVietnamIso(departure),
    deadline: formatVietnamIso(arrival + 3_600_000),
    key: `foreign:${nationality}:${passport}:${formatVietnamIso(arrival)}`,
    label: `B12****${passport.slice(-3)} · P.501`,
  };
}
