import { hasMarkup } from '../server/src/utils/markup';

describe('hasMarkup', () => {
  const gifHead = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
  it.each([
    ['a plain image', gifHead, false],
    ['HTML appended', Buffer.concat([gifHead, Buffer.from('<html><body>x')]), true],
    ['a script tag', Buffer.concat([gifHead, Buffer.from('<SCRIPT >alert(1)</script>')]), true],
    ['PHP', Buffer.concat([gifHead, Buffer.from('<?php system($_GET[1]); ?>')]), true],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), true],
    ['a javascript: URL in metadata', Buffer.concat([gifHead, Buffer.from('javascript:alert(1)')]), true],
    ['a word that only starts like a tag', Buffer.concat([gifHead, Buffer.from('<scripture')]), false],
  ])('%s', (_case, bytes, found) => {
    expect(hasMarkup(bytes)).toBe(found);
  });
});
