export function kjorbar(fil: string): boolean;
export function finnChromium(env?: NodeJS.ProcessEnv): string | undefined;
