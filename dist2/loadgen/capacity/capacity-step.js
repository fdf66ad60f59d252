export {};
//# sourceMappingURL=capacity-step.js.map