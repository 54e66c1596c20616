// @implements PAY-1, PAY-2
export function pay(method: 'card' | 'invoice'): string {
  return method;
}
