/**
 * `npm run build` runs this first (as `prebuild`): a production build without SITE_URL stops here,
 * before Vite replaces dist/, rather than after it with a half-written site. The prerender checks
 * again, for anything that runs it directly.
 */
import { requireSiteUrl } from './prerender/site';

try {
  requireSiteUrl(process.env.SITE_URL, 'npm run build', 'npm run build:local');
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
