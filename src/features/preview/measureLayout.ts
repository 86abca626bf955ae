/**
 * What a pane has laid out, measured in its own document: the headline's lines, and the words
 * (or URLs) the reader's `overflow-wrap: anywhere` had to break because they are wider than
 * their column. Layout is read, never changed.
 */
import type { Article } from '../../content/schema';
import { contentPaths, pathOfElement } from './contentPaths';
import type { LayoutReport, Overflow } from './previewFrameProtocol';

/** Lines an element's text takes, as laid out. */
export function lineCount(element: HTMLElement): number {
  const style = getComputedStyle(element);
  const lineHeight = Number.parseFloat(style.lineHeight);
  const perLine = Number.isFinite(lineHeight) ? lineHeight : Number.parseFloat(style.fontSize) * 1.2;
  return perLine > 0 ? Math.round(element.getBoundingClientRect().height / perLine) : 0;
}

/** Runs of text with no place to wrap but overflow-wrap's: split at spaces, and after hyphens and dashes. */
const UNBREAKABLE = /[^\s\u002d\u2010-\u2014]+[\u002d\u2010-\u2014]?/g;
/**
 * No glyph of the reader's fonts is wider than this many ems (the widest, W, M and CJK, are about
 * one): a run shorter than column ÷ this fits, and is not measured.
 */
const WIDEST_GLYPH_EM = 1.2;
const MAX_OVERFLOWS = 20;
const SHOWN_CHARACTERS = 48;

function lineBoxes(range: Range): number {
  const tops = new Set<number>();
  for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
  return tops.size;
}

function overflows(root: Element, article: Article): Overflow[] {
  const paths = contentPaths(article);
  const found: Overflow[] = [];
  const seen = new Set<string>();
  const fontSizes = new Map<Element, { fontSize: number; column: number }>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node && found.length < MAX_OVERFLOWS; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent ?? '';
    if (!parent || text.trim() === '') continue;
    let metrics = fontSizes.get(parent);
    if (!metrics) {
      const block = parent.closest('p, h1, h2, h3, h4, li, blockquote, figcaption, dd, dt, div') ?? parent;
      metrics = { fontSize: Number.parseFloat(getComputedStyle(parent).fontSize) || 16, column: block.clientWidth };
      fontSizes.set(parent, metrics);
    }
    if (metrics.column <= 0) continue;
    const shortest = metrics.column / (metrics.fontSize * WIDEST_GLYPH_EM);
    for (const match of text.matchAll(UNBREAKABLE)) {
      const word = match[0];
      if (word.length < shortest) continue;
      range.setStart(node, match.index);
      range.setEnd(node, match.index + word.length);
      if (lineBoxes(range) < 2) continue;
      const path = pathOfElement(parent, paths);
      if (path === null) continue;
      const shown = word.length > SHOWN_CHARACTERS ? `${word.slice(0, SHOWN_CHARACTERS)}…` : word;
      if (seen.has(`${path} ${shown}`)) continue;
      seen.add(`${path} ${shown}`);
      found.push({ path, text: shown });
    }
  }
  return found;
}

export function measureLayout(article: Article): LayoutReport {
  const headline = document.getElementById('headline');
  const root = document.querySelector('main') ?? document.body;
  return {
    width: document.documentElement.clientWidth,
    headlineLines: headline ? lineCount(headline) : 0,
    overflows: overflows(root, article),
  };
}
