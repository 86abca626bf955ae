import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { Link } from '../ui/Link';
import { SITE_NAME } from '../ui/site';
import { ThemeControl } from '../ui/ThemeControl';
import styles from './Shell.module.css';

/** The page frame: skip link, masthead, the main landmark and the footer. */
export function Shell() {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a client-side navigation, start the new page at its top and tell assistive technology
  // where the reader now is, as a full page load would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // A link to a part of the new page (#person-…) is left to that page to open.
    if (!window.location.hash) window.scrollTo({ top: 0, left: 0, behavior: 'instant' });
    main.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <div className={styles.page}>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className={styles.masthead}>
        <div className={styles.mastheadInner}>
          <Link to="/" className={styles.brand}>
            {SITE_NAME}
          </Link>
          <p className={styles.tagline}>World news, clearly told</p>
          <div className={styles.settings}>
            <ThemeControl />
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className={styles.main}>
        <Outlet />
      </main>
      <footer className={styles.footer}>
        <p>
          {SITE_NAME} shows stories from its own feed and from syndicated agencies, credited on each story.
        </p>
      </footer>
    </div>
  );
}
