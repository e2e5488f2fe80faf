export const CHROMIUM_ARGS: readonly string[];
export function isExecutable(fil: string): boolean;
export function findChromium(env?: NodeJS.ProcessEnv): string | undefined;
