import { Component, type ReactNode } from 'react';

interface SectionBoundaryProps {
  /** What the section is, for the message shown in its place: "The key people". */
  readonly label: string;
  readonly children: ReactNode;
}

interface SectionBoundaryState {
  readonly failed: boolean;
}

/**
 * Catches a secondary section that throws, so the rest of the story stays on screen.
 * React needs a class for this; nothing else in the app does.
 */
export class SectionBoundary extends Component<SectionBoundaryProps, SectionBoundaryState> {
  override state: SectionBoundaryState = { failed: false };

  static getDerivedStateFromError(): SectionBoundaryState {
    return { failed: true };
  }

  override render() {
    if (this.state.failed) {
      return <p role="note">{this.props.label} can’t be shown right now; the rest of the story is below.</p>;
    }
    return this.props.children;
  }
}
