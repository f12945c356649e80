/**
 * The front-desk page (bundled for the browser by the server at start): reads the card QR from
 * an uploaded photo or the camera with `@cancuoc/qr/image`, shows the guest with the ID masked,
 * sends the stay to the server and shows the live list of notices.
 *
 * The card's QR text stays in memory only (never in the DOM, storage or console); the server
 * parses it again and builds the notice.
 */
import { type CancuocError, formatPartialDate, isCancuocError, maskId } from '@cancuoc/core';
import type { CardQr } from '@cancuoc/qr';
import { configureQrImageDecoder, readIdentityQrImage } from '@cancuoc/qr/image';
import { readIdentityQrFromVideo } from '@cancuoc/qr/video';
import type {
  ApiError,
  CheckInRequest,
  CheckInResponse,
  DeadlineResponse,
  DeskInfo,
  NoticeState,
  NoticeView,
} from '../shared.js';

// The decoder's WebAssembly comes from this server, never from a CDN.
configureQrImageDecoder({ wasmUrl: '/zxing_reader.wasm' });

const TZ = 'Asia/Ho_Chi_Minh';

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
};

/** An element with text children: data only ever goes through `textContent`. */
function h(tag: string, className?: string, ...children: (Node | string | undefined)[]): HTMLElement {
  const el = document.createElement(tag);
  if (className) el.className = className;
  for (const child of children) if (child !== undefined) el.append(child);
  return el;
}

const en = (text: string) => h('span', 'en', text);
const enLine = (text: string) => h('span', 'en-line', text);

// ——— Time in Vietnam, whatever the computer's time zone ———

const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `yyyy-MM-ddTHH:mm` of an instant in Vietnam (a `datetime-local` value). */
function toLocalInput(date: Date): string {
  const p = Object.fromEntries(partsFormat.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The instant of a `datetime-local` value read as Vietnam time (UTC+7, no daylight saving). */
function fromLocalInput(value: string): Date {
  return new Date(`${value}:00+07:00`);
}

/** `HH:mm dd/MM` in Vietnam. */
function fmt(iso: string): string {
  const p = Object.fromEntries(partsFormat.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.hour}:${p.minute} ${p.day}/${p.month}`;
}

function remaining(deadline: string, now: number): { vi: string; en: string; cls: string } {
  const ms = new Date(deadline).getTime() - now;
  if (ms <= 0) return { vi: 'Quá hạn', en: 'Overdue', cls: 'late' };
  const minutes = Math.floor(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const m = minutes % 60;
  const vi = hours > 0 ? `còn ${hours} giờ ${m} phút` : `còn ${m} phút`;
  const enText = hours > 0 ? `${hours} h ${m} min left` : `${m} min left`;
  return { vi, en: enText, cls: ms < 60 * 60_000 ? 'soon' : '' };
}

// ——— Errors: the SDK's Vietnamese message first, English beneath ———

function showError(
  box: HTMLElement,
  error: ApiError | CancuocError | { messageVi: string; message: string },
) {
  box.replaceChildren(h('strong', undefined, error.messageVi), enLine(error.message));
  const issues = 'issues' in error ? error.issues : undefined;
  if (issues && issues.length > 0) {
    box.append(
      h(
        'ul',
        undefined,
        ...issues.map((issue) => h('li', undefined, issue.messageVi, enLine(issue.message))),
      ),
    );
  }
  box.hidden = false;
}

function asError(e: unknown): { messageVi: string; message: string } {
  if (isCancuocError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  return { messageVi: `Đã có lỗi: ${message}`, message };
}

// ——— Step 1: the card ———

let scanned: { text: string; card: CardQr } | undefined;

const scanError = $('scan-error');
const scanProgress = $('scan-progress');
const stayFields = $<HTMLFieldSetElement>('stay-fields');

const CARD_KIND_SINCE = { year: 2024, month: 7, day: 1 };

function showGuest(text: string, card: CardQr) {
  scanned = { text, card };
  scanError.hidden = true;
  $('guest-name').textContent = card.fullName;
  const initials = card.fullName.split(/\s+/).filter(Boolean);
  $('guest-initials').textContent = ((initials.at(-1)?.[0] ?? '') + (initials[0]?.[0] ?? '')).toUpperCase();
  const d = card.dateOfIssue;
  const canCuoc =
    (d.year ?? 0) * 10_000 + (d.month ?? 0) * 100 + (d.day ?? 0) >=
    CARD_KIND_SINCE.year * 10_000 + CARD_KIND_SINCE.month * 100 + CARD_KIND_SINCE.day;
  $('guest-kind').replaceChildren(
    canCuoc ? 'Thẻ Căn cước' : 'Thẻ Căn cước công dân',
    en(canCuoc ? 'Identity card (2024)' : 'Citizen ID card (2021)'),
  );
  $('guest-id').textContent = maskId(card.personalId);
  $('guest-dob').textContent = formatPartialDate(card.dateOfBirth, 'dd/MM/yyyy');
  $('guest-sex').replaceChildren(
    card.sex === 'male' ? 'Nam' : 'Nữ',
    en(card.sex === 'male' ? 'Male' : 'Female'),
  );
  $('guest-issued').textContent = formatPartialDate(card.dateOfIssue, 'dd/MM/yyyy');
  $('guest-address').textContent = card.permanentResidence ?? '—';
  const warnings = $('guest-warnings');
  warnings.replaceChildren(...card.warnings.map((w) => h('li', undefined, w.messageVi, en(w.message))));
  warnings.hidden = card.warnings.length === 0;
  $('guest').hidden = false;
  $('scan-area').hidden = true;
  stayFields.disabled = false;
  $('submit-ok').hidden = true;
  resetStayDefaults();
  $<HTMLInputElement>('room').focus();
}

function clearGuest() {
  scanned = undefined;
  $('guest').hidden = true;
  $('scan-area').hidden = false;
  stayFields.disabled = true;
  $<HTMLInputElement>('qr-file').value = '';
}

async function readImage(input: Blob | ImageData, quiet = false): Promise<boolean> {
  try {
    const scan = await readIdentityQrImage(input);
    if (scan.kind !== 'card') {
      showError(scanError, {
        messageVi: 'Đây là mã QR của thẻ BHYT. Hãy quét mã QR trên thẻ căn cước của khách.',
        message: "This is a health-insurance (BHYT) card's QR code. Scan the QR code of the guest's ID card.",
      });
      return true;
    }
    showGuest(scan.symbol.text, scan.card);
    return true;
  } catch (e) {
    // A camera frame without a code is normal: keep looking.
    if (quiet && isCancuocError(e) && e.code === 'ERR_QR_NOT_FOUND') return false;
    showError(scanError, asError(e));
    return !quiet;
  }
}

async function readFile(file: Blob) {
  stopCamera();
  clearGuest();
  scanError.hidden = true;
  scanProgress.textContent = 'Đang đọc mã QR… · Reading the QR code…';
  scanProgress.hidden = false;
  try {
    await readImage(file);
  } finally {
    scanProgress.hidden = true;
  }
}

const fileInput = $<HTMLInputElement>('qr-file');
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) void readFile(file);
});

const dropzone = $('dropzone');
dropzone.addEventListener('dragover', (event) => {
  event.preventDefault();
  dropzone.classList.add('is-over');
});
dropzone.addEventListener('dragleave', () => dropzone.classList.remove('is-over'));
dropzone.addEventListener('drop', (event) => {
  event.preventDefault();
  dropzone.classList.remove('is-over');
  const file = event.dataTransfer?.files[0];
  if (file) void readFile(file);
});

$('guest-clear').addEventListener('click', () => {
  clearGuest();
  $('submit-ok').hidden = true;
  fileInput.focus();
});

$('sample-card').addEventListener('click', async () => {
  const response = await fetch('/sample-card.png');
  if (response.ok) await readFile(await response.blob());
});

// ——— Camera (getUserMedia needs https or localhost) ———

let stream: MediaStream | undefined;
let scanning: AbortController | undefined;
const video = $<HTMLVideoElement>('camera-video');
const cameraHint = document.querySelector<HTMLElement>('.camera-hint');
const defaultHint = Array.from(cameraHint?.childNodes ?? [], (n) => n.cloneNode(true));
const resetHint = () => cameraHint?.replaceChildren(...defaultHint.map((n) => n.cloneNode(true)));

function stopCamera() {
  scanning?.abort();
  scanning = undefined;
  for (const track of stream?.getTracks() ?? []) track.stop();
  stream = undefined;
  video.srcObject = null;
  $('camera').hidden = true;
  dropzone.hidden = false;
  resetHint();
}

/**
 * Reads the camera with readIdentityQrFromVideo: frames decoded with the photo cascade until a
 * valid card QR, with hints ("move closer", "avoid glare", "hold still") shown over the preview.
 */
async function scanCamera() {
  scanning = new AbortController();
  try {
    const scan = await readIdentityQrFromVideo(video, {
      signal: scanning.signal,
      onGuidance: (g) => {
        if (!cameraHint) return;
        if (!g) resetHint();
        else cameraHint.replaceChildren(g.vi, h('span', 'en', g.en));
        cameraHint.dataset.guidance = g?.code ?? '';
      },
    });
    stopCamera();
    if (scan.kind !== 'card') {
      showError(scanError, {
        messageVi: 'Đây là mã QR của thẻ BHYT. Hãy quét mã QR trên thẻ căn cước của khách.',
        message: "This is a health-insurance (BHYT) card's QR code. Scan the QR code of the guest's ID card.",
      });
      return;
    }
    showGuest(scan.symbol.text, scan.card);
  } catch (e) {
    if (scanning?.signal.aborted || (e instanceof DOMException && e.name === 'AbortError')) return;
    stopCamera();
    showError(scanError, asError(e));
  }
}

const cameraButton = $<HTMLButtonElement>('camera-start');
if (!navigator.mediaDevices?.getUserMedia) {
  cameraButton.disabled = true;
  cameraButton.title =
    'Camera cần HTTPS hoặc localhost · The camera needs HTTPS or localhost; upload a photo instead';
}
cameraButton.addEventListener('click', async () => {
  scanError.hidden = true;
  clearGuest();
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } },
      audio: false,
    });
  } catch (e) {
    showError(scanError, {
      messageVi: 'Không mở được camera. Hãy cho phép truy cập camera, hoặc tải ảnh lên.',
      message: `The camera could not be opened (${e instanceof Error ? e.name : String(e)}). Allow access, or upload a photo.`,
    });
    return;
  }
  video.srcObject = stream;
  $('camera').hidden = false;
  dropzone.hidden = true;
  await video.play().catch(() => undefined);
  void scanCamera();
});
$('camera-stop').addEventListener('click', stopCamera);

// ——— Step 2: the stay ———

const form = $<HTMLFormElement>('stay-form');
const room = $<HTMLInputElement>('room');
const arrival = $<HTMLInputElement>('arrival');
const departure = $<HTMLInputElement>('departure');
const reason = $<HTMLSelectElement>('reason');
const reasonDetail = $<HTMLInputElement>('reason-detail');
const submitError = $('submit-error');
const submitButton = $<HTMLButtonElement>('submit');
let info: DeskInfo | undefined;

function resetStayDefaults() {
  const now = new Date();
  arrival.value = toLocalInput(now);
  // Check-out at noon the next day, the usual hotel rule.
  const tomorrow = toLocalInput(new Date(now.getTime() + 24 * 3600_000)).slice(0, 10);
  departure.value = `${tomorrow}T12:00`;
  arrival.max = toLocalInput(new Date(now.getTime() + 5 * 60_000));
  room.value = '';
  submitError.hidden = true;
  for (const el of [room, arrival, departure, reason, reasonDetail]) el.removeAttribute('aria-invalid');
  void updateDeadline();
}

async function updateDeadline() {
  const hint = $('deadline-hint');
  if (!arrival.value) {
    hint.textContent = '';
    return;
  }
  try {
    const at = fromLocalInput(arrival.value).toISOString();
    const response = await fetch(`/api/deadline?arrival=${encodeURIComponent(at)}`);
    if (!response.ok) {
      hint.textContent = '';
      return;
    }
    const { deadline } = (await response.json()) as DeadlineResponse;
    hint.replaceChildren(
      'Hạn gửi thông báo: ',
      h('strong', undefined, fmt(deadline)),
      en(`Deadline ${fmt(deadline)}`),
    );
  } catch {
    hint.textContent = '';
  }
}
arrival.addEventListener('change', () => void updateDeadline());

function updateReasonDetail() {
  const other = info !== undefined && Number(reason.value) === info.otherReason;
  $('reason-detail-field').hidden = !other;
  reasonDetail.required = other;
}
reason.addEventListener('change', updateReasonDetail);

function markInvalid(error: ApiError) {
  const fields: Record<string, HTMLElement> = {
    room,
    arrival,
    expectedDeparture: departure,
    departure,
    reason,
    reasonDetail,
  };
  for (const issue of error.issues ?? []) {
    const key = issue.path.find((p): p is string => typeof p === 'string' && p in fields);
    if (key) fields[key]?.setAttribute('aria-invalid', 'true');
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!scanned) return;
  submitError.hidden = true;
  for (const el of [room, arrival, departure, reason, reasonDetail]) el.removeAttribute('aria-invalid');
  if (!room.value.trim()) {
    room.setAttribute('aria-invalid', 'true');
    showError(submitError, {
      messageVi: 'Hãy nhập số phòng của khách.',
      message: "Enter the guest's room number.",
    });
    room.focus();
    return;
  }
  const body: CheckInRequest = {
    qr: scanned.text,
    room: room.value.trim(),
    arrival: arrival.value,
    departure: departure.value,
    reason: Number(reason.value),
    ...(reasonDetail.value.trim() ? { reasonDetail: reasonDetail.value.trim() } : {}),
  };
  submitButton.setAttribute('aria-busy', 'true');
  submitButton.disabled = true;
  try {
    const response = await fetch('/api/check-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as CheckInResponse;
    if ('error' in answer) {
      showError(submitError, answer.error);
      markInvalid(answer.error);
      return;
    }
    upsert(answer.notice);
    const ok = $('submit-ok');
    ok.replaceChildren(
      h(
        'strong',
        undefined,
        `Đã xếp hàng thông báo lưu trú của ${answer.notice.name} (${answer.notice.label}).`,
      ),
      enLine(`Stay notice queued for ${answer.notice.label}; it is sent to the police in the background.`),
    );
    ok.hidden = false;
    clearGuest();
    resetStayDefaults();
  } catch (e) {
    showError(submitError, asError(e));
  } finally {
    submitButton.removeAttribute('aria-busy');
    submitButton.disabled = false;
  }
});

// ——— The live list of notices ———

const STATES: Record<NoticeState, { vi: string; en: string }> = {
  queued: { vi: 'Chờ gửi', en: 'Queued' },
  sending: { vi: 'Đang gửi', en: 'Sending' },
  accepted: { vi: 'Đã tiếp nhận', en: 'Accepted' },
  rejected: { vi: 'Bị từ chối', en: 'Rejected' },
  unknown: { vi: 'Chưa rõ kết quả', en: 'Unknown' },
};
const ORDER: readonly NoticeState[] = ['queued', 'sending', 'unknown', 'accepted', 'rejected'];

let notices: NoticeView[] = [];

function upsert(notice: NoticeView) {
  const i = notices.findIndex((n) => n.id === notice.id);
  // The stream may already have a newer state than the check-in answer.
  if (i < 0) notices = [notice, ...notices];
  render();
}

function badge(state: NoticeState): HTMLElement {
  const el = h('span', `badge badge-${state}`, STATES[state].vi, en(STATES[state].en));
  el.dataset.state = state;
  return el;
}

function renderNotice(n: NoticeView, now: number): HTMLElement {
  const li = h('li', 'notice');
  li.dataset.state = n.state;
  li.dataset.id = n.id;
  const badges = h('div', 'badges', badge(n.state));
  if (n.confirmedByDuplicate) {
    badges.append(h('span', 'badge badge-duplicate', 'Xác nhận qua bản trùng', en('Confirmed by duplicate')));
  }
  const meta = h('div', 'notice-meta');
  meta.append(h('span', undefined, `Đến ${fmt(n.arrival)} → đi ${fmt(n.expectedDeparture)}`));
  if (n.state === 'accepted') {
    const onTime = !n.acceptedAt || new Date(n.acceptedAt).getTime() <= new Date(n.deadline).getTime();
    meta.append(
      h('span', undefined, `Hạn ${fmt(n.deadline)}`, en(`deadline`)),
      h(
        'span',
        onTime ? undefined : 'late',
        `Tiếp nhận ${n.acceptedAt ? fmt(n.acceptedAt) : ''} · ${onTime ? 'đúng hạn' : 'trễ hạn'}`,
        en(onTime ? 'accepted on time' : 'accepted late'),
      ),
    );
  } else if (n.state === 'rejected') {
    meta.append(h('span', undefined, `Hạn ${fmt(n.deadline)}`, en('deadline')));
  } else {
    const left = remaining(n.deadline, now);
    meta.append(
      h(
        'span',
        left.cls,
        `Hạn ${fmt(n.deadline)} · ${left.vi}`,
        en(left.cls === 'late' ? 'overdue' : left.en),
      ),
    );
  }
  if (n.attempts > 1) meta.append(h('span', undefined, `${n.attempts} lần gửi`, en(`${n.attempts} sends`)));
  li.append(
    h('div', undefined, h('p', 'notice-name', n.name), h('p', 'notice-label mono', n.label)),
    badges,
    meta,
  );
  if (n.state === 'rejected' && n.reason) {
    li.append(h('p', 'notice-reason', n.reason.messageVi, enLine(n.reason.message)));
  } else if (n.state === 'unknown') {
    li.append(
      h(
        'p',
        'notice-reason',
        'Không nhận được trả lời; hệ thống sẽ gửi lại và đối soát, không bao giờ khai báo hai lần.',
        enLine('No answer came back; the notice will be re-sent and reconciled, never declared twice.'),
      ),
    );
  } else if (n.state === 'queued' && n.lastError) {
    li.append(
      h(
        'p',
        'notice-reason',
        'Lần gửi trước chưa thành công; sẽ gửi lại.',
        enLine(`The last send failed (${n.lastError.code}); retrying.`),
      ),
    );
  }
  return li;
}

function render() {
  const now = Date.now();
  const list = $('notices');
  list.replaceChildren(...notices.map((n) => renderNotice(n, now)));
  $('notices-empty').hidden = notices.length > 0;
  const counts = $('counts');
  counts.replaceChildren(
    ...ORDER.map((state) => {
      const count = notices.filter((n) => n.state === state).length;
      if (count === 0) return undefined;
      return h('span', `count badge-${state}`, `${count} ${STATES[state].vi.toLowerCase()}`);
    }).filter((x): x is HTMLElement => x !== undefined),
  );
}
// Countdowns move on even when nothing changes.
setInterval(render, 30_000);

function connect() {
  const live = $('live');
  const text = $('live-text');
  const events = new EventSource('/api/events');
  events.addEventListener('open', () => {
    live.dataset.state = 'open';
    text.replaceChildren('Trực tuyến', en('Live'));
  });
  events.addEventListener('error', () => {
    live.dataset.state = 'closed';
    text.replaceChildren('Mất kết nối, đang thử lại…', en('Reconnecting…'));
  });
  events.addEventListener('notices', (event) => {
    notices = JSON.parse((event as MessageEvent<string>).data) as NoticeView[];
    render();
  });
}

// ——— Start ———

async function start() {
  const response = await fetch('/api/info');
  info = (await response.json()) as DeskInfo;
  $('facility-name').textContent = info.facility;
  $('api-info').textContent = `API: ${info.api}`;
  reason.replaceChildren(
    ...info.reasons.map((r) => {
      const option = document.createElement('option');
      option.value = String(r.id);
      option.textContent = r.name;
      return option;
    }),
  );
  updateReasonDetail();
  $('sample-card').hidden = !info.sample;
  resetStayDefaults();
  connect();
  document.body.dataset.ready = 'true';
}

void start();
