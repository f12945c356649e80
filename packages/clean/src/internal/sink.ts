import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';

/** A text file (strings or UTF-8 bytes) written with backpressure: `write` waits while the OS buffer is full. */
export class TextSink {
  private readonly stream: WriteStream;
  private failure: Error | undefined;
  constructor(path: string) {
    this.stream = createWriteStream(path);
    this.stream.on('error', (e) => {
      this.failure = e;
    });
  }
  async write(text: string | Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    if (this.failure) throw this.failure;
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
