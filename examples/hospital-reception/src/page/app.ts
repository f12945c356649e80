/**
 * The reception page: decodes the card QR in the browser with `@cancuoc/qr/image` (the decoder's
 * WebAssembly comes from this server, never a CDN), or asks the server to read the chip; then
 * shows the patient and the insurance verdict. Every value is written with `textContent`.
 */
import { configureQrImageDecoder, decodeQrImage } from '@cancuoc/qr/image';
import { readIdentityQrFromVideo } from '@cancuoc/qr/video';
import type { CheckResponse, ErrorView, PatientView, ReceptionInfo, VerdictView } from '../shared.js';

configureQrImageDecoder({ wasmUrl: '/zxing_reader.wasm' });

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Array<Node | string | undefined>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) if (child !== undefined) node.append(child);
  return node;
}

const bilingual = (vi: string, en: string): DocumentFragment => {
  const f = document.createDocumentFragment();
  f.append(vi, el('span', { class: 'en' }, en));
  return f;
};

function status(text: string, busy = false): void {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('busy', busy);
}

const TITLES: Record<VerdictView['outcome'] | 'error', [string, string, string]> = {
  eligible: ['✓', 'Đủ điều kiện hưởng BHYT', 'Covered by health insurance'],
  'not-eligible': ['✕', 'Không được hưởng BHYT', 'Not covered by health insurance'],
  'needs-attention': ['!', 'Cần kiểm tra lại', 'Needs attention: ask the patient'],
  error: ['?', 'Chưa tra cứu được', 'The check could not be done'],
};

const SOURCES: Record<PatientView['source'], [string, string]> = {
  'qr-card': ['Mã QR thẻ căn cước', 'ID card QR'],
  'qr-insurance': ['Mã QR thẻ BHYT', 'BHYT card QR'],
  chip: ['Chip thẻ căn cước · đã xác thực', 'ID card chip · verified'],
};

function patientCard(p: PatientView): HTMLElement {
  const initials = p.fullName
    .split(/\s+/)
    .slice(-2)
    .map((w) => w[0] ?? '')
    .join('');
  const face = p.face
    ? el('img', { class: 'face', src: p.face, alt: 'Ảnh chân dung trong chip (DG2)', 'data-testid': 'face' })
    : el('div', { class: 'face', 'aria-hidden': 'true' }, initials);
  const [vi, en] = SOURCES[p.source];
  const badge = el('div', { class: `badge${p.verified ? ' verified' : ''}` }, `${vi} · ${en}`);
  const facts = el('dl', { class: 'facts' });
  const fact = (dt: string, dd: string | undefined) => {
    if (dd) facts.append(el('div', {}, el('dt', {}, dt), el('dd', {}, dd)));
  };
  fact('Số định danh · ID', p.maskedId);
  fact('Mã thẻ BHYT · Card', p.maskedCardCode);
  fact('Ngày sinh · Born', p.dateOfBirth);
  fact('Giới tính · Sex', p.sex === 'male' ? 'Nam' : p.sex === 'female' ? 'Nữ' : undefined);
  return el(
    'div',
    { class: 'patient', 'data-testid': 'patient' },
    face,
    el(
      'div',
      { class: 'patient-main' },
      badge,
      el('p', { class: 'patient-name', 'data-testid': 'patient-name' }, p.fullName),
      facts,
    ),
  );
}

function verdictCard(v: VerdictView | undefined, error: ErrorView | undefined): HTMLElement {
  const outcome = v?.outcome ?? 'error';
  const [icon, vi, en] = TITLES[outcome];
  const node = el(
    'div',
    {
      class: 'verdict',
      'data-testid': 'verdict',
      'data-outcome': outcome,
      'data-code': v?.code ?? error?.code ?? '',
    },
    el('div', { class: 'verdict-icon', 'aria-hidden': 'true' }, icon),
    el('p', { class: 'verdict-title' }, bilingual(vi, en)),
    el(
      'span',
      { class: 'verdict-code', 'data-testid': 'verdict-code' },
      v ? `Mã ${v.code}` : (error?.code ?? ''),
    ),
  );
  if (v) {
    node.append(
      el(
        'p',
        { class: 'verdict-message', 'data-testid': 'verdict-message' },
        bilingual(v.messageVi, v.message),
      ),
    );
    node.append(
      el(
        'div',
        { class: 'verdict-advice' },
        el('strong', {}, 'Việc cần làm · Next step'),
        bilingual(v.adviceVi, v.advice),
      ),
    );
  } else if (error) {
    node.append(
      el(
        'p',
        { class: 'verdict-message', 'data-testid': 'verdict-message' },
        bilingual(error.messageVi, error.message),
      ),
    );
  }
  return node;
}

function cardDetails(v: VerdictView): HTMLElement | undefined {
  const c = v.card;
  if (!c) return undefined;
  const rows: Array<[string, string, string | undefined]> = [
    ['Mã thẻ', 'Card code', c.maskedCardCode],
    ['Họ tên theo thẻ BHYT', 'Name on record', c.fullName],
    ['Ngày sinh theo thẻ BHYT', 'Born, on record', c.dateOfBirth],
    [
      'Giá trị sử dụng',
      'Valid',
      c.validFrom || c.validTo ? `${c.validFrom ?? '…'} – ${c.validTo ?? '…'}` : undefined,
    ],
    ['Nơi ĐKKCB ban đầu', 'Primary care', c.primaryCareFacility],
    ['Đủ 5 năm liên tục', 'Five years', c.fiveYearDate],
    [
      'Thẻ mới',
      'New card',
      c.newCard
        ? `${c.newCard.maskedCardCode} (${c.newCard.validFrom ?? '…'} – ${c.newCard.validTo ?? '…'})`
        : undefined,
    ],
  ];
  const table = el('table');
  for (const [vi, en, value] of rows) {
    if (value)
      table.append(el('tr', {}, el('th', {}, vi, el('span', { class: 'en' }, en)), el('td', {}, value)));
  }
  return el('div', { class: 'card-details', 'data-testid': 'card-details' }, table);
}

function show(response: CheckResponse): void {
  const result = $('result');
  result.replaceChildren();
  if (response.patient) result.append(patientCard(response.patient));
  result.append(verdictCard(response.verdict, response.error));
  const details = response.verdict ? cardDetails(response.verdict) : undefined;
  if (details) result.append(details);
  if (response.timings) {
    const read = response.timings.readMs === undefined ? '' : `đọc chip ${response.timings.readMs} ms · `;
    result.append(el('div', { class: 'timing' }, `${read}tra cứu cổng BHXH ${response.timings.checkMs} ms`));
  }
  status('');
}

async function post(path: string, body: unknown): Promise<void> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  show((await response.json()) as CheckResponse);
}

async function fromImage(image: Blob): Promise<void> {
  status('Đang giải mã mã QR… · Decoding the QR code…', true);
  try {
    const found = await decodeQrImage(image);
    if (found.length === 0) {
      show({
        error: {
          code: 'ERR_QR_NOT_FOUND',
          message: 'No QR code found in the photo',
          messageVi: 'Không tìm thấy mã QR trong ảnh; hãy chụp lại rõ hơn',
        },
      });
      return;
    }
    status('Đang tra cứu cổng BHXH… · Checking with the BHXH gateway…', true);
    await post('/api/qr', { text: found[0]?.text });
  } catch (error) {
    const e = error as { code?: string; message?: string; messageVi?: string };
    show({
      error: {
        code: e.code ?? 'ERROR',
        message: e.message ?? 'Error',
        messageVi: e.messageVi ?? 'Lỗi khi giải mã ảnh',
      },
    });
  }
}

// ——— Camera: readIdentityQrFromVideo reads frames until a valid card QR, with hints ———

let stream: MediaStream | undefined;
let scanning: AbortController | undefined;

function stopCamera(): void {
  scanning?.abort();
  scanning = undefined;
  for (const track of stream?.getTracks() ?? []) track.stop();
  stream = undefined;
  $<HTMLVideoElement>('camera-video').srcObject = null;
  $('camera').hidden = true;
  $<HTMLButtonElement>('camera-start').disabled = false;
}

async function scanWithCamera(): Promise<void> {
  const hint = $('camera-hint');
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } },
      audio: false,
    });
  } catch (e) {
    show({
      error: {
        code: 'ERR_CAMERA',
        message: `The camera could not be opened (${e instanceof Error ? e.name : String(e)}); upload a photo instead`,
        messageVi: 'Không mở được camera; hãy cho phép truy cập camera hoặc tải ảnh lên',
      },
    });
    return;
  }
  const video = $<HTMLVideoElement>('camera-video');
  video.srcObject = stream;
  $('camera').hidden = false;
  $<HTMLButtonElement>('camera-start').disabled = true;
  scanning = new AbortController();
  try {
    const scan = await readIdentityQrFromVideo(video, {
      signal: scanning.signal,
      onGuidance: (g) => {
        hint.replaceChildren(
          g
            ? bilingual(g.vi, g.en)
            : bilingual('Đưa mã QR trên thẻ vào khung hình', "Show the card's QR code to the camera"),
        );
        hint.dataset.guidance = g?.code ?? '';
      },
    });
    stopCamera();
    status('Đang tra cứu cổng BHXH… · Checking with the BHXH gateway…', true);
    await post('/api/qr', { text: scan.symbol.text });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return;
    stopCamera();
    const e = error as { code?: string; message?: string; messageVi?: string };
    show({
      error: {
        code: e.code ?? 'ERROR',
        message: e.message ?? 'Error',
        messageVi: e.messageVi ?? 'Lỗi khi đọc camera',
      },
    });
  }
}

async function readChip(): Promise<void> {
  const button = $<HTMLButtonElement>('read-chip');
  button.disabled = true;
  status('Đang đọc chip và xác thực… · Reading and verifying the chip…', true);
  try {
    await post('/api/chip', { card: $<HTMLSelectElement>('chip-card').value });
  } finally {
    button.disabled = false;
  }
}

async function start(): Promise<void> {
  const info = (await (await fetch('/api/info')).json()) as ReceptionInfo;
  $('facility').textContent = info.facility;
  $('staff').textContent = info.staff;
  $('gateway').textContent = 'Cổng BHXH (mô phỏng)';
  const samples = $('samples');
  const select = $<HTMLSelectElement>('chip-card');
  for (const s of info.samples) {
    if (s.qr) {
      const button = el(
        'button',
        { type: 'button', class: 'sample', 'data-sample': s.key, title: `${s.label} · ${s.labelEn}` },
        el('img', { src: s.qr, alt: '' }),
        el('span', {}, bilingual(s.label, s.labelEn)),
      );
      const url = s.qr;
      button.addEventListener('click', async () => fromImage(await (await fetch(url)).blob()));
      samples.append(button);
    }
    if (s.chip) select.append(el('option', { value: s.key }, `${s.label} · ${s.labelEn}`));
  }
  const input = $<HTMLInputElement>('qr-file');
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void fromImage(file);
    input.value = '';
  });
  const zone = $('dropzone');
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    const file = e.dataTransfer?.files[0];
    if (file) void fromImage(file);
  });
  $('read-chip').addEventListener('click', () => void readChip());
  const camera = $<HTMLButtonElement>('camera-start');
  if (!navigator.mediaDevices?.getUserMedia) {
    camera.disabled = true;
    camera.title = 'Camera cần HTTPS hoặc localhost · The camera needs HTTPS or localhost';
  }
  camera.addEventListener('click', () => void scanWithCamera());
  $('camera-stop').addEventListener('click', stopCamera);
  document.body.dataset.ready = 'true';
}

void start();
