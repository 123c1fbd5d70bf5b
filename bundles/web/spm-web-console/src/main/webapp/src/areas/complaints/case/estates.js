// Estate names for the case lists and details: the cases carry estateId only, so the names of the ids on the page are
// read once each (GET /estates/{id}, within the caller's scope) and kept for the session of the page.
import { reactive, watch } from 'vue';
import { api } from '../../../api.js';

const names = reactive({});
const companies = reactive({}); // company id → name, as the estates name their company
const asked = new Set();

export function estateName(id) {
  if (id == null) return '';
  return names[id] || `#${id}`;
}

export async function loadEstateNames(ids) {
  const wanted = [...new Set(ids.filter(id => id != null && !asked.has(id)))];
  wanted.forEach(id => asked.add(id));
  await Promise.all(wanted.map(async id => {
    try {
      const e = await api(`/estates/${id}`);
      names[id] = e.name;
      if (e.companyId != null && e.companyName) companies[e.companyId] = e.companyName;
    } catch {
      asked.delete(id); // out of scope or away: keep the id, ask again later
    }
  }));
}

/** The name of a company as an estate of it names it, else #id. */
export function companyName(id) {
  if (id == null) return '';
  return companies[id] || `#${id}`;
}

/** Keeps the names of the estates of `rows` (a ref of records with estateId) loaded. */
export function useEstateNames(rows) {
  watch(rows, list => loadEstateNames((list || []).map(r => r.estateId)), { immediate: true });
  return estateName;
}

/** For tests. */
export function forgetEstateNames() {
  asked.clear();
  for (const k of Object.keys(names)) delete names[k];
}
