import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { InbankProviderService } from "./service"

export default ModuleProvider(Modules.PAYMENT, {
  services: [InbankProviderService],
})
