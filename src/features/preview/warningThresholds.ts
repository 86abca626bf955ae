/**
 * Every number the preview warns by, in one place. Warnings never block anything: they say what a
 * reader would meet, so that an editor can decide.
 */

/** Over about this many characters a headline is cut in search results and social cards. */
export const HEADLINE_ADVISED_LENGTH = 110;

/**
 * The headline as the 360 px pane lays it out: past this many lines the story itself (the
 * standfirst, the first paragraph) starts below the first screen of a common phone (360 × 740).
 */
export const HEADLINE_LINES = { width: 360, most: 4 } as const;

/**
 * A word or URL wider than its column at this width (the narrowest phones still sold) is broken
 * mid-word by the reader's `overflow-wrap: anywhere`. Measured in the pane of this width if there
 * is one, else in the narrowest pane, and the warning says which.
 */
export const OVERFLOW_WIDTH = 320;

/** A lead image narrower than this is blurred in large social cards and on wide screens. */
export const LEAD_IMAGE_MIN_WIDTH = 1200;

/**
 * How much of a title and summary the big search engines and social networks show before cutting
 * (they measure in pixels; these are the usual character equivalents). A cut falls between words.
 */
export const TRAVEL_LIMITS = {
  searchTitle: 60,
  searchDescription: 160,
  socialTitle: 70,
  socialDescription: 125,
} as const;
