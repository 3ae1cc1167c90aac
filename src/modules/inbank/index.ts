import { Module } from "@medusajs/framework/utils"
import InbankModuleService from "./service"

export const INBANK_MODULE = "inbank"

export default Module(INBANK_MODULE, {
  service: InbankModuleService,
})
