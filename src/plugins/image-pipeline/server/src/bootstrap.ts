import type { Core } from '@strapi/strapi';
import type { UrlImport } from './services/url-import';
import type { IncomingFile, UploadFile } from './utils/upload-file';
import { getService } from './utils/get-service';

type UploadService = {
  upload(args: { data: unknown; files: IncomingFile | IncomingFile[] }, opts?: unknown): Promise<unknown>;
  replace(id: unknown, args: { data: unknown; file: IncomingFile }, opts?: unknown): Promise<unknown>;
};
type ImageManipulation = {
  isFaultyImage(file: UploadFile): Promise<boolean>;
  optimize(file: UploadFile): Promise<UploadFile>;
  generateThumbnail(file: UploadFile): Promise<UploadFile | null>;
  generateResponsiveFormats(file: UploadFile): Promise<{ key: string; file: UploadFile }[]>;
};

/**
 * Hooks into Strapi's upload service rather than replacing it: uploads are checked (and decoded
 * once) before it stores anything, and its image steps use what that decode made. The sizes,
 * crops and WebP/AVIF encodes are queued once the file row exists. Files still go through the
 * configured provider, so S3-compatible storage works as for vanilla Strapi.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const guard = () => getService(strapi, 'guard');
  const processor = () => getService(strapi, 'processor');
  const regenerate = () => getService(strapi, 'regenerate');

  const upload = strapi.plugin('upload').service<UploadService>('upload');
  const originalUpload = upload.upload.bind(upload);
  const originalReplace = upload.replace.bind(upload);
  /** Checks the files, runs the upload, and forgets what was prepared for it either way. */
  const guarded = async <T>(files: IncomingFile[], run: () => Promise<T>): Promise<T> => {
    try {
      for (const file of files) await guard().check(file);
      return await run();
    } finally {
      for (const file of files) await processor().release(file.filepath);
    }
  };
  upload.upload = (args, opts) => guarded(Array.isArray(args.files) ? args.files : [args.files], () => originalUpload(args, opts));
  upload.replace = (id, args, opts) =>
    guarded(args.file ? [args.file] : [], () => processor().replacing(Number(id), () => originalReplace(id, args, opts)));

  const images = strapi.plugin('upload').service<ImageManipulation>('image-manipulation');
  const { isFaultyImage, generateThumbnail } = images;
  // The guard has decoded it in full already.
  images.isFaultyImage = async (file) => (processor().isPrepared(file.filepath) ? false : isFaultyImage(file));
  images.optimize = (file) => processor().original(file);
  images.generateThumbnail = async (file) => {
    const made = processor().thumbnail(file);
    return made === undefined ? generateThumbnail(file) : made;
  };
  // Every other size is made by the queue.
  images.generateResponsiveFormats = async () => [];

  // Once the row of an image the pipeline processed exists (new upload, replaced file, new focal
  // point…), whatever it is missing is queued. The queue's own writes (only `formats`) are not.
  // Awaited by the write: the job joins its transaction, if it has one.
  const queueMissing = async (event: { result?: { id?: number; placeholder?: string | null }; params?: { data?: Record<string, unknown> } }) => {
    const { id, placeholder } = event.result ?? {};
    // Strapi's timestamps subscriber adds `updatedAt` to every update's data before this runs.
    const keys = Object.keys(event.params?.data ?? {}).filter((k) => k !== 'updatedAt');
    if (!id || !placeholder || (keys.length === 1 && keys[0] === 'formats')) return;
    await regenerate().queue(id);
  };
  strapi.db.lifecycles.subscribe({
    models: ['plugin::upload.file'],
    afterCreate: queueMissing,
    afterUpdate: queueMissing,
  });

  // The media library's "upload from URLs": our download (see services/url-import) instead of Strapi's.
  const fileService = strapi.plugin('upload').service<{ fetchUrlToInputFile: UrlImport['fetchToFile'] }>('file');
  fileService.fetchUrlToInputFile = (url, dir, sizeLimit, onProgress) =>
    getService(strapi, 'urlImport').fetchToFile(url, dir, sizeLimit, onProgress);

  // Strapi creates its "API Uploads" folder on the first API upload; several first uploads at once
  // race on its unique path and all but one get a 500. Made here, before any request.
  await strapi.plugin('upload').service('api-upload-folder').getAPIUploadFolder();

  // The jobs plugin runs "image-formats" jobs; work a crash or restart interrupted is still queued there.
  getService(strapi, 'queue').register((id) => processor().complete(id));
};
