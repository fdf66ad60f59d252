/** Bumped when a field changes meaning or is removed (adding a field does not bump it). */
export const serverMetricsSchemaVersion = 1;
//# sourceMappingURL=metrics-json.js.map