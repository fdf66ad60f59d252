/**
 * The factory the engine uses: one CreateVirtualClient per client kind.
 */
import { LeanClient } from './lean-client.js';
import { OfficialClient } from './official-client.js';
function createLean(options, handlers) {
    return new LeanClient(options, handlers);
}
function createOfficial(options, handlers) {
    return new OfficialClient(options, handlers);
}
/** Returns the constructor function for a client kind. */
export function createClient(kind) {
    switch (kind) {
        case 'lean':
            return createLean;
        case 'official':
            return createOfficial;
    }
}
//# sourceMappingURL=create-client.js.map