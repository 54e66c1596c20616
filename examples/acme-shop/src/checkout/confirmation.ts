import type { Cart } from './cart';
import type { Money } from './money';

export interface Mailer {
  send(to: string, subject: string, body: string): Promise<void>;
}

export interface ConfirmationInput {
  email: string;
  cart: Cart;
  total: Money;
  address: string;
}

// @implements PAY-12
export async function sendOrderConfirmation(mailer: Mailer, input: ConfirmationInput): Promise<void> {
  const lines = input.cart.lines.map((line) => `${line.quantity} × ${line.title}`);
  const total = `${(input.total.cents / 100).toFixed(2)} ${input.total.currency}`;
  const body = [...lines, '', `Total: ${total}`, `Delivery to: ${input.address}`].join('\n');
  await mailer.send(input.email, 'Your Acme order', body);
}
