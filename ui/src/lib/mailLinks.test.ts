import { describe, expect, it } from 'vitest';
import { decodeEntities, extractLinks } from './mailLinks';

describe('extractLinks', () => {
  it('finds each distinct link with its text and real host, whatever the quoting', () => {
    const links = extractLinks(
      '<p><a href="https://shop.example/orders?id=1&amp;tab=2">your <b>orders</b></a> ' +
        "<a class='x' href='mailto:help@shop.example'>write to us</a> <A HREF=https://shop.example/faq>FAQ</A>" +
        '<a href="https://shop.example/orders?id=1&amp;tab=2">again</a><a name="top">no href</a>' +
        '<a href="/relative">relative</a><a href="cid:part1">part</a><a title="a>b" href="tel:+441234">call</a></p>',
    );
    expect(links).toEqual([
      { href: 'https://shop.example/orders?id=1&tab=2', text: 'your orders', target: 'shop.example', warning: null },
      { href: 'mailto:help@shop.example', text: 'write to us', target: 'help@shop.example', warning: null },
      { href: 'https://shop.example/faq', text: 'FAQ', target: 'shop.example', warning: null },
      { href: 'tel:+441234', text: 'call', target: '+441234', warning: null },
    ]);
  });

  it('warns when the text names another host than the real one', () => {
    const [phish, same, www, plain] = extractLinks(
      '<a href="https://evil.example/login">https://bank.example</a>' +
        '<a href="https://bank.example/a">bank.example/a</a>' +
        '<a href="https://www.bank.example/">https://bank.example</a>' +
        '<a href="https://evil.example/">Log in</a>',
    );
    expect(phish).toMatchObject({ target: 'evil.example', warning: 'text_differs' });
    expect(same?.warning).toBeNull();
    expect(www?.warning).toBeNull();
    expect(plain?.warning).toBeNull();
  });

  it('warns about a user name before the real host, and shows the real host', () => {
    const [link] = extractLinks('<a href="https://bank.example@evil.example/login">Your bank</a>');
    expect(link).toMatchObject({ target: 'evil.example', warning: 'hidden_user' });
  });

  it('shows an international host in the form that cannot pass for another', () => {
    const [link] = extractLinks('<a href="https://bаnk.example/">https://bank.example</a>');
    expect(link?.target).toBe('xn--bnk-6cd.example');
    expect(link?.warning).toBe('text_differs');
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric entities and leaves unknown ones', () => {
    expect(decodeEntities('a&amp;b &lt;&#x41;&#66;&gt; &nbsp;&bogus;')).toBe('a&b <AB>  &bogus;');
  });
});
