// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { decodeDraft, draftInHash, encodeDraft, MAX_LINK_LENGTH, shareLinkFor, ShareLinkError } from '../../../src/features/preview/shareLink';
import { realStoryText } from '../support/fixtures';
import { incompressibleDraft } from './largeDraft';

describe('share links', () => {
  it('carry the draft, every character of it, compressed in the fragment', async () => {
    const text = `${realStoryText()}\n{ broken: "عباس عراقچی" 🙂 `;
    const link = await shareLinkFor(text, 'https://dispatch.example/preview');
    if (!link.ok) throw new Error('the real story should fit in a link');
    const url = new URL(link.url);
    expect(url.pathname).toBe('/preview');
    expect(url.search).toBe('');
    const encoded = draftInHash(url.hash);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(link.url.length).toBeLessThan(text.length);
    expect(await decodeDraft(encoded ?? '')).toBe(text);
  });

  it('refuse a draft too large for a link, saying how large', async () => {
    const link = await shareLinkFor(incompressibleDraft(realStoryText(), 60_000), 'https://dispatch.example/preview');
    expect(link).toEqual({ ok: false, length: expect.any(Number), limit: MAX_LINK_LENGTH });
    if (!link.ok) expect(link.length).toBeGreaterThan(MAX_LINK_LENGTH);
  });

  it('explain a link that was cut short or mangled', async () => {
    const encoded = await encodeDraft(realStoryText());
    await expect(decodeDraft(encoded.slice(0, encoded.length / 2))).rejects.toThrow(ShareLinkError);
    await expect(decodeDraft('not base64!')).rejects.toThrow(/not in the form/);
  });

  it('find the draft only under its own key', () => {
    expect(draftInHash('#draft=abc')).toBe('abc');
    expect(draftInHash('#person-donald-trump')).toBeNull();
    expect(draftInHash('')).toBeNull();
  });
});
