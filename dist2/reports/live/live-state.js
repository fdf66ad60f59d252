export {};
//# sourceMappingURL=live-state.js.map