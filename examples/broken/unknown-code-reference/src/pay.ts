// Card payments. The old tracker called this PAY-99; an ID outside a tag is not a link.
// @implements PAY-1, PAY-7
export function payByCard(token: string, cents: number): { token: string; cents: number } {
  return { token, cents };
}
