/** A command line that cannot be run as given; exits with EX_USAGE. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
