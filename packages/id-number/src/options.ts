/** Options of the parsers of this package that read typed-in identifiers. */
export interface NormalizeOptions {
  /**
   * Remove spaces, dots and dashes, read full-width characters and upper-case letters. Off by
   * default: such input is then an `ERR_ID_NEEDS_NORMALIZATION` error, so nothing is changed
   * silently.
   */
  readonly normalize?: boolean;
}
