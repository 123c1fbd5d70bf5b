// The estates the signed-in account may file about (its scope: an owner the estates of their houses).
import { ref, onMounted } from 'vue';
import { page } from '../api.js';

export function useOwnEstates() {
  const estates = ref([]);
  const error = ref('');
  onMounted(async () => {
    try {
      estates.value = (await page('/estates', { size: 200, sort: 'name' })).items;
    } catch (e) {
      error.value = e.message;
    }
  });
  return { estates, error };
}

/** The form errors of the photos (`photos`, `photos[0].fileId`, …) as one text. */
export function photoErrors(errors) {
  return Object.entries(errors || {}).filter(([k]) => k === 'photos' || k.startsWith('photos[')).map(([, v]) => v).join('; ');
}
