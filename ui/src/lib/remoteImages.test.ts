import { describe, expect, it } from 'vitest';
import { MESSAGE_CSP, messageSrcdoc } from './messageDoc';
import { isSafeImageDataUrl, remoteImageUrls, withLoadedImages } from './remoteImages';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const HTML =
  '<p>Hi</p><img src="sb-remote:https://shop.example/a.png?x=1&amp;y=2" alt="a">' +
  '<img src="sb-remote:https://shop.example/broken.png"><img src="sb-remote:https://shop.example/a.png?x=1&amp;y=2">';

describe('remoteImageUrls', () => {
  it('lists each distinct reference with its ampersands decoded, as the backend does', () => {
    expect(remoteImageUrls(HTML)).toEqual(['https://shop.example/a.png?x=1&y=2', 'https://shop.example/broken.png']);
    expect(remoteImageUrls('<img src="data:image/png;base64,AAAA"><p>src="sb-remote:x" as text</p>')).toEqual([]);
  });
});

describe('withLoadedImages', () => {
  it('points loaded references at their data: URL and leaves failed ones inert', () => {
    const html = withLoadedImages(HTML, [
      { url: 'https://shop.example/a.png?x=1&y=2', data_url: PNG, error: null },
      { url: 'https://shop.example/broken.png', data_url: null, error: 'the server answered 404 Not Found' },
    ]);
    expect(html.split(`src="${PNG}"`)).toHaveLength(3);
    expect(html).toContain('src="sb-remote:https://shop.example/broken.png"');
    const doc = messageSrcdoc(html);
    expect(doc).toContain(`<meta http-equiv="Content-Security-Policy" content="${MESSAGE_CSP}">`);
    expect(MESSAGE_CSP).toContain('img-src data:;');
    expect(doc).toContain('data-blocked-src="sb-remote:https://shop.example/broken.png"');
  });

  it('never puts anything but a raster data: URL into src', () => {
    const url = 'https://shop.example/a.png?x=1&y=2';
    for (const bad of [
      'https://shop.example/a.png',
      '//evil.example/p.gif',
      'javascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'data:image/svg+xml;base64,PHN2Zz4=',
      'data:image/png;base64,AAAA" onerror="alert(1)',
      ' data:image/png;base64,AAAA',
    ]) {
      expect(isSafeImageDataUrl(bad), bad).toBe(false);
      const html = withLoadedImages(HTML, [{ url, data_url: bad, error: null }]);
      expect(html, bad).toBe(HTML);
      expect(messageSrcdoc(html), bad).not.toMatch(/\ssrc="(?!data:image\/png)/);
    }
  });
});
