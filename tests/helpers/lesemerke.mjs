// Loaded with `node --import` into a motedok process under test: writes «leser <fil>» on stderr
// each time a .md file is opened, so that a test can act in the middle of a run, at a known point,
// instead of waiting for a time.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const openSync = fs.openSync;
fs.openSync = (path, ...rest) => {
  if (typeof path === 'string' && path.endsWith('.md')) fs.writeSync(2, `leser ${path}\n`);
  return openSync(path, ...rest);
};
syncBuiltinESMExports();
