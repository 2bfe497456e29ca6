// Lookup keys, values and misspellings: each line marked `// TSxxxx` must fail with that code.
import { Q } from '../../src/index.ts';
import { Worker } from '../chain.ts';
import { Person } from '../models.ts';

export function lookups() {
  void Person.objects.filter({ agee: 3 }); // TS2322
  void Person.objects.filter({ age__gtee: 3 }); // TS2322
  void Person.objects.filter({ age__istartswith: '3' }); // TS2322
  void Person.objects.filter({ age__match: 'x' }); // TS2322
  void Person.objects.filter({ age__gte: 'eighteen' }); // TS2322
  void Person.objects.filter({ name__in: 'Ann' }); // TS2322
  void Person.objects.filter({ company__gte: 3 }); // TS2322
  void Person.objects.filter({ company__city: 'Paris' }); // TS2322
  void Person.objects.filter({ meta__plan: 'gold' }); // TS2322
  void Person.objects.exclude({ emial__endswith: '.test' }); // TS2322
  void Person.objects.get({ emial: 'ann@x.io' }); // TS2322
  void Worker.objects.filter({ office__city__countryy__name: 'x' }); // TS2322
  void Worker.objects.filter({ office__city__country__planet__name: 'Earth' }); // TS2322
  void Person.objects.filter(Q.or({ age__lt: 18 }, Q.not({ company__name__icontainss: 'acme' }))); // TS2345
  void Person.objects.orderBy('-agee'); // TS2345
  void Person.objects.values('agee'); // TS2345
  void Person.objects.update({ name: 'Ann', nmae: 'x' }); // TS2353
}
