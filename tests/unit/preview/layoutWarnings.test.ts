// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { offsetOfPath } from '../../../src/features/preview/draftPlaces';
import { layoutWarnings } from '../../../src/features/preview/layoutWarnings';
import { realStory, realStoryText } from '../support/fixtures';

const report = (width: number, headlineLines: number, overflows: { path: string; text: string }[] = []) => ({ width, headlineLines, overflows });

describe('layoutWarnings', () => {
  it('warns of a headline past four lines in the 360 px pane, and only there', () => {
    expect(layoutWarnings([report(360, 4), report(768, 5)])).toEqual([]);
    expect(layoutWarnings([report(360, 5), report(1280, 2)])).toEqual([
      { path: '$.headline', message: expect.stringMatching(/^the headline wraps to 5 lines at 360 px; keep it to 4/) },
    ]);
  });

  it('names words broken mid-word by their path, measured in the narrowest pane when there is none at 320 px, and says so', () => {
    const warnings = layoutWarnings([
      report(1280, 2),
      report(360, 3, [{ path: '$.body[4].text', text: 'https://example.com/a/very/long/address' }]),
      report(768, 2, [{ path: '$.body[9].text', text: 'not-the-narrowest' }]),
    ]);
    expect(warnings).toEqual([
      { path: '$.body[4].text', message: expect.stringMatching(/wider than its column at 360 px \(the narrowest pane; there is none at 320 px/) },
    ]);
  });

  it('measures at 320 px where there is such a pane', () => {
    const [warning] = layoutWarnings([report(320, 3, [{ path: '$.headline', text: 'Supercalifragilistic' }]), report(360, 3)]);
    expect(warning?.message).toBe('“Supercalifragilistic” is wider than its column at 320 px, so it is broken mid-word');
  });
});

describe('offsetOfPath', () => {
  it('finds a path of the parsed story in the text as written, past items the parser left out', () => {
    const story = JSON.parse(realStoryText()) as { body: unknown[] };
    story.body.splice(1, 0, { type: 'video', src: 'x' });
    const text = JSON.stringify(story, null, 2);
    const parsed = realStory();
    const offset = offsetOfPath(text, parsed, '$.body[1]');
    // Parsed block 1 is written block 2: the unknown "video" block before it is left out.
    expect(text.slice(offset, offset + 60)).toContain('"type": "paragraph"');
    expect(text.slice(offset)).toMatch(/^\{\s*"type": "paragraph",\s*"text": "The planned meeting/);
  });
});
