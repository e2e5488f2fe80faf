export const CHROMIUM_ARGS: readonly string[];
export function isExecutable(fil: string): boolean;
export function findChromium(env?: NodeJS.ProcessEnv): string | undefined;
export function findHeadlessShell(env?: NodeJS.ProcessEnv, stier?: readonly string[]): string | undefined;
export function findPrinter(env?: NodeJS.ProcessEnv, shellStier?: readonly string[]): { path: string; shell: boolean } | undefined;
