import { describe, expect, it } from 'vitest';
import { estimateHtmlHeight, MESSAGE_CSP, messageSrcdoc } from './messageDoc';

describe('messageSrcdoc', () => {
  it('puts the blocking CSP before any content', () => {
    const doc = messageSrcdoc('<img src="https://tracker.example/p.gif"><p>hi</p>');
    expect(doc.startsWith(`<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${MESSAGE_CSP}">`)).toBe(true);
    expect(MESSAGE_CSP).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'");
    expect(doc.indexOf('Content-Security-Policy')).toBeLessThan(doc.indexOf('tracker.example'));
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
