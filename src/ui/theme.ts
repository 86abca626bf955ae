/**
 * The reader's theme choice: "system" follows the device; "light" or "dark" is remembered and
 * set as `data-theme` on <html>, which tokens.css reads. The boot script (src/boot.js, inline in
 * every page) applies the stored choice before the first paint, with the same key; this module
 * keeps it in step once the app runs.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_STORAGE_KEY = 'dispatch-theme';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

const listeners = new Set<() => void>();

function isExplicit(value: string | null | undefined): value is 'light' | 'dark' {
  return value === 'light' || value === 'dark';
}

export function readTheme(): ThemeChoice {
  const value = document.documentElement.dataset['theme'];
  return isExplicit(value) ? value : 'system';
}

function applyToDocument(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = choice;
  // Keeps the pre-stylesheet canvas colour in step, as the boot script does on load.
  document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]')?.setAttribute('content', choice === 'system' ? 'light dark' : choice);
  for (const listener of listeners) listener();
}

export function setTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage can be off (private modes, policies): the choice still holds for this page.
  }
  applyToDocument(choice);
}

function onStorage(event: StorageEvent): void {
  if (event.key !== THEME_STORAGE_KEY && event.key !== null) return;
  applyToDocument(isExplicit(event.newValue) ? event.newValue : 'system');
}

/** For useSyncExternalStore: follows this tab's choices and those made in the reader's other tabs. */
export function subscribeTheme(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}
