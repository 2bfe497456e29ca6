/**
 * @module The shop's reports, each one query built by the ORM with every value bound: a filter
 * across a link, an aggregate per group (values + annotate), and a whole-table aggregate.
 */
import { Count, Max, Sum } from '@sdb/orm';
import { Order, OrderLine, Product } from './models.mjs';

/** Statuses of the orders placed by customers of `country` (the filter follows order.customer). */
export async function orderStatusesFrom(country) {
  const orders = await Order.objects.filter({ customer__country: country }).orderBy('status').values('status');
  return orders.map((order) => order.status);
}

/** Units sold and revenue per product name, best seller first. */
export async function salesByProduct() {
  const rows = await OrderLine.objects.values('product').annotate({ units: Sum('quantity'), revenue: Sum('amount') });
  const products = await Product.objects.all();
  const nameOf = new Map(products.map((product) => [String(product.id), product.name]));
  return rows.map((row) => ({ product: nameOf.get(String(row.product)), units: row.units, revenue: row.revenue })).sort((a, b) => b.revenue - a.revenue || a.product.localeCompare(b.product));
}

/** Every order line at once: how many, the total revenue, the largest line. */
export function totals() {
  return OrderLine.objects.aggregate({ lines: Count(), revenue: Sum('amount'), largest: Max('amount') });
}

/** Products out of stock (a lookup: stock__lte). */
export async function outOfStock() {
  const products = await Product.objects.filter({ stock__lte: 0 }).orderBy('name').values('name');
  return products.map((product) => product.name);
}
