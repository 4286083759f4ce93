import { Worker } from 'node:worker_threads';
import { classify, type PdfTextResult } from './classify';

export interface ExtractLimits {
  /** Pages read at most; a longer file is searched by its first pages. */
  maxPages: number;
  /** Characters kept at most. */
  maxChars: number;
  /** Wall time for the whole file; past it the worker is stopped and the file counts as failed. */
  timeoutMs: number;
  /** Heap of the worker thread: a hostile file cannot take the server's memory. */
  maxMemoryMb: number;
}

/**
 * 200 pages and 300,000 characters hold the longest văn bản a provincial portal posts (a law with
 * its appendices runs 60–150 pages); 20 s is ~40× what a 30-page decree took here (0.5 s for a
 * one-page file, most of it loading pdf.js).
 */
export const DEFAULT_LIMITS: ExtractLimits = { maxPages: 200, maxChars: 300_000, timeoutMs: 20_000, maxMemoryMb: 256 };

/**
 * The worker's code: pdf.js (Mozilla's pdfjs-dist, ESM only) is imported inside a worker thread,
 * which keeps it out of the CommonJS app and its test runner, and lets a stuck or hungry file be
 * stopped. No fonts are loaded and no code is evaluated from the file (isEvalSupported: false).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
(async () => {
  const pdfjs = await import(pathToFileURL(workerData.pdfjs).href);
  const task = pdfjs.getDocument({
    data: workerData.data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  const texts = [];
  const last = Math.min(doc.numPages, workerData.maxPages);
  let chars = 0;
  for (let n = 1; n <= last && chars <= workerData.maxChars; n += 1) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\\n' : ' ') : '')).join('');
    texts.push(text);
    chars += text.length;
    page.cleanup();
  }
  parentPort.postMessage({ pages: doc.numPages, texts });
  await task.destroy();
})().catch((error) => parentPort.postMessage({ error: String((error && error.message) || error).slice(0, 300) }));
`;

let pdfjsPath: string | undefined;
const pdfjs = () => (pdfjsPath ??= require.resolve('pdfjs-dist/legacy/build/pdf.mjs'));

type WorkerAnswer = { pages: number; texts: string[] } | { error: string };

/** Reads the text of a PDF in a worker thread, within the limits; never throws. */
export function extractPdfText(data: Uint8Array, limits: ExtractLimits = DEFAULT_LIMITS): Promise<PdfTextResult> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: WorkerAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(classify(answer, limits.maxChars));
    };
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // A copy: the worker may detach the buffer it is given.
      workerData: { pdfjs: pdfjs(), data: new Uint8Array(data), maxPages: limits.maxPages, maxChars: limits.maxChars },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb },
      stdout: true,
      stderr: true,
    });
    const timer = setTimeout(() => finish({ error: `stopped after ${limits.timeoutMs} ms` }), limits.timeoutMs);
    worker.on('message', (answer: WorkerAnswer) => finish(answer));
    worker.on('error', (error: Error) => finish({ error: error.message.slice(0, 300) }));
    worker.on('exit', (code) => finish({ error: `the reader stopped (exit ${code})` }));
  });
}
