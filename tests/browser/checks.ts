/** Checks shared by the specs: axe, the site's frame, sideways scrolling, focus rings, geometry, pictures and screenshots. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect } from './fixtures';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
export const AXE_OPTIONS = { resultTypes: ['violations'] } as const satisfies { resultTypes: string[] };

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

function formatViolation(violation: Violation): string {
  const nodes = violation.nodes
    .map((node) => {
      const summary = (node.failureSummary ?? '').replace(/\n/g, '\n        ');
      return `    - ${node.target.join(' ')}\n      ${node.html}\n        ${summary}`;
    })
    .join('\n');
  return `[${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n  ${violation.helpUrl}\n${nodes}`;
}

/** Runs axe with the WCAG 2.2 A/AA and best-practice rules; fails listing every violation readably. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Legacy mode runs axe once, in the page, instead of in every frame and again in a blank page to
  // merge the results: the app has no frames, and it halves the time of the suite's slowest step.
  // Only violations are reported in full (axe skips collecting every passing node), which takes
  // about 40% off each scan of the story page; a violation is reported exactly as before.
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).options(AXE_OPTIONS).analyze();
  const report = results.violations.map(formatViolation).join('\n\n');
  // Soft: a test that checks several schemes or widths reports every one that fails.
  expect.soft(results.violations, `axe found ${results.violations.length} violation(s):\n\n${report}\n`).toHaveLength(0);
}

/** What every page shows, whatever went wrong: the masthead with its way home, and the footer. Never a blank page. */
export async function expectSiteFrame(page: Page): Promise<void> {
  await expect(page.getByRole('banner').getByRole('link', { name: 'Dispatch' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
}

/** Nothing on the page scrolls sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth, widest } = await page.evaluate(() => {
    const root = document.documentElement;
    // For the message only: the element that reaches furthest right, if anything overflows.
    let widestElement = '';
    let right = root.clientWidth;
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.right > right + 0.5) {
        right = box.right;
        widestElement = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')} (right edge ${Math.round(box.right)} px)`;
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest: widestElement };
  });
  expect.soft(scrollWidth, `the page scrolls sideways: ${scrollWidth} px of content in ${clientWidth} px; widest: ${widest}`).toBeLessThanOrEqual(
    clientWidth,
  );
}

/**
 * Saves a full-page screenshot to test-results/screenshots/ for a person to look at after the run.
 * JPEG: a long story at 360 px is some 7,000 px tall, and Chromium encodes it as JPEG in about a
 * third of the time PNG takes, which adds up over the suite's hundred-odd screenshots.
 */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string, fullPage = true): Promise<void> {
  const dir = join(testInfo.project.outputDir, 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.jpg`), type: 'jpeg', quality: 85, fullPage, animations: 'disabled' });
}

export interface FocusRing {
  readonly focused: string;
  readonly focusVisible: boolean;
  /** Where the ring is drawn (the element, or its ::before/::after), or null when there is none. */
  readonly ringOn: 'element' | '::before' | '::after' | null;
  readonly outline: string;
}

interface FocusState {
  /** Every control that should be a Tab stop, in document order. */
  readonly stops: string[];
  /** The index in `stops` of the focused control, or -1. */
  readonly active: number;
  readonly ring: FocusRing;
}

/**
 * Runs in the page: the Tab stops it should have (every visible link, button and field, one per
 * radio group as browsers do, and anything with a non-negative tabindex), which of them has the
 * focus, and whether that shows a focus ring (a real outline, on it or a pseudo-element).
 */
function readFocus(): FocusState {
  const candidates = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')];
  const groups = new Set<string>();
  const stopElements = candidates.filter((element) => {
    if (element.tabIndex < 0 || element.matches(':disabled')) return false;
    if (!element.checkVisibility({ visibilityProperty: true })) return false;
    if (element instanceof HTMLInputElement && element.type === 'radio' && element.name) {
      if (groups.has(element.name)) return false;
      groups.add(element.name);
    }
    return true;
  });
  const describeElement = (element: Element) => {
    const name = element.getAttribute('aria-label') ?? element.textContent ?? '';
    return `${element.tagName.toLowerCase()} "${name.replace(/\s+/g, ' ').trim().slice(0, 70)}"`;
  };
  const stops = stopElements.map(describeElement);
  const element = document.activeElement;
  if (!element || element === document.body) {
    return { stops, active: -1, ring: { focused: 'nothing', focusVisible: false, ringOn: null, outline: '' } };
  }
  let active = stopElements.findIndex((stop) => stop === element);
  // A radio group is one stop, whichever of its radios has the focus.
  if (active < 0 && element instanceof HTMLInputElement && element.type === 'radio') {
    active = stopElements.findIndex((stop) => stop instanceof HTMLInputElement && stop.name === element.name);
  }
  const focused = describeElement(element);
  const focusVisible = element.matches(':focus-visible');
  const transparent = (color: string) => color === 'transparent' || /rgba\(.*,\s*0\)$/.test(color);
  for (const pseudo of [null, '::before', '::after'] as const) {
    const style = getComputedStyle(element, pseudo);
    if (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0 && !transparent(style.outlineColor)) {
      const outline = `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
      return { stops, active, ring: { focused, focusVisible, ringOn: pseudo ?? 'element', outline } };
    }
  }
  const style = getComputedStyle(element);
  return { stops, active, ring: { focused, focusVisible, ringOn: null, outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` } };
}

/** The focused element and whether it shows a focus ring. */
export async function focusRing(page: Page): Promise<FocusRing> {
  return (await page.evaluate(readFocus)).ring;
}

export async function expectVisibleFocusRing(page: Page): Promise<void> {
  const ring = await focusRing(page);
  expect(ring.focusVisible, `${ring.focused} should match :focus-visible`).toBe(true);
  expect(ring.ringOn, `${ring.focused} shows no focus ring (outline: ${ring.outline})`).not.toBeNull();
}

/** Presses Tab until `target` has the focus; fails if it never gets it. Returns the presses it took. */
export async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<number> {
  await expect(target).toBeVisible();
  for (let presses = 1; presses <= maxPresses; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
  }
  throw new Error(`${target.toString()} was not reached in ${maxPresses} presses of Tab`);
}

export interface Box {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** An element's box in page coordinates (not the viewport's), so long pages compare correctly. */
export async function boxOf(locator: Locator): Promise<Box> {
  return locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return {
      top: rect.top + window.scrollY,
      right: rect.right + window.scrollX,
      bottom: rect.bottom + window.scrollY,
      left: rect.left + window.scrollX,
    };
  });
}

/** The smallest box holding all of them. */
export function union(...boxes: readonly Box[]): Box {
  return {
    top: Math.min(...boxes.map((box) => box.top)),
    right: Math.max(...boxes.map((box) => box.right)),
    bottom: Math.max(...boxes.map((box) => box.bottom)),
    left: Math.min(...boxes.map((box) => box.left)),
  };
}

/** True when the two boxes share any area (touching edges do not count). */
export function overlaps(a: Box, b: Box, tolerance = 0.5): boolean {
  return (
    a.left < b.right - tolerance && b.left < a.right - tolerance && a.top < b.bottom - tolerance && b.top < a.bottom - tolerance
  );
}

export function describeBox(box: Box): string {
  const r = (n: number) => Math.round(n);
  return `[left ${r(box.left)}, top ${r(box.top)}, right ${r(box.right)}, bottom ${r(box.bottom)}]`;
}

export interface FocusSweep {
  /** Every control that should be a Tab stop, in document order. */
  readonly stops: readonly string[];
  /** The indexes (into `stops`) that Tab reached, in the order it reached them. */
  readonly reached: readonly number[];
  /** Controls that had the focus without a visible focus ring. */
  readonly withoutRing: readonly string[];
}

/** Tabs through the whole page from where the focus is, recording what gets it and whether it shows a ring. */
export async function sweepFocus(page: Page): Promise<FocusSweep> {
  const start = await page.evaluate(readFocus);
  const reached: number[] = [];
  const withoutRing: string[] = [];
  for (let press = 0; press < start.stops.length + 3; press += 1) {
    await page.keyboard.press('Tab');
    const { active, ring } = await page.evaluate(readFocus);
    if (ring.focused === 'nothing' || (active >= 0 && reached.includes(active))) break;
    if (active >= 0) reached.push(active);
    if (!ring.focusVisible || ring.ringOn === null) withoutRing.push(`${ring.focused} (outline: ${ring.outline})`);
  }
  return { stops: start.stops, reached, withoutRing };
}

/**
 * Pieces of content that overlap on screen: lines of text (each text node's own line boxes) and
 * controls and pictures (their boxes, one per line for a link that wraps), compared across
 * elements that do not contain one another. Lines of one paragraph may touch; two unrelated
 * things drawn on top of each other may not.
 */
export async function overlappingContent(page: Page, within: Locator): Promise<string[]> {
  return within.evaluate((root) => {
    // What `content-visibility: auto` skips (the timeline and the body past the first screen, until
    // they come near) is not laid out, and its line boxes are not where they will be drawn: lay
    // everything out for the measurement, as a reader scrolling through would see it, then restore.
    const laidOut = document.createElement('style');
    laidOut.textContent = '* { content-visibility: visible !important; }';
    document.head.append(laidOut);
    try {
      return clashesWithin(root);
    } finally {
      laidOut.remove();
    }

    function clashesWithin(root: Element): string[] {
      interface Piece {
        readonly owner: Element;
        readonly label: string;
        readonly rect: DOMRect;
      }
      const pieces: Piece[] = [];
      const visible = (element: Element) => element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
      const tiny = (rect: DOMRect) => rect.width <= 2 || rect.height <= 2;
      // Text for screen readers only (clipped to a pixel, the "visually hidden" pattern) is not drawn.
      const clippedAway = (element: Element) => {
        for (let at: Element | null = element; at && at !== root.parentElement; at = at.parentElement) {
          const style = getComputedStyle(at);
          if (style.clipPath !== 'none' || style.clip !== 'auto') return true;
          if (style.overflow !== 'visible' && tiny(at.getBoundingClientRect())) return true;
        }
        return false;
      };
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const owner = node.parentElement;
        const text = (node.textContent ?? '').trim();
        if (!owner || text === '' || !visible(owner) || clippedAway(owner)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) {
          if (!tiny(rect)) pieces.push({ owner, label: `"${text.slice(0, 40)}"`, rect });
        }
      }
      for (const element of root.querySelectorAll('a[href], button, input, select, textarea, img, svg')) {
        if (!visible(element) || clippedAway(element)) continue;
        const name = element.getAttribute('aria-label') ?? element.textContent ?? '';
        for (const rect of element.getClientRects()) {
          if (!tiny(rect)) pieces.push({ owner: element, label: `${element.tagName.toLowerCase()} "${name.trim().slice(0, 40)}"`, rect });
        }
      }
      const related = (a: Element, b: Element) => a === b || a.contains(b) || b.contains(a);
      // Glyph boxes of neighbouring lines can share a pixel or two where the line height is tight.
      const slack = 2;
      const r = (n: number) => Math.round(n);
      const where = (piece: Piece) => `${piece.label} [${r(piece.rect.left)},${r(piece.rect.top)} ${r(piece.rect.width)}×${r(piece.rect.height)}]`;
      const clashes: string[] = [];
      for (const [index, a] of pieces.entries()) {
        for (const b of pieces.slice(index + 1)) {
          if (related(a.owner, b.owner)) continue;
          const width = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
          const height = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
          if (width > slack && height > slack) clashes.push(`${where(a)} overlaps ${where(b)}`);
        }
      }
      return clashes;
    }
  });
}

export interface DecodedPicture {
  readonly width: number;
  readonly height: number;
  /** Of the pixels' grey levels: a blank picture, one flat colour, has none. */
  readonly variance: number;
}

/** The picture at `src` as the page decodes it: its natural size, and how much its pixels vary. */
export async function decodedPicture(page: Page, src: string): Promise<DecodedPicture> {
  return page.evaluate(async (address) => {
    const picture = new Image();
    picture.src = address;
    await picture.decode();
    const canvas = document.createElement('canvas');
    canvas.width = picture.naturalWidth;
    canvas.height = picture.naturalHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(picture, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < data.length; i += 4) {
      const grey = ((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0)) / 3;
      sum += grey;
      squares += grey * grey;
    }
    const pixels = data.length / 4;
    return { width: canvas.width, height: canvas.height, variance: squares / pixels - (sum / pixels) ** 2 };
  }, src);
}
