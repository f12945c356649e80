import { FIELD_LABELS, RULE_LABELS } from './labels.js';
import type { CleanSummary } from './summary.js';

/**
 * The summary as one self-contained HTML page: inline CSS and SVG, no script, no font or image
 * from the network, so that it opens offline and can be mailed as it is. Holds counts only,
 * never a record's data.
 */

const esc = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const COLORS = { clean: '#1f9d55', fixed: '#2b6cb0', warning: '#d69e2e', error: '#c53030' } as const;

function fmt(n: number, lang: 'vi' | 'en'): string {
  return n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
}
function pct(part: number, whole: number, lang: 'vi' | 'en'): string {
  if (whole === 0) return '0%';
  const v = (100 * part) / whole;
  return `${v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: v < 10 ? 1 : 0 })}%`;
}

function donut(
  parts: { value: number; color: string }[],
  total: number,
  center: string,
  sub: string,
): string {
  const r = 70;
  const c = 2 * Math.PI * r;
  let offset = 0;
  const arcs = parts
    .filter((p) => p.value > 0)
    .map((p) => {
      const len = total > 0 ? (p.value / total) * c : 0;
      const arc = `<circle r="${r}" cx="90" cy="90" fill="none" stroke="${p.color}" stroke-width="26" stroke-dasharray="${len.toFixed(2)} ${(c - len).toFixed(2)}" stroke-dashoffset="${(-offset).toFixed(2)}" transform="rotate(-90 90 90)"/>`;
      offset += len;
      return arc;
    })
    .join('');
  return `<svg viewBox="0 0 180 180" width="180" height="180" role="img"><circle r="${r}" cx="90" cy="90" fill="none" stroke="#edf2f7" stroke-width="26"/>${arcs}<text x="90" y="88" text-anchor="middle" class="dn">${esc(center)}</text><text x="90" y="110" text-anchor="middle" class="ds">${esc(sub)}</text></svg>`;
}

function bars(
  rows: { label: string; value: number; color: string; note?: string }[],
  lang: 'vi' | 'en',
): string {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return `<div class="bars">${rows
    .map(
      (r) =>
        `<div class="bar"><div class="bl"><span>${esc(r.label)}</span>${r.note ? `<code>${esc(r.note)}</code>` : ''}</div><div class="bt"><div class="bf" style="width:${Math.max(0.5, (100 * r.value) / max).toFixed(2)}%;background:${r.color}"></div></div><div class="bv">${fmt(r.value, lang)}</div></div>`,
    )
    .join('')}</div>`;
}

/** Renders the summary page in Vietnamese (default) or English. */
export function renderSummaryHtml(summary: CleanSummary, lang: 'vi' | 'en' = 'vi'): string {
  const t = (vi: string, en: string): string => (lang === 'vi' ? vi : en);
  const s = summary;
  const status = [
    { key: 'clean', label: t('Sạch, không cần sửa', 'Clean'), value: s.byStatus.clean, color: COLORS.clean },
    {
      key: 'fixed',
      label: t('Đã tự động sửa', 'Repaired automatically'),
      value: s.byStatus.fixed,
      color: COLORS.fixed,
    },
    {
      key: 'warning',
      label: t('Cần rà soát', 'Needs review'),
      value: s.byStatus.warning,
      color: COLORS.warning,
    },
    { key: 'error', label: t('Có lỗi phải sửa', 'Has errors'), value: s.byStatus.error, color: COLORS.error },
  ];
  const usable = s.byStatus.clean + s.byStatus.fixed;
  const kpi = (label: string, value: string, sub: string, color: string): string =>
    `<div class="kpi" style="border-top-color:${color}"><div class="kl">${esc(label)}</div><div class="kv">${esc(value)}</div><div class="ks">${esc(sub)}</div></div>`;
  const rules = s.byCode.slice(0, 25).map((c) => ({
    label: RULE_LABELS[c.code]?.[lang] ?? c.code,
    note: c.code,
    value: c.count,
    color: COLORS[c.severity],
  }));
  const fields = Object.entries(s.byField)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([f, v]) => ({ label: FIELD_LABELS[f]?.[lang] ?? f, value: v ?? 0, color: '#4a5568' }));
  const reasons: Record<string, [string, string]> = {
    'same-id': ['Trùng số định danh', 'Same ID number'],
    'id-conflict': ['Một số định danh, hai người khác nhau', 'One ID, two different people'],
    'same-name-birth-date-place': ['Trùng họ tên, ngày sinh, nơi sinh', 'Same name, birth date and place'],
    'similar-name': ['Họ tên gần giống (sai một ký tự)', 'Near-identical names (one typo)'],
  };
  const dup = Object.entries(s.duplicates.byReason).map(([r, v]) => ({
    label: reasons[r] ? t(...reasons[r]) : r,
    value: v,
    color: r === 'id-conflict' ? COLORS.error : '#805ad5',
  }));
  const legend = status
    .map(
      (p) =>
        `<li><span class="sw" style="background:${p.color}"></span>${esc(p.label)}<b>${fmt(p.value, lang)}</b><i>${pct(p.value, s.records, lang)}</i></li>`,
    )
    .join('');
  const mapped = Object.entries(s.input.mapped)
    .map(([f, h]) => `<tr><td>${esc(FIELD_LABELS[f]?.[lang] ?? f)}</td><td>${esc(String(h))}</td></tr>`)
    .join('');
  const date = new Date(s.startedAt);
  const when = date.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(t('Báo cáo làm sạch dữ liệu', 'Data cleaning report'))}</title>
<style>
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1a202c;background:#f4f6fa}
header{background:linear-gradient(120deg,#8b1a1a,#c53030);color:#fff;padding:22px 32px}
header h1{margin:0;font-size:22px;font-weight:650}header p{margin:4px 0 0;opacity:.9}
main{max-width:1180px;margin:0 auto;padding:24px 32px 40px}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:14px;margin-bottom:20px}
.kpi{background:#fff;border-radius:10px;padding:14px 16px;border-top:4px solid;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.kl{color:#4a5568;font-size:12px;text-transform:uppercase;letter-spacing:.04em}.kv{font-size:26px;font-weight:700;margin-top:2px}.ks{color:#718096;font-size:12px}
.grid{display:grid;grid-template-columns:1fr 1.5fr;gap:18px}@media(max-width:900px){.grid{grid-template-columns:1fr}}
.card{background:#fff;border-radius:10px;padding:18px 20px;box-shadow:0 1px 3px rgba(0,0,0,.08);margin-bottom:18px}
.card h2{font-size:15px;margin:0 0 12px;color:#2d3748}
.status{display:flex;flex-direction:column;align-items:center;gap:10px}.status ul{list-style:none;margin:0;padding:0;width:100%}
.status li{display:grid;grid-template-columns:14px 1fr auto 56px;gap:8px;align-items:center;padding:6px 0;border-bottom:1px solid #edf2f7}
.status li b{text-align:right}.status li i{color:#718096;font-style:normal;text-align:right;font-size:12px}
.sw{width:12px;height:12px;border-radius:3px;display:inline-block}
.dn{font-size:22px;font-weight:700;fill:#1a202c}.ds{font-size:11px;fill:#718096}
.bars{display:flex;flex-direction:column;gap:7px}.bar{display:grid;grid-template-columns:minmax(0,1fr) 40% 64px;gap:10px;align-items:center}
.bl{min-width:0}.bl span{display:block;overflow-wrap:anywhere}.bl code{display:block;color:#a0aec0;font-size:10.5px;line-height:1.2}
.bt{background:#edf2f7;border-radius:4px;height:14px;overflow:hidden}.bf{height:100%;border-radius:4px}.bv{text-align:right;font-variant-numeric:tabular-nums}
.legend{display:flex;gap:16px;font-size:12px;color:#4a5568;margin:0 0 10px}.legend span{display:inline-flex;align-items:center;gap:5px}
table{border-collapse:collapse;width:100%;font-size:13px}td{padding:5px 6px;border-bottom:1px solid #edf2f7}td:first-child{color:#4a5568;width:45%}
footer{color:#718096;font-size:12px;text-align:center;margin-top:8px}
</style></head><body>
<header><h1>${esc(t('Báo cáo làm sạch dữ liệu dân cư', 'Resident data cleaning report'))}</h1>
<p>${esc(t('Đúng · Đủ · Sạch · Sống', 'Correct · Complete · Clean · Current'))} — ${esc(t('hồ sơ', 'profile'))} <b>${esc(s.profile)}</b> · ${esc(when)}</p></header>
<main>
<section class="kpis">
${kpi(t('Tổng số hồ sơ', 'Records'), fmt(s.records, lang), `${fmt(s.recordsPerSecond, lang)} ${t('hồ sơ/giây', 'records/s')}`, '#2d3748')}
${kpi(t('Dùng được ngay', 'Usable now'), pct(usable, s.records, lang), `${fmt(usable, lang)} ${t('hồ sơ sạch hoặc đã sửa', 'clean or repaired')}`, COLORS.clean)}
${kpi(t('Đã tự động sửa', 'Repairs made'), fmt(s.bySeverity.fixed, lang), `${fmt(s.recordsWith.fixed, lang)} ${t('hồ sơ', 'records')}`, COLORS.fixed)}
${kpi(t('Cần rà soát', 'Warnings'), fmt(s.bySeverity.warning, lang), `${fmt(s.recordsWith.warning, lang)} ${t('hồ sơ', 'records')}`, COLORS.warning)}
${kpi(t('Lỗi phải sửa', 'Errors'), fmt(s.bySeverity.error, lang), `${fmt(s.recordsWith.error, lang)} ${t('hồ sơ', 'records')}`, COLORS.error)}
${kpi(t('Nhóm trùng lặp', 'Duplicate groups'), s.duplicates.checked ? fmt(s.duplicates.groups, lang) : '–', `${fmt(s.duplicates.records, lang)} ${t('hồ sơ liên quan', 'records involved')}`, '#805ad5')}
</section>
<div class="grid">
<div>
<section class="card"><h2>${esc(t('Tình trạng hồ sơ', 'Records by status'))}</h2><div class="status">${donut(status, s.records, pct(usable, s.records, lang), t('dùng được', 'usable'))}<ul>${legend}</ul></div></section>
<section class="card"><h2>${esc(t('Theo trường thông tin', 'Issues by field'))}</h2>${fields.length ? bars(fields, lang) : `<p>${esc(t('Không có vấn đề nào.', 'No issues.'))}</p>`}</section>
<section class="card"><h2>${esc(t('Trùng lặp', 'Duplicates'))}</h2>${dup.length ? bars(dup, lang) : `<p>${esc(s.duplicates.checked ? t('Không phát hiện hồ sơ trùng.', 'No duplicates found.') : t('Chưa kiểm tra trùng lặp (không yêu cầu tệp trùng lặp).', 'Duplicates were not checked (no duplicates file was asked for).'))}</p>`}</section>
</div>
<div>
<section class="card"><h2>${esc(t('Theo quy tắc kiểm tra', 'Issues by rule'))}</h2>
<div class="legend"><span><i class="sw" style="background:${COLORS.error}"></i>${esc(t('Lỗi', 'Error'))}</span><span><i class="sw" style="background:${COLORS.warning}"></i>${esc(t('Cần rà soát', 'Warning'))}</span><span><i class="sw" style="background:${COLORS.fixed}"></i>${esc(t('Đã sửa', 'Fixed'))}</span></div>
${rules.length ? bars(rules, lang) : `<p>${esc(t('Không có vấn đề nào.', 'No issues.'))}</p>`}</section>
<section class="card"><h2>${esc(t('Tệp đầu vào', 'Input file'))}</h2><table>
<tr><td>${esc(t('Định dạng', 'Format'))}</td><td>${esc(s.input.format.toUpperCase())} · ${esc(s.input.encoding)}${s.input.format === 'csv' ? ` · ${esc(t('dấu phân cách', 'delimiter'))} <code>${esc(s.input.delimiter === '\t' ? 'TAB' : s.input.delimiter)}</code>` : ''}</td></tr>
<tr><td>${esc(t('Số cột', 'Columns'))}</td><td>${s.input.columns.length}</td></tr>
${mapped}
<tr><td>${esc(t('Thời gian xử lý', 'Time'))}</td><td>${s.elapsedSeconds.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')} s</td></tr>
</table></section>
</div></div>
<footer>${esc(t('Tạo bởi @cancuoc/clean · Báo cáo chỉ chứa số liệu thống kê, không chứa dữ liệu cá nhân', 'Made by @cancuoc/clean · This page holds counts only, no personal data'))}</footer>
</main></body></html>
`;
}
