/**
 * @module The shop's reports, each built by the ORM with every value bound: a filter across a
 * link, an aggregate per group (values + annotate), a whole-table aggregate, a reverse relation
 * prefetched, a walk along an edge (the relation manager) and a lookup through an edge.
 */
import { Avg, Count, Max, Sum } from '@sdb/orm';
import { Customer, Order, OrderLine, Product, Reviewed } from './models.mjs';

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

/** How many orders each customer placed: the reverse of order.customer, prefetched (2 queries in all). */
export async function ordersPerCustomer() {
  const customers = await Customer.objects.orderBy('name').prefetchRelated('orders').all();
  return Object.fromEntries(customers.map((customer) => [customer.name, customer.orders.length]));
}

/** Who reviewed the product with `sku` (walking the reviewed edges into it), and its average stars. */
export async function reviewsOf(sku) {
  const product = await Product.objects.get({ sku });
  const reviewers = await product.related(Reviewed, { direction: 'in' }).objects().orderBy('name').values('name');
  const { stars } = await Reviewed.objects.filter({ out: product.id }).aggregate({ stars: Avg('stars') });
  return { product: product.name, reviewers: reviewers.map((customer) => customer.name), stars };
}

/** Names of the customers who reviewed a product of `name` (a lookup through the edge: reviewed__out__name). */
export async function reviewersOfProductNamed(name) {
  const customers = await Customer.objects.filter({ reviewed__out__name: name }).orderBy('name').values('name');
  return customers.map((customer) => customer.name);
}
