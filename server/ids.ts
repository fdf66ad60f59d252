/** A Socket.IO session id (the id of one client's connection to one namespace). */
export type Sid = string;
/** A room name. Every client is also in the room named after its own sid. */
export type RoomName = string;
/** A namespace name, starting with '/'. The default namespace is '/'. */
export type NamespaceName = string;
/** The global index of a simulated client in a scenario's population (0-based, unique across shards). */
export type ClientIndex = number;
