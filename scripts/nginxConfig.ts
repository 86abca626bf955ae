/**
 * deploy/nginx.conf, generated from scripts/siteRules.ts (the rules scripts/serve.ts follows too).
 * The file is a `server` block for Debian's nginx (sites-available/), with the site's root and
 * listen address as parameters; `nginxMainConfig` wraps it into a whole configuration for running
 * nginx on its own (the browser tests do).
 *
 *   npm run deploy:nginx                                   rewrites deploy/nginx.conf (commit it)
 *   npm run deploy:nginx -- --root /srv/dispatch --listen 8080 --out /etc/nginx/sites-available/dispatch
 *
 * A unit test fails when the committed deploy/nginx.conf is not what this writes.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  CACHE_CONTROL,
  DEFAULT_TYPE,
  FILE_TYPES,
  NOT_FOUND_JSON,
  NOT_FOUND_PAGE,
  securityHeaders,
  siteRoutes,
  type FileType,
  type Route,
  type SiteOptions,
} from './siteRules';

export const NGINX_CONF_FILE = 'deploy/nginx.conf';

export interface NginxOptions extends SiteOptions {
  /** The built site (a copy of dist/). */
  readonly root: string;
  /** nginx `listen`: a port, or address:port. */
  readonly listen: string;
  readonly serverName?: string;
}

export const DEFAULT_NGINX_OPTIONS: NginxOptions = { root: '/var/www/dispatch', listen: '80', contentBase: undefined };

/**
 * A quoted nginx string: the headers' values hold spaces, quotes and semicolons. In single quotes
 * when it holds double ones (the JSON body). A backslash is kept as written: nginx unescapes only
 * `\\`, `\"` and `\'`, none of which the rules need.
 */
function quote(value: string): string {
  if (/\\["'\\]/.test(value)) throw new Error(`nginxConfig: cannot quote ${value}`);
  return value.includes('"') && !value.includes("'") ? `'${value}'` : `"${value.replace(/"/g, '\\"')}"`;
}

/** A route's file name in nginx's terms: `$uri` is nginx's own; the slug is the pattern's named capture. */
function fileArgument(template: string): string {
  return template.replace('$slug', '${slug}');
}

function locationLine(route: Route): string[] {
  const { match } = route;
  if ('exact' in match) return match.exact.map((path) => `location = ${path}`);
  if ('prefix' in match) return [`location ^~ ${match.prefix}`];
  if ('pattern' in match) return [`location ~ ${quote(match.pattern)}`];
  return ['location /'];
}

function locationBody(route: Route, security: Readonly<Record<string, string>>): string[] {
  const lines: string[] = [];
  if (route.internal) lines.push('internal;');
  // add_header in a location drops every add_header of the server level: each location says them
  // all. `always`: on the not-found answers too (nginx adds headers to successes only otherwise).
  const headers = { ...security, 'Cache-Control': CACHE_CONTROL[route.cache], ...route.headers };
  for (const [name, value] of Object.entries(headers)) lines.push(`add_header ${name} ${quote(value)} always;`);
  if (route.notFound === 'json') lines.push('error_page 404 @not_found_json;');
  // `if` holding only a `return` is one of the uses nginx documents as safe.
  if (route.goneIf !== undefined) lines.push(`if (-f $document_root${fileArgument(route.goneIf)}) { return 410; }`);
  if (route.onlyIf !== undefined) lines.push(`if (!-f $document_root${fileArgument(route.onlyIf)}) { return 404; }`);
  if (route.files.length === 0) lines.push('return 404;');
  // An internal location is reached by error_page alone, for its own file: nginx serves it as is.
  else if (!route.internal) lines.push(`try_files ${route.files.map(fileArgument).join(' ')} =404;`);
  return lines;
}

function indent(lines: readonly string[], depth: number): string[] {
  return lines.map((line) => (line === '' ? '' : `${'    '.repeat(depth)}${line}`));
}

/** The `server` block: deploy/nginx.conf. */
export function nginxServerConfig(options: NginxOptions): string {
  const security = securityHeaders(options.contentBase);
  const typeLines = Object.entries(FILE_TYPES).map(([extension, { type }]) => `${type} ${extension};`);
  // text/html is in both lists already, and nginx warns when it is named again.
  const typesWhere = (keep: (type: FileType) => boolean) => [
    ...new Set(Object.values(FILE_TYPES).filter((type) => keep(type) && type.type !== 'text/html').map((type) => type.type)),
  ];
  const textTypes = typesWhere((type) => type.text);
  const compressTypes = typesWhere((type) => type.compress);

  const body: string[] = [
    `listen ${options.listen};`,
    `server_name ${options.serverName ?? '_'};`,
    `root ${options.root};`,
    '',
    'server_tokens off;',
    '# Content types from scripts/siteRules.ts (the same in scripts/serve.ts); nothing is guessed.',
    'types {',
    ...indent(typeLines, 1),
    '}',
    `default_type ${DEFAULT_TYPE};`,
    'charset utf-8;',
    `charset_types ${textTypes.join(' ')};`,
    '',
    '# The .gz written beside each text file at build time (scripts/precompress.ts); files added',
    '# later without one (a story published into content/) are compressed on the fly.',
    'gzip_static on;',
    'gzip on;',
    'gzip_comp_level 5;',
    'gzip_min_length 256;',
    `gzip_types ${compressTypes.join(' ')};`,
    '# Behind a CDN or proxy too: Vary tells it to keep the two encodings apart.',
    'gzip_proxied any;',
    'gzip_vary on;',
    '',
    '# ETag and Last-Modified on every file; a copy as old as the file or newer is still good.',
    'etag on;',
    'if_modified_since before;',
    '',
    `error_page 404 ${NOT_FOUND_PAGE};`,
    '# A story taken down (npm run publish -- --unpublish): Gone, with the not-found page.',
    `error_page 410 ${NOT_FOUND_PAGE};`,
    '',
  ];
  for (const route of siteRoutes(options)) {
    for (const location of locationLine(route)) {
      body.push(`# ${route.id}`, `${location} {`, ...indent(locationBody(route, security), 1), '}', '');
    }
  }
  body.push(
    '# A missing file under /content/: the reader asked for data, so the answer is not a page.',
    'location @not_found_json {',
    ...indent(
      [
        ...Object.entries({ ...security, 'Cache-Control': CACHE_CONTROL.notFound }).map(
          ([name, value]) => `add_header ${name} ${quote(value)} always;`,
        ),
        'default_type application/json;',
        `return 404 ${quote(NOT_FOUND_JSON)};`,
      ],
      1,
    ),
    '}',
  );
  return [
    '# Generated by scripts/nginxConfig.ts from scripts/siteRules.ts: do not edit by hand.',
    '# `npm run deploy:nginx` writes it; README.md, "Deploying", says how to install it.',
    'server {',
    ...indent(body, 1),
    '}',
    '',
  ].join('\n');
}

export interface NginxMainOptions {
  /** The server block (nginxServerConfig). */
  readonly server: string;
  /** Where nginx keeps its pid file, logs and temporary files (its -p prefix). */
  readonly prefix: string;
}

/** A whole configuration for an nginx of its own, in the foreground: everything it writes stays in `prefix`. */
export function nginxMainConfig({ server, prefix }: NginxMainOptions): string {
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `${kind}_temp_path ${prefix}/temp/${kind};`);
  return [
    'daemon off;',
    'worker_processes 1;',
    `pid ${prefix}/nginx.pid;`,
    `error_log ${prefix}/error.log warn;`,
    'events {',
    '    worker_connections 128;',
    '}',
    'http {',
    `    access_log off;`,
    ...indent(temp, 1),
    ...indent(server.split('\n'), 1),
    '}',
    '',
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { root: { type: 'string' }, listen: { type: 'string' }, 'server-name': { type: 'string' }, out: { type: 'string' } },
  });
  const out = values.out ?? NGINX_CONF_FILE;
  // The committed file is the defaults'; a configuration of your own takes the build's content base.
  const { loadEnv } = await import('vite');
  const contentBase = out === NGINX_CONF_FILE ? undefined : loadEnv('production', process.cwd(), 'VITE_').VITE_CONTENT_BASE;
  writeFileSync(
    out,
    nginxServerConfig({
      root: values.root ?? DEFAULT_NGINX_OPTIONS.root,
      listen: values.listen ?? DEFAULT_NGINX_OPTIONS.listen,
      serverName: values['server-name'],
      contentBase,
    }),
  );
  console.log(`wrote ${out}`);
}
