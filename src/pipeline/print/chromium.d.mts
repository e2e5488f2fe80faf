export function isExecutable(fil: string): boolean;
export function findChromium(env?: NodeJS.ProcessEnv): string | undefined;
