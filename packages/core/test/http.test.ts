import { describe, expect, it } from 'vitest';
import { fetchText, HttpExchangeError } from '../src/index.js';

const bytes = (n: number) => new Uint8Array(n).fill(0x61);

/** A fetch whose answer streams `chunks`, honouring the request's abort signal. */
function streamingFetch(chunks: Uint8Array[], headers: Record<string, string> = {}, status = 200) {
  return (async (_url: string | URL | Request, init?: RequestInit) => {
    const signal = init?.signal;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(c);
        controller.close();
      },
    });
    if (signal?.aborted) throw signal.reason;
    return new Response(body, { status, headers });
  }) as typeof fetch;
}

/** A fetch that never answers until its signal aborts. */
const hangingFetch = ((_url: string | URL | Request, init?: RequestInit) =>
  new Promise((_, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  })) as typeof fetch;

async function failure(p: Promise<unknown>): Promise<HttpExchangeError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpExchangeError);
  return error as HttpExchangeError;
}

describe('fetchText', () => {
  it('reads a streamed UTF-8 answer split inside a multi-byte character', async () => {
    const text = new TextEncoder().encode('Nguyễn');
    const answer = await fetchText(
      'http://127.0.0.1/x',
      {},
      { fetch: streamingFetch([text.slice(0, 5), text.slice(5)]), timeoutMs: 1000, maxBytes: 100 },
    );
    expect(answer).toMatchObject({ status: 200, text: 'Nguyễn' });
  });

  it('refuses an answer whose declared length is over the cap without reading it', async () => {
    const error = await failure(
      fetchText(
        'http://127.0.0.1/x',
        {},
        {
          fetch: streamingFetch([bytes(10)], { 'content-length': '1000' }),
          timeoutMs: 1000,
          maxBytes: 100,
        },
      ),
    );
    expect(error).toMatchObject({ kind: 'too-large', status: 200 });
  });

  it('stops reading an undeclared answer once it passes the cap', async () => {
    const error = await failure(
      fetchText(
        'http://127.0.0.1/x',
        {},
        {
          fetch: streamingFetch([bytes(60), bytes(60)]),
          timeoutMs: 1000,
          maxBytes: 100,
        },
      ),
    );
    expect(error.kind).toBe('too-large');
  });

  it('reports a timeout when the service never answers', async () => {
    const error = await failure(
      fetchText('http://127.0.0.1/x', {}, { fetch: hangingFetch, timeoutMs: 5, maxBytes: 100 }),
    );
    expect(error.kind).toBe('timeout');
  });

  it("reports the caller's abort, before and during the exchange", async () => {
    const before = new AbortController();
    before.abort();
    expect(
      (
        await failure(
          fetchText(
            'http://x.test',
            {},
            { fetch: hangingFetch, timeoutMs: 1000, maxBytes: 1, signal: before.signal },
          ),
        )
      ).kind,
    ).toBe('aborted');
    const during = new AbortController();
    const pending = fetchText(
      'http://x.test',
      {},
      {
        fetch: hangingFetch,
        timeoutMs: 60_000,
        maxBytes: 1,
        signal: during.signal,
      },
    );
    during.abort();
    expect((await failure(pending)).kind).toBe('aborted');
  });

  it('reports a network failure with its cause, and never the URL', async () => {
    const refused = (async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    }) as typeof fetch;
    const error = await failure(
      fetchText('http://127.0.0.1/x?token=SECRET', {}, { fetch: refused, timeoutMs: 1000, maxBytes: 1 }),
    );
    expect(error.kind).toBe('network');
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(JSON.stringify({ message: error.message, stack: error.stack })).not.toContain('SECRET');
  });

  it('discards the body of statuses the caller skips', async () => {
    const answer = await fetchText(
      'http://127.0.0.1/x',
      {},
      {
        fetch: streamingFetch([bytes(1000)], {}, 503),
        timeoutMs: 1000,
        maxBytes: 10,
        skipBody: (s) => s >= 500,
      },
    );
    expect(answer).toMatchObject({ status: 503, text: '' });
  });
});
