/** A misused option or argument: exit 2, with the message in both languages. */
export class UsageError extends Error {
  readonly messageVi: string;
  constructor(message: string, messageVi: string) {
    super(message);
    this.name = 'UsageError';
    this.messageVi = messageVi;
  }
}
