/** A story at the limits the bench measures: 2,000 events, 200 people, 500 paragraphs. */
export function bigStory(events = 2000, people = 200, paragraphs = 500) {
  const person = (i: number) => ({
    id: `person-${i}`,
    name: `Person Number${i}`,
    role: 'Official',
    affiliation: i % 2 ? 'Ministry of Examples' : 'Office of Tests',
    aliases: [`Number${i}`],
    summary: `Person ${i}, named in the story.`,
  });
  return {
    schemaVersion: 1,
    slug: 'bench-scale',
    headline: 'A story at scale: two thousand events and two hundred people',
    standfirst: 'Generated for the benchmark.',
    section: 'World',
    dateline: 'Washington',
    published: '2025-03-20',
    body: Array.from({ length: paragraphs }, (_, i) => ({
      type: 'paragraph',
      text: `Paragraph ${i + 1}. Person Number${i % people} met Number${(i + 1) % people} to discuss the matter at length, according to people familiar with it.`,
    })),
    people: Array.from({ length: people }, (_, i) => person(i)),
    timeline: Array.from({ length: events }, (_, i) => {
      const year = 1900 + (i % 125);
      const month = String((i % 12) + 1).padStart(2, '0');
      const day = String((i % 28) + 1).padStart(2, '0');
      return {
        id: `event-${i}`,
        date: i % 3 === 0 ? String(year) : i % 3 === 1 ? `${year}-${month}` : `${year}-${month}-${day}`,
        title: `Event ${i}`,
        summary: `What happened in event ${i}.`,
        people: [`person-${i % people}`, `person-${(i * 7) % people}`],
      };
    }),
  };
}
