// Worked examples of the commission arithmetic, as pure functions: each line is a sum a person
// can check by hand.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addMonths,
  commissionStatus,
  leadCommission,
  percentOf,
  reversedTarget,
  ruleApplies,
  saleCommission,
  saleCommissionLines,
  type Rule,
} from '../src/domain/commissions.ts';

const rule = (r: Partial<Rule> & Pick<Rule, 'type'>): Rule => ({
  id: 1,
  basisPoints: null,
  amount: null,
  productSku: null,
  recurringMonths: null,
  ...r,
});
const at = Date.parse('2030-01-31T12:00:00.000Z');
const firstSale = (amount: number, items: Array<{ sku: string; amount: number }> = []) => ({ amount, items, at, subscriptionStartedAt: null });

describe('percent of sale', () => {
  it('rounds half up in integer math', () => {
    assert.equal(percentOf(10000, 1250), 1250); // 12.5 % of 100.00 = 12.50
    assert.equal(percentOf(1999, 1250), 250); // 249.875 → 250
    assert.equal(percentOf(1004, 1250), 126); // 125.5 → 126 (half up)
    assert.equal(percentOf(1003, 1250), 125); // 125.375 → 125
    assert.equal(percentOf(1, 5000), 1); // 0.5 → 1
    assert.equal(percentOf(1, 4999), 0); // 0.4999 → 0
    assert.equal(percentOf(100_000_000_000, 10000), 100_000_000_000); // the largest amount at 100 %: exact
    assert.throws(() => percentOf(1.5, 100), RangeError);
  });

  it('applies the default percentage to the whole sale', () => {
    const rules = [rule({ type: 'percent_of_sale', basisPoints: 800 })];
    assert.equal(saleCommission(rules, firstSale(4999)), 400); // 8 % of 49.99 = 3.9992 → 4.00
  });
});

describe('flat rules', () => {
  it('flat per sale pays the same whatever the amount', () => {
    const rules = [rule({ type: 'flat_per_sale', amount: 15000 })];
    assert.equal(saleCommission(rules, firstSale(1)), 15000);
    assert.equal(saleCommission(rules, firstSale(987654)), 15000);
  });

  it('flat per lead pays on leads only, and sale rules add up', () => {
    const rules = [
      rule({ id: 1, type: 'flat_per_lead', amount: 1500 }),
      rule({ id: 2, type: 'flat_per_sale', amount: 500 }),
      rule({ id: 3, type: 'percent_of_sale', basisPoints: 1000 }),
    ];
    assert.equal(leadCommission(rules), 1500);
    assert.equal(saleCommission(rules, firstSale(20000)), 500 + 2000);
    assert.equal(leadCommission([rule({ type: 'percent_of_sale', basisPoints: 100 })]), 0);
  });
});

describe('per-product overrides', () => {
  const rules = [
    rule({ id: 1, type: 'percent_of_sale', basisPoints: 1250 }),
    rule({ id: 2, type: 'flat_per_sale', amount: 2500, productSku: 'GRINDER-PRO' }),
    rule({ id: 3, type: 'percent_of_sale', basisPoints: 500, productSku: 'BEANS-BULK' }),
  ];

  it('each overridden item earns its own rule; the rest share the default once', () => {
    // 30.00 beans at 12.5 % + 10.03 mug at 12.5 % → 12.5 % of 40.03 = 5.00375 → 5.00 (rounded once)
    // grinder 189.00 → flat 25.00; bulk beans 80.00 at 5 % → 4.00
    const lines = saleCommissionLines(
      rules,
      firstSale(30900 + 0, [
        { sku: 'BEANS-1KG', amount: 3000 },
        { sku: 'GRINDER-PRO', amount: 18900 },
        { sku: 'MUG', amount: 1003 },
        { sku: 'BEANS-BULK', amount: 8000 },
      ]),
    );
    assert.deepEqual(
      lines.map((l) => [l.ruleId, l.sku, l.base, l.amount]),
      [
        [2, 'GRINDER-PRO', 18900, 2500],
        [3, 'BEANS-BULK', 8000, 400],
        [1, null, 4003, 500],
      ],
    );
    assert.equal(saleCommission(rules, firstSale(30903, [
      { sku: 'BEANS-1KG', amount: 3000 },
      { sku: 'GRINDER-PRO', amount: 18900 },
      { sku: 'MUG', amount: 1003 },
      { sku: 'BEANS-BULK', amount: 8000 },
    ])), 3400);
  });

  it('without items, or with only unknown SKUs, the default applies to the whole amount', () => {
    assert.equal(saleCommission(rules, firstSale(18900)), 2363); // 12.5 % of 189.00 = 23.625 → 23.63
    assert.equal(saleCommission(rules, firstSale(18900, [{ sku: 'OTHER', amount: 18900 }])), 2363);
  });

  it('an order of only overridden items pays no default flat fee', () => {
    const withFlat = [...rules, rule({ id: 4, type: 'flat_per_sale', amount: 100 })];
    assert.equal(saleCommission(withFlat, firstSale(18900, [{ sku: 'GRINDER-PRO', amount: 18900 }])), 2500);
    assert.equal(saleCommission(withFlat, firstSale(19000, [{ sku: 'GRINDER-PRO', amount: 18900 }, { sku: 'X', amount: 100 }])), 2500 + 13 + 100);
  });
});

describe('recurring', () => {
  const started = Date.parse('2030-01-15T10:00:00.000Z');
  const rules = [
    rule({ id: 1, type: 'percent_of_sale', basisPoints: 1250, recurringMonths: 12 }),
    rule({ id: 2, type: 'flat_per_sale', amount: 300 }), // first sale only
  ];
  const renewal = (when: number) => ({ amount: 4000, items: [], at: when, subscriptionStartedAt: started });

  it('a first sale earns under every sale rule', () => {
    assert.equal(saleCommission(rules, { amount: 4000, items: [], at: started, subscriptionStartedAt: null }), 500 + 300);
  });

  it('a renewal earns only recurring rules, within N months of the first sale', () => {
    assert.equal(saleCommission(rules, renewal(addMonths(started, 1))), 500); // month 2: 12.5 % of 40.00, no flat
    assert.equal(saleCommission(rules, renewal(addMonths(started, 11))), 500); // the 12th payment
    assert.equal(saleCommission(rules, renewal(addMonths(started, 12) - 1)), 500);
    assert.equal(saleCommission(rules, renewal(addMonths(started, 12))), 0); // the 13th payment: after 12 months
    assert.equal(saleCommission(rules, renewal(addMonths(started, 30))), 0);
  });

  it('adds calendar months in UTC, clamping the day', () => {
    assert.equal(new Date(addMonths(Date.parse('2030-01-31T08:00:00Z'), 1)).toISOString(), '2030-02-28T08:00:00.000Z');
    assert.equal(new Date(addMonths(Date.parse('2031-12-31T00:00:00Z'), 2)).toISOString(), '2032-02-29T00:00:00.000Z');
    assert.equal(new Date(addMonths(Date.parse('2030-11-15T00:00:00Z'), 12)).toISOString(), '2031-11-15T00:00:00.000Z');
  });

  it('ruleApplies never lets a lead rule pay on a sale', () => {
    assert.equal(ruleApplies(rule({ type: 'flat_per_lead', amount: 1 }), { at, subscriptionStartedAt: null }), false);
  });
});

describe('refunds reverse proportionally', () => {
  it('targets round(commission × refunded / amount), cumulative', () => {
    // 12.50 commission on a 100.00 sale: refund 33.33, then 33.33, then the rest
    assert.equal(reversedTarget(1250, 3333, 10000), 417); // 416.625 → 417
    assert.equal(reversedTarget(1250, 6666, 10000), 833); // 833.25 → 833; this refund reverses 833 − 417 = 416
    assert.equal(reversedTarget(1250, 10000, 10000), 1250); // the last reverses exactly what is left: 417
    assert.equal(reversedTarget(1, 1, 2), 1); // 0.5 → 1
    assert.equal(reversedTarget(100_000_000_000, 99_999_999_999, 100_000_000_000), 99_999_999_999); // BigInt: exact
    assert.throws(() => reversedTarget(100, 11, 10), RangeError);
  });
});

describe('status', () => {
  it('is pending, then available, then paid; reversed when nothing is left', () => {
    const c = { amount: 1000, reversed: 0, paid: 0, availableAt: 100 };
    assert.equal(commissionStatus(c, 99), 'pending');
    assert.equal(commissionStatus(c, 100), 'available');
    assert.equal(commissionStatus({ ...c, paid: 400 }, 100), 'available');
    assert.equal(commissionStatus({ ...c, paid: 1000 }, 100), 'paid');
    assert.equal(commissionStatus({ ...c, reversed: 600, paid: 400 }, 100), 'paid');
    assert.equal(commissionStatus({ ...c, reversed: 1000 }, 50), 'reversed');
  });
});
