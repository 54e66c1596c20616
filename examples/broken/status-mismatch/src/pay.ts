// @implements PAY-1, PAY-3
export function pay(cents: number): boolean {
  return cents > 0;
}
