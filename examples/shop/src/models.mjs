/**
 * @module The shop's models, the one source of the schema: `sdb makemigrations` diffs them
 * against what the migration files already build. Orders link to their customer, order lines to
 * their order and product (record links, `record<…>` fields); a customer's orders are the
 * reverse of that link; a review is an edge, `customer->reviewed->product`, with its own stars.
 */
import { edge, f, model } from '@sdb/orm';

export const Customer = model(
  'customer',
  {
    name: f.string(),
    email: f.string().unique(),
    country: f.string(),
  },
  { schemafull: true, reverse: { orders: () => Order.via('customer') } },
);

export const Product = model(
  'product',
  {
    sku: f.string().unique(),
    name: f.string(),
    /** In cents: money in integers, never floats. */
    price: f.int(),
    stock: f.int().default(0),
  },
  { schemafull: true },
);

export const Order = model(
  'order',
  {
    customer: f.link(() => Customer),
    status: f.literal('open', 'paid', 'shipped'),
    placed: f.datetime().defaultNow(),
  },
  { schemafull: true },
);

export const OrderLine = model(
  'order_line',
  {
    order: f.link(() => Order),
    product: f.link(() => Product),
    quantity: f.int(),
    /** quantity × the product's price at the time, in cents. */
    amount: f.int(),
  },
  { schemafull: true },
);

/** `RELATE customer->reviewed->product`: the table is `TYPE RELATION IN customer OUT product`. */
export const Reviewed = edge(
  'reviewed',
  { from: () => Customer, to: () => Product },
  {
    /** 1 to 5. */
    stars: f.int(),
  },
  { schemafull: true },
);
