/** The handler's own small pages: the logout confirmation. @internal */

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
:root{color-scheme:light dark;--fg:#1b1f24;--muted:#57606a;--bg:#f6f8fa;--card:#fff;--accent:#c8102e;--line:#d0d7de}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--card:#161b22;--line:#30363d;--accent:#f85149}}
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:grid;place-items:center;background:var(--bg);color:var(--fg);
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
main{width:min(28rem,calc(100vw - 2rem));background:var(--card);border:1px solid var(--line);border-radius:12px;
padding:2rem;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{margin:0 0 .25rem;font-size:1.375rem}
.en{color:var(--muted);margin:0 0 1.25rem}
p{margin:.5rem 0}
form{margin:1.5rem 0 0;display:flex;gap:.75rem;flex-wrap:wrap;align-items:center}
button{font:inherit;font-weight:600;color:#fff;background:var(--accent);border:0;border-radius:8px;padding:.625rem 1.25rem;cursor:pointer}
button:focus-visible,a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
a{color:inherit}
`;

/** Headers of the handler's HTML pages: no caching, no framing (a framed logout button could be clickjacked). */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/**
 * The page `GET /logout` shows: a button that POSTs the logout with its confirmation token, so
 * that a link or a cross-site navigation can never log the citizen out by itself.
 */
export function logoutPage(action: string, csrfToken: string | undefined, backHref: string): string {
  if (csrfToken === undefined) {
    return layout(
      'Đăng xuất · Log out',
      '<h1>Bạn chưa đăng nhập</h1><p class="en" lang="en">You are not logged in.</p>' +
        `<p><a href="${escapeHtml(backHref)}">Về trang chủ · Home</a></p>`,
    );
  }
  return layout(
    'Đăng xuất · Log out',
    '<h1>Đăng xuất?</h1><p class="en" lang="en">Log out?</p>' +
      '<p>Bạn sẽ thoát khỏi cổng dịch vụ này và khỏi phiên đăng nhập VNeID.</p>' +
      '<p class="en" lang="en">You will leave this portal and your VNeID login session.</p>' +
      `<form method="post" action="${escapeHtml(action)}">` +
      `<input type="hidden" name="csrf" value="${escapeHtml(csrfToken)}">` +
      '<button type="submit">Đăng xuất · Log out</button>' +
      `<a href="${escapeHtml(backHref)}">Ở lại · Stay</a></form>`,
  );
}
