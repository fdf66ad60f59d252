/** Thrown (or returned as false) from a connect handler to refuse the client with a CONNECT_ERROR. */
export class ConnectionRefusedError extends Error {
    data;
    constructor(message = 'Connection rejected by server', 
    /** Sent to the client as the CONNECT_ERROR's `data`. */
    data) {
        super(message);
        this.data = data;
        this.name = 'ConnectionRefusedError';
    }
}
//# sourceMappingURL=types.js.map