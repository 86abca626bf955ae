/**
 * What the build writes into a page from content, with every hostile payload in every field:
 * the <head> (title, meta, JSON-LD), the embedded query state, and the whole prerendered story.
 * Each output is read back by a real HTML parser (jsdom's, which is parse5, the WHATWG algorithm
 * browsers follow): it must hold exactly the elements the same story in plain words gives, and
 * every value must come back exactly as written.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bylineNames } from '../../../scripts/prerender/credits';
import { articleHead, frontPageHead } from '../../../scripts/prerender/head';
import { PRERENDERED_ATTRIBUTE, STATE_ELEMENT_ID, serializeForScript } from '../../../src/app/prerenderedState';
import { parseArticleText } from '../../../src/content/parse';
import type { Article } from '../../../src/content/schema';
import { render } from '../../../src/entry-server';
import { SITE_NAME } from '../../../src/ui/site';
import { TEXT_PAYLOADS, URL_PAYLOADS, headlineOf, hostileSlug, hostileStory, listNameOf, type TextPayload } from '../../fixtures/hostile/payloads';

const ORIGIN = 'http://127.0.0.1:4173';
const PLAIN = 'Plain words';

type JsonLike = null | boolean | number | string | JsonLike[] | { [key: string]: JsonLike };

/** The hostile story with the payload put back into plain words: the shape every output must keep. */
function plainVersion(payload: TextPayload): JsonLike {
  const headline = headlineOf(payload);
  const replace = (value: JsonLike): JsonLike => {
    if (typeof value === 'string') return value === headline ? PLAIN : value.split(payload.text).join(PLAIN);
    if (Array.isArray(value)) return value.map(replace);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, key === 'src' ? field : replace(field)]));
    return value;
  };
  return replace(hostileStory(payload) as unknown as JsonLike);
}

function parsed(value: unknown): Article {
  const result = parseArticleText(JSON.stringify(value));
  if (!result.ok) throw new Error(`the story does not parse: ${JSON.stringify(result.errors)}`);
  return result.value;
}

function htmlDocument(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Every element, in document order, as its tag and its attributes' names (and the name of a meta). */
function shape(root: Element): string[] {
  return [root, ...root.querySelectorAll('*')].map((element) => {
    const names = element.getAttributeNames().sort().join(' ');
    const key = element.getAttribute('name') ?? element.getAttribute('property') ?? element.getAttribute('rel') ?? element.getAttribute('type') ?? '';
    return `${element.localName}[${names}]${key ? `:${key}` : ''}`;
  });
}

function headDocument(head: string): Document {
  return htmlDocument(`<!doctype html><html><head>${head}</head><body><p id="after-head">after the head</p></body></html>`);
}

function metaContent(doc: Document, key: string): string | null {
  return doc.head.querySelector(`meta[name="${key}"], meta[property="${key}"]`)?.getAttribute('content') ?? null;
}

const withImage = TEXT_PAYLOADS.map((payload) => {
  const lead = URL_PAYLOADS[(TEXT_PAYLOADS.indexOf(payload) * 3) % URL_PAYLOADS.length];
  return [payload.id, payload, lead?.verdict === 'allowed'] as const;
});

describe(`articleHead() with each of ${TEXT_PAYLOADS.length} payloads in every field`, () => {
  it.each(withImage)('%s: no element closed early, every value read back exactly', (_, payload, leadAllowed) => {
    const article = parsed(hostileStory(payload));
    const doc = headDocument(articleHead(article, ORIGIN, SITE_NAME));
    const plain = headDocument(articleHead(parsed(plainVersion(payload)), ORIGIN, SITE_NAME));

    // The same elements, with the same attributes, as for the story in plain words; nothing spilled into <body>.
    expect(shape(doc.documentElement)).toEqual(shape(plain.documentElement));
    expect(doc.body.children).toHaveLength(1);
    expect(doc.getElementById('after-head')?.textContent).toBe('after the head');
    expect(doc.querySelectorAll('script')).toHaveLength(1);

    const p = payload.text;
    expect(doc.title).toBe(`${article.headline} | ${SITE_NAME}`);
    expect(doc.head.querySelector('title')?.textContent).toBe(`${headlineOf(payload)} | ${SITE_NAME}`);
    for (const key of ['description', 'og:description', 'twitter:description']) expect(metaContent(doc, key), key).toBe(p);
    // The section holds what a list name may (hostileStory).
    expect(metaContent(doc, 'article:section')).toBe(listNameOf(p));
    expect(metaContent(doc, 'og:title')).toBe(`${headlineOf(payload)} | ${SITE_NAME}`);
    expect(metaContent(doc, 'twitter:title')).toBe(headlineOf(payload));
    if (leadAllowed) {
      expect(metaContent(doc, 'og:image:alt')).toBe(p);
      expect(metaContent(doc, 'og:image')).toBe(article.image?.src.startsWith('https://') ? article.image.src : new URL(article.image?.src ?? '', ORIGIN).href);
    } else {
      // A refused picture is left out of the story, so it is named nowhere.
      expect(article.image).toBeUndefined();
      expect(metaContent(doc, 'og:image')).toBeNull();
    }
    expect(doc.head.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${ORIGIN}/articles/${hostileSlug(payload)}`);

    const script = doc.head.querySelector('script[type="application/ld+json"]');
    expect(script?.textContent).not.toMatch(/[<>&]/);
    const ld = JSON.parse(script?.textContent ?? 'null') as Record<string, unknown>;
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: headlineOf(payload),
      description: p,
      dateline: p,
      articleSection: listNameOf(p),
      keywords: `${listNameOf(p)}, ${listNameOf(p)}`,
      author: bylineNames(p).map((name) => ({ '@type': 'Person', name })),
      sourceOrganization: { '@type': 'Organization', name: p },
      // The syndicating outlet is named only as the publisher of the story this one is based on.
      isBasedOn: { '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: p }, author: { '@type': 'Organization', name: p } },
      publisher: { '@type': 'Organization', name: SITE_NAME },
      creditText: `By ${p} · ${p}, via ${p}`,
      about: [
        { '@type': 'Person', name: p, jobTitle: p, affiliation: { '@type': 'Organization', name: p }, alternateName: p },
        { '@type': 'Person', name: 'Plain Person', jobTitle: 'Witness' },
      ],
    });
  });
});

describe('frontPageHead() with hostile headlines in the index', () => {
  it('keeps one JSON-LD block that reads back every headline', () => {
    const index = { articles: TEXT_PAYLOADS.map((payload) => ({ slug: hostileSlug(payload), headline: payload.text, published: '2025-03-20' })) };
    const doc = headDocument(frontPageHead(index, ORIGIN, SITE_NAME));
    expect(doc.querySelectorAll('script')).toHaveLength(1);
    expect(doc.body.children).toHaveLength(1);
    const ld = JSON.parse(doc.querySelector('script')?.textContent ?? 'null') as { itemListElement: { name: string }[] };
    expect(ld.itemListElement.map((item) => item.name)).toEqual(TEXT_PAYLOADS.map((payload) => payload.text));
  });
});

describe('serializeForScript(): inert JSON inside <script type="application/json">', () => {
  const embedded = (value: unknown) =>
    htmlDocument(`<!doctype html><html><head></head><body><script type="application/json" id="state">${serializeForScript(value)}</script><p id="after">after</p></body></html>`);

  it.each(TEXT_PAYLOADS.map((payload) => [payload.id, payload] as const))('%s: closes nothing, reads back exactly', (_, payload) => {
    const value = { text: payload.text, [payload.text]: [payload.text, { nested: payload.text }] };
    const doc = embedded(value);
    expect(doc.querySelectorAll('script')).toHaveLength(1);
    expect([...doc.body.children].map((element) => element.id)).toEqual(['state', 'after']);
    expect(JSON.parse(doc.getElementById('state')?.textContent ?? 'null')).toEqual(value);
  });

  it('any JSON value, with hostile strings among the generated ones (300 values)', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...TEXT_PAYLOADS.map((payload) => payload.text.slice(0, 300)), '<!--<script>', '</script', '\u2028\u2029'));
    const value = fc.letrec<{ json: unknown }>((tie) => ({
      json: fc.oneof({ depthSize: 'small' }, text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(tie('json'), { maxLength: 4 }), fc.dictionary(text, tie('json'), { maxKeys: 4 })),
    })).json;
    fc.assert(
      fc.property(value, (v) => {
        const doc = embedded(v);
        const ok = doc.querySelectorAll('script').length === 1 && doc.body.lastElementChild?.id === 'after' && JSON.stringify(JSON.parse(doc.getElementById('state')?.textContent ?? '')) === JSON.stringify(v);
        if (!ok) throw new Error(`did not round-trip: ${JSON.stringify(v)}`);
      }),
      { numRuns: 300, seed: Number(process.env.FC_SEED ?? 20250320) },
    );
  }, 60_000);
});

/** Every text node's own text, counted: where a payload shows, and how often. */
function textCounts(root: Element, wanted: readonly string[]): number[] {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const counts = wanted.map(() => 0);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node.parentElement?.localName === 'script') continue;
    wanted.forEach((text, index) => {
      if (node.nodeValue === text) counts[index] = (counts[index] ?? 0) + 1;
    });
  }
  return counts;
}

describe(`the whole prerendered story page, with each of ${TEXT_PAYLOADS.length} payloads`, () => {
  function prerendered(value: unknown, slug: string): Document {
    const article = parsed(value);
    const url = `/articles/${slug}`;
    const { html, state } = render(url, { article: { slug, loaded: { article, warnings: [] } } });
    // As scripts/prerender.ts assembles it: head, the rendered root, then the state as inert JSON.
    return htmlDocument(
      `<!doctype html><html lang="en"><head><meta charset="UTF-8" />${articleHead(article, ORIGIN, SITE_NAME)}</head>` +
        `<body><div id="root" ${PRERENDERED_ATTRIBUTE}="${url}">${html}</div>` +
        `<script type="application/json" id="${STATE_ELEMENT_ID}">${serializeForScript(state)}</script><p id="after-state">end</p></body></html>`,
    );
  }

  it.each(TEXT_PAYLOADS.map((payload) => [payload.id, payload] as const))('%s: the same elements as in plain words, the text as text', (_, payload) => {
    const slug = hostileSlug(payload);
    const doc = prerendered(hostileStory(payload), slug);
    const plain = prerendered(plainVersion(payload), slug);

    expect(shape(doc.documentElement)).toEqual(shape(plain.documentElement));
    expect(doc.querySelectorAll('script')).toHaveLength(2);
    expect(doc.body.lastElementChild?.id).toBe('after-state');
    const withHandlers = [...doc.querySelectorAll('*')].filter((element) => element.getAttributeNames().some((name) => name.startsWith('on')));
    expect(withHandlers.map((element) => element.outerHTML.slice(0, 120))).toEqual([]);

    // The payload shows, as whole text nodes, exactly where the plain words show.
    const root = doc.getElementById('root');
    const plainRoot = plain.getElementById('root');
    if (!root || !plainRoot) throw new Error('no root');
    const [payloadCount, headlineCount] = textCounts(root, [payload.text, headlineOf(payload)]);
    const [plainCount] = textCounts(plainRoot, [PLAIN]);
    const cut = headlineOf(payload) !== payload.text;
    expect((payloadCount ?? 0) + (cut ? (headlineCount ?? 0) : 0)).toBe(plainCount);
    expect(doc.querySelector('h1')?.textContent).toBe(headlineOf(payload));

    // Only the pictures the contract allows are used.
    for (const element of doc.querySelectorAll('[src], [href]')) {
      const value = element.getAttribute('src') ?? element.getAttribute('href') ?? '';
      expect(value, element.outerHTML.slice(0, 120)).not.toMatch(/^\s*(?:javascript|data|vbscript|file|blob):|^\s*[/\\]{2}|^\/\\|refused\.example/i);
    }

    // The embedded cache reads back to the story as written.
    const state = JSON.parse(doc.getElementById(STATE_ELEMENT_ID)?.textContent ?? 'null') as { queries: { state: { data: { article: Article } } }[] };
    expect(state.queries[0]?.state.data.article).toEqual(parsed(hostileStory(payload)));
  });
});
