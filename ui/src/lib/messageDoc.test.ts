import { describe, expect, it } from 'vitest';
import { blockRemoteContent, estimateHtmlHeight, MESSAGE_CSP, messageSrcdoc } from './messageDoc';

describe('messageSrcdoc', () => {
  it('puts the blocking CSP before any content', () => {
    const doc = messageSrcdoc('<img src="https://tracker.example/p.gif"><p>hi</p>');
    expect(doc.startsWith(`<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${MESSAGE_CSP}">`)).toBe(true);
    expect(MESSAGE_CSP).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'");
    expect(doc.indexOf('Content-Security-Policy')).toBeLessThan(doc.indexOf('tracker.example'));
  });

  it('renames every attribute that would fetch from outside the mail', () => {
    const { html, blocked } = blockRemoteContent(
      '<img src="https://t.example/p.gif"><img SRC=//t.example/a.png><img src=\'http://t.example/b\'>' +
        '<img srcset="https://t.example/c 1x"><table background=https://t.example/t.gif></table>' +
        '<video poster="https://t.example/v.jpg"></video><img src="data:image/png;base64,AAAA"><p>text src=https://not.an.attribute</p><img alt="a>b" src="https://t.example/q">',
    );
    expect(blocked).toBe(7);
    expect(html).not.toMatch(/<[^>]*\s(src|srcset|background|poster)\s*=\s*["']?(https?:|\/\/)/i);
    expect(html).toContain('data-blocked-src="https://t.example/p.gif"');
    expect(html).toContain('<img src="data:image/png;base64,AAAA">');
    expect(html).toContain('<p>text src=https://not.an.attribute</p>');
    expect(html).toContain('<img alt="a>b" data-blocked-src="https://t.example/q">');
    expect(messageSrcdoc('<img src="https://t.example/p.gif">')).not.toContain(' src="https://');
  });

  it('makes links unable to navigate the frame', () => {
    expect(messageSrcdoc('<a href="https://x.example">x</a>')).toContain('<base target="_blank">');
  });
});

describe('estimateHtmlHeight', () => {
  it('counts block elements as lines and ignores markup', () => {
    const short = estimateHtmlHeight('<p>Hi</p>');
    const paragraphs = estimateHtmlHeight('<p>a</p><p>b</p><blockquote>c</blockquote><p>d<br>e</p>');
    expect(short).toBe(72);
    expect(paragraphs).toBeGreaterThan(short);
    expect(estimateHtmlHeight(`<style>${'x'.repeat(5000)}</style><p>Hi</p>`)).toBe(72);
    expect(estimateHtmlHeight('<p>x</p>'.repeat(500))).toBe(480);
  });
});
