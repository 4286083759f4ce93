import { ensureUploadStorage, findUploadStorageProblems, REQUIRED_S3_VARIABLES, storageHosts, uploadPluginConfig } from '../../src/media/upload-storage';
import { securityConfig } from '../../src/security/headers';

const complete: Record<string, string> = {
  UPLOAD_PROVIDER: 's3',
  S3_BUCKET: 'tdkt-media',
  S3_REGION: 'ap-southeast-1',
  S3_ENDPOINT: 'http://10.0.5.7:9000',
  S3_FORCE_PATH_STYLE: 'true',
  S3_ACCESS_KEY_ID: 'tdkt-uploader',
  S3_SECRET_ACCESS_KEY: 'mot-chuoi-bi-mat-rat-dai',
  S3_PUBLIC_URL: 'https://media.tdkt.example.vn/',
};

describe('upload storage settings', () => {
  it('keeps local disk without UPLOAD_PROVIDER or with "local", whatever S3_* says', () => {
    for (const env of [{}, { UPLOAD_PROVIDER: 'local' }, { UPLOAD_PROVIDER: '', S3_BUCKET: 'x' }]) {
      expect(findUploadStorageProblems(env)).toEqual([]);
      expect(uploadPluginConfig(env)).toEqual({});
      expect(storageHosts(env)).toEqual([]);
      expect(securityConfig(env).contentSecurityPolicy.directives['img-src']).toBe("'self' data: blob:");
    }
  });

  // Each required variable missing (or blank) in turn: named in the problems, and start-up refused
  // in production as elsewhere.
  it.each(REQUIRED_S3_VARIABLES.flatMap((name) => [[name, undefined], [name, '  ']] as const))('without %s (%p) refuses to start, naming it', (name, value) => {
    const env = { ...complete, [name]: value, NODE_ENV: 'production' };
    expect(findUploadStorageProblems(env)).toEqual([`${name} is not set`]);
    expect(() => ensureUploadStorage(env)).toThrow(new RegExp(`Refusing to start: UPLOAD_PROVIDER=s3[\\s\\S]*- ${name} is not set`));
  });

  it.each([
    [{ UPLOAD_PROVIDER: 'ftp' }, 'UPLOAD_PROVIDER is "ftp"'],
    [{ S3_PUBLIC_URL: 'media.tdkt.example.vn' }, 'S3_PUBLIC_URL is not an http(s) URL'],
    [{ S3_ENDPOINT: '10.0.5.7:9000' }, 'S3_ENDPOINT is not an http(s) URL'],
    [{ S3_FORCE_PATH_STYLE: 'yes' }, 'S3_FORCE_PATH_STYLE is "yes"'],
  ])('refuses %p', (change, problem) => {
    expect(() => ensureUploadStorage({ ...complete, ...change })).toThrow(problem);
  });

  it('starts with every variable set, S3_ENDPOINT and S3_FORCE_PATH_STYLE being optional (AWS itself)', () => {
    expect(() => ensureUploadStorage(complete)).not.toThrow();
    expect(() => ensureUploadStorage({ ...complete, S3_ENDPOINT: '', S3_FORCE_PATH_STYLE: '' })).not.toThrow();
    expect(uploadPluginConfig({ ...complete, S3_ENDPOINT: '' })).not.toHaveProperty('providerOptions.s3Options.endpoint');
  });

  it('gives the object-storage provider the bucket, credentials and the CDN as public URL', () => {
    expect(uploadPluginConfig({ ...complete, UPLOAD_PROVIDER: 'S3' })).toEqual({
      provider: 'strapi-provider-upload-object-storage',
      providerOptions: {
        bucket: 'tdkt-media',
        region: 'ap-southeast-1',
        endpoint: 'http://10.0.5.7:9000',
        forcePathStyle: true,
        accessKeyId: 'tdkt-uploader',
        secretAccessKey: 'mot-chuoi-bi-mat-rat-dai',
        publicUrl: 'https://media.tdkt.example.vn',
      },
    });
  });

  it('names a provider the upload plugin can load, whose init accepts these options', () => {
    const config = uploadPluginConfig(complete) as { provider: string; providerOptions: unknown };
    // The upload plugin tries @strapi/provider-upload-<name>, then requires <name> itself.
    const provider = require(config.provider) as { init(options: unknown): Record<string, unknown> };
    const instance = provider.init(config.providerOptions);
    for (const method of ['upload', 'uploadStream', 'delete', 'isPrivate']) expect(typeof instance[method]).toBe('function');
  });

  it('lets browsers load images and videos from S3_PUBLIC_URL, once, next to MEDIA_ORIGIN', () => {
    const d = securityConfig({ ...complete, MEDIA_ORIGIN: 'https://media.tdkt.example.vn,https://video.example.vn' }).contentSecurityPolicy.directives;
    expect(d['img-src']).toBe("'self' data: blob: https://media.tdkt.example.vn https://video.example.vn");
    expect(d['media-src']).toBe("'self' data: blob: https://media.tdkt.example.vn https://video.example.vn");
    const cdnWithPath = securityConfig({ ...complete, S3_PUBLIC_URL: 'https://cdn.example.vn/tdkt' }).contentSecurityPolicy.directives;
    expect(cdnWithPath['img-src']).toBe("'self' data: blob: https://cdn.example.vn");
  });

  it('lets the server reach its own storage endpoint and CDN through the outbound guard', () => {
    expect(storageHosts(complete)).toEqual(['10.0.5.7', 'media.tdkt.example.vn']);
    expect(storageHosts({ ...complete, S3_ENDPOINT: 'http://[fd00::7]:9000', S3_PUBLIC_URL: 'http://[fd00::7]:9000/tdkt-media' })).toEqual(['fd00::7']);
  });
});
