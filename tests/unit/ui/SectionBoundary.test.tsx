/** A section of the story page that throws is caught by its own boundary; the rest of the page shows. */
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SectionBoundary } from '../../../src/ui/SectionBoundary';
import { REAL_HEADLINE, openStory } from '../support/storyPage';

const broken = vi.hoisted(() => ({ section: 'none' as 'none' | 'people' | 'timeline' }));

function Broken(): never {
  throw new Error('this section is broken');
}

vi.mock('../../../src/features/article/KeyPeople', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/features/article/KeyPeople')>();
  return {
    KeyPeople: (props: Parameters<typeof original.KeyPeople>[0]) => (broken.section === 'people' ? <Broken /> : <original.KeyPeople {...props} />),
  };
});

vi.mock('../../../src/features/article/Timeline', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/features/article/Timeline')>();
  return {
    ...original,
    Timeline: (props: Parameters<typeof original.Timeline>[0]) => (broken.section === 'timeline' ? <Broken /> : <original.Timeline {...props} />),
  };
});

/** Opens the real story with one section broken; returns what the boundary reported. */
async function openWithBroken(section: typeof broken.section) {
  broken.section = section;
  const caught = vi.fn();
  const app = await openStory(undefined, { onCaughtError: caught });
  return { ...app, caught };
}

describe('SectionBoundary', () => {
  it('shows its section when nothing goes wrong', () => {
    render(
      <SectionBoundary label="The key people">
        <p>Five people</p>
      </SectionBoundary>,
    );
    expect(screen.getByText('Five people')).toBeInTheDocument();
  });

  it('puts a note in place of a section that throws', () => {
    render(
      <SectionBoundary label="The key people">
        <Broken />
      </SectionBoundary>,
      { onCaughtError: () => {} },
    );
    expect(screen.getByRole('note')).toHaveTextContent('The key people can’t be shown right now; the rest of the story is below.');
  });
});

describe('a story page with a broken section', () => {
  it('shows the rest of the story when the key people throw', async () => {
    await openWithBroken('people');
    expect([
      screen.getByRole('note').textContent,
      screen.queryByRole('complementary', { name: 'Key people' }),
      screen.getByRole('region', { name: /^Timeline/ }) instanceof HTMLElement,
      screen.getByText(/Western officials fear a nuclear-armed Iran/) instanceof HTMLElement,
    ]).toEqual(['The key people can’t be shown right now; the rest of the story is below.', null, true, true]);
  });

  it('shows the rest of the story when the timeline throws', async () => {
    await openWithBroken('timeline');
    expect([
      screen.getByRole('note').textContent,
      screen.queryByRole('region', { name: /^Timeline/ }),
      screen.getByRole('complementary', { name: 'Key people' }) instanceof HTMLElement,
    ]).toEqual(['The timeline can’t be shown right now; the rest of the story is below.', null, true]);
  });

  it('reports the error as caught, not as a crash of the page', async () => {
    const { caught } = await openWithBroken('people');
    expect(caught).toHaveBeenCalledWith(expect.objectContaining({ message: 'this section is broken' }), expect.anything());
  });

  it('keeps the headline', async () => {
    await openWithBroken('timeline');
    expect(screen.getByRole('heading', { level: 1, name: REAL_HEADLINE })).toBeInTheDocument();
  });
});
