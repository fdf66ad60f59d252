export {};
//# sourceMappingURL=ids.js.map