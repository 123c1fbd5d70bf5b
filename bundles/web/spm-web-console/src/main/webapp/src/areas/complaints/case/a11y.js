// Accessible names Element Plus leaves out (axe-core "label" in browser suite 30): the page-size select of a pagination.
// `v-pager-label="text"` on an <el-pagination> names its inner select.
function apply(el, binding) {
  el.querySelectorAll('.el-pagination__sizes input').forEach(input => input.setAttribute('aria-label', binding.value));
}
export const vPagerLabel = { mounted: apply, updated: apply };
