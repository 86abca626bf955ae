/** The editors' preview's parts, found by role and name, and the ways a test gives it a draft. */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { AXE_OPTIONS, AXE_TAGS } from './checks';
import { expect } from './fixtures';

export const PREVIEW_PATH = '/preview';
export const STORY_SLUG = 'us-israel-high-level-talks-iran-white-house';
export const storyText = readFileSync(new URL(`../../public/content/articles/${STORY_SLUG}.json`, import.meta.url), 'utf8');
export const storyHeadline = (JSON.parse(storyText) as { headline: string }).headline;

export function fixtureText(file: string): string {
  return readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8');
}

/** The real story changed in one way, as draft text. */
export function editedStory(edit: (story: Record<string, unknown>) => void): string {
  const story = JSON.parse(storyText) as Record<string, unknown>;
  edit(story);
  return `${JSON.stringify(story, null, 2)}\n`;
}

export type DeviceName = 'Mobile' | 'Tablet' | 'Desktop';

export function editor(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Draft story, JSON' });
}

export function paneFrame(page: Page, device: DeviceName): Locator {
  return page.locator(`iframe[title^="${device} preview"]`);
}

export function pane(page: Page, device: DeviceName): FrameLocator {
  return page.frameLocator(`iframe[title^="${device} preview"]`);
}

export function paneHeadline(page: Page, device: DeviceName): Locator {
  return pane(page, device).getByRole('heading', { level: 1 });
}

export function problemSummary(page: Page): Locator {
  return page.getByRole('region', { name: 'Problems' }).getByRole('status');
}

export function problems(page: Page): Locator {
  return page.getByRole('list', { name: 'Problems, errors first' }).getByRole('button');
}

/** Opens the preview and waits until its panes show the draft it starts with. */
export async function openPreview(page: Page, headline: string | RegExp = /./): Promise<void> {
  await page.goto(PREVIEW_PATH);
  await expect(page.getByRole('heading', { level: 1, name: 'Editors’ preview' })).toBeVisible();
  await expect(editor(page)).toBeVisible();
  for (const device of ['Mobile', 'Tablet', 'Desktop'] as const) {
    await expect(paneHeadline(page, device)).toHaveText(headline);
  }
}

/** Replaces the draft the way an editor pastes one in. */
export async function pasteDraft(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Paste JSON…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste JSON' });
  await dialog.getByRole('textbox').fill(text);
  await dialog.getByRole('button', { name: 'Open pasted JSON' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Draft' }).getByText('Opened the pasted JSON.')).toBeVisible();
}

/** The draft as saved in the browser (what the editor holds, once saved). */
export async function savedDraftText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const saved = localStorage.getItem('dispatch.preview.draft');
    return saved === null ? null : (JSON.parse(saved) as { text: string }).text;
  });
}

/** The editor's cursor, as the line and column its gutter and selection show. */
export async function cursorLine(page: Page): Promise<string | null> {
  return page.locator('.cm-lineNumbers .cm-activeLineGutter').textContent();
}

interface AxeViolation {
  readonly id: string;
  readonly impact?: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly unknown[]; readonly html: string }[];
}

const describeViolations = (violations: readonly AxeViolation[]) =>
  violations
    .map((violation) => `[${violation.impact ?? '?'}] ${violation.id}: ${violation.help}\n${violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.html}`).join('\n')}`)
    .join('\n');

/**
 * axe over the whole preview page, its panes included, with every rule on. Only one pane is
 * exposed to assistive technology (the others are inert visual copies), so the panes' landmarks
 * are not repeated in what a screen reader meets.
 */
export async function expectNoAxeViolationsInPreviewPage(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).options(AXE_OPTIONS).analyze();
  expect.soft(results.violations, `axe found in the preview at ${page.viewportSize()?.width ?? '?'} px:\n${describeViolations(results.violations)}`).toHaveLength(0);
}
