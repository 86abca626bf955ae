import { describe, expect, it } from 'vitest';
import { requireSiteUrl } from '../../../scripts/prerender/site';

describe('requireSiteUrl: a production build must be told its address', () => {
  it('stops without SITE_URL, saying how to set it and how to build for this machine', () => {
    for (const value of [undefined, '', '  ']) {
      expect(() => requireSiteUrl(value, 'npm run build', 'npm run build:local')).toThrow(/^SITE_URL is not set: .*SITE_URL=https:\/\/news\.example npm run build\. .*npm run build:local/);
    }
  });

  it('refuses what is not an http(s) origin', () => {
    expect(() => requireSiteUrl('news.example', 'npm run build')).toThrow(/SITE_URL is not a URL/);
    expect(() => requireSiteUrl('ftp://news.example', 'npm run build')).toThrow(/http\(s\) origin/);
  });

  it('keeps only the origin', () => {
    expect(requireSiteUrl('https://news.example/', 'npm run build')).toBe('https://news.example');
    expect(requireSiteUrl('http://127.0.0.1:4173', 'npm run build')).toBe('http://127.0.0.1:4173');
  });
});
