import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { serveOnLoopback } from '../../test/server/support/serve.ts';
import { addressKey, clientAddress } from './client-ip.ts';

describe('addressKey', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['2001:db8:85a3:1:2:3:4:5', '2001:db8:85a3:1::/64'],
    ['2001:0db8:0000:0001::9', '2001:db8:0:1::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('%s -> %s', (input, key) => {
    expect(addressKey(input)).toBe(key);
  });

  it('gives every address in one /64 the same key', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
  });
});

describe('clientAddress', () => {
  async function seen(hops: number, xff?: string): Promise<string> {
    const app = new Hono();
    app.get('/', (c) => c.text(clientAddress(c, hops)));
    const s = await serveOnLoopback(app);
    try {
      return await (await fetch(s.url, { headers: xff ? { 'x-forwarded-for': xff } : {} })).text();
    } finally {
      await s.close();
    }
  }

  it('uses the socket peer and ignores X-Forwarded-For without trusted proxies', async () => {
    expect(await seen(0, '203.0.113.9')).toBe('127.0.0.1');
  });

  it('takes the entry added by the outermost trusted proxy', async () => {
    // Chain: forged, real client (added by proxy 1), proxy 1 (added by proxy 2); peer = proxy 2.
    expect(await seen(1, '198.51.100.1, 203.0.113.9')).toBe('203.0.113.9');
    expect(await seen(2, '198.51.100.1, 203.0.113.9, 10.0.0.2')).toBe('203.0.113.9');
    expect(await seen(3, '203.0.113.9')).toBe('203.0.113.9');
    expect(await seen(1)).toBe('127.0.0.1');
  });
});
