import type { AnchorHTMLAttributes, MouseEvent, Ref } from 'react';
import { createPath, useHref, useLocation, useNavigate, type To } from 'react-router';

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  readonly to: To;
  readonly ref?: Ref<HTMLAnchorElement>;
}

/**
 * A link the router follows without reloading the page: what React Router's own `Link` does for
 * this app, without the framework mode it also carries (route-module prefetching, view
 * transitions, masks): about 2 KB gzip that every reader downloaded before a story was interactive.
 * Modified clicks (a new tab, a download) and other targets are left to the browser, as there.
 */
export function Link({ to, onClick, target, ref, children, ...rest }: LinkProps) {
  const href = useHref(to);
  const navigate = useNavigate();
  const here = useLocation();
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    // A link to the page already shown replaces it in the history rather than adding it twice.
    followPlainClick(event, () => navigate(to, { replace: createPath(here) === href }));
  };
  return (
    <a {...rest} ref={ref} href={href} target={target} onClick={handleClick}>
      {children}
    </a>
  );
}

/**
 * For a link the app follows itself without React Router's hooks (which redraw it on every change
 * of address): a plain click, or Enter, runs `follow` instead of loading the page; a click to open
 * a new tab or window, or to download, is left to the browser.
 */
export function followPlainClick(event: MouseEvent<HTMLAnchorElement>, follow: () => void): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
  const target = event.currentTarget.getAttribute('target');
  if (target !== null && target !== '' && target !== '_self') return;
  event.preventDefault();
  follow();
}
