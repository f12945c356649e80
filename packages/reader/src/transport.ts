/**
 * Anything that can exchange APDUs with a card: a PC/SC reader (`@cancuoc/reader/pcsc`), a
 * mobile NFC bridge, a remote reader, or the software card of `@cancuoc/testkit`.
 *
 * `transmit` sends one complete command APDU and resolves with the complete response APDU
 * (data followed by the two status bytes). It should reject when the card is gone; the reader
 * turns any rejection into a typed `CancuocError` (`ERR_READER_CARD_REMOVED` when the error
 * says so, `ERR_READER_TRANSPORT` otherwise).
 *
 * @example
 * ```ts
 * const transport: Transport = { transmit: (apdu) => bridge.send(apdu) };
 * ```
 */
export interface Transport {
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
}

/**
 * An error a transport can throw to say the card left the field; the reader reports it as
 * `ERR_READER_CARD_REMOVED`. Transports may also throw any error whose `code` is
 * `'CARD_REMOVED'` or whose message mentions a removed card.
 *
 * @example
 * ```ts
 * throw new CardRemovedError();
 * ```
 */
export class CardRemovedError extends Error {
  readonly code = 'CARD_REMOVED';
  constructor(message = 'card removed') {
    super(message);
    this.name = 'CardRemovedError';
  }
}
