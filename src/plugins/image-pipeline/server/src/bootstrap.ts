import type { Core } from '@strapi/strapi';
import type { Guard } from './services/guard';
import type { Processor } from './services/processor';
import type { Queue } from './services/queue';
import type { IncomingFile, UploadFile } from './utils/upload-file';

type UploadService = {
  upload(args: { data: unknown; files: IncomingFile | IncomingFile[] }, opts?: unknown): Promise<unknown>;
  replace(id: unknown, args: { data: unknown; file: IncomingFile }, opts?: unknown): Promise<unknown>;
};
type ImageManipulation = {
  optimize(file: UploadFile): Promise<UploadFile>;
  generateResponsiveFormats(file: UploadFile): Promise<{ key: string; file: UploadFile }[]>;
};

/**
 * Hooks into Strapi's upload service rather than replacing it: uploads are checked before it
 * stores anything, and its image steps (optimize, responsive formats) run our processor. Files
 * still go through the configured provider, so S3-compatible storage works as for vanilla Strapi.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = strapi.plugin('image-pipeline');
  const guard = () => plugin.service('guard') as Guard;
  const processor = () => plugin.service('processor') as Processor;

  const upload = strapi.plugin('upload').service('upload') as UploadService;
  const originalUpload = upload.upload.bind(upload);
  const originalReplace = upload.replace.bind(upload);
  upload.upload = async (args, opts) => {
    for (const file of Array.isArray(args.files) ? args.files : [args.files]) await guard().check(file);
    return originalUpload(args, opts);
  };
  upload.replace = async (id, args, opts) => {
    if (args.file) await guard().check(args.file);
    return originalReplace(id, args, opts);
  };

  const images = strapi.plugin('upload').service('image-manipulation') as ImageManipulation;
  images.optimize = (file) => processor().original(file);
  images.generateResponsiveFormats = (file) => processor().derivatives(file);

  // Once the file row exists (new upload, or a replaced file), its WebP/AVIF encodes are queued.
  const queueEncodes = (event: { result?: { id?: number; hash?: string } }) => {
    const { id, hash } = event.result ?? {};
    const job = id && hash ? processor().encodeLater(hash, id) : null;
    if (job) (plugin.service('queue') as Queue).add(job);
  };
  strapi.db.lifecycles.subscribe({
    models: ['plugin::upload.file'],
    afterCreate: queueEncodes,
    afterUpdate: queueEncodes,
  });
};
