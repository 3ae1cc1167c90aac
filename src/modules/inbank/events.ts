/** Emitted once per recorded (first-time) callback; the plugin's subscriber processes it. */
export const CALLBACK_RECEIVED_EVENT = "inbank.callback.received"
