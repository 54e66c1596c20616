import type { Money } from '../src/checkout/money';
import type { PaymentProvider, PaymentResult } from '../src/checkout/payment';
import type { Mailer } from '../src/checkout/confirmation';

export class FakeProvider implements PaymentProvider {
  lastOptions: { threeDSecure: boolean; timeoutMs: number } | undefined;

  constructor(private readonly answer: PaymentResult) {}

  async authorise(_token: string, _amount: Money, options: { threeDSecure: boolean; timeoutMs: number }): Promise<PaymentResult> {
    this.lastOptions = options;
    return this.answer;
  }
}

export class RecordingMailer implements Mailer {
  readonly sent: { to: string; subject: string; body: string }[] = [];

  async send(to: string, subject: string, body: string): Promise<void> {
    this.sent.push({ to, subject, body });
  }
}
