// @implements PAY-1, PAY-9
export function pay(cents: number): boolean {
  return cents > 0;
}
