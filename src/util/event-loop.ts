import { setImmediate } from 'node:timers/promises';

/**
 * Lets the event loop run before the next piece of long synchronous work (reading and parsing a
 * file, rendering a sak): a Ctrl-C or kill that came meanwhile is handled now, not when the whole
 * run is done, since signal handlers only run between turns of the loop.
 */
export function yieldToEventLoop(): Promise<void> {
  return setImmediate();
}
