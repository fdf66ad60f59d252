/** Why a connect attempt failed. */
export class ClientConnectError extends Error {
    kind;
    data;
    constructor(
    /** 'connect_error' (the server refused: CONNECT_ERROR), 'transport' (HTTP/websocket failure), 'timeout', 'protocol'. */
    kind, message, 
    /** The CONNECT_ERROR's data, when the server sent some. */
    data) {
        super(message);
        this.kind = kind;
        this.data = data;
        this.name = 'ClientConnectError';
    }
}
//# sourceMappingURL=virtual-client.js.map