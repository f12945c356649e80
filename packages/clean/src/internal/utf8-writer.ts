/**
 * Grows as UTF-8 text is written into it; its memory is outside the JavaScript heap. Text is
 * encoded a piece at a time as it is made: one long string built with `+=` would be flattened
 * before it could be encoded, which costs many times more.
 */
export class Utf8Writer {
  private buf: Buffer;
  length = 0;
  constructor(size: number) {
    // Never pooled: the buffer can be transferred to another thread.
    this.buf = Buffer.allocUnsafeSlow(Math.max(1024, size));
  }
  /** Writes the text and returns its length in bytes. */
  write(s: string): number {
    this.reserve(s.length * 3);
    const n = this.buf.write(s, this.length, 'utf8');
    this.length += n;
    return n;
  }
  /** Writes bytes as they are and returns their length. */
  writeBytes(b: Buffer): number {
    this.reserve(b.length);
    this.length += b.copy(this.buf, this.length);
    return b.length;
  }
  /** Room for `more` bytes after what is written. */
  private reserve(more: number): void {
    const need = this.length + more;
    if (need <= this.buf.length) return;
    const next = Buffer.allocUnsafeSlow(Math.max(need, this.buf.length * 2));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }
  bytes(): Uint8Array {
    return new Uint8Array(this.buf.buffer, this.buf.byteOffset, this.length);
  }
}
