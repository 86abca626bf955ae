/**
 * The social card: the 1200×630 picture a story travels with (og:image, twitter:image), laid out
 * for satori from the story's own words, in the site's type and colours (src/styles/tokens.css).
 *
 * Pure and shared: the build and `npm run publish` (scripts/site/cards.ts, satori then resvg to a
 * PNG) and the editors' preview (satori in the browser, shown as SVG) draw the same card from this
 * file, so what an editor sees is what the networks get. Satori is passed in rather than imported,
 * so that no reader's page can pull it in by accident.
 */
import type { ReactNode } from 'react';
import type { Font } from 'satori';
import { formatDateString } from '../content/dates';
import type { Article } from '../content/schema';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/**
 * Bump when the drawing changes (layout, colours, fonts): it is part of every cache key, so the
 * next build redraws every card instead of serving old pictures from the cache.
 */
export const CARD_RENDERER_VERSION = 2;

/** The card's colours, from tokens.css (light theme: a shared picture has no dark mode). */
const COLOR = { paper: '#ffffff', surface: '#f4f2ee', text: '#121212', muted: '#4f4f4f', border: '#d6d1c7', kicker: '#a3241c' } as const;

/**
 * The fonts, by family name, in the order satori falls back through them for a glyph the first
 * lacks: the serif and sans in Latin (and Latin Extended, for names like "Łukasz"), then Arabic
 * script (Persian included) and Hebrew, so a name in its own script draws in its own direction.
 *
 * Arabic script is Vazirmatn, not Noto Sans Arabic: Noto builds letters such as qaf (ق) from a
 * base and its dots placed by mark positioning, which satori's text engine does not apply (عراقچی
 * came out with one dot, reading as ف); Vazirmatn's letters carry their dots.
 */
export const CARD_FONTS = {
  serif: 'Card Serif',
  serifExt: 'Card Serif Ext',
  sans: 'Card Sans',
  sansExt: 'Card Sans Ext',
  arabic: 'Card Arabic',
  hebrew: 'Card Hebrew',
} as const;

/** Each face the card draws with: an npm package's WOFF file (satori reads WOFF, not WOFF2), by module specifier. */
export interface CardFontFile {
  readonly family: (typeof CARD_FONTS)[keyof typeof CARD_FONTS];
  readonly weight: 400 | 700;
  readonly file: string;
}
const faces = (family: CardFontFile['family'], stem: string, weights: readonly (400 | 700)[]): CardFontFile[] =>
  weights.map((weight) => ({ family, weight, file: `${stem}-${weight}-normal.woff` }));
export const CARD_FONT_FILES: readonly CardFontFile[] = [
  ...faces(CARD_FONTS.serif, '@fontsource/source-serif-4/files/source-serif-4-latin', [700]),
  ...faces(CARD_FONTS.serifExt, '@fontsource/source-serif-4/files/source-serif-4-latin-ext', [700]),
  ...faces(CARD_FONTS.sans, '@fontsource/source-sans-3/files/source-sans-3-latin', [400, 700]),
  ...faces(CARD_FONTS.sansExt, '@fontsource/source-sans-3/files/source-sans-3-latin-ext', [400, 700]),
  ...faces(CARD_FONTS.arabic, '@fontsource/vazirmatn/files/vazirmatn-arabic', [400, 700]),
  ...faces(CARD_FONTS.hebrew, '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew', [400, 700]),
];

const OTHER_SCRIPTS = `'${CARD_FONTS.arabic}', '${CARD_FONTS.hebrew}'`;
const SERIF = `'${CARD_FONTS.serif}', '${CARD_FONTS.serifExt}', ${OTHER_SCRIPTS}`;
const SANS = `'${CARD_FONTS.sans}', '${CARD_FONTS.sansExt}', ${OTHER_SCRIPTS}`;

/** Headline sizes in px, largest first: the first at which the whole headline fits is used. */
export const HEADLINE_SIZES = [76, 68, 62, 56, 50, 46, 42, 38, 34, 31, 28, 25, 22] as const;
/**
 * Below this a headline is hard to read where cards are shown (a card is usually drawn about
 * 500 px wide, so 34 px on the card is about 14 px on screen): the preview warns.
 */
export const READABLE_HEADLINE_SIZE = 34;

/**
 * What to tell an editor when the headline had to be drawn below the readable size, by the JSON
 * path of the field to change (as the preview's problem list and `npm run publish` name problems).
 */
export function headlineSizeWarning(headlineSize: number): { readonly path: '$.headline'; readonly message: string } | undefined {
  if (headlineSize >= READABLE_HEADLINE_SIZE) return undefined;
  return {
    path: '$.headline',
    message: `the social card draws this headline at ${headlineSize} px to fit it whole, below a readable ${READABLE_HEADLINE_SIZE} px: a shorter headline would read better`,
  };
}

const HEADLINE_LINE_HEIGHT = 1.12;
/** The card's margin, left and right of the text: only the top bar and a lead picture reach into it. */
export const CARD_PADDING = 56;
const IMAGE_WIDTH = 440;
/** The height the headline may fill: the card less the kicker, the dateline and credit, and the footer. */
const HEADLINE_BOX_HEIGHT = 318;
const HEADLINE_TOP = 98;

/** What the card says: the story's own words, as the story page shows them. */
export interface CardText {
  readonly section?: string;
  readonly headline: string;
  /** "Washington · 20 March 2025" */
  readonly dateline: string;
  /** "Reuters, via NDTV", or the byline. */
  readonly credit?: string;
  readonly siteName: string;
}

export interface CardInput extends CardText {
  /** The lead picture as a data: URL (read from the site's own files), or none. */
  readonly image?: string;
}

export function cardTextOf(article: Article, siteName: string): CardText {
  const { source } = article;
  // The same words as the story page's credit line (ArticleHeader): "By …", then "Reuters, via NDTV".
  const credit = [
    article.byline ? `By ${article.byline.replace(/^by\s+/i, '')}` : undefined,
    source ? (source.syndicatedBy ? `${source.name}, via ${source.syndicatedBy}` : source.name) : undefined,
  ].filter((part) => part !== undefined);
  return {
    ...(article.section ? { section: article.section } : {}),
    headline: article.headline,
    dateline: [article.dateline, formatDateString(article.published)].filter((part) => part !== '').join(' · '),
    ...(credit.length > 0 ? { credit: credit.join(' · ') } : {}),
    siteName,
  };
}

const textWidth = (withImage: boolean) => CARD_WIDTH - 2 * CARD_PADDING - (withImage ? IMAGE_WIDTH - CARD_PADDING / 2 : 0);

function headlineBlock(headline: string, size: number, width: number): ReactNode {
  return (
    <div
      style={{
        display: 'flex',
        width,
        fontFamily: SERIF,
        fontWeight: 700,
        fontSize: size,
        lineHeight: HEADLINE_LINE_HEIGHT,
        letterSpacing: -0.01 * size,
        // A word longer than a line (a URL, a German compound) breaks rather than running off the
        // card, and the fit then sees its true height. Other words wrap as before: satori draws
        // headlines without such a word exactly as it did. (`overflowWrap: 'break-word'` does not
        // break inside this flex box in satori: it leaves the word's minimum width whole.)
        wordBreak: 'break-word',
        color: COLOR.text,
      }}
    >
      {headline}
    </div>
  );
}

/**
 * Every part is placed absolutely, at fixed offsets: satori's flex layout counted padding and
 * borders twice on a sized box and pushed the footer off the card, and a card's parts never move
 * anyway (only the headline's size changes, inside its own box).
 */
function cardElement(input: CardInput, headlineSize: number): ReactNode {
  const width = textWidth(input.image !== undefined);
  const at = (top: number | undefined, bottom: number | undefined, height?: number) =>
    ({ position: 'absolute', left: CARD_PADDING, width, display: 'flex', ...(top !== undefined ? { top } : {}), ...(bottom !== undefined ? { bottom } : {}), ...(height !== undefined ? { height } : {}) }) as const;
  const small = { fontSize: 25, lineHeight: 1.3, color: COLOR.muted } as const;
  return (
    <div style={{ display: 'flex', position: 'relative', width: CARD_WIDTH, height: CARD_HEIGHT, background: COLOR.paper, fontFamily: SANS, color: COLOR.text }}>
      <div style={{ position: 'absolute', left: 0, top: 0, width: CARD_WIDTH, height: 12, background: COLOR.kicker }} />
      <div style={{ ...at(50, undefined, 34), fontSize: 26, fontWeight: 700, letterSpacing: 1.5, textTransform: 'uppercase', color: COLOR.kicker }}>{input.section ?? ''}</div>
      <div style={{ ...at(HEADLINE_TOP, undefined, HEADLINE_BOX_HEIGHT), alignItems: 'flex-start' }}>{headlineBlock(input.headline, headlineSize, width)}</div>
      <div style={{ ...at(undefined, 104), flexDirection: 'column' }}>
        <div style={{ display: 'flex', ...small }}>{input.dateline}</div>
        {input.credit ? <div style={{ display: 'flex', ...small }}>{input.credit}</div> : null}
      </div>
      <div style={{ ...at(undefined, 88, 2), background: COLOR.border }} />
      <div style={{ ...at(undefined, 36, 40), fontFamily: SERIF, fontWeight: 700, fontSize: 34, lineHeight: 1.1 }}>{input.siteName}</div>
      {input.image !== undefined ? (
        <img
          src={input.image}
          width={IMAGE_WIDTH}
          height={CARD_HEIGHT}
          alt=""
          style={{ position: 'absolute', right: 0, top: 0, width: IMAGE_WIDTH, height: CARD_HEIGHT, objectFit: 'cover', background: COLOR.surface }}
        />
      ) : null}
    </div>
  );
}

/** satori's signature, as the card needs it (the Node build and the browser pass the same function). */
export type Satori = (element: ReactNode, options: { width: number; height?: number; fonts: Font[]; embedFont?: boolean }) => Promise<string>;

export interface DrawnCard {
  readonly svg: string;
  /** The headline's size in px: below READABLE_HEADLINE_SIZE it is hard to read. */
  readonly headlineSize: number;
}

/**
 * The laid-out height of the headline at this size: satori sizes an SVG given no height to its
 * content. Only the size is read, so the glyphs are not turned into paths (`embedFont: false`):
 * the same layout, at a fraction of the cost.
 */
async function headlineHeight(satori: Satori, fonts: Font[], headline: string, size: number, width: number): Promise<number> {
  const svg = await satori(headlineBlock(headline, size, width), { width, fonts, embedFont: false });
  return Number(/height="([\d.]+)"/.exec(svg)?.[1] ?? Infinity);
}

/**
 * The largest headline size at which the whole headline fits its box, by laying it out: a
 * headline is made smaller, never cut (a cut would change what the story says). A guess from the
 * headline's length skips the sizes that cannot fit, so most headlines cost one or two layouts.
 */
export async function fitHeadline(satori: Satori, fonts: Font[], headline: string, withImage: boolean): Promise<number> {
  const width = textWidth(withImage);
  const characters = [...headline].length;
  // Serif bold averages about half an em per character; three quarters of the box's area is a safe first guess.
  const guess = Math.sqrt((width * HEADLINE_BOX_HEIGHT * 0.75) / (characters * 0.5 * HEADLINE_LINE_HEIGHT));
  const start = Math.max(0, HEADLINE_SIZES.findIndex((size) => size <= guess * 1.15));
  for (let index = start; index < HEADLINE_SIZES.length; index += 1) {
    const size = HEADLINE_SIZES[index] ?? READABLE_HEADLINE_SIZE;
    if ((await headlineHeight(satori, fonts, headline, size, width)) <= HEADLINE_BOX_HEIGHT) {
      // The guess may have been too cautious: try the sizes above it while they still fit.
      let best = size;
      for (let up = index - 1; up >= 0; up -= 1) {
        const larger = HEADLINE_SIZES[up] ?? size;
        if ((await headlineHeight(satori, fonts, headline, larger, width)) > HEADLINE_BOX_HEIGHT) break;
        best = larger;
      }
      return best;
    }
  }
  return HEADLINE_SIZES[HEADLINE_SIZES.length - 1] ?? READABLE_HEADLINE_SIZE;
}

/** The card as SVG, with the headline at the largest size that fits. */
export async function drawCard(satori: Satori, fonts: Font[], input: CardInput): Promise<DrawnCard> {
  const headlineSize = await fitHeadline(satori, fonts, input.headline, input.image !== undefined);
  const svg = await satori(cardElement(input, headlineSize), { width: CARD_WIDTH, height: CARD_HEIGHT, fonts });
  return { svg, headlineSize };
}
