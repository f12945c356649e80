/**
 * The slice of the `smartcard` package (tomkp/smartcard ≥ 3.7, N-API) this subpath uses. It is an
 * optional peer dependency, loaded with a dynamic import, so it is typed here rather than imported.
 */

export interface SmartcardCard {
  readonly protocol?: number;
  readonly atr?: Uint8Array | null;
  transmit(command: Uint8Array, options?: { maxRecvLength?: number }): Promise<Uint8Array>;
  disconnect(disposition?: number): void;
}

export interface SmartcardReader {
  readonly name: string;
  readonly state: number;
  readonly atr?: Uint8Array | null;
  connect(shareMode?: number, protocol?: number): Promise<SmartcardCard>;
}

export interface SmartcardContext {
  listReaders(): SmartcardReader[];
  waitForChange(
    readers?: readonly { readonly name: string; readonly state: number }[],
    timeout?: number,
  ): Promise<unknown>;
  /** Ends a pending `waitForChange` (SCardCancel); smartcard ≥ 3.7. */
  cancel?(): void;
  close(): void;
}

export interface SmartcardDevices {
  on(
    event: 'card-inserted',
    listener: (e: { reader: { name: string }; card: SmartcardCard }) => void,
  ): unknown;
  on(event: 'card-removed', listener: (e: { reader: { name: string } }) => void): unknown;
  on(event: 'error', listener: (e: Error) => void): unknown;
  start(): void;
  stop(): void;
}

export interface SmartcardModule {
  Context: new () => SmartcardContext;
  Devices?: new () => SmartcardDevices;
  SCARD_SHARE_SHARED: number;
  SCARD_PROTOCOL_T0: number;
  SCARD_PROTOCOL_T1: number;
  SCARD_LEAVE_CARD: number;
  SCARD_STATE_PRESENT: number;
}

/** Loads `smartcard` with a dynamic import; `undefined` when it is not installed or fails to load. */
export async function loadSmartcard(): Promise<SmartcardModule | undefined> {
  const name = 'smartcard';
  try {
    const mod = (await import(/* @vite-ignore */ name)) as SmartcardModule & { default?: SmartcardModule };
    return mod.Context ? mod : mod.default;
  } catch {
    return undefined;
  }
}
