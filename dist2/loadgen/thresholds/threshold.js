export {};
//# sourceMappingURL=threshold.js.map