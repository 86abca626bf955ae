/**
 * What a prerendered page carries in its <head>: title, description, canonical link, Open Graph
 * and Twitter card tags, and schema.org NewsArticle JSON-LD. Every value comes from content, so
 * every value is escaped for where it goes: attributes, element text, or inert JSON.
 */
import type { Article, ArticleIndex } from '../../src/content/schema';
import { serializeForScript } from '../../src/app/prerenderedState';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const meta = (attribute: 'name' | 'property', key: string, content: string) =>
  `<meta ${attribute}="${key}" content="${escapeHtml(content)}" />`;

interface PageHead {
  readonly title: string;
  readonly description: string;
  readonly url: string;
  readonly siteName: string;
  readonly extra?: readonly string[];
}

function commonHead({ title, description, url, siteName, extra = [] }: PageHead): string {
  return [
    `<title>${escapeHtml(title)}</title>`,
    meta('name', 'description', description),
    `<link rel="canonical" href="${escapeHtml(url)}" />`,
    meta('property', 'og:site_name', siteName),
    meta('property', 'og:title', title),
    meta('property', 'og:description', description),
    meta('property', 'og:url', url),
    ...extra,
  ].join('\n    ');
}

function absolute(src: string, origin: string): string {
  return src.startsWith('https://') ? src : new URL(src, origin).href;
}

export function articleHead(article: Article, origin: string, siteName: string): string {
  const url = new URL(`/articles/${article.slug}`, origin).href;
  const description = article.standfirst ?? article.body[0]?.text ?? article.headline;
  const image = article.image ? absolute(article.image.src, origin) : undefined;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    description,
    datePublished: article.published,
    ...(article.updated ? { dateModified: article.updated } : {}),
    dateline: article.dateline,
    ...(article.section ? { articleSection: article.section } : {}),
    ...(article.tags ? { keywords: article.tags.join(', ') } : {}),
    ...(article.byline ? { author: { '@type': 'Person', name: article.byline } } : {}),
    ...(article.source
      ? {
          sourceOrganization: { '@type': 'Organization', name: article.source.name },
          ...(article.source.syndicatedBy
            ? { publisher: { '@type': 'Organization', name: article.source.syndicatedBy } }
            : {}),
        }
      : {}),
    ...(image ? { image: [image] } : {}),
    mainEntityOfPage: url,
    isAccessibleForFree: true,
    about: (article.people ?? []).map((person) => ({
      '@type': 'Person',
      name: person.name,
      jobTitle: person.role,
      ...(person.affiliation ? { affiliation: person.affiliation } : {}),
      ...(person.nativeName ? { alternateName: person.nativeName } : {}),
    })),
  };
  return commonHead({
    title: `${article.headline} | ${siteName}`,
    description,
    url,
    siteName,
    extra: [
      meta('property', 'og:type', 'article'),
      meta('property', 'article:published_time', article.published),
      ...(article.updated ? [meta('property', 'article:modified_time', article.updated)] : []),
      ...(article.section ? [meta('property', 'article:section', article.section)] : []),
      ...(image ? [meta('property', 'og:image', image), meta('property', 'og:image:alt', article.image?.alt ?? '')] : []),
      meta('name', 'twitter:card', image ? 'summary_large_image' : 'summary'),
      meta('name', 'twitter:title', article.headline),
      meta('name', 'twitter:description', description),
      `<script type="application/ld+json">${serializeForScript(jsonLd)}</script>`,
    ],
  });
}

export function frontPageHead(index: ArticleIndex, origin: string, siteName: string): string {
  const description = `${siteName}: world news, clearly told.`;
  return commonHead({
    title: siteName,
    description,
    url: new URL('/', origin).href,
    siteName,
    extra: [
      meta('property', 'og:type', 'website'),
      meta('name', 'twitter:card', 'summary'),
      meta('name', 'twitter:title', siteName),
      meta('name', 'twitter:description', description),
      `<script type="application/ld+json">${serializeForScript({
        '@context': 'https://schema.org',
        '@type': 'ItemList',
        itemListElement: index.articles.map((entry, position) => ({
          '@type': 'ListItem',
          position: position + 1,
          url: new URL(`/articles/${entry.slug}`, origin).href,
          name: entry.headline,
        })),
      })}</script>`,
    ],
  });
}

export function plainHead(title: string, siteName: string): string {
  return [`<title>${escapeHtml(title)}</title>`, meta('name', 'description', `${siteName}: world news, clearly told.`), '<meta name="robots" content="noindex" />'].join('\n    ');
}
