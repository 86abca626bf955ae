import { useSyncExternalStore, type ReactNode } from 'react';
import { readTheme, setTheme, subscribeTheme, THEME_CHOICES, type ThemeChoice } from './theme';
import styles from './ThemeControl.module.css';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

const svg = (children: ReactNode) => (
  <svg className={styles.icon} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    {children}
  </svg>
);

const ICONS: Record<ThemeChoice, ReactNode> = {
  system: svg(<path d="M4 5h16v11H4zM9 20h6M12 16v4" />),
  light: svg(
    <>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M2 12h2M20 12h2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </>,
  ),
  dark: svg(<path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z" />),
};

/** The server cannot know the reader's choice; the stored one takes over as soon as the page hydrates. */
const serverTheme = (): ThemeChoice => 'system';

/** System, Light or Dark, as one radio group: arrow keys move between them, as in any radio group. */
export function ThemeControl() {
  const theme = useSyncExternalStore(subscribeTheme, readTheme, serverTheme);
  return (
    <fieldset className={styles.control}>
      <legend className="visually-hidden">Theme</legend>
      {THEME_CHOICES.map((choice) => (
        <label key={choice} className={styles.option} title={`${LABELS[choice]} theme`}>
          <input
            type="radio"
            name="theme"
            value={choice}
            className={styles.input}
            checked={theme === choice}
            onChange={() => setTheme(choice)}
          />
          <span className={styles.face}>
            {ICONS[choice]}
            <span className={styles.text}>{LABELS[choice]}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
