/** The environment variable that tells a forked worker its index (1-based), which names it in metrics. */
export const WORKER_INDEX_ENV = 'SIO_BENCH_WORKER_INDEX';
/** The name of worker `index` in metrics and messages: 'worker-1', 'worker-2', ... */
export function workerName(index) {
    return `worker-${index}`;
}
/** The name of the primary process in metrics. */
export const PRIMARY_NAME = 'primary';
const workerToPrimaryTypes = new Set(['sio-bench:worker-ready', 'sio-bench:metrics']);
const primaryToWorkerTypes = new Set(['sio-bench:metrics-request', 'sio-bench:shutdown']);
/** Is `message` (anything that came over IPC) one of ours from a worker? Others belong to sticky or the adapter. */
export function isWorkerToPrimaryMessage(message) {
    return hasType(message) && workerToPrimaryTypes.has(message.type);
}
/** Is `message` one of ours from the primary? */
export function isPrimaryToWorkerMessage(message) {
    return hasType(message) && primaryToWorkerTypes.has(message.type);
}
function hasType(message) {
    return typeof message === 'object' && message !== null && typeof message.type === 'string';
}
//# sourceMappingURL=cluster-messages.js.map