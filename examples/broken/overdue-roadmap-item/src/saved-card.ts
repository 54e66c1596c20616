// @implements PAY-2
export const savedCardsEnabled = true;
