import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import sharp, { type Metadata } from 'sharp';
import type { PluginConfig } from '../config';
import { hasMarkup } from '../utils/markup';
import { sniffContainer } from '../utils/containers';
import { describeTypes, sniff } from '../utils/sniff';
import type { IncomingFile } from '../utils/upload-file';
import { getService } from '../utils/get-service';

const WHAT: Record<string, string> = {
  svg: 'ảnh SVG (có thể chứa mã độc)',
  html: 'trang HTML',
  unknown: 'một định dạng không nhận ra',
  archive: 'một tệp nén (ZIP)',
};

/**
 * Checks uploads before anything is stored: the real type from the content, a pixel limit against
 * decompression bombs, and a full decode against truncated or corrupt images (for JPEG, PNG, WebP
 * and AVIF, the processor's one decode of the upload). A refusal is a 400
 * with a Vietnamese message; nothing reaches the disk or the database.
 */
export const guard = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::image-pipeline') as PluginConfig;

  return {
    async check(file: IncomingFile): Promise<void> {
      const name = file.originalFilename ?? 'tệp';
      const handle = await fs.open(file.filepath, 'r');
      const head = Buffer.alloc(4100);
      try {
        await handle.read(head, 0, head.length, 0);
      } finally {
        await handle.close();
      }
      let real = sniff(head);
      const whole = await fs.readFile(file.filepath);
      if (real.kind === 'container') real = sniffContainer(whole);
      if (real.kind === 'macro') {
        throw new errors.ValidationError(
          `Tệp "${name}" không được nhận: tài liệu có macro (VBA, Basic) có thể chạy mã độc trên máy người mở. Hãy lưu lại thành .docx, .xlsx, .odt không có macro, hoặc PDF.`
        );
      }
      if (real.kind === 'encrypted') {
        throw new errors.ValidationError(`Tệp "${name}" không được nhận: tài liệu được đặt mật khẩu nên không kiểm tra được. Hãy bỏ mật khẩu rồi tải lên lại.`);
      }
      const { allowedTypes, maxPixels } = config();
      if (!allowedTypes.includes(real.mime)) {
        throw new errors.ValidationError(
          `Tệp "${name}" không được nhận: nội dung là ${WHAT[real.kind] ?? real.mime}. Chỉ nhận: ${describeTypes(allowedTypes)}.`
        );
      }
      // Trust the content, not the name or the browser: store the real type and extension.
      file.mimetype = real.mime;
      file.detectedMimeType = real.mime; // what Strapi's upload service prefers over the declared type
      file.originalFilename = `${name.replace(/\.[^./\\]*$/, '')}${real.ext}`;
      // Polyglots: an image with HTML or script inside could run if ever served as text.
      if (hasMarkup(whole)) {
        throw new errors.ValidationError(`Tệp "${name}" không được nhận: trong tệp có mã HTML, SVG hoặc JavaScript.`);
      }
      if (real.kind !== 'image') return;

      let meta: Metadata;
      try {
        meta = await sharp(file.filepath, { limitInputPixels: false }).metadata();
      } catch {
        throw new errors.ValidationError(`Ảnh "${name}" bị hỏng, không đọc được.`);
      }
      const pixels = (meta.width ?? 0) * (meta.pageHeight ?? meta.height ?? 0) * (meta.pages ?? 1);
      if (pixels > maxPixels) {
        throw new errors.ValidationError(
          `Ảnh "${name}" quá lớn: ${(pixels / 1e6).toFixed(1)} triệu điểm ảnh, tối đa ${(maxPixels / 1e6).toFixed(0)} triệu.`
        );
      }
      const processor = getService(strapi, 'processor');
      try {
        // A full decode finds truncated or corrupt data. For the images the pipeline re-encodes,
        // that decode is the one that also makes the stored original (so the upload is decoded once).
        const format = processor.formatOf(meta);
        if (processor.processes(format)) await processor.prepare(file.filepath, format as string);
        else await sharp(file.filepath, { limitInputPixels: maxPixels, failOn: 'truncated' }).stats();
      } catch {
        throw new errors.ValidationError(`Ảnh "${name}" bị hỏng hoặc tải lên chưa trọn vẹn.`);
      }
    },
  };
};

export type Guard = ReturnType<typeof guard>;
