/**
 * Emitted for callbacks recorded for the first time, several per event under load (see
 * api/hooks/inbank/processing-trigger.ts); the plugin's subscriber processes them.
 */
export const CALLBACKS_RECORDED_EVENT = "inbank.callbacks.recorded"

export interface CallbacksRecordedData {
  ids: string[]
}
