import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { PluginConfig } from '../config';
import { DOCUMENT_TYPES } from '../utils/containers';
import { sniff } from '../utils/sniff';
import { importFileName, parseImportUrl, URL_IMPORT_MESSAGES } from '../utils/url-import';

/** The first bytes read before deciding: what sniff needs (the guard reads as many). */
const SNIFF_BYTES = 4100;
/** A whole import, connection to last byte: a slow server must not hold a worker longer. */
const TIMEOUT_MS = 30_000;
/** Phone photos are 3–12 MB and scanned PDFs rarely over 50 MB; Strapi's own limit is 1 GB. */
const MAX_BYTES = 50 * 1024 * 1024;

export interface Progress {
  bytesWritten: number;
  totalBytes: number | null;
}

/** The file object Strapi's "upload from URLs" controller hands on to the upload service. */
export interface ImportedFile {
  filepath: string;
  originalFilename: string;
  mimetype: string;
  size: number;
  tmpWorkingDirectory: string;
}

/**
 * Replaces Strapi's download for the media library's "upload from URLs"
 * (POST /upload/actions/upload-from-urls). The request goes through strapi.fetch, which the app
 * equips with its outbound guard; here only what is accepted and what is said back:
 * - nothing is reported (progress included) before the first bytes show an allowed type;
 * - a refusal says "not reachable" or "not accepted", never the answer's size, type or status.
 */
export const urlImport = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::image-pipeline') as PluginConfig;

  return {
    async fetchToFile(url: unknown, dir: string, sizeLimit?: number, onProgress?: (p: Progress) => void): Promise<{ file: ImportedFile }> {
      const target = parseImportUrl(url);
      if (!target) throw new errors.ApplicationError(URL_IMPORT_MESSAGES.badUrl);
      const limit = Math.min(sizeLimit || MAX_BYTES, MAX_BYTES);
      const { allowedTypes } = config();
      const notAccepted = () => new errors.ApplicationError(URL_IMPORT_MESSAGES.notAccepted(Math.floor(limit / (1024 * 1024)), allowedTypes));
      const unreachable = (reason: unknown) => {
        // The cause is for the operator's log; the editor gets the same sentence whatever it was.
        strapi.log.warn(`[image-pipeline] upload from URL ${target.origin}: ${reason instanceof Error ? (reason.cause as Error | undefined)?.message ?? reason.message : String(reason)}`);
        return new errors.ApplicationError(URL_IMPORT_MESSAGES.unreachable);
      };
      const report = (progress: Progress) => {
        try {
          onProgress?.(progress);
        } catch {
          // Progress is for the admin's bar only.
        }
      };

      let response: Response;
      try {
        response = await strapi.fetch(target.href, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'image/*, application/pdf' } });
      } catch (error) {
        throw unreachable(error);
      }
      if (!response.ok || !response.body) {
        await response.body?.cancel().catch(() => undefined);
        throw unreachable(`status ${response.status}`);
      }
      const declared = Number(response.headers.get('content-length') ?? NaN);
      const totalBytes = Number.isFinite(declared) ? declared : null;
      const reader = response.body.getReader();
      const giveUp = async (error: Error) => {
        await reader.cancel().catch(() => undefined);
        return error;
      };
      if (totalBytes !== null && totalBytes > limit) throw await giveUp(notAccepted());

      const head: Buffer[] = [];
      let headBytes = 0;
      try {
        while (headBytes < SNIFF_BYTES) {
          const { done, value } = await reader.read();
          if (done) break;
          head.push(Buffer.from(value));
          headBytes += value.length;
        }
      } catch (error) {
        throw await giveUp(unreachable(error));
      }
      const first = Buffer.concat(head);
      const real = sniff(first);
      // An office container (ZIP, OLE2) is told apart only whole: taken here if any document type
      // is allowed, then sniffed in full by the upload guard like any upload.
      const container = real.kind === 'container' && Object.values(DOCUMENT_TYPES).some((type) => allowedTypes.includes(type.mime));
      if (first.length === 0 || !(allowedTypes.includes(real.mime) || container)) throw await giveUp(notAccepted());

      const filepath = path.join(dir, randomUUID());
      let written = 0;
      let tooLarge = false;
      report({ bytesWritten: 0, totalBytes });
      try {
        await pipeline(
          (async function* () {
            yield first;
            for (;;) {
              const { done, value } = await reader.read();
              if (done) return;
              yield Buffer.from(value);
            }
          })(),
          async function* (chunks: AsyncIterable<Buffer>) {
            for await (const chunk of chunks) {
              written += chunk.length;
              if (written > limit) {
                tooLarge = true;
                throw new Error('over the size limit');
              }
              report({ bytesWritten: written, totalBytes });
              yield chunk;
            }
          },
          fs.createWriteStream(filepath)
        );
      } catch (error) {
        await fs.promises.rm(filepath, { force: true });
        throw await giveUp(tooLarge ? notAccepted() : unreachable(error));
      }

      const name = importFileName(response.url || target.href, response.headers.get('content-disposition'));
      return {
        file: {
          filepath,
          originalFilename: `${name.replace(/\.[^.]*$/, '')}${real.ext}`,
          mimetype: real.mime,
          size: written,
          tmpWorkingDirectory: dir,
        },
      };
    },
  };
};

export type UrlImport = ReturnType<typeof urlImport>;
