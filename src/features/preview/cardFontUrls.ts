/**
 * The card's font files (CARD_FONT_FILES in src/ui/socialCard.tsx) as the build's hashed assets,
 * by their module specifier: satori reads WOFF (not WOFF2), so these are the npm packages' WOFF
 * files themselves, the same bytes the build draws with. Imported only by the card worker, so
 * only the preview fetches them, and only when it draws a card. A unit test checks that this
 * list and the layout's are the same.
 */
import serifLatin700 from '@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff?url';
import serifLatinExt700 from '@fontsource/source-serif-4/files/source-serif-4-latin-ext-700-normal.woff?url';
import sansLatin400 from '@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff?url';
import sansLatin700 from '@fontsource/source-sans-3/files/source-sans-3-latin-700-normal.woff?url';
import sansLatinExt400 from '@fontsource/source-sans-3/files/source-sans-3-latin-ext-400-normal.woff?url';
import sansLatinExt700 from '@fontsource/source-sans-3/files/source-sans-3-latin-ext-700-normal.woff?url';
import arabic400 from '@fontsource/vazirmatn/files/vazirmatn-arabic-400-normal.woff?url';
import arabic700 from '@fontsource/vazirmatn/files/vazirmatn-arabic-700-normal.woff?url';
import hebrew400 from '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-400-normal.woff?url';
import hebrew700 from '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-700-normal.woff?url';

export const CARD_FONT_URLS: Readonly<Record<string, string>> = {
  '@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff': serifLatin700,
  '@fontsource/source-serif-4/files/source-serif-4-latin-ext-700-normal.woff': serifLatinExt700,
  '@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff': sansLatin400,
  '@fontsource/source-sans-3/files/source-sans-3-latin-700-normal.woff': sansLatin700,
  '@fontsource/source-sans-3/files/source-sans-3-latin-ext-400-normal.woff': sansLatinExt400,
  '@fontsource/source-sans-3/files/source-sans-3-latin-ext-700-normal.woff': sansLatinExt700,
  '@fontsource/vazirmatn/files/vazirmatn-arabic-400-normal.woff': arabic400,
  '@fontsource/vazirmatn/files/vazirmatn-arabic-700-normal.woff': arabic700,
  '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-400-normal.woff': hebrew400,
  '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-700-normal.woff': hebrew700,
};
