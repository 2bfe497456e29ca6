/**
 * @module The shop's seed data: three customers, four products, three orders with their lines,
 * and three reviews (edges, written with the relation manager), through the ORM (on its default
 * connection).
 */
import { Customer, Order, OrderLine, Product, Reviewed } from './models.mjs';

export async function seed() {
  const [ann, bob, chloe] = await Customer.objects.bulkCreate([
    { name: 'Ann', email: 'ann@example.com', country: 'UK' },
    { name: 'Bob', email: 'bob@example.com', country: 'US' },
    { name: 'Chloé', email: 'chloe@example.com', country: 'FR' },
  ]);
  const [mug, tee, cap, poster] = await Product.objects.bulkCreate([
    { sku: 'MUG-1', name: 'Mug', price: 1200, stock: 40 },
    { sku: 'TEE-1', name: 'T-shirt', price: 2500, stock: 25 },
    { sku: 'CAP-1', name: 'Cap', price: 1800, stock: 10 },
    { sku: 'PST-1', name: 'Poster', price: 900, stock: 0 },
  ]);
  const basket = async (customer, status, lines) => {
    const order = await Order.objects.create({ customer: customer.id, status });
    await OrderLine.objects.bulkCreate(lines.map(([product, quantity]) => ({ order: order.id, product: product.id, quantity, amount: quantity * product.price })));
    return order;
  };
  await basket(ann, 'paid', [[mug, 2], [tee, 1]]);
  await basket(bob, 'shipped', [[cap, 1], [mug, 1]]);
  await basket(ann, 'open', [[tee, 2]]);
  // RELATE ann->reviewed->mug, ann->reviewed->tee (one atomic RELATE each), then bob->reviewed->mug.
  await ann.related(Reviewed).add([mug, tee], { stars: 5 });
  await bob.related(Reviewed).add(mug, { stars: 3 });
  return { customers: 3, products: 4, orders: 3, reviews: 3, chloe };
}
