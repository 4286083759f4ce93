import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import sharp, { type Sharp } from 'sharp';
import type { PluginConfig } from '../config';
import { planDerivatives, type Derivative } from '../utils/derivatives';
import { focalCrop } from '../utils/focal';
import { hexColour, kilobytes, type UploadFile } from '../utils/upload-file';

const MIME: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif' };
const EXT: Record<string, string> = { jpeg: '.jpg', png: '.png', webp: '.webp', avif: '.avif', gif: '.gif' };

/** Encodes to a format with settings chosen for news photos (size over the last bit of quality). */
function encode(pipeline: Sharp, format: string): Sharp {
  switch (format) {
    case 'jpeg':
      // libjpeg-turbo, not mozjpeg: several times faster, and these encodes are on the upload's clock.
      return pipeline.jpeg({ quality: 82, progressive: true, optimiseCoding: true });
    case 'png':
      return pipeline.png({ compressionLevel: 9 });
    case 'webp':
      return pipeline.webp({ quality: 78 });
    case 'avif':
      return pipeline.avif({ quality: 50, effort: 2 });
    case 'gif':
      return pipeline.gif();
    default:
      return pipeline.jpeg({ quality: 82, progressive: true, optimiseCoding: true });
  }
}

/**
 * The processed original of each upload in flight. Strapi sends the original to the provider while
 * it asks for the sizes, and the provider may drop `filepath` from the shared object meanwhile.
 */
const processed = new WeakMap<UploadFile, string>();

/** Strapi's working folder for this upload (removed by Strapi when the upload returns). */
const workDir = (file: UploadFile) => file.tmpWorkingDirectory ?? path.dirname(file.filepath ?? os.tmpdir());

interface Source {
  source: string;
  width: number;
  height: number;
  format: string;
  focalPoint: { x: number; y: number } | null;
}

/** Encodes waiting for the queue, by the hash of the upload they belong to. */
const waiting = new Map<string, { image: Source; plan: Derivative[]; file: UploadFile; dir: string }>();

/** One derivative: resized or cropped, encoded, written into `dir`. */
async function render(image: Source, d: Derivative, file: UploadFile, dir: string): Promise<UploadFile> {
  const outFormat = d.format ?? image.format;
  // The source is our own processed original (already checked and clamped), so no pixel limit here.
  let pipeline = sharp(image.source, { failOn: 'truncated' });
  if (d.resize.fit === 'cover' && image.focalPoint) {
    pipeline = pipeline
      .extract(focalCrop({ width: image.width, height: image.height }, d.resize, image.focalPoint))
      .resize({ width: d.resize.width, height: d.resize.height, fit: 'cover' });
  } else if (d.resize.fit === 'cover') {
    pipeline = pipeline.resize({ width: d.resize.width, height: d.resize.height, fit: 'cover', position: sharp.strategy.attention });
  } else {
    pipeline = pipeline.resize({ width: d.resize.width, height: d.resize.height, fit: 'inside', withoutEnlargement: true });
  }
  const hash = `${d.key}_${file.hash}`;
  const out = path.join(dir, hash);
  const info = await encode(pipeline, outFormat).toFile(out);
  const base = file.name.replace(/\.[^.]+$/, '');
  return {
    name: `${d.size}_${base}${EXT[outFormat] ?? file.ext ?? ''}`,
    hash,
    ext: EXT[outFormat] ?? file.ext,
    mime: MIME[outFormat] ?? file.mime,
    filepath: out,
    path: file.path ?? null,
    getStream: () => fs.createReadStream(out),
    width: info.width,
    height: info.height,
    size: kilobytes(info.size),
    sizeInBytes: info.size,
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

/**
 * The sharp work on uploaded images. Strapi's upload service calls it through the
 * image-manipulation hooks, so every output goes through the configured upload provider.
 */
export const processor = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::image-pipeline') as PluginConfig;
  const open = (filepath: string) => sharp(filepath, { limitInputPixels: config().maxPixels, failOn: 'truncated' });

  return {
    /**
     * The stored original: turned upright by its EXIF orientation, converted to sRGB, every
     * metadata block (EXIF, GPS, XMP, IPTC) dropped, longest edge clamped. Always re-encoded,
     * even when that does not make it smaller: privacy comes before bytes.
     */
    async original(file: UploadFile): Promise<UploadFile> {
      if (!file.filepath) return file;
      const { format } = await open(file.filepath).metadata();
      if (!format || !MIME[format] || format === 'gif') return file;
      const out = path.join(workDir(file), `original-${file.hash}`);
      const { maxEdge } = config();
      const info = await encode(
        open(file.filepath).rotate().resize({ width: maxEdge, height: maxEdge, fit: 'inside', withoutEnlargement: true }).toColourspace('srgb'),
        format
      ).toFile(out);
      const extras = await this.describe(out);
      const result: UploadFile = {
        ...file,
        filepath: out,
        getStream: () => fs.createReadStream(out),
        width: info.width,
        height: info.height,
        size: kilobytes(info.size),
        sizeInBytes: info.size,
        ...extras,
      };
      processed.set(result, out);
      return result;
    },

    /** A blurred placeholder small enough to inline (data URI) and the dominant colour. */
    async describe(filepath: string): Promise<{ placeholder: string; dominantColor: string }> {
      const edge = config().placeholderSize;
      const tiny = await sharp(filepath).resize({ width: edge, height: edge, fit: 'inside' }).webp({ quality: 40 }).toBuffer();
      const { dominant } = await sharp(filepath).stats();
      return { placeholder: `data:image/webp;base64,${tiny.toString('base64')}`, dominantColor: hexColour(dominant) };
    },

    /** Every derivative an image of this size gets, with Strapi's breakpoints and our config. */
    plan(width: number, height: number): Derivative[] {
      const cfg = config();
      return planDerivatives(
        { width, height },
        {
          breakpoints: strapi.config.get('plugin::upload.breakpoints', { large: 1000, medium: 750, small: 500 }) as Record<string, number>,
          thumbnail: { width: 245, height: 156 },
          social: cfg.social,
          formats: cfg.formats,
          includeOriginalFormat: true,
        }
      );
    },

    /**
     * Every size in the original format, now, and the social card; the WebP/AVIF versions of
     * each are encoded later by the queue (see `encodeLater`), so the upload does not wait for
     * them. Sizes are made one at a time to keep memory flat. Strapi makes the original-format
     * thumbnail itself.
     */
    async derivatives(file: UploadFile): Promise<{ key: string; file: UploadFile }[]> {
      const source = processed.get(file) ?? file.filepath;
      if (!source) return [];
      const meta = await open(source).metadata();
      const format = meta.format && MIME[meta.format] ? meta.format : null;
      if (!format || !meta.width || !meta.height || format === 'gif') return [];
      const plan = this.plan(meta.width, meta.height).filter((d) => !(d.size === 'thumbnail' && d.format === null));
      const image = { source, width: meta.width, height: meta.height, format, focalPoint: file.focalPoint ?? null };

      const now = plan.filter((d) => d.format === null);
      const later = plan.filter((d) => d.format !== null);
      const results: { key: string; file: UploadFile }[] = [];
      for (const d of now) results.push({ key: d.key, file: await render(image, d, file, workDir(file)) });

      if (later.length > 0) {
        // Strapi removes its working folder when the upload returns: keep a copy for the queue.
        const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'image-pipeline-'));
        const copy = path.join(dir, 'source');
        await fs.promises.copyFile(source, copy);
        waiting.set(file.hash, { image: { ...image, source: copy }, plan: later, file: { name: file.name, hash: file.hash, ext: file.ext, mime: file.mime, path: file.path ?? null }, dir });
      }
      return results;
    },

    /**
     * The encode left for later for a stored file (by its hash), as a job for the queue: render,
     * send through the upload provider, then add to the row's formats, unless the file was deleted
     * or replaced meanwhile (then the new outputs are removed again).
     */
    encodeLater(hash: string, fileId: number): (() => Promise<void>) | null {
      const work = waiting.get(hash);
      if (!work) return null;
      waiting.delete(hash);
      return async () => {
        const provider = strapi.plugin('upload').service('provider') as {
          upload(f: UploadFile): Promise<void>;
          delete(f: UploadFile): Promise<void>;
        };
        const made: { key: string; file: UploadFile }[] = [];
        try {
          for (const d of work.plan) {
            const out = await render(work.image, d, work.file, work.dir);
            await provider.upload(out);
            made.push({ key: d.key, file: out });
          }
          const row = await strapi.db.query('plugin::upload.file').findOne({ where: { id: fileId }, select: ['id', 'hash', 'formats'] });
          if (!row || row.hash !== hash) {
            for (const m of made) await provider.delete(m.file);
            return;
          }
          const formats = { ...(row.formats as Record<string, unknown> | null) };
          for (const m of made) formats[m.key] = storedFormat(m.file);
          await strapi.db.query('plugin::upload.file').update({ where: { id: fileId }, data: { formats } });
        } finally {
          await fs.promises.rm(work.dir, { recursive: true, force: true });
        }
      };
    },
  };
};

export type Processor = ReturnType<typeof processor>;
