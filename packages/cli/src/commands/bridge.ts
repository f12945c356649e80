import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import { openCard } from '../internal/card-source.js';
import type { Context } from '../internal/context.js';
import { UsageError } from '../internal/usage-error.js';

/** Options of `cancuoc bridge`. */
export interface BridgeOptions {
  origin?: string[];
  port?: string;
  reader?: string;
  wait?: string;
  simulated?: boolean | string;
}

/**
 * `cancuoc bridge --origin https://desk.example`: starts the local agent that lets a web page on an
 * allowed origin read cards in this computer's PC/SC reader (`@cancuoc/reader/bridge/agent`: 127.0.0.1
 * only, origin allow-list, pairing code). Prints the address and the pairing code once, for the
 * desk operator to enter in the page, and runs until Ctrl+C.
 */
export async function bridgeCommand(ctx: Context, options: BridgeOptions): Promise<ExitCode> {
  const origins = options.origin ?? [];
  for (const origin of origins) {
    // Browsers send the Origin as scheme://host[:port], nothing more.
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {}
    if (!url || url.origin !== origin) {
      throw new UsageError(
        `--origin takes an origin such as https://desk.example (not ${JSON.stringify(origin)})`,
        `--origin nhận một origin như https://quay.benhvien.vn (không phải ${JSON.stringify(origin)})`,
      );
    }
  }
  const port = options.port === undefined ? undefined : Number(options.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new UsageError('--port takes a port number from 0 to 65535', '--port nhận số cổng từ 0 đến 65535');
  }
  const { startBridgeAgent } = await import('@cancuoc/reader/bridge/agent');
  const source = await openCard({
    ...(options.reader ? { reader: options.reader } : {}),
    waitForCardMs: Math.round(Number(options.wait ?? '60') * 1000),
    ...(options.simulated ? { simulated: options.simulated } : {}),
  });
  try {
    const agent = await startBridgeAgent({
      transport: source.transport,
      origins,
      ...(port !== undefined ? { port } : {}),
      onEvent: (event) => {
        // Events never carry the token or APDUs; refusals are worth a line for the operator.
        if (event.type === 'refused') {
          ctx.err(`${ctx.t('refused', 'từ chối')}: ${event.reason} ${event.origin ?? ''}`.trim());
        }
      },
    });
    // The pairing code goes to the desk's own terminal once, as the operator needs it; never to a log.
    if (ctx.json) ctx.printJson({ url: agent.url, pairingCode: agent.token, origins });
    else {
      ctx.out(`${ctx.t('Card reader bridge on', 'Cầu nối đầu đọc thẻ tại')} ${agent.url}`);
      ctx.out(`${ctx.t('Pairing code', 'Mã ghép nối')}: ${ctx.color.bold(agent.token)}`);
      ctx.out(`${ctx.t('Allowed pages', 'Trang được phép')}: ${origins.join(', ')}`);
      ctx.out(ctx.color.dim(ctx.t('Press Ctrl+C to stop.', 'Nhấn Ctrl+C để dừng.')));
    }
    await new Promise<void>((resolve) => {
      if (!ctx.signal || ctx.signal.aborted) return resolve();
      ctx.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await agent.close();
    return EXIT_CODES.ok;
  } finally {
    await source.close();
  }
}
