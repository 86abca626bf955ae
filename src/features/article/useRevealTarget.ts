import { useEffect } from 'react';

/**
 * Opens a shared link to a part of the story (#person-…, #event-…) once the story is on screen.
 * The browser looks for the fragment when the page loads, before a story fetched by the app
 * exists; navigating to the same fragment again scrolls to it and makes it the :target, which
 * is what highlights it.
 */
export function useRevealTarget(): void {
  useEffect(() => {
    const { hash } = window.location;
    if (hash.length < 2) return;
    let id: string;
    try {
      id = decodeURIComponent(hash.slice(1));
    } catch {
      return;
    }
    const target = document.getElementById(id);
    if (!target || target.matches(':target')) return;
    window.location.replace(hash);
  }, []);
}
