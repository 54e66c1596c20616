export interface OrderSummary {
  orderId: string;
  placedAt: Date;
  totalCents: number;
  currency: string;
  status: 'paid' | 'shipped' | 'delivered' | 'refunded';
}

export interface OrderRepository {
  forCustomer(customerId: string): Promise<OrderSummary[]>;
}

// @implements ACC-10
export async function orderHistory(orders: OrderRepository, customerId: string): Promise<OrderSummary[]> {
  const list = await orders.forCustomer(customerId);
  return [...list].sort((a, b) => b.placedAt.getTime() - a.placedAt.getTime());
}
