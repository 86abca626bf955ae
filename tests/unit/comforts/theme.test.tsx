/**
 * The theme: System by default, Light or Dark when chosen, remembered, and applied before the
 * first paint by the boot script (src/boot.js, inline in every page) with the same key the control writes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { THEME_STORAGE_KEY } from '../../../src/ui/theme';
import { ThemeControl } from '../../../src/ui/ThemeControl';
import { BOOT_SCRIPT } from '../../../scripts/bootScript';
import { ROOT } from '../support/paths';

const root = document.documentElement;

/** Runs the boot script, minified as every page carries it, as the browser does: from <head>, before the app. */
function runThemeScript(): void {
  new Function(BOOT_SCRIPT)();
}

function colorSchemeMeta(): HTMLMetaElement {
  const meta = document.createElement('meta');
  meta.name = 'color-scheme';
  meta.content = 'light dark';
  document.head.append(meta);
  return meta;
}

afterEach(() => {
  localStorage.clear();
  delete root.dataset['theme'];
  document.head.querySelectorAll('meta[name="color-scheme"]').forEach((meta) => meta.remove());
});

describe('the theme control', () => {
  it('is a group of three choices named Theme, following the system until the reader chooses', () => {
    render(<ThemeControl />);
    const group = screen.getByRole('group', { name: 'Theme' });
    expect(group).toBeInTheDocument();
    expect(screen.getAllByRole('radio').map((radio) => radio.getAttribute('value'))).toEqual(['system', 'light', 'dark']);
    expect(screen.getByRole('radio', { name: 'System' })).toBeChecked();
    expect(root).not.toHaveAttribute('data-theme');
  });

  it('applies and remembers Dark', async () => {
    const user = userEvent.setup();
    render(<ThemeControl />);
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(root).toHaveAttribute('data-theme', 'dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(screen.getByRole('radio', { name: 'Dark' })).toBeChecked();
  });

  it('keeps the canvas colour in step through the color-scheme meta', async () => {
    const meta = colorSchemeMeta();
    const user = userEvent.setup();
    render(<ThemeControl />);
    await user.click(screen.getByRole('radio', { name: 'Light' }));
    expect(meta).toHaveAttribute('content', 'light');
    await user.click(screen.getByRole('radio', { name: 'System' }));
    expect(meta).toHaveAttribute('content', 'light dark');
  });

  it('forgets the choice when the reader goes back to System', async () => {
    const user = userEvent.setup();
    render(<ThemeControl />);
    await user.click(screen.getByRole('radio', { name: 'Light' }));
    await user.click(screen.getByRole('radio', { name: 'System' }));
    expect(root).not.toHaveAttribute('data-theme');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
  });

  it('moves between the choices with the arrow keys', async () => {
    const user = userEvent.setup();
    render(<ThemeControl />);
    await user.tab();
    expect(screen.getByRole('radio', { name: 'System' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'Light' })).toBeChecked();
    expect(root).toHaveAttribute('data-theme', 'light');
  });

  it('follows a choice made in another tab', () => {
    render(<ThemeControl />);
    act(() => {
      localStorage.setItem(THEME_STORAGE_KEY, 'dark');
      window.dispatchEvent(new StorageEvent('storage', { key: THEME_STORAGE_KEY, newValue: 'dark' }));
    });
    expect(screen.getByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(root).toHaveAttribute('data-theme', 'dark');
  });
});

describe('the boot script, before the first paint', () => {
  it('applies the remembered choice, under the key the control writes', () => {
    const meta = colorSchemeMeta();
    localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    runThemeScript();
    expect(root).toHaveAttribute('data-theme', 'dark');
    expect(meta).toHaveAttribute('content', 'dark');
  });

  it('leaves the page to the system when nothing, or nonsense, is stored', () => {
    runThemeScript();
    expect(root).not.toHaveAttribute('data-theme');
    localStorage.setItem(THEME_STORAGE_KEY, 'purple');
    runThemeScript();
    expect(root).not.toHaveAttribute('data-theme');
  });

  it('shows the control checked on the stored choice', () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'light');
    runThemeScript();
    render(<ThemeControl />);
    expect(screen.getByRole('radio', { name: 'Light' })).toBeChecked();
  });
});

describe('the palettes in tokens.css', () => {
  const tokens = readFileSync(join(ROOT, 'src', 'styles', 'tokens.css'), 'utf8');

  /** The declarations of the first rule whose selector is exactly `selector`. */
  function declarations(selector: string): string {
    const start = tokens.indexOf(`${selector} {`);
    if (start === -1) throw new Error(`no rule for ${selector}`);
    const body = tokens.slice(tokens.indexOf('{', start) + 1, tokens.indexOf('}', start));
    return body.replace(/\s+/g, ' ').trim();
  }

  it('writes the dark palette the same way for a chosen Dark and for a dark system', () => {
    expect(declarations(":root[data-theme='dark']")).toBe(declarations(":root:not([data-theme='light'])"));
  });

  it('gives the dark palette every colour the light one has', () => {
    const names = (block: string) => [...block.matchAll(/(--color-[a-z-]+):/g)].map((match) => match[1]).sort();
    expect(names(declarations(":root[data-theme='dark']"))).toEqual(names(declarations(':root')));
  });
});
