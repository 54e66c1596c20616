import type { CardToken } from '../checkout/payment';

export interface SavedCards {
  defaultCard(customerId: string): Promise<CardToken | undefined>;
  save(customerId: string, card: CardToken, consent: boolean): Promise<void>;
  remove(customerId: string, token: string): Promise<void>;
}

// @implements ACC-6
export class InMemorySavedCards implements SavedCards {
  private readonly cards = new Map<string, CardToken[]>();

  async defaultCard(customerId: string): Promise<CardToken | undefined> {
    return this.cards.get(customerId)?.[0];
  }

  async save(customerId: string, card: CardToken, consent: boolean): Promise<void> {
    // Cards are only kept with the customer's explicit consent (the unticked-by-default box).
    if (!consent) return;
    this.cards.set(customerId, [...(this.cards.get(customerId) ?? []), card]);
  }

  async remove(customerId: string, token: string): Promise<void> {
    this.cards.set(customerId, (this.cards.get(customerId) ?? []).filter((card) => card.token !== token));
  }
}
