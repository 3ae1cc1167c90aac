import { Module } from "@medusajs/framework/utils"
import InbankModuleService from "./service"

export const INBANK_MODULE = "inbank"
export { CALLBACKS_RECORDED_EVENT, type CallbacksRecordedData } from "./events"

export default Module(INBANK_MODULE, {
  service: InbankModuleService,
})
