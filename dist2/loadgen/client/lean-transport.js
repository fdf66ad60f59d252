export {};
//# sourceMappingURL=lean-transport.js.map