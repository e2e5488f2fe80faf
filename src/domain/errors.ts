/** A mistake in how the command was called (exit code 2), not in the content (exit code 1). */
export class UsageError extends Error {}
