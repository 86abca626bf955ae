/** A story's own address on this site: what is shared and printed, whatever page shows the story. */
export const storyPath = (slug: string): string => `/articles/${slug}`;
