// @implements PAY-1, PAY-4
export function pay(cents: number): boolean {
  return cents > 0;
}
