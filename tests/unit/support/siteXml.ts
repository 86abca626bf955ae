/**
 * Reading back what the build writes for feed readers and crawlers: an XML file is first checked
 * to be well-formed, then parsed with fast-xml-parser into plain objects; HTML-typed Atom text is
 * read the way a feed reader shows it.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Article } from '../../../src/content/schema';
import { realStory } from './fixtures';

/** Elements that may repeat: always read as lists, even when a file holds one. */
const LISTS = new Set(['entry', 'link', 'author', 'url', 'sitemap']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Values stay text: a headline "2025" or a date must not come back as a number.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => LISTS.has(name),
});

export type XmlNode = { [name: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

export function parseXml(text: string): XmlNode {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} at line ${valid.err.line}, column ${valid.err.col}`);
  return parser.parse(text) as XmlNode;
}

/** A child element that must be there, as an object. */
export function child(node: XmlValue | undefined, name: string): XmlNode {
  const value = typeof node === 'object' && !Array.isArray(node) ? node[name] : undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`no <${name}> element`);
  return value;
}

/** A child element that may repeat, as a list (empty when absent). */
export function children(node: XmlValue | undefined, name: string): XmlNode[] {
  const value = typeof node === 'object' && !Array.isArray(node) ? node[name] : undefined;
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`<${name}> was not read as a list`);
  return value.map((item) => (typeof item === 'object' && !Array.isArray(item) ? item : { '#text': item }));
}

/** An element's text: a plain text element, or one with attributes. */
export function text(node: XmlValue | undefined, name: string): string {
  const value = typeof node === 'object' && !Array.isArray(node) ? node[name] : undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && !Array.isArray(value) && typeof value['#text'] === 'string') return value['#text'];
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).every((key) => key.startsWith('@_'))) return '';
  throw new Error(`<${name}> holds no text`);
}

export function attribute(node: XmlNode, name: string): string | undefined {
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** An Atom `type="html"` value as a feed reader shows it: the HTML parsed, then its text. */
export function htmlDocument(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
}

export const HOUR = 60 * 60 * 1000;

/**
 * A story for lists of any length: the real story under another slug and headline, published at
 * `published` (and updated at `updated`). Its text is the real story's.
 */
export function storyAt(n: number, published: string, updated?: string): Article {
  const story = realStory();
  return { ...story, slug: `story-${n}`, headline: `Story number ${n}`, published, ...(updated ? { updated } : {}) };
}

/** `count` stories, one an hour back from `newest`, newest first; every third one updated later. */
export function hourlyStories(count: number, newest = Date.UTC(2025, 2, 20, 12)): Article[] {
  return Array.from({ length: count }, (_, n) => {
    const published = new Date(newest - n * HOUR).toISOString();
    return storyAt(n, published, n % 3 === 0 ? new Date(newest - n * HOUR + 30 * 60 * 1000).toISOString() : undefined);
  });
}
