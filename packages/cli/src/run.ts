import { isCancuocError } from '@cancuoc/core';
import { Command, CommanderError, Option } from 'commander';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';
import { Context, langFromEnv, type RunOptions } from './internal/context.js';
import { UsageError } from './internal/usage-error.js';

const VERSION = '0.1.0';

const EXIT_HELP = `
Exit codes / Mã thoát:
  0  ok / không có vấn đề
  1  findings: an invalid ID, a failed verification, issues found / có phát hiện: số không hợp lệ, xác thực thất bại, dữ liệu có lỗi
  2  usage: unknown command or option, missing argument / sai cách dùng
  3  input error: unreadable file, missing module, unusable key / lỗi đầu vào: tệp không đọc được, thiếu mô-đun, khóa không dùng được

Environment / Môi trường: LANG, LC_ALL (vi… → Vietnamese), NO_COLOR (no colours).`;

const collect = (value: string, previous: string[] = []) => [...previous, value];

function examples(...lines: string[]): string {
  return `\nExamples / Ví dụ:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/**
 * Builds the program; `act` receives each command's result. Commands are imported when run, so
 * `cancuoc id` starts without loading the chip, reader, e-ID and cleaning packages.
 */
function program(
  make: (flags: { lang?: string; json?: boolean }) => Context,
  act: (p: Promise<ExitCode> | ExitCode) => void,
  output: { writeOut(s: string): void; writeErr(s: string): void },
): Command {
  // Set before the subcommands are added: they inherit both (commander copies settings on creation).
  const root = new Command('cancuoc')
    .exitOverride()
    .configureOutput(output)
    .description(
      'Vietnam citizen identity toolkit: clean resident lists, check ID numbers, QR codes, chip files, cards and e-ID tokens.\n' +
        'Bộ công cụ định danh công dân Việt Nam: làm sạch danh sách cư dân, kiểm tra số định danh, mã QR, tệp chip, thẻ và token VNeID.',
    )
    .version(VERSION)
    .option('--json', 'machine-readable output / đầu ra JSON cho script')
    .addOption(
      new Option('--lang <lang>', 'language of messages / ngôn ngữ (default: LANG)').choices(['vi', 'en']),
    )
    .showHelpAfterError('(cancuoc --help)')
    .addHelpText('after', EXIT_HELP);
  const ctx = (cmd: Command) => make(cmd.optsWithGlobals());

  root
    .command('clean')
    .description('clean a resident list (CSV, .xlsx, JSON Lines) / làm sạch danh sách cư dân')
    .argument('<file>', 'input list / tệp danh sách')
    .addOption(
      new Option('--profile <profile>', 'required fields / trường bắt buộc').choices([
        'hospital',
        'hotel',
        'population',
      ]),
    )
    .option('--out <file>', 'cleaned file / tệp đã làm sạch')
    .option('--report <file>', 'issue report, .csv or .jsonl / báo cáo lỗi')
    .option('--duplicates <file>', 'duplicate groups / nhóm trùng lặp')
    .option('--summary <file>', 'HTML summary / trang tổng hợp HTML')
    .option('--summary-json <file>', 'JSON summary / tổng hợp JSON')
    .option(
      '--map <field=Header>',
      'column of a field, repeatable / cột của một trường (lặp lại được)',
      collect,
    )
    .option('--workers <n>', 'worker threads (0 = none) / số luồng xử lý')
    .option('--duplicate-store <store>', 'memory or duckdb / nơi lưu chỉ mục trùng lặp')
    .option('--encoding <name>', 'text encoding instead of detecting it / bảng mã')
    .addHelpText(
      'after',
      examples(
        'cancuoc clean benh-nhan.csv --profile hospital --out sach.csv --report loi.csv --duplicates trung.csv --summary bao-cao.html',
        'cancuoc clean members.xlsx --map personalId="ID number" --json > summary.json',
      ),
    )
    .action((file: string, _o, cmd: Command) =>
      act(import('./commands/clean.js').then((m) => m.cleanCommand(ctx(cmd), file, cmd.opts()))),
    );

  root
    .command('id')
    .description(
      'decode personal ID, CMND, tax code or BHYT code / giải mã số định danh, CMND, mã số thuế, mã thẻ BHYT',
    )
    .argument('<number...>', 'numbers to check / các số cần kiểm tra')
    .option('--normalize', 'accept spaces, dots, dashes / chấp nhận dấu cách, chấm, gạch')
    .addHelpText('after', examples('cancuoc id 001099012345', 'cancuoc id 0100233488 GD4790123456789 --json'))
    .action((numbers: string[], _o, cmd: Command) =>
      act(import('./commands/id.js').then((m) => m.idCommand(ctx(cmd), numbers, cmd.opts()))),
    );

  root
    .command('qr')
    .description('decode a QR image or payload (card, BHYT) / đọc mã QR từ ảnh hoặc nội dung')
    .argument('<image-or-text>', 'image file or scanned text / tệp ảnh hoặc nội dung quét được')
    .option('--reveal', 'show ID numbers in full / hiện đầy đủ số định danh')
    .addHelpText(
      'after',
      examples(
        'cancuoc qr the-can-cuoc.jpg',
        "cancuoc qr '001099012345||Nguyễn Văn An|15011999|Nam|Hà Nội|10052021'",
      ),
    )
    .action((input: string, _o, cmd: Command) =>
      act(import('./commands/qr.js').then((m) => m.qrCommand(ctx(cmd), input, cmd.opts()))),
    );

  root
    .command('chip')
    .description(
      'parse chip files of a folder and verify them passively / đọc tệp chip trong thư mục và xác thực thụ động',
    )
    .argument('<folder>', 'EF.COM, EF.SOD, DG1.bin … DG16.bin, EF.CardAccess (any case, .bin/.der/.dat)')
    .option(
      '--trust <file>',
      'CSCA certificate (PEM/DER), master list (.ml) or LDIF, repeatable / chứng thư CSCA',
      collect,
    )
    .option(
      '--signing-time',
      "check certificates at the SOD's signing time / kiểm tra chứng thư tại thời điểm ký",
    )
    .option('--reveal', 'show ID numbers in full / hiện đầy đủ số định danh')
    .addHelpText(
      'after',
      examples(
        'cancuoc chip ./the-doc-duoc --trust csca-vn.pem',
        'cancuoc chip ./files --trust icao.ml --json',
      ),
    )
    .action((folder: string, _o, cmd: Command) =>
      act(import('./commands/chip.js').then((m) => m.chipCommand(ctx(cmd), folder, cmd.opts()))),
    );

  root
    .command('read')
    .description('read and verify a card in a PC/SC reader / đọc và xác thực thẻ qua đầu đọc PC/SC')
    .option('--reader <name>', 'reader name or part of it / tên đầu đọc')
    .option('--can <can>', 'card access number, 6 digits / số CAN 6 chữ số')
    .option('--mrz <doc,birth,expiry>', 'MRZ key: document number, YYMMDD birth, YYMMDD expiry / khóa MRZ')
    .option('--trust <file>', 'CSCA certificate or master list, repeatable / chứng thư CSCA', collect)
    .option('--wait <seconds>', 'wait for a card / chờ đặt thẻ')
    .option('--reveal', 'show ID numbers in full / hiện đầy đủ số định danh')
    .addOption(new Option('--simulated [variant]', 'software test card').hideHelp())
    .addHelpText(
      'after',
      examples(
        'cancuoc read --can 123456 --trust csca-vn.pem',
        'cancuoc read --mrz 099012345,990115,390115 --reader ACR --json',
      ),
    )
    .action((_o, cmd: Command) => {
      const o = cmd.opts();
      if ((o.can === undefined) === (o.mrz === undefined)) {
        throw new UsageError('give either --can or --mrz', 'cần đúng một trong hai: --can hoặc --mrz');
      }
      act(import('./commands/read.js').then((m) => m.readCommand(ctx(cmd), o)));
    });

  const token = root.command('token').description('e-ID (VNeID) tokens / token định danh điện tử');
  token
    .command('verify')
    .description('verify an ID token / kiểm tra ID token')
    .argument('<token>', 'the ID token (never printed) / ID token (không bao giờ được in ra)')
    .requiredOption('--issuer <iss>', 'expected issuer / bên phát hành')
    .requiredOption('--audience <aud>', 'your client ID, repeatable / client ID', collect)
    .requiredOption('--jwks <url|file>', 'key set URL or JSON file / địa chỉ hoặc tệp JWKS')
    .option('--nonce <nonce>', 'expected nonce')
    .option('--acr <level>', 'minimum assurance level, e.g. LoA2 / mức độ bảo đảm tối thiểu')
    .option('--reveal', 'show ID numbers in full / hiện đầy đủ số định danh')
    .addHelpText(
      'after',
      examples(
        'cancuoc token verify "$ID_TOKEN" --issuer https://xacthuc.dichvucong.gov.vn --audience my-client --jwks jwks.json',
      ),
    )
    .action((tok: string, _o, cmd: Command) =>
      act(import('./commands/token.js').then((m) => m.tokenVerifyCommand(ctx(cmd), tok, cmd.opts()))),
    );

  root
    .command('bridge')
    .description('serve the card reader to a web page on 127.0.0.1 / chia sẻ đầu đọc thẻ cho trang web')
    .requiredOption(
      '--origin <origin>',
      'page allowed to connect, repeatable / trang được phép kết nối',
      collect,
    )
    .option('--port <port>', 'port on 127.0.0.1 (default 9977)')
    .option('--reader <name>', 'reader name or part of it / tên đầu đọc')
    .option('--wait <seconds>', 'wait for a card (default 60) / chờ đặt thẻ')
    .addOption(new Option('--simulated [variant]', 'software test card').hideHelp())
    .addHelpText('after', examples('cancuoc bridge --origin https://quay.benhvien.example'))
    .action((_o, cmd: Command) =>
      act(import('./commands/bridge.js').then((m) => m.bridgeCommand(ctx(cmd), cmd.opts()))),
    );

  return root;
}

function langFromArgv(argv: readonly string[]): 'vi' | 'en' | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (value === 'vi' || value === 'en') return value;
  }
  return undefined;
}

/**
 * Runs the `cancuoc` command with the given arguments (without `node` and the script), writing to
 * the given streams, and resolves with the exit code (0 ok, 1 findings, 2 usage, 3 input error).
 * The `cancuoc` binary is `run(process.argv.slice(2))`; tests and scripts call it in-process.
 *
 * @param argv - e.g. `['id', '001099012345', '--json']`.
 * @example
 * ```ts
 * import { run } from '@cancuoc/cli';
 * let text = '';
 * const code = await run(['id', '001099012345', '--json'], { stdout: { write: (s) => (text += s) } });
 * code; // 0
 * ```
 */
export async function run(argv: readonly string[], options: RunOptions = {}): Promise<ExitCode> {
  if (!Array.isArray(argv)) throw new TypeError('run expects an array of arguments');
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const env = options.env ?? process.env;
  const base = {
    stdout,
    stderr,
    env,
    cwd: options.cwd ?? process.cwd(),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  let context: Context | undefined;
  let pending: Promise<ExitCode> | ExitCode = EXIT_CODES.ok;
  const controller = new AbortController();
  const stop = () => controller.abort();
  const make = (flags: { lang?: string; json?: boolean }) => {
    let signal = options.signal;
    if (!signal) {
      // Ctrl+C stops long-running commands (bridge, clean) cleanly.
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      signal = controller.signal;
    }
    context = new Context({ ...base, signal }, flags);
    return context;
  };
  const lang = () => context?.lang ?? langFromArgv(argv) ?? langFromEnv(env);
  const cmd = program(
    make,
    (p) => {
      pending = p;
    },
    { writeOut: (s) => stdout.write(s), writeErr: (s) => stderr.write(s) },
  );
  try {
    await cmd.parseAsync([...argv], { from: 'user' });
    return await pending;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      ) {
        return EXIT_CODES.ok;
      }
      // Commander printed its (English) message; add the Vietnamese pointer.
      stderr.write('Sai cách dùng lệnh; xem `cancuoc --help`.\n');
      return EXIT_CODES.usage;
    }
    if (e instanceof UsageError) {
      const [first, second] = lang() === 'vi' ? [e.messageVi, e.message] : [e.message, e.messageVi];
      stderr.write(`error: ${first}\n  ${second}\n(cancuoc --help)\n`);
      return EXIT_CODES.usage;
    }
    if (isCancuocError(e)) {
      const ctx = context ?? new Context(base, {});
      return ctx.fail(e, EXIT_CODES.input);
    }
    if (e instanceof RangeError) {
      // An option value the SDK refused (cleanFile's profile, workers…).
      stderr.write(`error: ${e.message}\n  Giá trị tùy chọn không hợp lệ.\n(cancuoc --help)\n`);
      return EXIT_CODES.usage;
    }
    throw e;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
