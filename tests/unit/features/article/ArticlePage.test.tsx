/**
 * The story page, rendered from the real content file through the whole app (router, query cache,
 * fetch): its header, body and key people. The timeline is in ArticleTimeline.test.tsx.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { REAL_HEADLINE, REAL_STORY, datelineOf, keyPeople, openStory, peopleStrip, timeline } from '../../support/storyPage';

/** Paragraphs whose whole text is `text`. */
function paragraphsReading(text: string): HTMLElement[] {
  return screen.queryAllByText((_, element) => element?.tagName === 'P' && element.textContent === text);
}

describe('the story’s header', () => {
  it('has the headline as the page’s only h1', async () => {
    await openStory();
    expect(screen.getAllByRole('heading', { level: 1 }).map((heading) => heading.textContent)).toEqual([REAL_HEADLINE]);
  });

  it('names the article landmark by the headline', async () => {
    await openStory();
    expect(screen.getByRole('article', { name: REAL_HEADLINE })).toBeInTheDocument();
  });

  it('gives the date of publication, as written, to <time datetime>', async () => {
    await openStory();
    expect(within(datelineOf('Washington')).getByText('20 March 2025')).toHaveAttribute('datetime', '2025-03-20');
  });

  it('credits the agency and the outlet that ran it', async () => {
    await openStory();
    expect(screen.getByText('Reuters, via NDTV')).toBeInTheDocument();
  });

  it('shows the syndication note', async () => {
    await openStory();
    expect(screen.getByText(`(${REAL_STORY.source?.note ?? 'no note in the real story'})`)).toBeInTheDocument();
  });

  it('sets the document title to the headline and the site’s name', async () => {
    await openStory();
    await waitFor(() => expect(document.title).toBe(`${REAL_HEADLINE} | Dispatch`));
  });

  it('sets the meta description to the standfirst', async () => {
    await openStory();
    // Set by an effect once the story is on screen: it may land just after the headline shows.
    await waitFor(() => expect(document.head.querySelector('meta[name="description"]')).toHaveAttribute('content', REAL_STORY.standfirst));
  });
});

describe('the story’s body', () => {
  it('shows every paragraph of the story, once', async () => {
    await openStory();
    // The standfirst repeats the second paragraph word for word, so that one is on the page twice.
    const counts = REAL_STORY.body.map((block) => paragraphsReading(block.text).length - (block.text === REAL_STORY.standfirst ? 1 : 0));
    expect(counts).toEqual(REAL_STORY.body.map(() => 1));
  });

  it('links the first mention of each person, and only that, to their card', async () => {
    await openStory();
    const article = screen.getByRole('article', { name: REAL_HEADLINE });
    const mentions = within(article)
      .getAllByRole('link')
      .filter((link) => link.getAttribute('href')?.startsWith('#person-') && !keyPeople().contains(link) && !timeline().contains(link) && !peopleStrip().contains(link));
    expect(mentions.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Donald Trump', '#person-donald-trump'],
      ['Ron Dermer', '#person-ron-dermer'],
      ['Tzachi Hanegbi', '#person-tzachi-hanegbi'],
      ['Ayatollah Ali Khamenei', '#person-ali-khamenei'],
      ['Abbas Araqchi', '#person-abbas-araqchi'],
    ]);
  });

  it('takes a mention’s link to the card of the person it names', async () => {
    await openStory();
    const href = screen.getByRole('link', { name: 'Ayatollah Ali Khamenei' }).getAttribute('href') ?? '';
    const card = document.getElementById(href.slice(1));
    expect(card && keyPeople().contains(card) && within(card).getByRole('heading', { level: 3 })).toHaveTextContent('Ali Khamenei');
  });
});

describe('the key people', () => {
  it('is a complementary landmark listing the five people in the editors’ order', async () => {
    await openStory();
    expect(within(keyPeople()).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual([
      'Donald Trump',
      'Ali Khamenei',
      'Abbas Araqchi',
      'Ron Dermer',
      'Tzachi Hanegbi',
    ]);
  });

  it('shows names in their own script in their language, right to left', async () => {
    await openStory();
    const natives = (REAL_STORY.people ?? []).flatMap((person) => (person.nativeName ? [person] : []));
    expect(natives.map((person) => {
      const name = within(keyPeople()).getByText(person.nativeName ?? '');
      return [person.nativeName, name.getAttribute('lang'), name.getAttribute('dir')];
    })).toEqual([
      ['علی خامنه‌ای', 'fa', 'rtl'],
      ['عباس عراقچی', 'fa', 'rtl'],
      ['רון דרמר', 'he', 'rtl'],
      ['צחי הנגבי', 'he', 'rtl'],
    ]);
  });
});
