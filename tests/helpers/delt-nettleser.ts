import { keepPrinterOpen } from '../../src/build/printer.js';

// The builds a test process runs share one Chromium (src/build/printer.ts): the suite's ~100
// in-process builds each started their own, about a fifth of the end-to-end tier's time. Tests of
// the browser itself start their own SealedBrowser; the command line run as a process starts its own.
keepPrinterOpen();
