/**
 * @module The shop's models, the one source of the schema: `sdb makemigrations` diffs them
 * against what the migration files already build. Orders link to their customer, order lines to
 * their order and product (record links, `record<…>` fields).
 */
import { f, model } from '@sdb/orm';

export const Customer = model(
  'customer',
  {
    name: f.string(),
    email: f.string().unique(),
    country: f.string(),
  },
  { schemafull: true },
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
