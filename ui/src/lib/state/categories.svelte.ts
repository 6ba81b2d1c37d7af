// Category names of the workspace (from the backend's taxonomy), shown in the UI's language.
import type { CategoryName } from '../backend';
import { i18n, type Locale } from '../i18n/index.svelte';

let names = $state<Record<string, CategoryName>>({});
let ordered = $state.raw<CategoryName[]>([]);

export function setCategories(categories: CategoryName[]): void {
  names = Object.fromEntries(categories.map((c) => [c.id, c]));
  ordered = categories;
}

/** The workspace's categories in taxonomy order. */
export function categoryList(): CategoryName[] {
  return ordered;
}

/** The category's name in the current language; an id the taxonomy does not know shows as it is. */
export function categoryLabel(id: string): string {
  return categoryName(id, i18n.locale);
}

/** The category's name in `locale` (the palette matches English names in any language). */
export function categoryName(id: string, locale: Locale): string {
  const known = names[id];
  if (!known) return id;
  return locale === 'zh-CN' ? known.name_zh : known.name_en;
}
