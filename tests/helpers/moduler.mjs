// For `node --import`: records which modules a run loads (see moduler-kroker.mjs and lastet.ts).
import { register } from 'node:module';

register('./moduler-kroker.mjs', import.meta.url);
