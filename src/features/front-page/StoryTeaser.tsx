import type { IndexEntry } from '../../content/schema';
import { StoryTeaserView } from '../../ui/StoryTeaserView';
import { usePrefetchArticle } from './usePrefetchArticle';

interface StoryTeaserProps {
  readonly entry: IndexEntry;
  /** Off on a section's own page, where every story is of that section. */
  readonly showSection?: boolean;
}

/** The front page's teaser: the shared view, with the story prefetched when a reader shows intent. */
export function StoryTeaser({ entry, showSection = true }: StoryTeaserProps) {
  return <StoryTeaserView entry={entry} showSection={showSection} link={usePrefetchArticle(entry.slug)} />;
}
