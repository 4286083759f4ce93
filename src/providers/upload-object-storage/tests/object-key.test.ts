import { objectKey, publicUrlOf } from '../src/object-key';
import { readOptions } from '../src/options';

describe('objectKey', () => {
  it.each([
    [{ hash: 'anh_bia_3f2a', ext: '.jpg' }, '', 'anh_bia_3f2a.jpg'],
    [{ hash: 'anh_bia_3f2a', ext: '.jpg' }, 'tdkt', 'tdkt/anh_bia_3f2a.jpg'],
    [{ hash: 'anh_bia_3f2a', ext: '.jpg' }, '/tdkt/media/', 'tdkt/media/anh_bia_3f2a.jpg'],
    [{ hash: 'webp_small_x', ext: '.webp', path: '2026/12' }, '', '2026/12/webp_small_x.webp'],
    [{ hash: 'x', ext: null }, '', 'x'],
    [{ hash: 'x', ext: '' }, '', 'x'],
    [{ hash: 'x', ext: '.JPG' }, '', 'x.JPG'],
    [{ hash: 'x', ext: '.tar.gz' }, '', 'x.tar.gz'],
    [{ hash: 'x', ext: '.j"p<g>' }, '', 'x.jpg'],
    [{ hash: 'văn_bản_05', ext: '.pdf' }, '', 'văn_bản_05.pdf'],
  ])('%o with prefix %p is %p', (file, prefix, key) => {
    expect(objectKey(file, prefix)).toBe(key);
  });

  // Whatever a file record holds, its key stays under the prefix and never names a parent.
  const hostile = ['..', '../..', '../../etc/passwd', '..\\..\\x', './.', '/abs/path', 'a/../../b', 'a//b', '%2e%2e', '....//....'];
  it.each(hostile.flatMap((bad) => [{ hash: bad, ext: '.jpg' }, { hash: 'x', ext: '.jpg', path: bad }]))('keeps %o inside the prefix', (file) => {
    let key: string;
    try {
      key = objectKey(file, 'tdkt');
    } catch (error) {
      expect(String(error)).toMatch(/no usable hash/);
      return;
    }
    expect(key.startsWith('tdkt/')).toBe(true);
    for (const part of key.split('/')) {
      expect(part).not.toBe('');
      expect(part).not.toMatch(/^\.+$/);
    }
  });

  it('refuses a file without a usable hash', () => {
    for (const hash of ['', '..', '/', '???']) expect(() => objectKey({ hash, ext: '.jpg' })).toThrow(/no usable hash/);
  });
});

describe('publicUrlOf', () => {
  it.each([
    ['https://media.tdkt.example.vn', 'x.jpg', 'https://media.tdkt.example.vn/x.jpg'],
    ['https://media.tdkt.example.vn/', 'x.jpg', 'https://media.tdkt.example.vn/x.jpg'],
    ['http://127.0.0.1:9000/tdkt-media', 'a/b c.jpg', 'http://127.0.0.1:9000/tdkt-media/a/b%20c.jpg'],
    ['https://cdn.example.vn', 'văn_bản.pdf', 'https://cdn.example.vn/v%C4%83n_b%E1%BA%A3n.pdf'],
  ])('%p + %p is %p', (base, key, url) => {
    expect(publicUrlOf(base, key)).toBe(url);
  });
});

describe('readOptions', () => {
  const complete = { bucket: 'tdkt-media', region: 'ap-southeast-1', accessKeyId: 'k', secretAccessKey: 's', publicUrl: 'https://media.example.vn/' };

  it('keeps the settings, trims the URL, and defaults endpoint, path style and prefix', () => {
    expect(readOptions(complete)).toEqual({ ...complete, publicUrl: 'https://media.example.vn', endpoint: undefined, forcePathStyle: false, prefix: undefined });
    expect(readOptions({ ...complete, endpoint: 'http://10.0.5.7:9000', forcePathStyle: true, prefix: 'tdkt' })).toMatchObject({ endpoint: 'http://10.0.5.7:9000', forcePathStyle: true, prefix: 'tdkt' });
  });

  it.each(['bucket', 'region', 'accessKeyId', 'secretAccessKey', 'publicUrl'])('names a missing or blank %s', (name) => {
    expect(() => readOptions({ ...complete, [name]: undefined })).toThrow(new RegExp(`needs ${name}`));
    expect(() => readOptions({ ...complete, [name]: '  ' })).toThrow(new RegExp(`needs ${name}`));
  });

  it.each([
    ['publicUrl', 'media.example.vn'],
    ['publicUrl', 'ftp://media.example.vn'],
    ['endpoint', 'javascript:alert(1)'],
    ['endpoint', '10.0.5.7:9000'],
  ])('refuses %s = %p, which is not an http(s) URL', (name, value) => {
    expect(() => readOptions({ ...complete, [name]: value })).toThrow(/not an http\(s\) URL/);
  });

  it('refuses no options at all, naming every setting', () => {
    expect(() => readOptions(undefined)).toThrow('needs bucket, region, accessKeyId, secretAccessKey, publicUrl');
  });
});
