// @implements PAY-1@2
export function pay(): void {}
