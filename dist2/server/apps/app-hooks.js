export {};
//# sourceMappingURL=app-hooks.js.map