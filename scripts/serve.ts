/**
 * The production server behind `npm start`: the built dist/ answered by the rules in
 * scripts/siteRules.ts, the same rules deploy/nginx.conf is generated from, so a page, a story
 * added after the build, an unknown address or a missing story gets the same status and headers
 * here as behind nginx. Node's own http module, no framework: there is nothing here a framework
 * would do for us, and nothing to keep up to date.
 *
 * What it does as nginx does: the `.gz` beside a file for a browser that accepts gzip; ETag
 * (nginx's form: mtime and size in hex) and Last-Modified, answered with 304; HEAD; 405 for other
 * methods. What it does not: compress files that have no `.gz` (nginx does, on the fly), ranges.
 *
 *   PORT=4173 HOST=127.0.0.1 SITE_ROOT=dist tsx scripts/serve.ts
 */
import { createReadStream, statSync, type Stats } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CACHE_CONTROL,
  DEFAULT_TYPE,
  FILE_TYPES,
  NOT_FOUND_JSON,
  NOT_FOUND_PAGE,
  fillPath,
  routeFor,
  securityHeaders,
  siteRoutes,
  type CacheKind,
  type NotFoundAnswer,
  type SiteOptions,
} from './siteRules';

export interface SiteServerOptions extends SiteOptions {
  /** The built site: dist/. */
  readonly root: string;
}

type Headers = Record<string, string | number>;

function fileAt(root: string, path: string): Stats | undefined {
  const file = join(root, path);
  // A decoded path with `..` in it could name a file outside the site.
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  try {
    const stats = statSync(file);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

function contentType(path: string): string {
  const type = FILE_TYPES[extname(path).slice(1).toLowerCase()];
  if (!type) return DEFAULT_TYPE;
  return type.text ? `${type.type}; charset=utf-8` : type.type;
}

/** nginx's ETag: the file's mtime in seconds and its size, in hex. */
function etagOf(stats: Stats): string {
  return `"${Math.floor(stats.mtimeMs / 1000).toString(16)}-${stats.size.toString(16)}"`;
}

/** Whether `gzip` is acceptable: named (or `*`) without q=0. */
export function acceptsGzip(header: string | undefined): boolean {
  for (const part of (header ?? '').split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') continue;
    const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    return q === undefined || Number(q) > 0;
  }
  return false;
}

/** As nginx with `if_modified_since before`: an ETag decides when one is sent; else the date. */
function notModified(req: IncomingMessage, etag: string, stats: Stats): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.split(',').some((tag) => {
      const candidate = tag.trim().replace(/^W\//, '');
      return candidate === '*' || candidate === etag;
    });
  }
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && Math.floor(stats.mtimeMs / 1000) * 1000 <= since;
}

export function createSiteServer({ root: rootDir, contentBase }: SiteServerOptions): Server {
  const root = resolve(rootDir);
  const routes = siteRoutes({ contentBase });
  const security = securityHeaders(contentBase);

  function sendFile(req: IncomingMessage, res: ServerResponse, path: string, stats: Stats, status: number, headers: Headers): void {
    const gzipPath = `${path}.gz`;
    const gzipStats = fileAt(root, gzipPath);
    // A `.gz` older than its file was not rewritten when the file was: never send stale bytes.
    // (Seconds: the resolution of Last-Modified, and all that copying a file's time keeps for sure.)
    const gzipUsable = gzipStats !== undefined && Math.floor(gzipStats.mtimeMs / 1000) >= Math.floor(stats.mtimeMs / 1000);
    const useGzip = gzipUsable && acceptsGzip(req.headers['accept-encoding']);
    const sent = useGzip && gzipStats ? gzipStats : stats;
    const etag = etagOf(sent);
    const validators: Headers = {
      ...headers,
      ETag: etag,
      // As nginx: a date says when the document last changed, which a not-found page does not describe.
      ...(status === 200 ? { 'Last-Modified': stats.mtime.toUTCString() } : {}),
      ...(gzipUsable ? { Vary: 'Accept-Encoding' } : {}),
    };
    // Only a success is revalidated (nginx answers 304 for nothing else).
    if (status === 200 && notModified(req, etag, sent)) {
      res.writeHead(304, validators);
      res.end();
      return;
    }
    res.writeHead(status, {
      ...validators,
      'Content-Type': contentType(path),
      ...(useGzip ? { 'Content-Encoding': 'gzip' } : {}),
      'Content-Length': sent.size,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(join(root, useGzip ? gzipPath : path)).pipe(res);
  }

  function withCache(kind: CacheKind, extra: Readonly<Record<string, string>> = {}): Headers {
    return { ...security, 'Cache-Control': CACHE_CONTROL[kind], ...extra };
  }

  function sendNotFound(req: IncomingMessage, res: ServerResponse, answer: NotFoundAnswer, status: 404 | 410 = 404): void {
    const headers = withCache('notFound');
    const page = answer === 'page' ? fileAt(root, NOT_FOUND_PAGE) : undefined;
    if (page) return sendFile(req, res, NOT_FOUND_PAGE, page, status, headers);
    const body = Buffer.from(NOT_FOUND_JSON);
    res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.byteLength });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  return createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...security, Allow: 'GET, HEAD', 'Content-Length': 0 });
      res.end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://site').pathname);
    } catch {
      res.writeHead(400, { ...security, 'Content-Length': 0 });
      res.end();
      return;
    }
    const { route, slug } = routeFor(routes, path);
    if (route.goneIf !== undefined && fileAt(root, fillPath(route.goneIf, path, slug))) return sendNotFound(req, res, route.notFound, 410);
    if (route.internal || (route.onlyIf !== undefined && !fileAt(root, fillPath(route.onlyIf, path, slug)))) {
      return sendNotFound(req, res, route.notFound);
    }
    for (const template of route.files) {
      const file = fillPath(template, path, slug);
      const stats = fileAt(root, file);
      if (stats) return sendFile(req, res, file, stats, 200, withCache(route.cache, route.headers));
    }
    sendNotFound(req, res, route.notFound);
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // The content base the build used (a .env file or the environment), for the CSP header.
  const { loadEnv } = await import('vite');
  const contentBase = loadEnv('production', process.cwd(), 'VITE_').VITE_CONTENT_BASE;
  const port = Number(process.env.PORT ?? 4173);
  const host = process.env.HOST ?? '127.0.0.1';
  const root = resolve(process.env.SITE_ROOT ?? 'dist');
  createSiteServer({ root, contentBase }).listen(port, host, () => {
    console.log(`Dispatch: serving ${root} at http://${host}:${port}/`);
  });
}
