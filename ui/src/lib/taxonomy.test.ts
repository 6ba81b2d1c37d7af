import { describe, expect, it } from 'vitest';
import type { CategoryName } from './backend';
import {
  isDirty,
  isValidId,
  removedCategories,
  rowsFromCategories,
  suggestId,
  toCategories,
  validateTaxonomy,
  type TaxonomyRow,
} from './taxonomy';

const SAVED: CategoryName[] = [
  { id: 'billing', name_en: 'Billing & invoices', name_zh: '账单与发票' },
  { id: 'shipping', name_en: 'Shipping & delivery', name_zh: '物流配送' },
  { id: 'spam_other', name_en: 'Spam & other', name_zh: '垃圾邮件及其他' },
];

function newRow(key: number, id: string, name_en = 'Name', name_zh = '名称'): TaxonomyRow {
  return { key, id, name_en, name_zh, isNew: true, idEdited: false };
}

const messages = (rows: TaxonomyRow[]) => validateTaxonomy(rows).map((p) => [p.key, p.field, p.message, p.params ?? null]);

describe('suggestId', () => {
  it('makes a lower-case a-z0-9_ id from the English name', () => {
    expect(suggestId('Warranty')).toBe('warranty');
    expect(suggestId('Warranty & repairs')).toBe('warranty_repairs');
    expect(suggestId('  B2B  orders!! ')).toBe('b2b_orders');
    expect(suggestId('Café – crème brûlée')).toBe('cafe_creme_brulee');
    expect(suggestId('VIP-Customers')).toBe('vip_customers');
  });

  it('falls back to "category" when nothing usable is left', () => {
    expect(suggestId('')).toBe('category');
    expect(suggestId('保修')).toBe('category');
    expect(suggestId('&&&')).toBe('category');
  });

  it('numbers the id when it is taken', () => {
    expect(suggestId('Billing', ['billing'])).toBe('billing_2');
    expect(suggestId('Billing', ['billing', 'billing_2'])).toBe('billing_3');
    expect(suggestId('保修', ['category'])).toBe('category_2');
  });

  it('keeps long names to a usable length without a trailing underscore', () => {
    const id = suggestId('Questions about the loyalty programme and the points you collect');
    expect(id.length).toBeLessThanOrEqual(40);
    expect(isValidId(id)).toBe(true);
    expect(id.endsWith('_')).toBe(false);
  });

  it('always suggests an id the backend accepts', () => {
    for (const name of ['Ünïcödé', 'a', '123', 'x y z', '__', 'Ω']) expect(isValidId(suggestId(name))).toBe(true);
  });
});

describe('validateTaxonomy', () => {
  it('accepts the saved taxonomy and new rows named in both languages', () => {
    expect(validateTaxonomy(rowsFromCategories(SAVED))).toEqual([]);
    expect(validateTaxonomy([...rowsFromCategories(SAVED), newRow(9, 'warranty', 'Warranty', '保修')])).toEqual([]);
  });

  it('needs at least two categories', () => {
    expect(messages(rowsFromCategories(SAVED.slice(0, 1)))).toEqual([[null, null, 'taxonomy.problem.tooFew', { n: 2 }]]);
    expect(messages([])).toEqual([[null, null, 'taxonomy.problem.tooFew', { n: 2 }]]);
  });

  it('allows only a-z, 0-9 and _ in ids, and an id at all', () => {
    const rows = [...rowsFromCategories(SAVED), newRow(7, 'Bad Id'), newRow(8, '  '), newRow(9, 'ok-ish')];
    expect(messages(rows)).toEqual([
      [7, 'id', 'taxonomy.problem.idInvalid', { id: 'Bad Id' }],
      [8, 'id', 'taxonomy.problem.idMissing', null],
      [9, 'id', 'taxonomy.problem.idInvalid', { id: 'ok-ish' }],
    ]);
  });

  it('finds an id used twice (after trimming), on the second use', () => {
    const rows = [...rowsFromCategories(SAVED), newRow(7, ' shipping ')];
    expect(messages(rows)).toEqual([[7, 'id', 'taxonomy.problem.idTwice', { id: 'shipping' }]]);
  });

  it('needs an English and a Chinese name (blank counts as missing)', () => {
    const rows = rowsFromCategories(SAVED);
    rows[0]!.name_en = '   ';
    rows[1]!.name_zh = '';
    expect(messages(rows)).toEqual([
      [1, 'name_en', 'taxonomy.problem.nameEn', { id: 'billing' }],
      [2, 'name_zh', 'taxonomy.problem.nameZh', { id: 'shipping' }],
    ]);
  });
});

describe('rows, dirtiness and removed categories', () => {
  it('is clean as loaded and after whitespace-only edits', () => {
    const rows = rowsFromCategories(SAVED);
    expect(isDirty(rows, SAVED)).toBe(false);
    rows[0]!.name_en = ' Billing & invoices ';
    expect(isDirty(rows, SAVED)).toBe(false);
  });

  it('is dirty after a rename, an addition, a removal or a new order', () => {
    const renamed = rowsFromCategories(SAVED);
    renamed[0]!.name_zh = '账单';
    expect(isDirty(renamed, SAVED)).toBe(true);
    expect(isDirty([...rowsFromCategories(SAVED), newRow(9, 'warranty')], SAVED)).toBe(true);
    expect(isDirty(rowsFromCategories(SAVED.slice(1)), SAVED)).toBe(true);
    expect(isDirty(rowsFromCategories([...SAVED].reverse()), SAVED)).toBe(true);
  });

  it('lists saved categories that were removed; a new row with the same id does not bring one back', () => {
    const rows = [rowsFromCategories(SAVED)[0]!, newRow(9, 'shipping')];
    expect(removedCategories(rows, SAVED).map((c) => c.id)).toEqual(['shipping', 'spam_other']);
  });

  it('sends trimmed ids and names, in order', () => {
    const rows = [...rowsFromCategories(SAVED.slice(0, 1)), newRow(5, ' warranty ', ' Warranty ', ' 保修 ')];
    expect(toCategories(rows)).toEqual([SAVED[0], { id: 'warranty', name_en: 'Warranty', name_zh: '保修' }]);
  });

  it('numbers rows from the first key', () => {
    expect(rowsFromCategories(SAVED, 10).map((r) => [r.key, r.isNew, r.idEdited])).toEqual([
      [10, false, false],
      [11, false, false],
      [12, false, false],
    ]);
  });
});
