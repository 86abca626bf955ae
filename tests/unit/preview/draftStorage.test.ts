import { describe, expect, it } from 'vitest';
import { DRAFT_STORAGE_KEY, loadDraft, saveDraft } from '../../../src/features/preview/draftStorage';

describe('the draft kept in the browser', () => {
  it('comes back exactly as saved, even when it is not JSON', () => {
    const half = '{ "schemaVersion": 1, "headline": "Half-typ';
    expect(saveDraft(half, localStorage, new Date('2025-03-20T10:00:00Z'))).toBe('saved');
    expect(loadDraft(localStorage)).toEqual({ text: half, savedAt: '2025-03-20T10:00:00.000Z' });
  });

  it('is nothing when nothing, or something unreadable, is stored', () => {
    localStorage.removeItem(DRAFT_STORAGE_KEY);
    expect(loadDraft(localStorage)).toBeNull();
    localStorage.setItem(DRAFT_STORAGE_KEY, '{"text": 3}');
    expect(loadDraft(localStorage)).toBeNull();
  });

  it('says when the browser has no room for it', () => {
    const full = {
      ...localStorage,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as unknown as Storage;
    expect(saveDraft('{}', full)).toBe('full');
    expect(saveDraft('{}', null)).toBe('unavailable');
  });
});
