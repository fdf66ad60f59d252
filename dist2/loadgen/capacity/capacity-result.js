/** Bumped on any incompatible change. */
export const CAPACITY_RESULT_VERSION = 1;
//# sourceMappingURL=capacity-result.js.map