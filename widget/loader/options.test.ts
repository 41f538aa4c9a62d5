import { describe, expect, it } from 'vitest';
import { readOptions } from './options.ts';

const tag = (dataset: Record<string, string>, src = 'https://chat.example-clinic.com/widget.js?v=2') => ({ src, dataset });

describe('readOptions', () => {
  it('defaults the API to the script origin and the language to the browser', () => {
    expect(readOptions(tag({}), 'en-US')).toEqual({
      api: 'https://chat.example-clinic.com',
      lang: 'en',
      left: false,
      open: false,
      phone: '',
      color: undefined,
      zIndex: undefined,
    });
    expect(readOptions(tag({}), 'es-MX').lang).toBe('es');
    expect(readOptions(tag({}), 'et-EE').lang).toBe('en');
  });

  it('reads every data attribute, data-lang winning over the browser', () => {
    const o = readOptions(
      tag({ api: 'https://api.example.org', lang: 'es', color: '#123456', position: 'left', zIndex: '42', open: '', phone: '555-0100' }),
      'en-US',
    );
    expect(o).toEqual({ api: 'https://api.example.org', lang: 'es', left: true, open: true, phone: '555-0100', color: '#123456', zIndex: '42' });
    expect(readOptions(tag({ lang: 'en' }), 'es-ES').lang).toBe('en');
  });

  it('treats data-open="false" as closed', () => {
    expect(readOptions(tag({ open: 'false' }), 'en').open).toBe(false);
  });
});
