/** Bumped on any incompatible change; readers refuse versions they do not know. */
export const RUN_RESULT_VERSION = 1;
//# sourceMappingURL=run-result.js.map