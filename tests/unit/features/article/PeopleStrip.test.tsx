/**
 * The strip of key people at the top of a story on a phone: one link a person, in the editors'
 * order, each to that person's card; a long cast ends in one link to all the cards.
 */
import { render, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { KEY_PEOPLE_ID, PeopleStrip, STRIP_LIMIT } from '../../../../src/features/article/PeopleStrip';
import type { Person } from '../../../../src/content/schema';
import { realStory } from '../../support/fixtures';
import { openStory, peopleStrip } from '../../support/storyPage';

/** Each link, as a reader hears it: its name (the initials beside it are hidden) and where it goes. */
function expectLinks(expected: readonly (readonly [string, string])[]): void {
  const found = within(peopleStrip()).getAllByRole('link');
  expect(found).toHaveLength(expected.length);
  found.forEach((link, index) => {
    const [name, href] = expected[index] ?? ['', ''];
    expect(link).toHaveAccessibleName(name);
    expect(link).toHaveAttribute('href', href);
  });
}

describe('the strip of key people', () => {
  it('names each key person, in order, linking to their card on the story page', async () => {
    await openStory();
    const people = realStory().people ?? [];
    expect(people.length).toBeGreaterThan(0);
    expectLinks(people.map((person) => [person.name, `#person-${person.id}`] as const));
    for (const person of people) {
      const card = document.getElementById(`person-${person.id}`);
      expect(card, `${person.name} has a card`).not.toBeNull();
      expect(within(card as HTMLElement).getByRole('heading', { level: 3 })).toHaveTextContent(person.name);
    }
  });

  it(`shows the first ${STRIP_LIMIT} of a long cast, then one link to all of them`, () => {
    const cast: Person[] = Array.from({ length: 30 }, (_, index) => ({ id: `person-${index}`, name: `Person ${index}`, role: 'Witness' }));
    render(<PeopleStrip people={cast} />);
    expectLinks([
      ...cast.slice(0, STRIP_LIMIT).map((person) => [person.name, `#person-${person.id}`] as const),
      ['All 30 people', `#${KEY_PEOPLE_ID}`],
    ]);
  });
});
