import { describe, expect, it } from 'vitest';
import { releasePrinter, startPrinter } from '../../src/build/printer.js';

// tests/helpers/delt-nettleser.ts keeps the printer open for the builds of a test process.
describe('the browser the builds of a test process share', () => {
  it('is started once, left open by each build, and replaced when it has died', async () => {
    const forste = await startPrinter();
    await releasePrinter(Promise.resolve(forste));
    expect(forste.connected).toBe(true);
    expect(await startPrinter()).toBe(forste);
    await forste.close();
    await releasePrinter(Promise.resolve(forste));
    const ny = await startPrinter();
    expect(ny).not.toBe(forste);
    const pdf = await ny.pdf({ html: '<!doctype html><html lang="nb"><title>t</title><p>Ny nettleser</p></html>', tillatt: [] });
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(await startPrinter()).toBe(ny);
  }, 60_000);
});
