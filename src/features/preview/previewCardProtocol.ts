import type { CardInput } from '../../ui/socialCard';

/** What the page asks the card worker: draw this card, numbered so that stale answers are dropped. */
export interface CardRequest {
  readonly id: number;
  readonly input: CardInput;
}

export type CardResponse =
  | {
      readonly id: number;
      readonly ok: true;
      readonly svg: string;
      readonly headlineSize: number;
      /** Why the lead picture is not in the card, when the draft has one it could not load. */
      readonly imageNote?: string;
    }
  | { readonly id: number; readonly ok: false; readonly message: string };
