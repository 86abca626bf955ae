/**
 * The two production servers, started by tests/browser/nginx.spec.ts on a copy of dist/ (which
 * the spec publishes a story into): a real nginx running the generated deploy configuration, and
 * the Node server behind `npm start`. Both on loopback ports derived from TEST_PORT, so that two
 * checkouts can run side by side.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nginxMainConfig, nginxServerConfig } from '../../scripts/nginxConfig';
import { precompressFiles } from '../../scripts/precompress';
import { createSiteServer } from '../../scripts/serve';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const TEST_PORT = Number(process.env.TEST_PORT ?? 4173);
export const NGINX_PORT = TEST_PORT + 10;
export const NODE_PORT = TEST_PORT + 11;

export interface Site {
  /** A temporary folder: nginx's prefix, and the site under `site/`. */
  readonly dir: string;
  readonly root: string;
}

/** A copy of dist/ that the servers serve and the spec may change. */
export function copySite(): Site {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-deploy-'));
  // nginx's workers drop root's rights: the copy must be readable by anyone (mkdtemp makes it 0700).
  chmodSync(dir, 0o755);
  const root = join(dir, 'site');
  cpSync(DIST, root, { recursive: true, preserveTimestamps: true });
  return { dir, root };
}

/** Publishes a story into the served copy, as an editor would: its file, and an entry in the index. */
export function publishStory(site: Site, story: { slug: string; headline: string; published: string }, text: string): void {
  const articles = join(site.root, 'content', 'articles');
  writeFileSync(join(articles, `${story.slug}.json`), text);
  const indexFile = join(articles, 'index.json');
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as { articles: unknown[] };
  index.articles.push({ slug: story.slug, headline: story.headline, published: story.published });
  writeFileSync(indexFile, `${JSON.stringify(index, null, 2)}\n`);
  // As a publish step must: nginx would otherwise send the build's index.json.gz, without the story.
  precompressFiles([join(articles, `${story.slug}.json`), indexFile]);
}

/** Resolves once something accepts connections on the port; rejects if the process dies first. */
async function untilListening(port: number, process: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (process.exitCode !== null) throw new Error(`nginx exited (${process.exitCode}) before listening:\n${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port}:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface Running {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startNginx(site: Site, port = NGINX_PORT): Promise<Running> {
  mkdirSync(join(site.dir, 'temp'), { recursive: true });
  const server = nginxServerConfig({ root: site.root, listen: `127.0.0.1:${port}`, contentBase: undefined });
  const conf = join(site.dir, 'nginx.conf');
  writeFileSync(conf, nginxMainConfig({ server, prefix: site.dir }));
  const binary = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
  // In the foreground (daemon off), so that this process owns it; -e: nothing written outside the prefix.
  const nginx = spawn(binary, ['-p', site.dir, '-c', conf, '-e', join(site.dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  nginx.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => nginx.once('exit', () => resolve()));
  const output = () => {
    let log = '';
    try {
      log = readFileSync(join(site.dir, 'error.log'), 'utf8');
    } catch {
      // Not written yet.
    }
    return `${stderr}${log}`;
  };
  await untilListening(port, nginx, output);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      // TERM: a fast shutdown of the master and its worker; wait until it has gone.
      if (nginx.exitCode === null) nginx.kill('SIGTERM');
      await exited;
    },
  };
}

export async function startNodeServer(site: Site, port = NODE_PORT): Promise<Running> {
  const server: Server = createSiteServer({ root: site.root, contentBase: undefined });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function removeSite(site: Site): void {
  rmSync(site.dir, { recursive: true, force: true });
}
