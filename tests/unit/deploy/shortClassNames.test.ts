/** The build's CSS module class names (scripts/shortClassNames.ts): short, stable, and never shared by two classes. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { shortClassNames } from '../../../scripts/shortClassNames';

const ROOT = '/site';
const fileHash = (path: string) => createHash('sha256').update(path).digest('base64url').slice(0, 4);

describe('the build’s class names', () => {
  it('are the class’s own name and four characters that stand for its file', () => {
    const name = shortClassNames(ROOT);
    const summary = name('summary', '/site/src/features/article/Timeline.module.css');
    const title = name('title', '/site/src/features/article/Timeline.module.css');
    expect(summary).toMatch(/^summary_[A-Za-z0-9_-]{4}$/);
    expect(summary.slice(-4)).toBe(title.slice(-4));
    expect(summary).toBe(`summary_${fileHash('src/features/article/Timeline.module.css')}`);
    expect(name('summary', '/site/src/features/article/PersonCard.module.css')).not.toBe(summary);
  });

  it('depend on the file’s path within the project alone, so that the client and server builds agree', () => {
    const file = 'src/ui/Button.module.css';
    const here = shortClassNames('/site')('button', `/site/${file}`);
    expect(shortClassNames('/elsewhere/checkout')('button', `/elsewhere/checkout/${file}`)).toBe(here);
    expect(shortClassNames('/site')('button', `/site/${file}?used`)).toBe(here);
    // The same class asked for again is the same class.
    const name = shortClassNames('/site');
    expect([name('button', `/site/${file}`), name('button', `/site/${file}`)]).toEqual([here, here]);
  });

  it('stop the build when two classes would share a name', () => {
    // Two files whose paths' hashes begin alike: found by trying, the same pair every time.
    const seen = new Map<string, string>();
    let pair: [string, string] | undefined;
    for (let index = 0; pair === undefined && index < 100_000; index += 1) {
      const path = `src/part${index}.module.css`;
      const other = seen.get(fileHash(path));
      if (other !== undefined) pair = [other, path];
      seen.set(fileHash(path), path);
    }
    if (pair === undefined) throw new Error('no two paths of the 100,000 tried share a hash');
    const [first, second] = pair;
    const name = shortClassNames(ROOT);
    name('card', `${ROOT}/${first}`);
    expect(name('other', `${ROOT}/${second}`)).toMatch(/^other_/);
    expect(() => name('card', `${ROOT}/${second}`)).toThrow(`CSS modules: ${first}: .card and ${second}: .card would both be the class "card_${fileHash(first)}"`);
  });
});
