/** A new story that is valid from the start, so the preview has something to show at once. */
export function blankTemplate(today: Date = new Date()): string {
  // The editor's own calendar day, not UTC's: a draft started late in the evening is still today's.
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
  const story = {
    schemaVersion: 1,
    slug: 'new-story',
    headline: 'The headline of the new story',
    standfirst: 'One paragraph that tells the reader what happened and why it matters.',
    section: 'World',
    dateline: 'London',
    published: date,
    byline: 'Staff reporter',
    body: [
      { type: 'paragraph', text: 'The first paragraph of the story.' },
      { type: 'paragraph', text: 'The second paragraph.' },
    ],
    people: [],
    timeline: [],
  };
  return `${JSON.stringify(story, null, 2)}\n`;
}
