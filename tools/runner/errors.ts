/** A start-up failure the user can act on: the runner prints its message without a stack trace. */
export class StartupError extends Error {
  override name = 'StartupError';
}
