import { lazyPage } from '../../app/lazyPage';
// The block's styles stay in the stylesheet every page inlines: a prerendered story's corrections
// are styled from the first paint, before their code arrives.
import './Corrections.module.css';

export const CORRECTIONS_HEADING_ID = 'corrections-heading';

/**
 * The corrections block: code most stories never run (few are ever corrected), so it is fetched
 * only for a story that has corrections.
 */
export const LazyCorrections = lazyPage(() => import('./Corrections').then((module) => module.Corrections));

/**
 * A prerendered story with corrections fetches their code before it is hydrated (src/main.tsx), so
 * that hydration meets the block itself, never an empty fallback.
 */
export function preloadCorrectionsIn(page: ParentNode): Promise<unknown> {
  return page.querySelector(`#${CORRECTIONS_HEADING_ID}`) ? LazyCorrections.preload() : Promise.resolve();
}
