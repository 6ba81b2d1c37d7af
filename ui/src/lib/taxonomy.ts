// The category editor's pure logic: rows being edited, an id suggested from the English name, and the
// backend's rules (crates/ai/src/taxonomy.rs `validate`) checked before anything is sent.
import type { CategoryName } from './backend';
import type { MessageKey } from './i18n/en';

/** One category as the editor holds it. */
export interface TaxonomyRow {
  /** Stable key for the list (ids can be typed over in new rows). */
  key: number;
  id: string;
  name_en: string;
  name_zh: string;
  /** Not saved yet: its id can still be chosen. Saved ids are on tickets and stay. */
  isNew: boolean;
  /** The agent typed the id: it no longer follows the English name. */
  idEdited: boolean;
}

export type TaxonomyField = 'id' | 'name_en' | 'name_zh';

export interface TaxonomyProblem {
  /** The row it is about; null for the whole list (too few categories). */
  key: number | null;
  field: TaxonomyField | null;
  message: MessageKey;
  params?: Record<string, string | number>;
}

export const MIN_CATEGORIES = 2;
const ID_PATTERN = /^[a-z0-9_]+$/;

export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/**
 * An id for a category called `nameEn`: lower case, a–z 0–9 and `_` ("Warranty & repairs" →
 * "warranty_repairs"), accents dropped; `category` when nothing is left; `_2`, `_3`… when taken.
 */
export function suggestId(nameEn: string, taken: Iterable<string> = []): string {
  const base =
    nameEn
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40)
      .replace(/_+$/, '') || 'category';
  const used = new Set(taken);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

export function rowsFromCategories(categories: readonly CategoryName[], firstKey = 1): TaxonomyRow[] {
  return categories.map((c, i) => ({
    key: firstKey + i,
    id: c.id,
    name_en: c.name_en,
    name_zh: c.name_zh,
    isNew: false,
    idEdited: false,
  }));
}

/** What is sent to `save_taxonomy`: ids and names trimmed, as the backend stores them. */
export function toCategories(rows: readonly TaxonomyRow[]): CategoryName[] {
  return rows.map((r) => ({ id: r.id.trim(), name_en: r.name_en.trim(), name_zh: r.name_zh.trim() }));
}

/** True when saving `rows` would change the stored taxonomy (order counts: pickers list in it). */
export function isDirty(rows: readonly TaxonomyRow[], saved: readonly CategoryName[]): boolean {
  const now = toCategories(rows);
  if (now.length !== saved.length) return true;
  return now.some((c, i) => {
    const was = saved[i];
    return !was || c.id !== was.id || c.name_en !== was.name_en.trim() || c.name_zh !== was.name_zh.trim();
  });
}

/** Saved categories the rows no longer have: their tickets keep the id and show it. */
export function removedCategories(rows: readonly TaxonomyRow[], saved: readonly CategoryName[]): CategoryName[] {
  const kept = new Set(rows.filter((r) => !r.isNew).map((r) => r.id));
  return saved.filter((c) => !kept.has(c.id));
}

/** Every reason the backend would refuse `rows`, in its order; empty when they can be saved. */
export function validateTaxonomy(rows: readonly TaxonomyRow[]): TaxonomyProblem[] {
  const problems: TaxonomyProblem[] = [];
  if (rows.length < MIN_CATEGORIES) {
    problems.push({ key: null, field: null, message: 'taxonomy.problem.tooFew', params: { n: MIN_CATEGORIES } });
  }
  const seen = new Set<string>();
  for (const row of rows) {
    const id = row.id.trim();
    if (id === '') {
      problems.push({ key: row.key, field: 'id', message: 'taxonomy.problem.idMissing' });
    } else if (!isValidId(id)) {
      problems.push({ key: row.key, field: 'id', message: 'taxonomy.problem.idInvalid', params: { id } });
    } else if (seen.has(id)) {
      problems.push({ key: row.key, field: 'id', message: 'taxonomy.problem.idTwice', params: { id } });
    }
    seen.add(id);
    const label = id || row.name_en.trim() || '…';
    if (row.name_en.trim() === '') {
      problems.push({ key: row.key, field: 'name_en', message: 'taxonomy.problem.nameEn', params: { id: label } });
    }
    if (row.name_zh.trim() === '') {
      problems.push({ key: row.key, field: 'name_zh', message: 'taxonomy.problem.nameZh', params: { id: label } });
    }
  }
  return problems;
}
