import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import type { PluginConfig } from '../config';
import { planDerivatives, type Derivative } from '../utils/derivatives';
import { cropHash, freshHash } from '../utils/file-names';
import { focalCrop } from '../utils/focal';
import { hexColour, kilobytes, type UploadFile } from '../utils/upload-file';

const MIME: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif' };
const EXT: Record<string, string> = { jpeg: '.jpg', png: '.png', webp: '.webp', avif: '.avif', gif: '.gif' };
/** What the pipeline re-encodes; GIF (animation) is left as Strapi handles it. */
const PROCESSED = ['jpeg', 'png', 'webp', 'avif'];
const THUMBNAIL = { width: 245, height: 156 };

/** Encodes to a format with settings chosen for news photos (size over the last bit of quality). */
function encode(pipeline: Sharp, format: string): Sharp {
  switch (format) {
    case 'png':
      // zlib level 6 rather than 9: nearly the same bytes, several times faster on a 5 MP original.
      return pipeline.png({ compressionLevel: 6 });
    case 'webp':
      return pipeline.webp({ quality: 78 });
    case 'avif':
      return pipeline.avif({ quality: 50, effort: 2 });
    default:
      // libjpeg-turbo, not mozjpeg: several times faster.
      return pipeline.jpeg({ quality: 82, progressive: true, optimiseCoding: true });
  }
}

type Raw = { data: Buffer; info: OutputInfo };
const fromRaw = (raw: Raw) =>
  sharp(raw.data, { raw: { width: raw.info.width, height: raw.info.height, channels: raw.info.channels as 1 | 2 | 3 | 4 } });

interface Written {
  path: string;
  width: number;
  height: number;
  size: number;
}

/** An upload already processed by the guard's single decode, waiting for Strapi to store it. */
interface Prepared {
  dir: string;
  format: string;
  original: Written;
  thumbnail: Written | null;
  placeholder: string;
  dominantColor: string;
}

const write = async (pipeline: Sharp, format: string, out: string): Promise<Written> => {
  const info = await encode(pipeline, format).toFile(out);
  return { path: out, width: info.width, height: info.height, size: info.size };
};

/** A file object for Strapi's upload provider. */
function asUpload(w: Written, f: { name: string; hash: string; format: string; path?: string | null }): UploadFile {
  return {
    name: f.name,
    hash: f.hash,
    ext: EXT[f.format],
    mime: MIME[f.format],
    filepath: w.path,
    path: f.path ?? null,
    getStream: () => fs.createReadStream(w.path),
    width: w.width,
    height: w.height,
    size: kilobytes(w.size),
    sizeInBytes: w.size,
  };
}

/** What a format entry keeps in the database (no streams or local paths). */
const storedFormat = (f: UploadFile) => ({
  name: f.name,
  hash: f.hash,
  ext: f.ext,
  mime: f.mime,
  path: f.path ?? null,
  width: f.width,
  height: f.height,
  size: f.size,
  sizeInBytes: f.sizeInBytes,
  url: f.url,
  ...(f.provider_metadata ? { provider_metadata: f.provider_metadata } : {}),
});

/** A focal point for comparison: the one a crop was made for against the row's. */
const focalKey = (p: unknown) => {
  const { x, y } = (p ?? {}) as { x?: number; y?: number };
  return typeof x === 'number' && typeof y === 'number' ? `${x},${y}` : 'none';
};

/** A stored file row, as far as the processor reads it. */
export interface FileRow {
  id: number;
  name: string;
  hash: string;
  ext: string;
  mime: string;
  url: string;
  size: number;
  width: number | null;
  height: number | null;
  path?: string | null;
  formats: Record<string, unknown> | null;
  placeholder: string | null;
  focalPoint: { x: number; y: number } | null;
}

/** Runs `fn` when fewer than `limit` others are running. */
function limiter(limit: () => number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (active >= limit()) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await fn();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

/**
 * The sharp work on uploaded images. Before the upload answers: one decode of the upload (which
 * is also the guard's check that it is whole), giving the upright, clamped, metadata-free original,
 * its thumbnail, placeholder and dominant colour. Everything else (sizes, crops, WebP, AVIF) is
 * made later by `complete`, run by the queue, through Strapi's upload provider.
 */
export const processor = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::image-pipeline') as PluginConfig;
  const prepared = new Map<string, Prepared>();
  /** Prepared uploads by the file object Strapi carries through its upload (after `original`). */
  const byFile = new WeakMap<UploadFile, Prepared>();
  /** Bumped when a stored file gets new content (replace): a job working on the old one stops. */
  const generation = new Map<number, number>();
  /** Serialises a replace and the queue's writes to the same row. */
  const locks = new Map<number, Promise<unknown>>();
  const limit = limiter(() => config().concurrency);

  function withLock<T>(id: number, fn: () => Promise<T>): Promise<T> {
    const previous = locks.get(id) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(fn);
    const tail = next.catch(() => undefined);
    locks.set(id, tail);
    void tail.then(() => locks.get(id) === tail && locks.delete(id));
    return next;
  }

  /** Strapi's provider service (upload with its checks) and the provider itself (delete). */
  const provider = () => ({
    upload: (f: UploadFile) => strapi.plugin('upload').service<{ upload(f: UploadFile): Promise<void> }>('provider').upload(f),
    delete: (f: UploadFile) => (strapi.plugin('upload') as unknown as { provider: { delete(f: UploadFile): Promise<void> } }).provider.delete(f),
  });

  async function readStored(row: Pick<FileRow, 'url'>): Promise<Buffer> {
    if (/^https?:\/\//.test(row.url)) {
      // strapi.fetch: through the app's outbound guard (a private storage endpoint is listed in OUTBOUND_ALLOW).
      const res = await strapi.fetch(row.url, { signal: AbortSignal.timeout(60_000) });
      if (!res.ok) throw new Error(`${row.url} → ${res.status}`);
      return Buffer.from(await res.arrayBuffer());
    }
    return fs.promises.readFile(path.join(strapi.dirs.static.public, row.url));
  }

  return {
    /** The bytes of a stored file, from the public folder or the provider's URL. */
    readStored,

    /** Whether this format is re-encoded by the pipeline. */
    processes: (format: string | undefined) => Boolean(format && PROCESSED.includes(format)),

    /** The format of an image from its sharp metadata (sharp calls AVIF "heif"). */
    formatOf: (meta: Metadata) => (meta.format === 'heif' && meta.compression === 'av1' ? 'avif' : meta.format),

    /**
     * Decodes an upload once (refusing truncated data and more than `maxPixels`), and writes the
     * stored original — upright by EXIF orientation, sRGB, every metadata block (EXIF, GPS, XMP,
     * IPTC) dropped, longest edge clamped — and its thumbnail; placeholder and dominant colour
     * come from the thumbnail-sized pixels. Always re-encoded: privacy comes before bytes.
     */
    async prepare(filepath: string, format: string): Promise<void> {
      const { maxEdge, maxPixels, placeholderSize } = config();
      const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'image-pipeline-'));
      try {
        const result = await limit(async () => {
          const raw = await sharp(filepath, { limitInputPixels: maxPixels, failOn: 'truncated' })
            .autoOrient()
            .resize({ width: maxEdge, height: maxEdge, fit: 'inside', withoutEnlargement: true })
            .toColourspace('srgb')
            .raw()
            .toBuffer({ resolveWithObject: true });
          const original = await write(fromRaw(raw), format, path.join(dir, 'original'));
          const small = await fromRaw(raw)
            .resize({ ...THUMBNAIL, fit: 'inside', withoutEnlargement: true })
            .raw()
            .toBuffer({ resolveWithObject: true });
          const larger = raw.info.width > THUMBNAIL.width || raw.info.height > THUMBNAIL.height;
          const thumbnail = larger ? await write(fromRaw(small), format, path.join(dir, 'thumbnail')) : null;
          const tiny = await fromRaw(small)
            .resize({ width: placeholderSize, height: placeholderSize, fit: 'inside' })
            .webp({ quality: 40 })
            .toBuffer();
          const { dominant } = await fromRaw(small).stats();
          return { original, thumbnail, placeholder: `data:image/webp;base64,${tiny.toString('base64')}`, dominantColor: hexColour(dominant) };
        });
        prepared.set(filepath, { dir, format, ...result });
      } catch (error) {
        await fs.promises.rm(dir, { recursive: true, force: true });
        throw error;
      }
    },

    /** Forgets a prepared upload once Strapi has stored it (or failed to). */
    async release(filepath: string): Promise<void> {
      const p = prepared.get(filepath);
      prepared.delete(filepath);
      if (p) await fs.promises.rm(p.dir, { recursive: true, force: true });
    },

    /** Whether the guard has already decoded this upload in full. */
    isPrepared: (filepath: string | undefined) => Boolean(filepath && prepared.has(filepath)),

    /** Strapi's `optimize`: the prepared original in place of the upload. */
    async original(file: UploadFile): Promise<UploadFile> {
      if (!file.filepath) return file;
      if (!prepared.has(file.filepath)) {
        // Not through the guarded upload service (no check ran): prepare it now.
        const format = this.formatOf(await sharp(file.filepath).metadata());
        if (!this.processes(format)) return file;
        await this.prepare(file.filepath, format as string);
      }
      const p = prepared.get(file.filepath) as Prepared;
      const { original } = p;
      const result: UploadFile = {
        ...file,
        filepath: original.path,
        getStream: () => fs.createReadStream(original.path),
        width: original.width,
        height: original.height,
        size: kilobytes(original.size),
        sizeInBytes: original.size,
        placeholder: p.placeholder,
        dominantColor: p.dominantColor,
      };
      byFile.set(result, p);
      return result;
    },

    /** Strapi's `generateThumbnail`: the one made with the original (null: Strapi makes its own). */
    thumbnail(file: UploadFile): UploadFile | null | undefined {
      const p = byFile.get(file);
      if (!p) return undefined;
      return p.thumbnail && asUpload(p.thumbnail, { name: `thumbnail_${file.name}`, hash: `thumbnail_${file.hash}`, format: p.format, path: file.path });
    },

    /** Every derivative an image of this size gets, with Strapi's breakpoints and our config. */
    plan(width: number, height: number): Derivative[] {
      const cfg = config();
      return planDerivatives(
        { width, height },
        {
          breakpoints: strapi.config.get('plugin::upload.breakpoints', { large: 1000, medium: 750, small: 500 }) as Record<string, number>,
          thumbnail: THUMBNAIL,
          social: cfg.social,
          crops: cfg.crops,
          formats: cfg.formats,
          includeOriginalFormat: true,
        }
      );
    },

    /**
     * The derivatives a stored image should have and does not (yet), and the crops made for
     * another focal point than the row's (an editor set it after the upload).
     */
    missing(row: Pick<FileRow, 'mime' | 'width' | 'height' | 'formats' | 'focalPoint'>): Derivative[] {
      const format = row.mime.replace(/^image\//, '');
      if (!this.processes(format) || !row.width || !row.height) return [];
      const formats = (row.formats ?? {}) as Record<string, { focalPoint?: unknown }>;
      const focal = focalKey(row.focalPoint);
      return this.plan(row.width, row.height).filter(
        (d) => !(d.key in formats) || (d.resize.fit === 'cover' && focalKey(formats[d.key].focalPoint) !== focal)
      );
    },

    /**
     * Replaces a stored file's content (Strapi's `replace`) so that no queued write for its old
     * content can land after it.
     */
    replacing<T>(id: number, fn: () => Promise<T>): Promise<T> {
      return withLock(id, async () => {
        generation.set(id, (generation.get(id) ?? 0) + 1);
        const files = strapi.db.query('plugin::upload.file');
        const before = (await files.findOne({ where: { id } })) as FileRow | null;
        if (!before) return fn();
        // New content, new URL: Strapi's replace takes the hash from the row.
        const hash = freshHash(before.hash);
        await files.update({ where: { id }, data: { hash } });
        let result: T;
        try {
          result = await fn();
        } catch (error) {
          await files.update({ where: { id, hash }, data: { hash: before.hash } });
          throw error;
        }
        // Strapi deleted what it found under the new hash (nothing): the old bytes go now.
        for (const old of [before, ...Object.values(before.formats ?? {})]) {
          await provider()
            .delete(old as UploadFile)
            .catch((e: Error) => strapi.log.warn(`[image-pipeline] the replaced file ${(old as FileRow).hash} could not be deleted: ${e.message}`));
        }
        return result;
      });
    },

    /**
     * Makes what a stored image is missing, from its stored original, one derivative at a time:
     * render, send through the upload provider, then add to the row's `formats` — so the API never
     * lists a file that is not stored. Stops (and removes what it just stored) when the file was
     * deleted or replaced meanwhile. Idempotent: what is there already is not made again.
     */
    async complete(id: number): Promise<void> {
      const load = () => strapi.db.query('plugin::upload.file').findOne({ where: { id } }) as Promise<FileRow | null>;
      const row = await load();
      if (!row) return;
      const todo = this.missing(row);
      if (todo.length === 0) return;
      const gen = generation.get(id) ?? 0;
      const same = (r: FileRow | null) =>
        r !== null && (generation.get(id) ?? 0) === gen && focalKey(r.focalPoint) === focalKey(row.focalPoint) &&
        ['hash', 'url', 'size', 'width', 'height'].every((k) => r?.[k as keyof FileRow] === row[k as keyof FileRow]);

      const format = row.mime.replace(/^image\//, '');
      const raw = await sharp(await readStored(row), { failOn: 'truncated' }).autoOrient().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
      const image = { width: raw.info.width, height: raw.info.height };
      const base = row.name.replace(/\.[^.]+$/, '');
      const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'image-pipeline-'));
      try {
        for (const d of todo) {
          let pipeline = fromRaw(raw);
          if (d.resize.fit === 'inside') {
            pipeline = pipeline.resize({ width: d.resize.width, height: d.resize.height, fit: 'inside', withoutEnlargement: true });
          } else if (row.focalPoint) {
            pipeline = pipeline.extract(focalCrop(image, d.resize, row.focalPoint)).resize({ width: d.resize.width, height: d.resize.height, fit: 'cover' });
          } else {
            pipeline = pipeline.resize({ width: d.resize.width, height: d.resize.height, fit: 'cover', position: sharp.strategy.attention });
          }
          const outFormat = d.format ?? format;
          const written = await write(pipeline, outFormat, path.join(dir, d.key));
          const file = asUpload(written, { name: `${d.size}_${base}${EXT[outFormat]}`, hash: d.resize.fit === 'cover' ? cropHash(d.key, row.hash, row.focalPoint) : `${d.key}_${row.hash}`, format: outFormat, path: row.path });
          await provider().upload(file);
          const outcome = await withLock(id, async () => {
            const now = await load();
            // Replaced content keeps its hash, so the new content may list a file of this name.
            if (!now || !same(now)) return now?.formats && d.key in now.formats ? 'stop' : 'remove';
            // A crop records the focal point it was made for, so a new one is noticed.
            const entry = d.resize.fit === 'cover' ? { ...storedFormat(file), focalPoint: row.focalPoint ?? null } : storedFormat(file);
            const formats = { ...(now.formats ?? {}), [d.key]: entry };
            const superseded = now.formats?.[d.key] as UploadFile | undefined;
            if (!(await strapi.db.query('plugin::upload.file').update({ where: { id }, data: { formats } }))) return 'remove';
            // The crop of the previous focal point, under its own name.
            if (superseded && superseded.hash !== file.hash) await provider().delete(superseded).catch(() => undefined);
            return 'kept';
          });
          if (outcome === 'remove') await provider().delete(file);
          if (outcome !== 'kept') return;
        }
      } finally {
        await fs.promises.rm(dir, { recursive: true, force: true });
      }
    },
  };
};

export type Processor = ReturnType<typeof processor>;
