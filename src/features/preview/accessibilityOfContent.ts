/**
 * What the draft's content does to readers of assistive technology that axe cannot see in the
 * panes: the reader's page draws no lead image (its alt text travels in social cards and feeds),
 * shows people's pictures as decoration beside their names, and a name in its own script without
 * a language is only wrong for a screen reader, not to the eye.
 */
import { formatPath } from '../../content/parse';
import type { Article } from '../../content/schema';

export interface ContentFinding {
  readonly path: string;
  readonly message: string;
}

export function accessibilityOfContent(article: Article): ContentFinding[] {
  const findings: ContentFinding[] = [];
  if (article.image && article.image.alt.trim() === '') {
    findings.push({
      path: '$.image.alt',
      message: 'The lead image has no alt text: social cards and feeds show it with nothing for readers who cannot see it (WCAG 1.1.1).',
    });
  }
  article.people?.forEach((person, index) => {
    if (person.nativeName !== undefined && person.nativeLang === undefined) {
      findings.push({
        path: formatPath(['people', index, 'nativeName']),
        message: `${person.name}’s name in its own script has no nativeLang: screen readers read it in the page’s language (WCAG 3.1.2).`,
      });
    }
  });
  return findings;
}
