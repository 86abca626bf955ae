/**
 * The draft, kept in this browser as it changes, so that a reload or a crash loses nothing. The
 * text is kept exactly as typed, even when it is not JSON: half-typed work is work.
 */

export const DRAFT_STORAGE_KEY = 'dispatch.preview.draft';

export interface SavedDraft {
  readonly text: string;
  /** When it was saved, as an ISO date-time. */
  readonly savedAt: string;
}

export type SaveOutcome = 'saved' | 'full' | 'unavailable';

/** The browser's storage, or null where there is none or it may not be touched (a sandbox, a policy). */
function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function isSavedDraft(value: unknown): value is SavedDraft {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).text === 'string' &&
    typeof (value as Record<string, unknown>).savedAt === 'string'
  );
}

export function loadDraft(storage: Storage | null = browserStorage()): SavedDraft | null {
  try {
    const stored = storage?.getItem(DRAFT_STORAGE_KEY);
    if (!stored) return null;
    const value: unknown = JSON.parse(stored);
    return isSavedDraft(value) ? value : null;
  } catch {
    return null;
  }
}

export function saveDraft(text: string, storage: Storage | null = browserStorage(), now = new Date()): SaveOutcome {
  if (!storage) return 'unavailable';
  const draft: SavedDraft = { text, savedAt: now.toISOString() };
  try {
    storage.setItem(DRAFT_STORAGE_KEY, JSON.stringify(draft));
    return 'saved';
  } catch (error) {
    return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22) ? 'full' : 'unavailable';
  }
}
