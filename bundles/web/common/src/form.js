// A form that posts to the API (issue 13): `errors` holds the API's field errors (problem+json `errors[]`) for the form
// items (`<el-form-item :error="errors.field">`), `message` the problem's detail when no field is named.
import { ref } from 'vue';
import { ApiError } from './api.js';

export function useApiForm() {
  const errors = ref({});
  const message = ref('');
  const busy = ref(false);

  /** Runs `action`; on an ApiError fills errors/message and resolves to undefined; otherwise to the action's result. */
  async function submit(action) {
    errors.value = {};
    message.value = '';
    busy.value = true;
    try {
      return await action();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      errors.value = e.fields;
      message.value = Object.keys(e.fields).length ? (e.fields._ || '') : e.message;
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  return { errors, message, busy, submit };
}
