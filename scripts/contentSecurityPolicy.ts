import type { Plugin } from 'vite';
import { BOOT_SCRIPT_HASH } from './bootScript';

/**
 * Where scripts may come from: this site, and the one inline script every page carries (the boot
 * script, src/boot.js, by the hash of its text). Never any other inline script, never eval.
 */
export const SCRIPT_SOURCES: readonly string[] = ["'self'", BOOT_SCRIPT_HASH];

/**
 * The kinds of page with a policy of their own. `reader`: every page a reader can open. `preview`:
 * the editors' preview (/preview), which draws the draft's social card as the build does, with
 * satori, whose layout engine is WebAssembly, and shows it as an SVG image from a blob: URL
 * (src/features/preview/useSocialCard.ts). Only the preview may compile WebAssembly.
 */
export type PageKind = 'reader' | 'preview';

export interface PolicyOptions {
  readonly page?: PageKind;
}

/**
 * The built app's Content Security Policy, as a <meta> tag in every page (the dev server, which
 * injects inline scripts for hot reload, goes without). Scripts only from this site and the boot
 * script (SCRIPT_SOURCES), never eval; content (JSON) from this site or the configured content base; pictures from
 * this site or https:, as the contract allows, and `data:` for the site's own icon, which every page carries
 * inline (scripts/inlineIcon.ts; the contract still refuses `data:` pictures in content). Styles may be inline: the critical CSS is inlined
 * in each page, and the preview's code editor injects its own style elements.
 */
export function contentSecurityPolicy(contentBase: string | undefined, { page = 'reader' }: PolicyOptions = {}): string {
  const connect = ["'self'"];
  if (contentBase && /^https?:\/\//.test(contentBase)) connect.push(new URL(contentBase).origin);
  const preview = page === 'preview';
  return [
    "default-src 'self'",
    `script-src ${SCRIPT_SOURCES.join(' ')}${preview ? " 'wasm-unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: https:${preview ? ' blob:' : ''}`,
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "frame-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The same policy as an HTTP header (scripts/siteRules.ts), which can say what a meta tag cannot:
 * who may frame the site. Only the site itself, for the editors' preview panes (/preview/frame).
 * Both are enforced, so the header must allow everything the meta tag allows: it is built from it.
 */
export function contentSecurityPolicyHeader(contentBase: string | undefined, options: PolicyOptions = {}): string {
  return `${contentSecurityPolicy(contentBase, options)}; frame-ancestors 'self'`;
}

const metaTag = (policy: string) => `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;

export function cspMetaTag(contentBase: string | undefined): Plugin {
  return {
    name: 'csp-meta-tag',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // Right after the charset, so the policy governs every script the page names.
      handler: (html) => html.replace(/(<meta charset="[^"]*"\s*\/?>)/i, `$1\n    ${metaTag(contentSecurityPolicy(contentBase))}`),
    },
  };
}

/** A built page with another kind of page's policy in its meta tag (the preview's page is the shell with its own). */
export function withPagePolicy(html: string, contentBase: string | undefined, options: PolicyOptions): string {
  const tag = /<meta http-equiv="Content-Security-Policy" content="[^"]*" \/>/;
  if (!tag.test(html)) throw new Error('the page has no Content-Security-Policy meta tag to replace');
  return html.replace(tag, () => metaTag(contentSecurityPolicy(contentBase, options)));
}
