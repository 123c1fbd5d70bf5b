// A form that posts to the API: `errors` holds the API's field errors next to the fields, `message` the problem's
// detail when no field is named. The code is shared with the portal (bundles/web/common/src/form.js).
export { useApiForm } from '@spm-common/form.js';
